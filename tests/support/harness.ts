// A real worker on a real Temporal test server against a real PostgreSQL database, per suite.
import fs from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { CaseClient } from '../../api/case-client';
import { workerOptions } from '../../worker';
import type { CaseInput } from '../../schema/case';
import { nationalProfile, type Profile } from '../../schema/profile';
import type { Actor } from '../../schema/commands';
import { congresses } from '../../schema/tables';
import { BUNDLE_PATH } from './paths';
import { quietTemporal } from './quiet';
import { freshDatabase, type TestDatabase } from './pg';
import { devServerEnv, timeSkippingEnv } from './temporal-env';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  cases: CaseClient;
  taskQueue: string;
  worker: Worker;
  /** Starts a fresh worker (after `stopWorker`), as a restarted process would. */
  restartWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  teardown(): Promise<void>;
}

export async function harness(label: string, kind: 'time-skipping' | 'dev' = 'time-skipping'): Promise<Harness> {
  quietTemporal();
  const env = kind === 'time-skipping' ? await timeSkippingEnv() : await devServerEnv();
  const db = await freshDatabase(label);
  await db.db.insert(congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  const taskQueue = `q-${label}-${Math.random().toString(36).slice(2, 8)}`;
  const code = fs.readFileSync(BUNDLE_PATH, 'utf8');
  let worker!: Worker;
  let running: Promise<void> = Promise.resolve();
  const startWorker = async () => {
    worker = await Worker.create(workerOptions({ connection: env.nativeConnection, db: db.db, taskQueue, workflowBundle: { code }, namespace: env.namespace ?? 'default' }));
    running = worker.run();
    h.worker = worker;
  };
  const stopWorker = async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  };
  const h: Harness = {
    env, db, taskQueue, worker, cases: new CaseClient(env.client, taskQueue),
    restartWorker: startWorker,
    stopWorker,
    async teardown() {
      await stopWorker();
      await env.teardown();
      await db.drop();
    },
  };
  await startWorker();
  return h;
}

export const SECRETARIAT: Actor = { role: 'secretariat', id: 'u-sec-1', name: '秘书处' };
export const deputy = (id: string): Actor => ({ role: 'deputy', id: `u-${id}`, deputyId: id });
export const unit = (id: string): Actor => ({ role: 'unit', id: `u-${id}`, unitId: id });

let seq = 0;
export function caseInput(over: Partial<CaseInput> = {}, profile: Profile = nationalProfile): CaseInput {
  seq += 1;
  return {
    id: `t${Date.now().toString(36)}${seq}`,
    congressId: 'npc14',
    title: '关于加强农村养老服务体系建设的建议',
    body: '现状与问题……具体建议：一是……二是……',
    categoryCode: 'SOC',
    cosignerIds: [],
    proposedUnitIds: [],
    source: 'session',
    leadDeputyId: 'd1',
    profile,
    profileVersion: 1,
    ...over,
  };
}
