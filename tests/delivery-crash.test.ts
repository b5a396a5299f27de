// The real worker process (`npm run worker`, which also starts the dispatcher) is killed with SIGKILL
// in the middle of a dispatch, twice, and restarted. In-app deliveries exist exactly once; every
// e-mail and webhook arrives; a copy is sent again only for a send the peer accepted in the very
// instant of the kill, and then it carries the same Message-ID / X-Huying-Delivery as the first.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { congresses } from '../schema/tables';
import { deliveries, webhooks } from '../schema/tables-delivery';
import { quietTemporal } from './support/quiet';
import { devServerEnv } from './support/temporal-env';
import { freshDatabase, type TestDatabase } from './support/pg';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import { putMessage, seedPeople, settled, until, type Person } from './support/delivery';

jest.setTimeout(300_000);

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let smtp: TestSmtp;
let rx: WebhookReceiver;
let child: ChildProcess | undefined;

const UNITS = Array.from({ length: 8 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`);
const PER_UNIT = 5;

beforeAll(async () => {
  quietTemporal();
  env = await devServerEnv();
  db = await freshDatabase('dlvcrash');
  await db.db.insert(congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  smtp = await startSmtp();
  rx = await startWebhookReceiver();
  const people: Person[] = UNITS.flatMap((u) => [1, 2].map((k) => ({ id: `u-${u}-${k}`, role: 'unit', unitId: u, email: `${k}@${u.toLowerCase()}.example.cn` })));
  await seedPeople(db.db, people);
  await db.db.insert(webhooks).values(UNITS.map((u) => ({ id: `wh-${u}`, congressId: 'npc14', name: `${u} 系统`, recipientType: 'unit', recipientId: u, format: 'json', url: `${rx.base}/${u}`, secret: `whsec_${u}` })));
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await env?.teardown();
  await db?.drop();
  await smtp?.close();
  await rx?.close();
});

/** `npm run worker` as a deployment runs it: its own process, settings from the environment. */
function startWorker(): ChildProcess {
  const root = path.resolve(__dirname, '..');
  const p = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
    cwd: root,
    env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', DATABASE_URL: db.url, HUYING_SMTP_URL: smtp.url,
      HUYING_MAIL_FROM: 'Huying <noreply@huying.test>', HUYING_DELIVERY_RETRY_MS: '500', NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  p.stderr!.on('data', (d) => { if (/Error/.test(String(d))) process.stderr.write(`[worker] ${d}`); });
  return p;
}

async function kill(p: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => p.once('exit', resolve));
  p.kill('SIGKILL');
  await exited;
}

const sentCount = async () => Number((await db.db.select({ n: count() }).from(deliveries)
  .where(and(eq(deliveries.status, 'sent')))).at(0)!.n);

test('killed mid-dispatch twice and restarted, the worker delivers every message, in-app exactly once, e-mail and webhooks once per id', async () => {
  const messages = [];
  for (const u of UNITS) for (let i = 0; i < PER_UNIT; i++) messages.push(await putMessage(db.db, { recipientType: 'unit', recipientId: u, subject: `【催办】${u} 第${i + 1}件答复已逾期` }));
  const ids = messages.map((m) => m.id);
  const emails = messages.length * 2;
  const hooks = messages.length;

  // 1. Kill while sends are open but none is accepted-and-unrecorded: at the 15th e-mail the peers
  //    stop answering, the test waits until everything they accepted is recorded as sent, then kills.
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let killed = false;
  smtp.decide = async () => {
    if (smtp.received.length >= 15) {
      rx.gate ??= held;
      await held;
      if (killed) return { code: 421, message: '4.4.2 connection dropped' };
    }
    return 'accept';
  };
  child = startWorker();
  await until('the 15th e-mail', async () => smtp.received.length >= 15 && rx.gate !== undefined, 120_000);
  const accepted = () => smtp.received.length + rx.hits.filter((x) => x.status === 200).length;
  await until('everything accepted to be recorded', async () => (await sentCount()) === accepted());
  const inFlight = await db.db.select().from(deliveries).where(eq(deliveries.status, 'sending'));
  expect(inFlight.length).toBeGreaterThan(0); // sends were under way when the worker died
  await kill(child);
  killed = true;
  release();
  const firstRun = { mails: smtp.received.length, hooks: rx.hits.filter((x) => x.status === 200).length };
  expect(firstRun.mails).toBeLessThan(emails);

  // 2. Kill right after a peer accepted a message, before the worker can record it: the window
  //    at-least-once delivery cannot close. The copy that follows must carry the same id.
  smtp.decide = undefined;
  rx.gate = undefined;
  let killedAfterAccept: string | undefined;
  let second!: ChildProcess;
  smtp.afterAccept = (m) => {
    if (!killedAfterAccept && smtp.received.length >= firstRun.mails + 20) {
      killedAfterAccept = m.mail.messageId;
      second.kill('SIGKILL');
    }
  };
  second = child = startWorker();
  await until('the kill after acceptance', async () => second.exitCode !== null || second.signalCode !== null ? true : undefined, 120_000);
  smtp.afterAccept = undefined;

  // 3. A third start finishes the job.
  child = startWorker();
  const rows = await settled(db.db, ids, 180_000);
  await kill(child);

  const inapp = rows.filter((r) => r.channel === 'inapp');
  expect(inapp).toHaveLength(messages.length * 2);
  expect(new Set(inapp.map((r) => `${r.messageId}|${r.userId}`)).size).toBe(inapp.length);
  const outgoing = rows.filter((r) => r.channel !== 'inapp');
  expect(outgoing).toHaveLength(emails + hooks);
  expect(outgoing.filter((r) => r.status !== 'sent')).toEqual([]);

  // Every expected e-mail arrived, to the right address; de-duplicated by Message-ID, exactly once.
  const byId = new Map<string, number>();
  for (const m of smtp.received) byId.set(m.mail.messageId!, (byId.get(m.mail.messageId!) ?? 0) + 1);
  const expectedIds = outgoing.filter((r) => r.channel === 'email').map((r) => `<${r.id}@huying.test>`);
  expect([...byId.keys()].sort()).toEqual(expectedIds.sort());
  for (const r of outgoing.filter((x) => x.channel === 'email')) {
    expect(smtp.received.find((m) => m.mail.messageId === `<${r.id}@huying.test>`)!.rcptTo).toEqual([r.address]);
  }
  const hookIds = new Map<string, number>();
  for (const x of rx.hits.filter((y) => y.status === 200)) hookIds.set(x.headers['x-huying-delivery'], (hookIds.get(x.headers['x-huying-delivery']) ?? 0) + 1);
  expect([...hookIds.keys()].sort()).toEqual(outgoing.filter((r) => r.channel === 'webhook').map((r) => r.id).sort());

  // Copies: none from the first kill; after the second, only sends accepted in the instant of the
  // kill (the one that triggered it among them), each at most once more.
  const copies = [...byId.entries()].filter(([, n]) => n > 1).map(([id]) => id);
  const hookCopies = [...hookIds.entries()].filter(([, n]) => n > 1).map(([id]) => id);
  const firstRunIds = new Set(smtp.received.slice(0, firstRun.mails).map((m) => m.mail.messageId));
  expect([...firstRunIds].filter((id) => byId.get(id!) !== 1)).toEqual([]);
  expect([...byId.values(), ...hookIds.values()].every((n) => n <= 2)).toBe(true);
  expect(copies.length + hookCopies.length).toBeLessThanOrEqual(32); // at most the sends in flight at once
  if (copies.length) expect(copies).toContain(killedAfterAccept);
  console.log(`delivery-crash: ${emails} e-mails, ${hooks} webhooks; copies after the kill-after-accept: ${copies.length} e-mail, ${hookCopies.length} webhook`);
});
