// What the dispatcher workflow asks of its activities, and how it is tuned. Shared by the workflow
// (type-only import) and the activities.
import type { Duration } from '@temporalio/common';

export interface TickResult {
  /** Outbox messages fanned out into deliveries by this tick. */
  fannedOut: number;
  /** Daily digests opened (their day is over) by this tick. */
  digestsOpened: number;
  /** E-mail and webhook deliveries due to be sent now, oldest first, without those already in flight. */
  due: string[];
}

export interface DeliverResult {
  id: string;
  /** sent; retrying (a later tick picks it up after its backoff); failed, skipped or not_configured (final). */
  status: string;
}

export interface DeliveryActivities {
  /** Fans pending outbox messages out, opens digests whose day is over, and lists due deliveries. */
  dispatchTick(input: { batch: number; inFlight: string[]; limit: number }): Promise<TickResult>;
  /** One attempt at one e-mail or webhook delivery; records the outcome before it returns. */
  deliver(id: string): Promise<DeliverResult>;
}

export interface DispatchOptions {
  /** How often an idle dispatcher looks at the outbox. */
  pollMs?: number;
  /** Outbox messages fanned out per tick. */
  batch?: number;
  /** Deliveries being sent at once. */
  concurrency?: number;
  /** A delivery attempt whose worker stops heartbeating for this long is tried again elsewhere. */
  heartbeatTimeout?: Duration;
  /** Events after which the dispatcher continues as a new run (bounded history). */
  historyLimit?: number;
}
