// The embedded default: with no DATABASE_URL the product runs on PGlite in a folder, migrations and
// all, and a case driven through the workflow lands in it — and is still there after a reopen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../activities/db';
import { CaseClient } from '../api/case-client';
import { congresses, suggestions, caseEvents, calendarDays } from '../schema/tables';
import { workerOptions } from '../worker';
import { BUNDLE_PATH } from './support/paths';
import { timeSkippingEnv } from './support/temporal-env';
import { caseInput, deputy, unit, SECRETARIAT } from './support/harness';
import { quietTemporal } from './support/quiet';

quietTemporal();

let env: TestWorkflowEnvironment;
let dir: string;
beforeAll(async () => {
  env = await timeSkippingEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huying-pglite-'));
});
afterAll(async () => {
  await env?.teardown();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a case runs end to end on PGlite and survives a reopen', async () => {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  let db: Database = await openDatabase({ dataDir: dir });
  if (saved) process.env.DATABASE_URL = saved;
  expect(db.kind).toBe('pglite');
  await db.db.insert(congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  const taskQueue = 'pglite-smoke';
  const worker = await Worker.create(workerOptions({ connection: env.nativeConnection, db: db.db, taskQueue, workflowBundle: { code: fs.readFileSync(BUNDLE_PATH, 'utf8') } }));
  const cases = new CaseClient(env.client, taskQueue);
  const input = caseInput({ submitNow: true });
  await worker.runUntil(async () => {
    await cases.start(input);
    await cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
    await cases.command(input.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });
    await cases.command(input.id, 'reply', unit('MCA'), { resultClass: 'A', body: '已解决', signedBy: '张三' });
    await cases.command(input.id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' });
  });
  await db.close();

  db = await openDatabase({ dataDir: dir });
  const [row] = await db.db.select().from(suggestions).where(eq(suggestions.id, input.id));
  expect(row).toMatchObject({ status: 'closed', resultClass: 'A', satisfaction: 'satisfied' });
  const events = await db.db.select().from(caseEvents).where(eq(caseEvents.suggestionId, input.id));
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'accepted', 'assigned', 'replied', 'evaluated', 'closed']));
  // The statutory calendar was seeded once, not again on reopen.
  const spring = await db.db.select().from(calendarDays).where(eq(calendarDays.date, '2026-02-14'));
  expect(spring).toEqual([expect.objectContaining({ congressId: '*', kind: 'workday' })]);
  await db.close();
});
