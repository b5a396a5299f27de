// Notifications over HTTP: each person's inbox holds only what was addressed to them (a unit cannot
// list, read or mark another unit's notice: 404), the unread count follows marking read, pages are
// newest first without gaps or repeats; preferences; the administrators' delivery log and webhooks
// (secret shown once, and it is the key the signature verifies with).
import { and, eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { ensureDispatcher } from '../activities/delivery/dispatcher-client';
import { apiHarness, type ApiHarness, type Session } from './support/api-harness';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver';
import { putMessage, settled } from './support/delivery';

let api: ApiHarness;
let rx: WebhookReceiver;
let caseId: string;
const V1 = '/api/v1';

beforeAll(async () => {
  api = await apiHarness('notif');
  rx = await startWebhookReceiver();
  await ensureDispatcher(api.h.env.client, { taskQueue: api.h.taskQueue, options: { pollMs: 200 } });
  const { as } = api;
  caseId = (await as.dep1.post(`${V1}/suggestions`, { title: '关于通知测试的建议', body: '正文', submit: true })).body.id;
  expect((await as.sec.post(`${V1}/suggestions/${caseId}/review`, { decision: 'accept' })).status).toBe(200);
  expect((await as.sec.post(`${V1}/suggestions/${caseId}/assignment`, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] })).status).toBe(200);
  const notices = await api.h.db.db.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.suggestionId, caseId));
  await settled(api.h.db.db, notices.map((n) => n.id));
});
afterAll(async () => {
  await api?.teardown();
  await rx?.close();
});

const list = async (s: Session, query = '') => {
  const r = await s.get(`${V1}/notifications${query}`);
  expect(r.status).toBe(200);
  return r.body as { items: any[]; nextCursor: string | null; unread: number };
};
const unread = async (s: Session) => (await s.get(`${V1}/notifications/unread-count`)).body.unread as number;

test('each person sees what was addressed to their organisation, and nothing else', async () => {
  const { as } = api;
  const mca = await list(as.mca);
  const mof = await list(as.mof);
  expect(mca.items.map((i) => i.subject)).toEqual([expect.stringMatching(/^【交办】新交办建议《关于通知测试的建议》/)]);
  expect(mof.items.map((i) => i.subject)).toEqual([expect.stringMatching(/^【交办】/)]);
  expect(mca.items[0].body).toContain('主办');
  expect(mof.items[0].body).toContain('协办');
  expect(mca.items[0]).toMatchObject({ suggestionId: caseId, kind: 'assigned', read: false, readAt: null });
  const dep1 = await list(as.dep1);
  expect(dep1.items.map((i) => i.kind).sort()).toEqual(['accepted', 'assigned']);
  // The secretariat's and admin's inboxes hold the review request; the others hold nothing of this case.
  expect((await list(as.sec)).items.map((i) => i.kind)).toEqual(['review_requested']);
  expect((await list(as.admin)).items.map((i) => i.kind)).toEqual(['review_requested']);
  for (const who of ['dep2', 'dep3', 'moe', 'cmt', 'cmt2'] as const) expect({ who, items: (await list(as[who])).items }).toEqual({ who, items: [] });
  expect((await api.anonymous.get(`${V1}/notifications`)).status).toBe(401);
});

test('a unit cannot read or mark another unit\'s notice: 404, and the notice stays unread', async () => {
  const { as } = api;
  const theirs = (await list(as.mof)).items[0];
  const r = await as.mca.post(`${V1}/notifications/${theirs.id}/read`);
  expect(r.status).toBe(404);
  expect(r.body.error).toMatchObject({ code: 'not_found', zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
  expect(await unread(as.mof)).toBe(1);
  expect((await list(as.mca)).items.map((i) => i.id)).not.toContain(theirs.id);
  expect((await as.mca.post(`${V1}/notifications/no-such-thing/read`)).status).toBe(404);
  // A malformed id is bad input, named as such.
  for (const bad of [encodeURIComponent('a/b'), 'x'.repeat(101)]) {
    const r2 = await as.mca.post(`${V1}/notifications/${bad}/read`);
    expect({ status: r2.status, field: r2.body.error.field }).toEqual({ status: 422, field: 'id' });
  }
});

test('the unread count goes down as notices are read, and marking twice changes nothing', async () => {
  const { as } = api;
  const before = await unread(as.dep1);
  expect(before).toBe(2);
  const [newest] = (await list(as.dep1)).items;
  const r = await as.dep1.post(`${V1}/notifications/${newest.id}/read`);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ id: newest.id, read: true, readAt: expect.any(String), unread: before - 1 });
  expect(await unread(as.dep1)).toBe(before - 1);
  const again = await as.dep1.post(`${V1}/notifications/${newest.id}/read`);
  expect(again.body).toMatchObject({ readAt: r.body.readAt, unread: before - 1 });
  const onlyUnread = await list(as.dep1, '?unread=true');
  expect(onlyUnread.items.map((i) => i.id)).not.toContain(newest.id);
  expect(onlyUnread.items).toHaveLength(before - 1);
  const all = await as.dep1.post(`${V1}/notifications/read-all`);
  expect(all.body).toEqual({ marked: before - 1, unread: 0 });
  expect(await unread(as.dep1)).toBe(0);
  expect((await list(as.dep1, '?unread=true')).items).toEqual([]);
  expect((await list(as.dep1)).items.every((i) => i.read)).toBe(true);
  // Someone else's count did not move.
  expect(await unread(as.mca)).toBe(1);
});

test('pages come newest first, without gaps or repeats, and bad filters answer 422 naming the field', async () => {
  const { as } = api;
  const db = api.h.db.db;
  const ids = [];
  for (let i = 0; i < 7; i++) ids.push((await putMessage(db, { recipientType: 'unit', recipientId: 'MOE', subject: `【提醒】第${i}号`, createdAt: new Date(Date.UTC(2026, 5, 1, 0, 0, i % 3)) })).id);
  await settled(db, ids);
  const seen: any[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: Awaited<ReturnType<typeof list>> = await list(as.moe, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items);
    cursor = page.nextCursor;
  }
  expect(seen).toHaveLength(7);
  expect(new Set(seen.map((i) => i.id)).size).toBe(7);
  const order = seen.map((i) => `${i.createdAt}|${i.id}`);
  expect(order).toEqual([...order].sort().reverse());
  for (const [query, field] of [['?limit=0', 'limit'], ['?unread=yes', 'unread'], ['?cursor=abc', 'cursor'], ['?colour=red', 'colour']]) {
    const r = await as.moe.get(`${V1}/notifications${query}`);
    expect({ query, status: r.status, field: r.body.error.field }).toEqual({ query, status: 422, field });
  }
  expect((await as.moe.get(`${V1}/notifications/unread-count?x=1`)).status).toBe(422);
});

test('preferences: e-mail address, on/off and digest mode, validated, audited', async () => {
  const { as } = api;
  const first = await as.mof.get(`${V1}/notifications/preferences`);
  expect(first.body).toEqual({ inApp: true, emailEnabled: true, email: null, accountEmail: null, effectiveEmail: null, mode: 'immediate', updatedAt: null });
  const set = await as.mof.put(`${V1}/notifications/preferences`, { email: 'banli@mof.example.cn', mode: 'digest' });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ emailEnabled: true, email: 'banli@mof.example.cn', effectiveEmail: 'banli@mof.example.cn', mode: 'digest' });
  const off = await as.mof.put(`${V1}/notifications/preferences`, { emailEnabled: false });
  expect(off.body).toMatchObject({ emailEnabled: false, email: 'banli@mof.example.cn', effectiveEmail: null, mode: 'digest' });
  expect((await as.mca.get(`${V1}/notifications/preferences`)).body.mode).toBe('immediate'); // one person's choice only
  for (const [body, field] of [[{ email: 'not-an-address' }, 'email'], [{ mode: 'weekly' }, 'mode'], [{ emailEnabled: 'yes' }, 'emailEnabled'], [{ inApp: false }, 'inApp']] as const) {
    const r = await as.mof.put(`${V1}/notifications/preferences`, body);
    expect({ body, status: r.status, field: r.body.error.field }).toEqual({ body, status: 422, field });
    expect(r.body.error.zh).toMatch(/[\u4e00-\u9fff]/);
  }
  const [row] = await api.h.db.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'notifications.preferences'), eq(t.auditLog.userId, 'user:mof')));
  expect(row).toBeDefined();
});

test('administrators see every delivery with its status, filtered; nobody else may', async () => {
  const { as } = api;
  const r = await as.admin.get(`${V1}/admin/deliveries?channel=inapp&recipientType=unit&recipientId=MCA`);
  expect(r.status).toBe(200);
  expect(r.body.items).toHaveLength(1);
  expect(r.body.items[0]).toMatchObject({ channel: 'inapp', recipientType: 'unit', recipientId: 'MCA', userId: 'user:mca', username: 'mca', status: 'delivered', kind: 'assigned' });
  expect(r.body.counts.delivered).toBe(1);
  const page = await as.admin.get(`${V1}/admin/deliveries?limit=2`);
  expect(page.body.items).toHaveLength(2);
  const next = await as.admin.get(`${V1}/admin/deliveries?limit=2&cursor=${page.body.nextCursor}`);
  expect(next.body.items.map((i: any) => i.id)).not.toContain(page.body.items[1].id);
  expect((await as.admin.get(`${V1}/admin/deliveries?status=lost`)).body.error.field).toBe('status');
  expect((await as.sec.get(`${V1}/admin/deliveries`)).status).toBe(403);
});

test('webhooks: created by an admin with a secret shown once, which signs what the organisation receives; deleted, they hear no more', async () => {
  const { as } = api;
  const db = api.h.db.db;
  const made = await as.admin.post(`${V1}/admin/webhooks`, { name: '民政部办件系统', recipientType: 'unit', recipientId: 'MCA', format: 'json', url: `${rx.base}/mca` });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ id: expect.stringMatching(/^wh_/), recipientType: 'unit', recipientId: 'MCA', format: 'json', signed: true, secret: expect.stringMatching(/^whsec_/) });
  const bot = await as.admin.post(`${V1}/admin/webhooks`, { name: '秘书处企业微信群', recipientType: 'secretariat', format: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' });
  expect(bot.status).toBe(201);
  expect(bot.body).toMatchObject({ recipientId: 'npc14', signed: false });
  expect(bot.body.secret).toBeUndefined();
  expect(bot.body.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****');

  const listed = await as.admin.get(`${V1}/admin/webhooks`);
  expect(listed.body.items.map((w: any) => w.id).sort()).toEqual([made.body.id, bot.body.id].sort());
  expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
  expect(JSON.stringify(listed.body)).not.toContain('693a91f6');

  // The secret the admin was shown is the one the receiver verifies with.
  const m = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA', subject: '【督办】答复逾期未办' });
  const [hit] = await rx.waitFor('/mca', 1);
  expect(verifySignature(made.body.secret, hit)).toBe(true);
  expect(hit.json.notification).toMatchObject({ id: m.id, subject: '【督办】答复逾期未办' });
  await settled(db, [m.id]);

  const del = await as.admin.request('DELETE', `${V1}/admin/webhooks/${made.body.id}`);
  expect(del.body).toEqual({ id: made.body.id, deleted: true });
  expect((await as.admin.request('DELETE', `${V1}/admin/webhooks/${made.body.id}`)).status).toBe(404);
  const m2 = await putMessage(db, { recipientType: 'unit', recipientId: 'MCA' });
  await settled(db, [m2.id]);
  expect(rx.hits.filter((x) => x.path === '/mca')).toHaveLength(1);

  const actions = (await db.select().from(t.auditLog).where(eq(t.auditLog.target, made.body.id))).map((a) => a.action).sort();
  expect(actions).toEqual(['webhook.create', 'webhook.delete']);
  const audited = await db.select().from(t.auditLog).where(eq(t.auditLog.action, 'webhook.create'));
  expect(JSON.stringify(audited)).not.toContain(made.body.secret);
});

test('webhook input is checked: organisation, format, URL, secret; the answer is never replayed', async () => {
  const { as } = api;
  const ok = { name: '测试', recipientType: 'unit', recipientId: 'MCA', format: 'json', url: 'https://example.cn/hook' };
  const cases: [Record<string, unknown>, string][] = [
    [{ ...ok, recipientId: 'NOPE' }, 'recipientId'],
    [{ ...ok, recipientId: undefined }, 'recipientId'],
    [{ ...ok, recipientType: 'deputy' }, 'recipientType'],
    [{ ...ok, format: 'slack' }, 'format'],
    [{ ...ok, url: 'ftp://example.cn/x' }, 'url'],
    [{ ...ok, url: 'not a url' }, 'url'],
    [{ ...ok, secret: 'my-own-secret' }, 'secret'],
    [{ ...ok, recipientType: 'committee', recipientId: 'MCA' }, 'recipientId'],
    [{ ...ok, recipientType: 'secretariat', recipientId: 'other-congress' }, 'recipientId'],
    [{ ...ok, extra: 1 }, 'extra'],
  ];
  for (const [body, field] of cases) {
    const r = await as.admin.post(`${V1}/admin/webhooks`, body);
    expect({ field, status: r.status, got: r.body.error?.field }).toEqual({ field, status: 422, got: field });
  }
  const keyed = await as.admin.post(`${V1}/admin/webhooks`, ok, { 'Idempotency-Key': 'k1' });
  expect({ status: keyed.status, field: keyed.body.error.field }).toEqual({ status: 422, field: 'Idempotency-Key' });
  expect((await as.sec.post(`${V1}/admin/webhooks`, ok)).status).toBe(403);
  expect((await as.admin.request('DELETE', `${V1}/admin/webhooks/bad%20id`)).status).toBe(422);
  // A committee's bot is fine.
  expect((await as.admin.post(`${V1}/admin/webhooks`, { ...ok, recipientType: 'committee', recipientId: 'SAC', format: 'dingtalk', secret: 'SEC0123456789' })).status).toBe(201);
});
