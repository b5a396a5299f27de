// bench/bulletin: (1) the monthly bulletin over a national read model (9,203 cases, 208 units),
// computed and stored, then its notices queued; (2) a deadline-day burst: N real suggestion
// workflows on the dev server whose reply deadlines fall on the same instant, timed until every
// chase notice is in the outbox, counting none lost and none twice. Figures are printed, not judged.
//   npm run bench:bulletin -- --burst 2000   (--burst 0 skips the burst, --national 0 the bulletin; --runs 3)
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { benchDatabase, bundleToFile } from './support';
import { fillReadModel } from './fill-read-model';
import { CaseClient } from '../api/case-client';
import { openDatabase, type Db } from '../activities/db';
import { createBulletinActivities } from '../activities/bulletin';
import { defaultMonth } from '../activities/bulletin/issue';
import { generateDemo } from '../scripts/demo/generate';
import { loadReference } from '../scripts/demo/reference';
import { seedReference } from '../scripts/demo/drive';
import { startDevServer } from '../scripts/temporal';
import { congresses } from '../schema/tables';
import { nationalProfile, profileSchema, type Profile } from '../schema/profile';
import type { Actor } from '../schema/commands';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const BURST = arg('burst', 2000);
const RUNS = arg('runs', 3);
const NATIONAL = arg('national', 1);
const LANES = arg('lanes', 48);
const SEC: Actor = { role: 'secretariat', id: 'bench' };
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bulletinAtScale(): Promise<void> {
  const bench = await benchDatabase('bulletin');
  const database = await openDatabase({ url: bench.url });
  try {
    const ref = loadReference();
    const now = Date.now();
    const demo = generateDemo({ scale: 'national', now, reference: ref });
    await seedReference(database.db, ref, demo.deputies, nationalProfile);
    const t0 = performance.now();
    await fillReadModel(database.db, demo.cases, now);
    const [{ n: asg }] = (await database.db.execute(sql`select count(*)::int as n from assignments`)) as unknown as { n: number }[];
    console.log(`bench/bulletin: national read model ${demo.cases.length} cases, ${ref.handlingUnits.length} units, ${asg} assignments (filled in ${secs(performance.now() - t0)})`);
    const acts = createBulletinActivities(database.db);
    const month = defaultMonth(now, 'Asia/Shanghai', 'api');
    for (let i = 1; i <= RUNS; i++) {
      const t1 = performance.now();
      const ref1 = await acts.computeBulletin({ congressId: ref.congress.id, month, at: Date.now(), workflowId: 'bench', trigger: 'api' });
      const took = performance.now() - t1;
      console.log(`  run ${i}: bulletin ${ref1.id} computed and stored in ${secs(took)} (target ≤ 3 s): ${ref1.items} items, ${ref1.units} units ranked, ${ref1.overdue} overdue rows`);
    }
    const [{ kb }] = (await database.db.execute(sql`select (pg_column_size(figures) + pg_column_size(items)) / 1024 as kb from bulletins`)) as unknown as { kb: number }[];
    const t2 = performance.now();
    const queued = await acts.queueBulletinNotices(`${ref.congress.id}-${month}`);
    console.log(`  stored size ${kb} KB (compressed jsonb); notices queued ${queued} in ${secs(performance.now() - t2)}; again: ${await acts.queueBulletinNotices(`${ref.congress.id}-${month}`)}`);
  } finally {
    await database.close();
    await bench.drop();
  }
}

/**
 * Every reply deadline at one instant X: day-based deadlines end at local midnight, so a profile
 * whose zone is the fixed offset that puts midnight at X, with reply 'P0D', gives every case
 * assigned before X (on that local day) the deadline X; the chase comes 1 s later.
 */
function burstProfile(x: number): Profile {
  const minuteOfDay = Math.round((x % 86_400_000) / 60_000);
  let offset = (1440 - minuteOfDay) % 1440;
  if (offset > 14 * 60) offset -= 1440;
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return profileSchema.parse({
    ...nationalProfile, name: '截止日压力测试', zone, rollToWorkingDay: false,
    deadlines: { ...nationalProfile.deadlines, assignment: 'P30D', returnWindow: 'P30D', firstContact: 'P30D', coHandlerOpinion: 'P30D', reply: 'P0D', evaluation: 'P30D', publication: 'P30D' },
    ladder: { remindBefore: [], chaseAfter: 'PT1S', superviseAfter: 'P30D', repeatEvery: 'P7D' },
  });
}

/** CPU milliseconds a process has used so far (Linux /proc), NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function count(db: Db, q: ReturnType<typeof sql>): Promise<number> {
  const [r] = (await db.execute(q)) as unknown as { n: number }[];
  return Number(r.n);
}

async function burst(n: number): Promise<void> {
  const bench = await benchDatabase('burst');
  const setup = await openDatabase({ url: bench.url });
  await setup.db.insert(congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  const server = await startDevServer({ dbFile: false, ui: false, quiet: true });
  const taskQueue = 'bench-burst';
  // BENCH_CPU_PROF=<dir> writes a CPU profile of the worker there when it exits.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(path.resolve(__dirname, 'worker-process.ts'), [], {
    execArgv: ['--import', 'tsx', ...prof],
    env: { ...process.env, DATABASE_URL: bench.url, TEMPORAL_ADDRESS: server.address, TASK_QUEUE: taskQueue, DATABASE_POOL: '10', WORKFLOW_BUNDLE: await bundleToFile() },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => { child.once('message', () => resolve()); child.once('exit', (c) => reject(new Error(`worker exited ${c}`))); });
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const cases = new CaseClient(client, taskQueue);
  const UNITS = Array.from({ length: 208 }, (_, i) => `U${String(i).padStart(3, '0')}`);
  try {
    // Starting takes a while: leave a minute per 400 cases (a slow machine gets a clear message, not a wrong figure).
    const x = Math.ceil((Date.now() + 60_000 + (n / 400) * 60_000) / 60_000) * 60_000;
    const profile = burstProfile(x);
    let expected = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: LANES }, async () => {
      while (next < n) {
        const i = next++;
        const id = `burst${i}`;
        // Every tenth item goes to two units separately: each owes its own reply, so each is chased.
        const assign = i % 10 === 0 ? { mode: 'separate' as const, separateUnitIds: [UNITS[i % 208], UNITS[(i + 1) % 208]] }
          : i % 3 === 0 ? { mode: 'single' as const, leadUnitId: UNITS[i % 208] }
            : { mode: 'lead_co' as const, leadUnitId: UNITS[i % 208], coUnitIds: [UNITS[(i + 7) % 208]] };
        expected += assign.mode === 'separate' ? 2 : 1;
        // A starved machine can refuse an update-with-start; starting again finds the same case.
        for (let attempt = 1; ; attempt++) {
          try {
            await cases.start({ id, congressId: 'npc14', title: '关于加快推进城乡融合发展的建议', body: '正文', source: 'session', leadDeputyId: `d${i % 2900}`,
              cosignerIds: [], proposedUnitIds: [], profile, profileVersion: 1, submitNow: true });
            break;
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
        await cases.command(id, 'review', SEC, { decision: 'accept' });
        await cases.command(id, 'assign', SEC, assign);
      }
    }));
    const drove = performance.now() - t0;
    const late = Date.now() >= x;
    console.log(`bench/bulletin burst: ${n} real cases (${expected} reply deadlines) started and assigned in ${secs(drove)}, ${(n / (drove / 1000)).toFixed(1)} cases/s; deadline ${new Date(x).toISOString()} (zone ${profile.zone})`);
    if (late) {
      console.log('  the cases were not all assigned before the shared deadline; rerun with fewer cases (--burst)');
      return;
    }
    const dues = await count(setup.db, sql`select count(distinct reply_due_at)::int as n from assignments where role <> 'co'`);
    console.log(`  distinct reply deadlines among ${expected} replying units: ${dues}`);
    const chases = sql`select count(*)::int as n from outbox where kind = 'chase'`;
    let seen = 0;
    let firstAt = 0;
    const end = x + 600_000;
    while (Date.now() < x) await new Promise((r) => setTimeout(r, 200));
    // CPU each part spent on the burst: on a shared 2-core machine it says more than the wall clock.
    const backends = async () => ((await setup.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { pid: number }[]).map((r) => r.pid);
    const pgAt = new Map((await backends()).map((p) => [p, cpuMs(p)]));
    const cpu0 = { worker: cpuMs(child.pid), server: cpuMs(server.pid) };
    while (Date.now() < end) {
      seen = await count(setup.db, chases);
      if (seen && !firstAt) firstAt = Date.now();
      if (seen >= expected) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const allIn = Date.now() - x;
    const pgMs = (await backends()).reduce((sum, p) => sum + cpuMs(p) - (pgAt.get(p) ?? 0), 0);
    const per = (v: number) => `${(v / Math.max(1, seen)).toFixed(1)} ms`;
    const cpuLine = `worker ${per(cpuMs(child.pid) - cpu0.worker)}, Temporal server ${per(cpuMs(server.pid) - cpu0.server)}, PostgreSQL ${per(pgMs)}`;
    const distinct = await count(setup.db, sql`select count(distinct (suggestion_id, recipient_id))::int as n from outbox where kind = 'chase'`);
    const events = await count(setup.db, sql`select count(*)::int as n from case_events where type = 'chase'`);
    console.log(`  chase notices in the outbox: ${seen} of ${expected} expected, ${distinct} distinct (suggestion, unit), ${events} chase events`);
    console.log(`  first chase ${secs(firstAt - x)} after the deadline; all in ${secs(allIn)} after the deadline (the chase is due 1 s after it; target ≤ 60 s)`);
    console.log(`  ${(seen / Math.max(0.001, (allIn - 1000) / 1000)).toFixed(1)} chases/s; CPU per chase: ${cpuLine}`);
    // Anything that would come twice comes late: wait a little and count again.
    await new Promise((r) => setTimeout(r, 10_000));
    const after = await count(setup.db, chases);
    console.log(`  10 s later: ${after} (lost ${Math.max(0, expected - after)}, twice ${Math.max(0, after - distinct)})`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await server.stop();
    await setup.close();
    await bench.drop();
  }
}

async function main(): Promise<void> {
  if (NATIONAL) await bulletinAtScale();
  if (BURST > 0) await burst(BURST);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
