// bench/intake: N cases started and driven to "assigned" on the dev server, next to a no-op
// workflow receiving the same updates on the same server in the same run; and the worker's memory.
//   npm run bench:intake -- --n 9203 --lanes 64
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { benchDatabase, bundleToFile } from './support';
import { CaseClient } from '../api/case-client';
import { nationalProfile } from '../schema/profile';
import type { Actor } from '../schema/commands';
import { startDevServer } from '../scripts/temporal';
import { openDatabase } from '../activities/db';
import { congresses } from '../schema/tables';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('n', 9203);
const LANES = arg('lanes', 64);
const SEC: Actor = { role: 'secretariat', id: 'bench' };
const UNITS = ['MCA', 'MOF', 'NHC', 'MOE', 'NDRC', 'MOHRSS', 'MNR', 'MEE', 'MOHURD', 'MOT'];

function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function lanes(n: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: LANES }, async () => {
    while (next < n) await fn(next++);
  }));
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('intake');
  const dbUrl = bench.url;
  const setup = await openDatabase({ url: dbUrl });
  await setup.db.insert(congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  await setup.close();
  const server = await startDevServer({ dbFile: false, ui: false, quiet: true });
  const taskQueue = 'bench-intake';
  const bundlePath = await bundleToFile();
  const child = fork(path.resolve(__dirname, 'worker-process.ts'), [], {
    // WORKER_HEAP_MB caps the worker's heap as a deployment might: V8 otherwise grows lazily
    // towards a quarter of the machine's memory before it collects (less memory, more GC time).
    execArgv: ['--import', 'tsx', ...(process.env.WORKER_HEAP_MB ? [`--max-old-space-size=${process.env.WORKER_HEAP_MB}`] : [])],
    env: { ...process.env, DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: server.address, TASK_QUEUE: taskQueue, DATABASE_POOL: '10', WORKFLOW_BUNDLE: bundlePath },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => { child.once('message', () => resolve()); child.once('exit', (c) => reject(new Error(`worker exited ${c}`))); });
  let peakSeen = 0;
  const sampler = setInterval(() => { peakSeen = Math.max(peakSeen, rssOf(child.pid!).rss); }, 250);
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const cases = new CaseClient(client, taskQueue);
  try {
    // Warm both paths once, so neither measurement pays for the worker's first tasks.
    await drive(client, cases, taskQueue, 'warm', 0, 'noop');
    await drive(client, cases, taskQueue, 'warm', 0, 'case');
    console.log(`bench/intake: ${N} cases, ${LANES} concurrent drivers, dev server + PostgreSQL, worker in its own process`);
    const noop = await lanes(N, (i) => drive(client, cases, taskQueue, 'n', i, 'noop'));
    console.log(`  no-op workflow (same updates)   ${(N / noop).toFixed(1).padStart(7)} cases/s   ${noop.toFixed(1)} s`);
    const real = await lanes(N, (i) => drive(client, cases, taskQueue, 'c', i, 'case'));
    console.log(`  suggestion workflow             ${(N / real).toFixed(1).padStart(7)} cases/s   ${real.toFixed(1)} s   (${(noop / real).toFixed(2)}× the no-op rate; target ≥ 0.70×, ≤ 300 s)`);
    await new Promise((r) => setTimeout(r, 2000));
    const mem = rssOf(child.pid!);
    console.log(`  worker memory with ${N} open cases: RSS ${mem.rss.toFixed(0)} MB now, peak ${Math.max(mem.peak, peakSeen).toFixed(0)} MB (target ≤ 600 MB)`);
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await server.stop();
    await bench.drop();
  }
}

/** start (submitted) → accept → assign, as the secretariat does it for a session's suggestions. */
async function drive(client: Client, cases: CaseClient, taskQueue: string, prefix: string, i: number, kind: 'noop' | 'case'): Promise<void> {
  const id = `${prefix}${i}-${process.pid}`;
  const lead = UNITS[i % UNITS.length];
  const co = i % 7 === 0 ? [] : [UNITS[(i + 3) % UNITS.length]];
  const assign = co.length ? { mode: 'lead_co' as const, leadUnitId: lead, coUnitIds: co } : { mode: 'single' as const, leadUnitId: lead };
  if (kind === 'case') {
    await cases.start({ id, congressId: 'npc14', title: '关于加快推进城乡融合发展的建议', body: '正文'.repeat(200), source: 'session', leadDeputyId: `d${i % 2900}`,
      cosignerIds: [], proposedUnitIds: [], profile: nationalProfile, profileVersion: 1, submitNow: true });
    await cases.command(id, 'review', SEC, { decision: 'accept' });
    await cases.command(id, 'assign', SEC, assign);
    return;
  }
  const op = new WithStartWorkflowOperation('noopCaseWorkflow', { workflowId: `noop-${id}`, taskQueue, args: [], workflowIdConflictPolicy: 'USE_EXISTING' });
  await client.workflow.executeUpdateWithStart('ensure', { startWorkflowOperation: op });
  const h = await op.workflowHandle();
  await h.executeUpdate('review', { args: [{ actor: SEC, input: { decision: 'accept' } }] });
  await h.executeUpdate('assign', { args: [{ actor: SEC, input: assign }] });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
