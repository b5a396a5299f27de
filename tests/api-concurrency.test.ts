// Two people, or one impatient browser, doing the same thing at the same moment: the case records
// it once, and a retried request with an Idempotency-Key is answered, not executed, again.
import { and, eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { hashPassword } from '../api/auth';
import { apiHarness, PASSWORD, Session, type ApiHarness } from './support/api-harness';

let api: ApiHarness;
let mca2: Session;
beforeAll(async () => {
  api = await apiHarness('apiconc');
  // A second member of staff at the same unit, with a browser of their own.
  await api.h.db.db.insert(t.users).values({ id: 'user:mca2', congressId: 'npc14', username: 'mca2', displayName: 'mca2',
    passwordHash: await hashPassword(PASSWORD), role: 'unit', unitId: 'MCA' });
  mca2 = new Session(api.base);
  expect((await mca2.signIn('mca2')).status).toBe(200);
});
afterAll(async () => { await api?.teardown(); });

const db = () => api.h.db.db;
const events = async (id: string, type: string) =>
  (await db().select().from(t.caseEvents).where(and(eq(t.caseEvents.suggestionId, id), eq(t.caseEvents.type, type))));

/** A case assigned to MCA alone, as the secretariat leaves it. */
async function assignedToMca(title: string): Promise<string> {
  const { as } = api;
  const created = await as.dep1.post('/api/v1/suggestions', { title, body: '正文', submit: true });
  expect(created.status).toBe(201);
  const id = created.body.id;
  expect((await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' })).status).toBe(200);
  expect((await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' })).status).toBe(200);
  return id;
}

test('two staff of one unit acknowledge the same item at once: one 200, one 409, one acknowledgement recorded', async () => {
  const id = await assignedToMca('关于同时签收的建议');
  const answers = await Promise.all([
    api.as.mca.post(`/api/v1/suggestions/${id}/acknowledge`, {}),
    mca2.post(`/api/v1/suggestions/${id}/acknowledge`, {}),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const refused = answers.find((a) => a.status === 409)!;
  expect(refused.body.error).toMatchObject({ code: 'illegal_transition' });
  expect(await events(id, 'acknowledged')).toHaveLength(1);
  const detail = await api.as.mca.get(`/api/v1/suggestions/${id}`);
  expect(detail.body.assignments).toEqual([expect.objectContaining({ unitId: 'MCA', status: 'acknowledged' })]);
  // The refusal is in the audit trail too, with who tried.
  const trail = await db().select().from(t.auditLog).where(and(eq(t.auditLog.target, id), eq(t.auditLog.action, 'suggestion.acknowledge')));
  expect(trail.map((e) => e.outcome).sort()).toEqual(['ok', 'refused']);
});

test('two replies sent at once: one is recorded, the other is refused', async () => {
  const id = await assignedToMca('关于同时答复的建议');
  const reply = (who: Session, signedBy: string) =>
    who.post(`/api/v1/suggestions/${id}/reply`, { resultClass: 'B', body: `答复正文（${signedBy}）`, signedBy });
  const answers = await Promise.all([reply(api.as.mca, '张三'), reply(mca2, '李四')]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const rows = await db().select().from(t.replies).where(eq(t.replies.suggestionId, id));
  expect(rows).toHaveLength(1);
  expect(await events(id, 'replied')).toHaveLength(1);
  const winner = answers.find((a) => a.status === 200)!;
  expect(rows[0].signedBy).toBe(winner.body.replies[0].signedBy);
  expect(winner.body.status).toBe('replied');
});

test('a create sent twice with the same Idempotency-Key makes one case and answers the retry with the first answer', async () => {
  const { as } = api;
  const body = { title: '关于重复提交的建议', body: '只应有一件', submit: true };
  const key = { 'idempotency-key': 'create-once-1' };
  const first = await as.dep2.post('/api/v1/suggestions', body, key);
  const second = await as.dep2.post('/api/v1/suggestions', body, key);
  expect(first.status).toBe(201);
  expect(second.status).toBe(201);
  expect(second.body.id).toBe(first.body.id);
  expect(second.body).toEqual(first.body);
  expect(first.headers.get('idempotent-replayed')).toBeNull();
  expect(second.headers.get('idempotent-replayed')).toBe('true');
  const cases = await db().select().from(t.suggestions).where(eq(t.suggestions.title, body.title));
  expect(cases).toHaveLength(1);
  expect(await events(first.body.id, 'created')).toHaveLength(1);
  const creates = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, 'suggestion.create'), eq(t.auditLog.target, first.body.id)));
  expect(creates).toHaveLength(1);
});

test('a double click (the same create with the same key, at once) makes one case, and both answers name it', async () => {
  const { as } = api;
  const body = { title: '关于双击提交的建议', body: '只应有一件' };
  const key = { 'idempotency-key': 'double-click-1' };
  const answers = await Promise.all([as.dep2.post('/api/v1/suggestions', body, key), as.dep2.post('/api/v1/suggestions', body, key)]);
  const cases = await db().select().from(t.suggestions).where(eq(t.suggestions.title, body.title));
  expect(cases).toHaveLength(1);
  expect(await events(cases[0].id, 'created')).toHaveLength(1);
  // The copy waits for the original's answer rather than failing with in_progress.
  expect(answers.map((a) => a.status)).toEqual([201, 201]);
  expect(answers.map((a) => a.body.id)).toEqual([cases[0].id, cases[0].id]);
  expect(answers.map((a) => a.headers.get('idempotent-replayed')).sort()).toEqual([null, 'true']);
});

test('the same key with a different body is a 422 idempotency_key_reused, and nothing is created', async () => {
  const { as } = api;
  const key = { 'idempotency-key': 'reused-1' };
  const first = await as.dep3.post('/api/v1/suggestions', { title: '关于密钥复用的建议', body: '第一次' }, key);
  expect(first.status).toBe(201);
  const other = await as.dep3.post('/api/v1/suggestions', { title: '关于密钥复用的建议', body: '第二次，内容不同' }, key);
  expect(other.status).toBe(422);
  expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key', zh: expect.any(String), en: expect.any(String), message: expect.any(String) });
  // The same key on another endpoint is another request too.
  const elsewhere = await as.dep3.post(`/api/v1/suggestions/${first.body.id}/submit`, {}, key);
  expect(elsewhere.status).toBe(422);
  expect(elsewhere.body.error.code).toBe('idempotency_key_reused');
  expect(await db().select().from(t.suggestions).where(eq(t.suggestions.title, '关于密钥复用的建议'))).toHaveLength(1);
  expect((await as.dep3.get(`/api/v1/suggestions/${first.body.id}`)).body.status).toBe('draft');
  // Keys belong to the user who sent them: another deputy may use the same string.
  const theirs = await as.dep1.post('/api/v1/suggestions', { title: '关于他人同名密钥的建议', body: '正文' }, key);
  expect(theirs.status).toBe(201);
  expect(theirs.headers.get('idempotent-replayed')).toBeNull();
});

test('a command retried with the same key is not executed twice: the contact is logged once', async () => {
  const id = await assignedToMca('关于重试沟通记录的建议');
  const contact = { phase: 'before', channel: 'phone', summary: '电话沟通了办理思路' };
  const key = { 'idempotency-key': `contact-${id}` };
  const first = await api.as.mca.post(`/api/v1/suggestions/${id}/communications`, contact, key);
  expect(first.status).toBe(200);
  const retried = await api.as.mca.post(`/api/v1/suggestions/${id}/communications`, contact, key);
  expect(retried.status).toBe(200);
  expect(retried.headers.get('idempotent-replayed')).toBe('true');
  expect(retried.body.version).toBe(first.body.version);
  expect(await db().select().from(t.communications).where(eq(t.communications.suggestionId, id))).toHaveLength(1);
  expect(await events(id, 'communication')).toHaveLength(1);
  const now = await api.as.mca.get(`/api/v1/suggestions/${id}`);
  expect(now.body.version).toBe(first.body.version);
  // Without a key, the same body is a new contact, as the user meant.
  expect((await api.as.mca.post(`/api/v1/suggestions/${id}/communications`, contact)).status).toBe(200);
  expect(await db().select().from(t.communications).where(eq(t.communications.suggestionId, id))).toHaveLength(2);
  // A double click on the command: both answers agree, one contact more.
  const again = { ...contact, phase: 'during', summary: '再次电话沟通' };
  const twice = await Promise.all([1, 2].map(() => api.as.mca.post(`/api/v1/suggestions/${id}/communications`, again, { 'idempotency-key': `contact2-${id}` })));
  expect(twice.map((a) => a.status)).toEqual([200, 200]);
  expect(twice[0].body.version).toBe(twice[1].body.version);
  expect(await db().select().from(t.communications).where(eq(t.communications.suggestionId, id))).toHaveLength(3);
});

test('a refused command is remembered under its key too: the retry gets the same refusal without a second attempt', async () => {
  const id = await assignedToMca('关于重试被拒命令的建议');
  const key = { 'idempotency-key': `early-eval-${id}` };
  const first = await api.as.dep1.post(`/api/v1/suggestions/${id}/evaluation`, { attitude: 'satisfied', result: 'satisfied' }, key);
  expect(first.status).toBe(409);
  const again = await api.as.dep1.post(`/api/v1/suggestions/${id}/evaluation`, { attitude: 'satisfied', result: 'satisfied' }, key);
  expect(again.status).toBe(409);
  expect(again.body).toEqual(first.body);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  const refusals = await db().select().from(t.auditLog).where(and(eq(t.auditLog.target, id), eq(t.auditLog.action, 'suggestion.evaluate')));
  expect(refusals).toHaveLength(1);
});
