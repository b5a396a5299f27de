// The notification dispatcher: one long-lived workflow per namespace that fans the outbox out and
// keeps up to `concurrency` deliveries in flight. Backoff between failed attempts lives on the
// delivery rows (next_attempt_at), so a webhook that is down for hours holds no slot meanwhile;
// Temporal retries an attempt whose worker died or whose database call failed.
import { condition, continueAsNew, log, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { DeliveryActivities, DispatchOptions } from '../activities/delivery/types';

// A long-lived loop: it starts a fresh run (continue-as-new) before its history grows heavy.
const DEFAULTS: Required<DispatchOptions> = { pollMs: 2000, batch: 200, concurrency: 32, heartbeatTimeout: '10 seconds', historyLimit: 5000 };

export async function dispatcherWorkflow(options: DispatchOptions = {}): Promise<void> {
  const o = { ...DEFAULTS, ...options };
  const io = proxyActivities<DeliveryActivities>({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: o.heartbeatTimeout,
    // Only a crashed worker or an unreachable database gets here: a refused send is recorded, not thrown.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  const inFlight = new Set<string>();
  const run = (id: string) => {
    inFlight.add(id);
    // Only a delivery row that vanished ends here: it is logged, and must not fail the dispatcher.
    void io.deliver(id).catch((err) => log.warn('delivery abandoned', { id, error: String(err) })).then(() => { inFlight.delete(id); });
  };

  for (;;) {
    const draining = workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > o.historyLimit;
    if (draining) {
      // In-flight attempts finish in this run, so the next run never sends one of them a second time.
      await condition(() => inFlight.size === 0);
      await continueAsNew<typeof dispatcherWorkflow>(options);
    }
    const free = o.concurrency - inFlight.size;
    const tick = await io.dispatchTick({ batch: o.batch, inFlight: [...inFlight], limit: Math.max(0, free) });
    for (const id of tick.due) run(id);
    // More is waiting when a batch came back full: go on at once.
    if (tick.fannedOut >= o.batch || (tick.due.length > 0 && tick.due.length >= free)) {
      if (inFlight.size >= o.concurrency) await condition(() => inFlight.size < o.concurrency);
      continue;
    }
    await sleep(o.pollMs);
  }
}
