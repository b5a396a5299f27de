// The secretariat's boards over HTTP, after months pass on the time-skipping server: the red list
// names each late deadline with its rung on the ladder, and the unit figures match what was driven.
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import * as t from '../schema/tables';
import { localDate } from '../activities/calendar';
import { apiHarness, type ApiHarness } from './support/api-harness';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
let api: ApiHarness;
let onTime: string;
let late: string;
let untouched: string;
let replyDue: number;

async function assigned(assignment: object): Promise<string> {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title: `关于第${Math.random().toString().slice(2, 6)}项事务的建议`, body: '正文', submit: true })).body.id;
  await ok('sec', id, '/review', { decision: 'accept' });
  await ok('sec', id, '/assignment', assignment);
  return id;
}
async function ok(who: keyof ApiHarness['as'], id: string, path: string, body: unknown) {
  const r = await api.as[who].post(`/api/v1/suggestions/${id}${path}`, body);
  expect({ path, status: r.status, body: r.body }).toMatchObject({ status: 200 });
  return r.body;
}

beforeAll(async () => {
  api = await apiHarness('apiboards');
  // MCA: one reply on time after an approved extension, and one reply never sent.
  onTime = await assigned({ mode: 'single', leadUnitId: 'MCA' });
  await ok('mca', onTime, '/acknowledge', {});
  await ok('mca', onTime, '/communications', { phase: 'before', channel: 'phone', summary: '电话沟通' });
  const due = (await api.h.cases.state(onTime)).tracks.find((x) => x.id === 'reply:MCA')!.dueAt;
  const asked = await ok('mca', onTime, '/extension-requests', { reason: '涉及多部门', until: localDate(due + 20 * DAY, ZONE) });
  await ok('sec', onTime, '/extension-decisions', { requestId: asked.extensions[0].id, approve: true });
  await ok('mca', onTime, '/reply', { resultClass: 'A', body: '已解决', signedBy: '张三' });
  await ok('dep1', onTime, '/evaluation', { attitude: 'satisfied', result: 'satisfied' });

  late = await assigned({ mode: 'single', leadUnitId: 'MCA' });
  await ok('mca', late, '/acknowledge', {});
  await ok('mca', late, '/communications', { phase: 'before', channel: 'visit', summary: '上门沟通' });
  // NHC leads and MOF co-handles; neither does anything at all.
  untouched = await assigned({ mode: 'lead_co', leadUnitId: 'NHC', coUnitIds: ['MOF'] });

  replyDue = (await api.h.cases.state(late)).tracks.find((x) => x.id === 'reply:MCA')!.dueAt;
  await api.h.env.sleep(replyDue + 10 * DAY - (await api.h.env.currentTimeMs()));
});
afterAll(async () => { await api?.teardown(); });

test('only the secretariat and admins see the boards', async () => {
  for (const path of ['/overdue', '/units', '/trends']) {
    for (const who of ['dep1', 'mca', 'cmt'] as const) {
      const r = await api.as[who].get(`/api/v1/boards${path}`);
      expect({ path, who, status: r.status, code: r.body.error.code }).toEqual({ path, who, status: 403, code: 'forbidden' });
    }
    expect((await api.anonymous.get(`/api/v1/boards${path}`)).status).toBe(401);
    expect((await api.as.admin.get(`/api/v1/boards${path}`)).status).toBe(200);
  }
});

test('the red list names each late deadline, its due date, days overdue and rung, most overdue first', async () => {
  const asOf = new Date(await api.h.env.currentTimeMs()).toISOString();
  const r = await api.as.sec.get(`/api/v1/boards/overdue?asOf=${asOf}`);
  expect(r.status).toBe(200);
  const rows = r.body.items.map((x: any) => [x.suggestionId, x.unitId, x.deadline, x.level]);
  expect(rows).toEqual(expect.arrayContaining([
    [late, 'MCA', 'reply', 2],
    [untouched, 'NHC', 'reply', 2],
    [untouched, 'NHC', 'firstContact', 1],
    [untouched, 'MOF', 'coHandlerOpinion', 2],
  ]));
  expect(r.body.items).toHaveLength(4);
  expect(r.body.items.some((x: any) => x.suggestionId === onTime)).toBe(false);
  const mca = r.body.items.find((x: any) => x.suggestionId === late);
  expect(mca).toMatchObject({ unit: 'MCA 单位', levelName: 'supervised', daysOverdue: 10 });
  expect(new Date(mca.dueAt).getTime()).toBe(replyDue);
  const days = r.body.items.map((x: any) => x.daysOverdue);
  expect(days).toEqual([...days].sort((a, b) => b - a));
  expect(days[0]).toBeGreaterThan(40);

  const mof = await api.as.admin.get(`/api/v1/boards/overdue?unitId=MOF&asOf=${asOf}`);
  expect(mof.body.items.map((x: any) => x.deadline)).toEqual(['coHandlerOpinion']);
  expect((await api.as.sec.get('/api/v1/boards/overdue?asOf=tomorrow')).body.error).toMatchObject({ field: 'asOf' });
});

test('unit figures count what each unit did, and list units with nothing assigned too', async () => {
  const r = await api.as.sec.get('/api/v1/boards/units');
  expect(r.status).toBe(200);
  const unit = (id: string) => r.body.items.find((x: any) => x.unitId === id);
  expect(r.body.items.map((x: any) => x.code)).toEqual(['MCA', 'MOE', 'MOF', 'NHC']);
  expect(unit('MCA')).toMatchObject({
    assigned: 2, acknowledged: 2, contacted: 2, replied: 1, onTimeReplies: 1, overdue: 1, supervised: 1, avgDaysToReply: 0,
    extensions: { requested: 1, approved: 1 }, satisfaction: { satisfied: 1, basicallySatisfied: 0, unsatisfied: 0, unevaluated: 0 },
  });
  expect(unit('MOF')).toMatchObject({ assigned: 1, opinions: 0, replied: 0, overdue: 1, extensions: { requested: 0 } });
  // Its return window ran out, so NHC is deemed to have signed for it.
  expect(unit('NHC')).toMatchObject({ assigned: 1, acknowledged: 1, contacted: 0, replied: 0, onTimeReplies: 0, overdue: 1, avgDaysToReply: null });
  expect(unit('MOE')).toMatchObject({ assigned: 0, overdue: 0, avgDaysToReply: null, satisfaction: { satisfied: 0 } });
});

// Last: it adds read-model rows the unit figures above do not expect.
test('trends count replies, evaluations by result and closed cases per month in Shanghai time, oldest first', async () => {
  const db = api.h.db.db;
  const month = DateTime.now().setZone(ZONE).startOf('month');
  // Half an hour into a month in Shanghai is still the month before in UTC.
  const early = (m: DateTime) => m.plus({ minutes: 30 }).toJSDate();
  const late = (m: DateTime) => m.endOf('month').minus({ minutes: 30 }).toJSDate();
  const [m2, m3, m13] = [month.minus({ months: 2 }), month.minus({ months: 3 }), month.minus({ months: 13 })];
  const at = early(m2);
  await db.insert(t.suggestions).values({ id: 'trend-1', congressId: 'npc14', title: '关于趋势统计的建议', body: '正文', source: 'session', leadDeputyId: 'd1',
    status: 'closed', step: 'closed', profileVersion: 1, createdAt: at, updatedAt: at, version: 1, closedAt: at });
  await db.insert(t.replies).values([
    { id: 'trend-r1', suggestionId: 'trend-1', unitId: 'MOE', round: 1, resultClass: 'B', body: '答复', signedBy: '王五', repliedAt: early(m2) },
    { id: 'trend-r2', suggestionId: 'trend-1', unitId: 'MOF', round: 1, resultClass: 'C', body: '答复', signedBy: '赵六', repliedAt: late(m3) },
    { id: 'trend-r3', suggestionId: 'trend-1', unitId: 'MOE', round: 0, resultClass: 'A', body: '早先的答复', signedBy: '王五', repliedAt: early(m13) },
  ]);
  const rating = (id: string, result: string | null, when: Date) => ({ id, suggestionId: 'trend-1', unitId: 'MOE', round: 1, deputyId: 'd1', attitude: result, result, unevaluated: result === null, at: when });
  await db.insert(t.evaluations).values([
    rating('trend-e1', 'satisfied', early(m2)), rating('trend-e2', 'basically_satisfied', late(m2)),
    rating('trend-e3', 'unsatisfied', late(m3)), rating('trend-e4', null, early(m3)),
  ]);

  // What the driven cases added: MCA's one reply and its satisfied evaluation, which closed the case.
  const [reply] = await db.select().from(t.replies).where(eq(t.replies.suggestionId, onTime));
  const [rated] = await db.select().from(t.evaluations).where(eq(t.evaluations.suggestionId, onTime));
  const [closedCase] = await db.select().from(t.suggestions).where(eq(t.suggestions.id, onTime));
  const monthOf = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM') : null);

  const r = await api.as.sec.get('/api/v1/boards/trends');
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ zone: ZONE, months: 12 });
  const months = r.body.items.map((x: any) => x.month);
  expect(months).toHaveLength(12);
  expect(months.at(-1)).toBe(month.toFormat('yyyy-MM'));
  expect(months[0]).toBe(month.minus({ months: 11 }).toFormat('yyyy-MM'));
  const expected = new Map<string, any>(months.map((m: string) => [m, { month: m, replies: 0, evaluations: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, unevaluated: 0 }, closed: 0 }]));
  const add = (m: string | null, f: (x: any) => void) => { if (m && expected.has(m)) f(expected.get(m)); };
  add(m2.toFormat('yyyy-MM'), (x) => { x.replies += 1; x.closed += 1; x.evaluations.satisfied += 1; x.evaluations.basicallySatisfied += 1; });
  add(m3.toFormat('yyyy-MM'), (x) => { x.replies += 1; x.evaluations.unsatisfied += 1; x.evaluations.unevaluated += 1; });
  add(monthOf(reply.repliedAt), (x) => { x.replies += 1; });
  add(monthOf(rated.at), (x) => { x.evaluations.satisfied += 1; });
  add(monthOf(closedCase.closedAt), (x) => { x.closed += 1; });
  expect(r.body.items).toEqual([...expected.values()]);
  // The reply of 13 months ago is outside a year, inside 14 months.
  const longer = await api.as.admin.get('/api/v1/boards/trends?months=14');
  expect(longer.body.items).toHaveLength(14);
  expect(longer.body.items[0]).toMatchObject({ month: month.minus({ months: 13 }).toFormat('yyyy-MM'), replies: 1 });
  expect((await api.as.sec.get('/api/v1/boards/trends?months=1')).body.items.map((x: any) => x.month)).toEqual([month.toFormat('yyyy-MM')]);

  for (const months of ['0', '37', 'x', '1.5']) {
    const bad = await api.as.sec.get(`/api/v1/boards/trends?months=${months}`);
    expect({ months, status: bad.status, field: bad.body.error?.field }).toEqual({ months, status: 422, field: 'months' });
  }
  expect((await api.as.sec.get('/api/v1/boards/trends?year=2026')).status).toBe(422);
});
