// The worker as its own process, so the bench can read its memory apart from the load generator.
import fs from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { openDatabase } from '../activities/db';
import { createWorker } from '../worker';

async function main(): Promise<void> {
  const database = await openDatabase();
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const bundle = process.env.WORKFLOW_BUNDLE ? { code: fs.readFileSync(process.env.WORKFLOW_BUNDLE, 'utf8') } : undefined;
  const worker = await createWorker({ connection, db: database.db, taskQueue: process.env.TASK_QUEUE, workflowBundle: bundle });
  process.on('SIGTERM', () => worker.shutdown());
  process.send?.('ready');
  await worker.run();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
