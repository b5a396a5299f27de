// Notices reach people: e-mail at a real SMTP server (right recipients, Chinese subject correctly
// encoded, a Message-ID to de-duplicate on), webhooks at a local receiver (HMAC signature, WeCom and
// DingTalk bot formats), retries with growing waits after failures, no duplicates, and an honest
// "not configured" when there is no SMTP server.
import { createHmac } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import * as t from '../schema/tables';
import { deliveries, webhooks } from '../schema/tables-delivery';
import { DISPATCHER_ID, ensureDispatcher } from '../activities/delivery/dispatcher-client';
import { harness, caseInput, deputy, SECRETARIAT, type Harness } from './support/harness';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver';
import { putMessage, seedPeople, settled, until } from './support/delivery';

let h: Harness;
let smtp: TestSmtp;
let rx: WebhookReceiver;
let firstRun: string;
const saved = { ...process.env };
const JSON_SECRET = 'whsec_test-secret-for-hmac';
const DING_SECRET = 'SEC-dingtalk-signing-secret';

beforeAll(async () => {
  smtp = await startSmtp();
  rx = await startWebhookReceiver();
  rx.answer['/wecom'] = { errcode: 0, errmsg: 'ok' };
  rx.answer['/dingtalk'] = { errcode: 0, errmsg: 'ok' };
  // The worker's delivery settings come from the environment, as in production.
  Object.assign(process.env, { HUYING_SMTP_URL: smtp.url, HUYING_MAIL_FROM: '呼应测试 <noreply@huying.test>', HUYING_DELIVERY_RETRY_MS: '400', HUYING_DELIVERY_ATTEMPTS: '4' });
  h = await harness('dlvch', 'dev');
  const db = h.db.db;
  await seedPeople(db, [
    { id: 'u-dep1', role: 'deputy', deputyId: 'd1', email: 'dep1@example.cn' },
    { id: 'u-dep2', role: 'deputy', deputyId: 'd2' },
    { id: 'u-mca1', role: 'unit', unitId: 'MCA', email: 'mca1@mca.example.cn' },
    { id: 'u-mca2', role: 'unit', unitId: 'MCA', email: 'mca2@mca.example.cn', emailOff: true },
    { id: 'u-mof1', role: 'unit', unitId: 'MOF', email: 'mof1@mof.example.cn' },
    { id: 'u-sec', role: 'secretariat', email: 'sec@npc.example.cn' },
    { id: 'u-admin', role: 'admin', email: 'admin@npc.example.cn' },
    { id: 'u-cmt', role: 'committee', committeeId: 'SAC', email: 'cmt@npc.example.cn' },
  ]);
  await db.insert(webhooks).values([
    { id: 'wh-json', congressId: 'npc14', name: '民政部系统', recipientType: 'unit', recipientId: 'MCA', format: 'json', url: `${rx.base}/json`, secret: JSON_SECRET },
    { id: 'wh-wecom', congressId: 'npc14', name: '民政部企业微信群', recipientType: 'unit', recipientId: 'MCA', format: 'wecom', url: `${rx.base}/wecom?key=abcd-1234` },
    { id: 'wh-ding', congressId: 'npc14', name: '民政部钉钉群', recipientType: 'unit', recipientId: 'MCA', format: 'dingtalk', url: `${rx.base}/dingtalk?access_token=tok123`, secret: DING_SECRET },
    { id: 'wh-mof', congressId: 'npc14', name: '财政部系统', recipientType: 'unit', recipientId: 'MOF', format: 'json', url: `${rx.base}/mof`, secret: 'whsec_mof' },
  ]);
  // A short history limit makes the dispatcher continue as new several times during the suite.
  firstRun = (await ensureDispatcher(h.env.client, { taskQueue: h.taskQueue, options: { pollMs: 200, heartbeatTimeout: '5 seconds', historyLimit: 150 } })).firstExecutionRunId;
});

afterAll(async () => {
  await h?.teardown();
  await smtp?.close();
  await rx?.close();
  process.env = saved;
});

const mailsTo = (address: string) => smtp.received.filter((m) => m.rcptTo.includes(address));

test('a case\'s notices arrive by e-mail at the right people, Chinese subject encoded, one Message-ID each; in-app for everyone', async () => {
  const db = h.db.db;
  const input = caseInput({ leadDeputyId: 'd1', cosignerIds: [] });
  await h.cases.start(input);
  await h.cases.command(input.id, 'submit', deputy('d1'), {});
  await h.cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(input.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });

  const notices = await db.select().from(t.outbox).where(eq(t.outbox.suggestionId, input.id));
  const byType = (type: string) => notices.filter((n) => n.recipientType === type);
  expect(byType('secretariat').length).toBeGreaterThan(0);
  expect(byType('deputy').length).toBeGreaterThan(0);
  expect(byType('unit').length).toBeGreaterThan(0);
  const rows = await settled(db, notices.map((n) => n.id));

  // Who should have what: the secretariat's notices go to secretariat and admin staff; the unit's to
  // its staff who did not turn e-mail off; the deputy's to the deputy (d2 has no address).
  const expected = new Map<string, string[]>([
    ['sec@npc.example.cn', byType('secretariat').map((n) => n.subject)],
    ['admin@npc.example.cn', byType('secretariat').map((n) => n.subject)],
    ['dep1@example.cn', byType('deputy').map((n) => n.subject)],
    ['mca1@mca.example.cn', byType('unit').map((n) => n.subject)],
  ]);
  for (const [address, subjects] of expected) {
    expect({ address, subjects: mailsTo(address).map((m) => m.mail.subject).sort() }).toEqual({ address, subjects: [...subjects].sort() });
  }
  for (const nobody of ['mca2@mca.example.cn', 'mof1@mof.example.cn', 'cmt@npc.example.cn']) expect(mailsTo(nobody)).toHaveLength(0);
  expect(smtp.received).toHaveLength([...expected.values()].flat().length);

  const assigned = mailsTo('mca1@mca.example.cn').find((m) => m.mail.subject!.startsWith('【交办】'))!;
  expect(assigned.mail.subject).toContain(input.title);
  // Non-ASCII headers travel as RFC 2047 encoded words; the body is declared UTF-8.
  expect(assigned.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/mi);
  expect(assigned.raw).not.toMatch(/^Subject: .*[\u4e00-\u9fff]/m);
  expect(assigned.mail.from!.value).toEqual([{ name: '呼应测试', address: 'noreply@huying.test' }]);
  expect(assigned.mail.to).toMatchObject({ value: [{ name: '用户u-mca1', address: 'mca1@mca.example.cn' }] });
  expect(assigned.mail.text).toContain(byType('unit').find((n) => n.subject === assigned.mail.subject)!.body);
  const row = rows.find((r) => r.channel === 'email' && r.address === 'mca1@mca.example.cn' && r.messageId === byType('unit').find((n) => n.subject === assigned.mail.subject)!.id)!;
  expect(assigned.mail.messageId).toBe(`<${row.id}@huying.test>`);
  expect(assigned.mail.headers.get('x-huying-delivery')).toBe(row.id);

  // Every e-mail was sent once, on the first attempt; every Message-ID is distinct.
  const emails = rows.filter((r) => r.channel === 'email');
  expect(emails.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt)).toBe(true);
  expect(new Set(smtp.received.map((m) => m.mail.messageId)).size).toBe(smtp.received.length);

  // In-app: every member of the recipient organisation, including those without e-mail.
  const inapp = rows.filter((r) => r.channel === 'inapp');
  const inboxOf = (user: string) => inapp.filter((r) => r.userId === user).length;
  expect(inboxOf('u-mca2')).toBe(byType('unit').length);
  expect(inboxOf('u-dep1')).toBe(byType('deputy').length);
  expect(inboxOf('u-sec')).toBe(byType('secretariat').length);
  expect(inboxOf('u-mof1') + inboxOf('u-dep2') + inboxOf('u-cmt')).toBe(0);
});

test('webhooks: signed JSON verifies, WeCom and DingTalk get well-formed markdown, another unit\'s endpoint hears nothing', async () => {
  const db = h.db.db;
  const longBody = `${'民政部应当加强农村养老服务体系建设。'.repeat(300)}`; // ~ 16 KB of UTF-8
  const m1 = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA', subject: '【催办】答复已逾期《关于加强农村养老服务的建议》', body: '答复期限 2026年6月30日 已过，请立即办理并反馈。' });
  const m2 = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA', subject: '【通报】2026年6月办理进度通报', body: longBody });
  const rows = await settled(db, [m1.id, m2.id]);
  const hooks = rows.filter((r) => r.channel === 'webhook');
  expect(hooks.map((r) => [r.webhookId, r.status, r.attempts]).sort()).toEqual(
    [['wh-ding', 'sent', 1], ['wh-ding', 'sent', 1], ['wh-json', 'sent', 1], ['wh-json', 'sent', 1], ['wh-wecom', 'sent', 1], ['wh-wecom', 'sent', 1]]);

  const mine = (path: string) => rx.hits.filter((x) => x.path === path && hooks.some((r) => r.id === x.headers['x-huying-delivery']));
  const json = mine('/json');
  expect(json).toHaveLength(2);
  for (const hit of json) {
    expect(verifySignature(JSON_SECRET, hit)).toBe(true);
    expect(verifySignature('whsec_wrong', hit)).toBe(false);
    expect(Math.abs(Number(hit.headers['x-huying-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
    expect(hit.headers['x-huying-delivery']).toBe(hit.json.id);
    expect(hooks.map((r) => r.id)).toContain(hit.json.id);
  }
  const first = json.find((x) => x.json.notification.id === m1.id)!;
  expect(first.json).toEqual({
    id: expect.any(String), type: 'notification',
    notification: { id: m1.id, kind: 'test', congressId: 'npc14', suggestionId: null, recipient: { type: 'unit', id: 'MCA' },
      subject: m1.subject, body: m1.body, dueAt: null, createdAt: expect.any(String) },
  });
  // A body altered in transit no longer verifies.
  expect(verifySignature(JSON_SECRET, { ...first, raw: first.raw.replace('逾期', '到期') })).toBe(false);

  const wecom = mine('/wecom');
  expect(wecom).toHaveLength(2);
  for (const hit of wecom) {
    expect(Object.keys(hit.json)).toEqual(['msgtype', 'markdown']);
    expect(hit.json.msgtype).toBe('markdown');
    expect(Object.keys(hit.json.markdown)).toEqual(['content']);
    expect(Buffer.byteLength(hit.json.markdown.content)).toBeLessThanOrEqual(4096);
    expect(hit.query.get('key')).toBe('abcd-1234');
    expect(hit.headers['x-huying-delivery']).toMatch(/^dlv_/);
  }
  expect(wecom.find((x) => x.json.markdown.content.includes(m1.subject))!.json.markdown.content).toContain(`> ${m1.body}`);
  expect(wecom.find((x) => x.json.markdown.content.includes('办理进度通报'))!.json.markdown.content).toContain('内容过长');

  const ding = mine('/dingtalk');
  expect(ding).toHaveLength(2);
  for (const hit of ding) {
    expect(hit.json).toEqual({ msgtype: 'markdown', markdown: { title: expect.any(String), text: expect.stringContaining('#### ') } });
    // DingTalk's 加签: sign = base64(HMAC-SHA256(secret, "<timestamp ms>\n<secret>")).
    const ts = hit.query.get('timestamp')!;
    expect(hit.query.get('access_token')).toBe('tok123');
    expect(hit.query.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64'));
  }
  expect(ding.map((x) => x.json.markdown.title).sort()).toEqual([m1.subject, m2.subject].sort());

  expect(rx.hits.filter((x) => x.path === '/mof')).toHaveLength(0);
  expect(rows.filter((r) => r.channel === 'email').map((r) => r.address)).toEqual(['mca1@mca.example.cn', 'mca1@mca.example.cn']);
});

test('after SMTP and webhook failures each delivery is retried with growing waits, then arrives once', async () => {
  const db = h.db.db;
  const before = { mails: smtp.received.length, attempts: smtp.attempts.length };
  smtp.refuseNext(2, 451);
  rx.failNext('/mof', 3, 503);
  const m = await putMessage(db, { recipientType: 'unit', recipientId: 'MOF', subject: '【提醒】答复期限将至《关于医保异地结算的建议》' });
  const rows = await settled(db, [m.id]);

  const mail = rows.find((r) => r.channel === 'email')!;
  expect(mail).toMatchObject({ status: 'sent', attempts: 3, address: 'mof1@mof.example.cn' });
  const tries = smtp.attempts.slice(before.attempts);
  expect(tries.map((x) => x.verdict)).toEqual([451, 451, 250]);
  expect(new Set(tries.map((x) => x.messageId)).size).toBe(1); // the same message, the same Message-ID
  expect(smtp.received.slice(before.mails).map((x) => x.mail.subject)).toEqual([m.subject]);

  const hook = rows.find((r) => r.channel === 'webhook')!;
  expect(hook).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
  const hits = rx.hits.filter((x) => x.path === '/mof');
  expect(hits.map((x) => x.status)).toEqual([503, 503, 503, 200]);
  expect(new Set(hits.map((x) => x.headers['x-huying-delivery']))).toEqual(new Set([hook.id]));
  // Exponential backoff: 0.4 s, 0.8 s, 1.6 s after the failures (plus polling).
  const gaps = hits.slice(1).map((x, i) => x.at - hits[i].at);
  expect(gaps[0]).toBeGreaterThanOrEqual(400);
  expect(gaps[1]).toBeGreaterThanOrEqual(800);
  expect(gaps[2]).toBeGreaterThanOrEqual(1600);
});

test('a refusal for good fails at once; endless trouble fails after the last attempt; both say why', async () => {
  const db = h.db.db;
  smtp.refuseNext(1, 550);
  rx.failNext('/mof', 4, 503);
  const m = await putMessage(db, { recipientType: 'unit', recipientId: 'MOF' });
  const rows = await settled(db, [m.id]);
  expect(rows.find((r) => r.channel === 'email')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('550') });
  expect(rows.find((r) => r.channel === 'webhook')).toMatchObject({ status: 'failed', attempts: 4, lastError: expect.stringContaining('HTTP 503') });

  rx.failNext('/json', 1, 404);
  const m2 = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA' });
  const rows2 = await settled(db, [m2.id]);
  expect(rows2.find((r) => r.webhookId === 'wh-json')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 404') });
  expect(rows2.find((r) => r.webhookId === 'wh-wecom')).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a bot that answers 200 with an error code is not counted as delivered', async () => {
  const db = h.db.db;
  rx.failNext('/wecom', 1, 200, { errcode: 45009, errmsg: 'api freq out of limit' });
  rx.failNext('/dingtalk', 1, 200, { errcode: 310000, errmsg: 'sign not match' });
  const m = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA' });
  const rows = await settled(db, [m.id]);
  expect(rows.find((r) => r.webhookId === 'wh-wecom')).toMatchObject({ status: 'sent', attempts: 2 }); // rate limit: tried again
  expect(rows.find((r) => r.webhookId === 'wh-ding')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('310000') });
});

test('without an SMTP server e-mail deliveries are recorded as not configured, in-app still arrives', async () => {
  const db = h.db.db;
  await h.stopWorker();
  delete process.env.HUYING_SMTP_URL;
  await h.restartWorker();
  const received = smtp.received.length;
  const m = await putMessage(db, { recipientType: 'secretariat', recipientId: 'npc14' });
  const rows = await settled(db, [m.id]);
  const emails = rows.filter((r) => r.channel === 'email');
  expect(emails.map((r) => [r.address, r.status]).sort()).toEqual([['admin@npc.example.cn', 'not_configured'], ['sec@npc.example.cn', 'not_configured']]);
  expect(emails[0].lastError).toContain('HUYING_SMTP_URL');
  expect(rows.filter((r) => r.channel === 'inapp').map((r) => r.userId).sort()).toEqual(['u-admin', 'u-sec']);
  await new Promise((r) => setTimeout(r, 500));
  expect(smtp.received.length).toBe(received);
});

test('nothing was delivered twice: one row per message, person or endpoint and channel', async () => {
  const all = await h.db.db.select().from(deliveries);
  const keys = all.map((r) => `${r.messageId}|${r.userId ?? r.webhookId}|${r.channel}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(new Set(smtp.received.map((m) => m.mail.messageId)).size).toBe(smtp.received.length);
  const okHooks = rx.hits.filter((x) => x.status === 200 && !x.reply?.errcode);
  expect(new Set(okHooks.map((x) => x.headers['x-huying-delivery'])).size).toBe(okHooks.length);
  expect(await h.db.db.select().from(t.outbox).where(inArray(t.outbox.status, ['pending']))).toHaveLength(0);
  // …across several runs of the dispatcher, each continued as new from the last.
  const now = await h.env.client.workflow.getHandle(DISPATCHER_ID).describe();
  expect(now.status.name).toBe('RUNNING');
  expect(now.runId).not.toBe(firstRun);
});
