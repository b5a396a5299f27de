// The worker: runs suggestion workflows and their activities against one database.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUE } from './schema/case';
import { createActivities } from './activities';
import { createBulletinActivities } from './activities/bulletin';
import { ensureBulletinSchedule } from './activities/bulletin/schedule';
import { createDeliveryActivities } from './activities/delivery';
import { ensureDispatcher } from './activities/delivery/dispatcher-client';
import type { DeliveryConfig } from './activities/delivery/config';
import { openDatabase, type Db } from './activities/db';

export interface WorkerDeps {
  connection: NativeConnection;
  db: Db;
  namespace?: string;
  taskQueue?: string;
  /** Tests and benches bundle the workflow code once and hand it to every worker. */
  workflowBundle?: { code: string };
  maxCachedWorkflows?: number;
  /** SMTP and retry settings of notification delivery; from the environment when left out. */
  delivery?: DeliveryConfig;
}

/**
 * Modules that every workflow of the worker's shared V8 context uses as one copy instead of
 * evaluating its own (every bundle gets them as `preloadModules`): the command schemas (see
 * workflows/suggestion/schemas.ts) and constant tables. They keep no per-workflow state.
 */
export const WORKFLOW_PRELOAD_MODULES = ['./workflows/suggestion/schemas', './schema/steps', './schema/case'].map((m) => require.resolve(m));

export function workerOptions(d: WorkerDeps): WorkerOptions {
  return {
    connection: d.connection,
    namespace: d.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: d.taskQueue ?? TASK_QUEUE,
    activities: { ...createActivities(d.db), ...createBulletinActivities(d.db), ...createDeliveryActivities(d.db, d.delivery) },
    ...(d.workflowBundle ? { workflowBundle: d.workflowBundle }
      : { workflowsPath: require.resolve('./workflows'), bundlerOptions: { preloadModules: WORKFLOW_PRELOAD_MODULES } }),
    // Open cases wait months on timers, and a cached one costs ~0.5 MB of RSS (1,000 cached: +500 MB):
    // keep few, so 10,000 open cases fit in 600 MB; an evicted case replays its short (compacted) history when it wakes.
    maxCachedWorkflows: d.maxCachedWorkflows ?? Number(process.env.HUYING_MAX_CACHED_WORKFLOWS ?? 250),
  };
}

export const createWorker = (d: WorkerDeps) => Worker.create(workerOptions(d));

async function main(): Promise<void> {
  const { connectionOptionsFromEnv } = await import('./scripts/temporal');
  const opts = connectionOptionsFromEnv();
  if (!opts) throw new Error('TEMPORAL_ADDRESS is not set; `npm start` runs an embedded server and worker together');
  const database = await openDatabase();
  const connection = await NativeConnection.connect(opts);
  const worker = await createWorker({ connection, db: database.db, namespace: opts.namespace });
  const { Client, Connection } = await import('@temporalio/client');
  const client = new Client({ connection: await Connection.connect(opts), namespace: opts.namespace });
  await ensureBulletinSchedule(client);
  await ensureDispatcher(client);
  await worker.run();
  await database.close();
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
