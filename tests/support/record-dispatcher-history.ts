// Records a history of the notification dispatcher for the replay test:
// `npx tsx tests/support/record-dispatcher-history.ts`. One whole run: fan-out, e-mail and webhook
// deliveries, a failure retried after its backoff, and the continue-as-new that ends the run.
// Keeps an existing file, so the dispatcher running at a deploy keeps replaying.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ensureDispatcher, DISPATCHER_ID } from '../../activities/delivery/dispatcher-client';
import { webhooks } from '../../schema/tables-delivery';
import globalSetup from './global-setup';
import { harness } from './harness';
import { startSmtp } from './smtp';
import { startWebhookReceiver } from './webhook-receiver';
import { putMessage, seedPeople, settled } from './delivery';

const FILE = path.resolve(__dirname, '../histories/dispatcher.json');

async function main(): Promise<void> {
  if (fs.existsSync(FILE)) return console.log('kept dispatcher.json');
  await globalSetup();
  const smtp = await startSmtp();
  const rx = await startWebhookReceiver();
  Object.assign(process.env, { HUYING_SMTP_URL: smtp.url, HUYING_DELIVERY_RETRY_MS: '300' });
  const h = await harness('record-dispatcher', 'dev');
  try {
    const db = h.db.db;
    await seedPeople(db, [{ id: 'u-mca', role: 'unit', unitId: 'MCA', email: 'mca@example.cn' }, { id: 'u-d1', role: 'deputy', deputyId: 'd1', email: 'd1@example.cn', digest: true }]);
    await db.insert(webhooks).values({ id: 'wh', congressId: 'npc14', name: '系统', recipientType: 'unit', recipientId: 'MCA', format: 'json', url: `${rx.base}/h`, secret: 'whsec_x' });
    const { firstExecutionRunId: runId } = await ensureDispatcher(h.env.client, { taskQueue: h.taskQueue, options: { pollMs: 200, historyLimit: 120 } });
    rx.failNext('/h', 1, 503);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await putMessage(db, { recipientType: 'unit', recipientId: 'MCA' })).id);
    ids.push((await putMessage(db, { recipientType: 'deputy', recipientId: 'd1', createdAt: new Date('2025-11-30T15:00:00Z') })).id);
    await settled(db, ids);
    const handle = h.env.client.workflow.getHandle(DISPATCHER_ID, runId);
    for (let i = 0; i < 600 && (await handle.describe()).status.name === 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 200));
    fs.writeFileSync(FILE, historyToJSON(await handle.fetchHistory()));
    console.log('recorded dispatcher.json');
  } finally {
    await h.teardown();
    await smtp.close();
    await rx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
