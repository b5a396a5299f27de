// bench/api: at national scale, autocannon against the list, detail and overdue-board endpoints
// (req/s, p50, p99) next to a bare Express route in the same run, and command latency through
// Temporal (p50, p99).   npm run bench:api -- --seconds 10 --connections 50 --commands 300
import { fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchDatabase, bundleToFile } from './support';
import { openDatabase } from '../activities/db';
import { startDevServer } from '../scripts/temporal';
import { generateDemo } from '../scripts/demo/generate';
import { loadReference, unitId } from '../scripts/demo/reference';
import { seedReference } from '../scripts/demo/drive';
import { DEMO_PASSWORD, demoAccounts, seedAccounts } from '../scripts/demo/accounts';
import { nationalProfile } from '../schema/profile';
import { fillReadModel } from './fill-read-model';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 50);
const COMMANDS = arg('commands', 300);

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
});
const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function signIn(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0], csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
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
  await db.close();

  const bundlePath = await bundleToFile();
  const temporal = await startDevServer({ dbFile: false, ui: false, quiet: true });
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const child = fork(path.resolve(__dirname, 'api-server.ts'), [], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: temporal.address, API_PORT: String(apiPort), BARE_PORT: String(barePort), WORKFLOW_BUNDLE: bundlePath, HUYING_SIGNIN_PER_MINUTE: '1000' },
  });
  await new Promise<void>((resolve, reject) => { child.once('message', () => resolve()); child.once('exit', (c) => reject(new Error(`api server exited ${c}`))); });
  const base = `http://127.0.0.1:${apiPort}`;
  try {
    const sec = await signIn(base, 'mishu');
    const headers = { cookie: sec.cookie };
    const ids = demo.cases.map((c) => c.input.id);
    console.log(`bench/api: ${demo.cases.length} cases in the read model, ${CONNECTIONS} connections, ${SECONDS} s per read endpoint; PostgreSQL, dev server`);
    console.log('  endpoint                                   req/s     p50 ms   p99 ms   errors');
    const run = async (name: string, url: string, opts: Partial<autocannon.Options> = {}) => {
      const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers, ...opts });
      console.log(`  ${name.padEnd(40)} ${r.requests.average.toFixed(0).padStart(7)}   ${String(r.latency.p50).padStart(6)}   ${String(r.latency.p99).padStart(6)}   ${r.non2xx + r.errors}`);
    };
    await run('bare Express route (baseline)', `http://127.0.0.1:${barePort}/bare`, { headers: {} });
    await run('GET /suggestions (list, 50 per page)', `${base}/api/v1/suggestions?limit=50`);
    await run('GET /suggestions?status=handling&sort=deadline', `${base}/api/v1/suggestions?status=handling&sort=deadline&limit=50`);
    let n = 0;
    await run('GET /suggestions/:id (detail)', `${base}/api/v1/suggestions/${ids[0]}`, {
      requests: [{ setupRequest: (req: any) => ({ ...req, path: `/api/v1/suggestions/${ids[(n++ * 7919) % ids.length]}` }) }],
    });
    await run('GET /boards/overdue', `${base}/api/v1/boards/overdue`);

    // Commands through Temporal: each is an Update that returns after its projection committed.
    const dep = await signIn(base, 'daibiao1');
    const unit = await signIn(base, 'unit-mca');
    const post = async (who: { cookie: string; csrf: string }, p: string, body: unknown) => {
      const t0 = performance.now();
      const r = await fetch(`${base}${p}`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await r.json()) as any;
      if (r.status >= 300) throw new Error(`${p}: ${r.status} ${JSON.stringify(json)}`);
      return { ms: performance.now() - t0, json };
    };
    const lat: Record<string, number[]> = { create: [], review: [], assign: [], communicate: [] };
    const lanes = 10;
    let next = 0;
    await Promise.all(Array.from({ length: lanes }, async () => {
      while (next < COMMANDS) {
        next++;
        const c = await post(dep, '/api/v1/suggestions', { title: '关于加强社区养老服务的建议', body: '正文', submit: true });
        lat.create.push(c.ms);
        const id = c.json.id;
        lat.review.push((await post(sec, `/api/v1/suggestions/${id}/review`, { decision: 'accept' })).ms);
        lat.assign.push((await post(sec, `/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: unitId('MCA') })).ms);
        lat.communicate.push((await post(unit, `/api/v1/suggestions/${id}/communications`, { phase: 'before', channel: 'phone', summary: '电话沟通' })).ms);
      }
    }));
    console.log(`  commands through Temporal (${COMMANDS} cases, ${lanes} at a time)   p50 ms   p99 ms`);
    for (const [k, xs] of Object.entries(lat)) console.log(`  ${k.padEnd(40)}         ${pct(xs, 50).toFixed(1).padStart(6)}   ${pct(xs, 99).toFixed(1).padStart(6)}`);
    const all = Object.values(lat).flat();
    console.log(`  all commands                                     ${pct(all, 50).toFixed(1).padStart(6)}   ${pct(all, 99).toFixed(1).padStart(6)}   (targets: p50 ≤ 30, p99 ≤ 100; reads ≥ 1,500 req/s, p99 ≤ 25)`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGKILL');
    await temporal.stop();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
