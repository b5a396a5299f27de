// bench/api: at national scale, autocannon against the list, detail and overdue-board endpoints
// (req/s, p50, p99) next to a bare Express route in the same run, and command latency through
// Temporal (p50, p99) next to a no-op workflow's update on the same server.
//   npm run bench:api -- --seconds 10 --connections 50 --commands 300 [--only reads|commands]
// The API and the worker run in processes of their own, as in production. Besides latency it
// prints the CPU each request cost the API process and PostgreSQL (from /proc, when PostgreSQL
// runs on this machine): on a busy machine those say more than the request rate does.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { benchDatabase, bundleToFile } from './support';
import { openDatabase } from '../activities/db';
import { startDevServer } from '../scripts/temporal';
import { generateDemo } from '../scripts/demo/generate';
import { loadReference, unitId } from '../scripts/demo/reference';
import { seedReference } from '../scripts/demo/drive';
import { DEMO_PASSWORD, demoAccounts, seedAccounts } from '../scripts/demo/accounts';
import { nationalProfile } from '../schema/profile';
import { TASK_QUEUE } from '../schema/case';
import { fillReadModel } from './fill-read-model';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const COMMANDS = Number(arg('commands', '300'));
const ONLY = arg('only', 'all');
const WARMUP_S = 2;
const LANES = 10;

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
});
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const ms = (x: number) => x.toFixed(1).padStart(7);

/** CPU milliseconds a process has used so far (Linux), NaN where /proc cannot tell. */
function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function signIn(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0], csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

function forkReady(file: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir> writes a CPU profile of each process there when it exits.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(path.resolve(__dirname, file), [], { execArgv: ['--import', 'tsx', ...prof], stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`${file} exited ${c}`)));
  });
}

async function main(): Promise<void> {
  const bench = await benchDatabase('api');
  const dbUrl = bench.url;
  const db = await openDatabase({ url: dbUrl });
  const ref = loadReference();
  const demo = generateDemo({ scale: 'national', now: Date.now(), reference: ref });
  await seedReference(db.db, ref, demo.deputies, nationalProfile);
  await seedAccounts(db.db, demoAccounts(demo.cases));
  await fillReadModel(db.db, demo.cases);
  // A live database has its statistics; a freshly filled one gets them now rather than a minute in.
  await db.db.execute(sql`analyze`);
  await db.close();

  const bundlePath = await bundleToFile();
  const temporal = await startDevServer({ dbFile: false, ui: false, quiet: true });
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: temporal.address, WORKFLOW_BUNDLE: bundlePath };
  const worker = await forkReady('worker-process.ts', env);
  const api = await forkReady('api-server.ts', { ...env, API_PORT: String(apiPort), BARE_PORT: String(barePort), HUYING_SIGNIN_PER_MINUTE: '1000' });
  const pg = postgres(dbUrl, { max: 1, onnotice: () => undefined });
  const base = `http://127.0.0.1:${apiPort}`;
  try {
    const sec = await signIn(base, 'mishu');
    const headers = { cookie: sec.cookie };
    const ids = demo.cases.map((c) => c.input.id);
    const backends = async () => (await pg`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`).map((r) => r.pid as number);

    if (ONLY !== 'commands') {
      console.log(`bench/api: ${demo.cases.length} cases in the read model, ${CONNECTIONS} connections, ${SECONDS} s per endpoint after ${WARMUP_S} s of warm-up; PostgreSQL; API and worker in their own processes`);
      console.log('  endpoint                                        req/s   p50 ms   p99 ms  errors   CPU µs/request: API  PostgreSQL');
      const run = async (name: string, url: string, opts: Partial<autocannon.Options> = {}, warm = true) => {
        if (warm) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers, ...opts });
        const pids = await backends();
        const before = { api: cpuMs(api.pid!), pg: pids.map(cpuMs) };
        const r = await autocannon({ url, connections: CONNECTIONS, headers, ...(opts.amount ? {} : { duration: SECONDS }), ...opts });
        const pids2 = await backends();
        const pgMs = pids2.reduce((sum, p) => sum + cpuMs(p) - (before.pg[pids.indexOf(p)] ?? 0), 0);
        const per = (x: number) => (Number.isNaN(x) ? '-' : ((1000 * x) / r.requests.total).toFixed(0)).padStart(6);
        console.log(`  ${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(7)}  ${String(r.latency.p50).padStart(7)}  ${String(r.latency.p99).padStart(7)}  ${String(r.non2xx + r.errors).padStart(6)}   ${per(cpuMs(api.pid!) - before.api)}  ${per(pgMs)}`);
      };
      await run('bare Express route (baseline)', `http://127.0.0.1:${barePort}/bare`, { headers: {} });
      await run('GET /suggestions (list, 50 per page)', `${base}/api/v1/suggestions?limit=50`);
      await run('GET /suggestions?status=handling&sort=deadline', `${base}/api/v1/suggestions?status=handling&sort=deadline&limit=50`);
      // 7919 is prime to the number of cases, so the stride visits every case once before any twice.
      let n = 0;
      const byStride = { requests: [{ setupRequest: (req: any) => ({ ...req, path: `/api/v1/suggestions/${ids[(n++ * 7919) % ids.length]}` }) }] };
      await run(`GET /suggestions/:id, first read of each (${ids.length})`, `${base}/api/v1/suggestions/${ids[0]}`, { ...byStride, amount: ids.length }, false);
      await run('GET /suggestions/:id, read again', `${base}/api/v1/suggestions/${ids[0]}`, byStride);
      await run('GET /boards/overdue?limit=50 (as the console)', `${base}/api/v1/boards/overdue?limit=50`);
      await run('GET /boards/overdue (the whole red list)', `${base}/api/v1/boards/overdue`);
    }

    if (ONLY !== 'reads') {
      const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
      const dep = await signIn(base, 'daibiao1');
      const unit = await signIn(base, 'unit-mca');
      // CPU of each part per command: on a shared 2-core machine the latency at 10 lanes is mostly queueing for it.
      const parts = { API: api.pid!, worker: worker.pid!, 'Temporal server': temporal.pid ?? NaN };
      const meter = async () => {
        const pids = await backends();
        return { pids, pg: pids.map(cpuMs), at: Object.fromEntries(Object.entries(parts).map(([k, pid]) => [k, cpuMs(pid)])) };
      };
      const cpuPer = async (start: Awaited<ReturnType<typeof meter>>, count: number) => {
        const pids = await backends();
        const used = { ...Object.fromEntries(Object.entries(parts).map(([k, pid]) => [k, cpuMs(pid) - start.at[k]])),
          PostgreSQL: pids.reduce((sum, p) => sum + cpuMs(p) - (start.pg[start.pids.indexOf(p)] ?? 0), 0) };
        return Object.entries(used).map(([k, v]) => `${k} ${(v / count).toFixed(1)}`).join(', ');
      };
      const post = async (who: { cookie: string; csrf: string }, p: string, body: unknown) => {
        const t0 = performance.now();
        const r = await fetch(`${base}${p}`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const json = (await r.json()) as any;
        if (r.status >= 300) throw new Error(`${p}: ${r.status} ${JSON.stringify(json)}`);
        return { ms: performance.now() - t0, json };
      };
      const inLanes = async (lanes: number, count: number, one: (i: number) => Promise<void>) => {
        let next = 0;
        await Promise.all(Array.from({ length: lanes }, async () => { while (next < count) await one(next++); }));
      };

      // Alone (one case at a time: the latency itself), then 10 at a time (latency under load).
      for (const lanes of [1, LANES]) {
        const count = lanes === 1 ? Math.max(10, Math.round(COMMANDS / 5)) : COMMANDS;
        // Temporal's own floor on this server: an update that a workflow answers without doing anything.
        const noop: number[] = [];
        const noopStart = await meter();
        await inLanes(lanes, count, async (i) => {
          const h = await client.workflow.start('noopCaseWorkflow', { taskQueue: TASK_QUEUE, workflowId: `bench-noop-${lanes}-${i}-${process.pid}` });
          await h.executeUpdate('ensure');
          const t0 = performance.now();
          await h.executeUpdate('review', { args: [{}] });
          noop.push(performance.now() - t0);
          await h.executeUpdate('assign', { args: [{}] }); // lets it finish
        });
        const noopCpu = await cpuPer(noopStart, count * 3);

        // Commands through Temporal over HTTP: each is an Update that returns after its projection committed.
        const lat: Record<string, number[]> = { create: [], review: [], assign: [], communicate: [] };
        const cmdStart = await meter();
        await inLanes(lanes, count, async () => {
          const c = await post(dep, '/api/v1/suggestions', { title: '关于加强社区养老服务的建议', body: '正文', submit: true });
          lat.create.push(c.ms);
          const id = c.json.id;
          lat.review.push((await post(sec, `/api/v1/suggestions/${id}/review`, { decision: 'accept' })).ms);
          lat.assign.push((await post(sec, `/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: unitId('MCA') })).ms);
          lat.communicate.push((await post(unit, `/api/v1/suggestions/${id}/communications`, { phase: 'before', channel: 'phone', summary: '电话沟通' })).ms);
        });
        const cmdCpu = await cpuPer(cmdStart, count * 4);
        const timings = await new Promise<Record<string, number[]>>((resolve) => {
          api.once('message', (m: any) => resolve(m.timings));
          api.send('timings');
        });
        console.log(`  commands through Temporal, ${count} cases, ${lanes} at a time      HTTP p50      p99   the Temporal update in it: p50   p99`);
        console.log(`  ${'no-op workflow update (Temporal floor)'.padEnd(44)} ${' '.repeat(17)}                   ${ms(pct(noop, 50))} ${ms(pct(noop, 99))}`);
        for (const [name, xs] of Object.entries(lat)) {
          const t = timings[name] ?? [];
          console.log(`  ${name.padEnd(44)} ${ms(pct(xs, 50))}  ${ms(pct(xs, 99))}                   ${ms(pct(t, 50))} ${ms(pct(t, 99))}`);
        }
        const all = Object.values(lat).flat();
        const allT = Object.keys(lat).flatMap((u) => timings[u] ?? []);
        console.log(`  ${'all commands'.padEnd(44)} ${ms(pct(all, 50))}  ${ms(pct(all, 99))}                   ${ms(pct(allT, 50))} ${ms(pct(allT, 99))}`);
        console.log(`  CPU ms per no-op operation (start or update): ${noopCpu}`);
        console.log(`  CPU ms per command (a create starts a case):  ${cmdCpu}`);
      }
      console.log('  targets: reads ≥ 1,500 req/s with p99 ≤ 25 ms; commands p50 ≤ 30 ms, p99 ≤ 100 ms');
    }
  } finally {
    await pg.end();
    for (const child of [api, worker]) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, process.env.BENCH_CPU_PROF ? 5000 : 1000));
    for (const child of [api, worker]) child.kill('SIGKILL');
    await temporal.stop();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
