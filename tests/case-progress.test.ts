// Key suggestions: the supervising committee asks a unit for a progress report by a date. The
// request runs the same reminder ladder as any deadline, the committee hears when the unit is late,
// and a report ends it: nothing is sent after that. On the time-skipping server.
import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import type { Actor } from '../schema/commands';
import { WorkCalendar, datasetDays } from '../activities/calendar';
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { eventsOf, noticesOf, rowOf } from './support/read';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const SAC: Actor = { role: 'committee', id: 'u-sac', committeeId: 'SAC' };
const EAC: Actor = { role: 'committee', id: 'u-eac', committeeId: 'EAC' };

let h: Harness;
beforeAll(async () => { h = await harness('progress'); });
afterAll(async () => { await h?.teardown(); });

const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
const today = async () => local(await h.env.currentTimeMs());
const sleepUntil = async (ms: number) => { const d = ms - (await h.env.currentTimeMs()); if (d > 0) await h.env.sleep(d); };

async function keyCase(opts: { key?: boolean } = {}): Promise<string> {
  const input = caseInput({ submitNow: true });
  await h.cases.start(input);
  await h.cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(input.id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  if (opts.key !== false) await h.cases.command(input.id, 'markKey', SECRETARIAT, { committeeId: 'SAC', decision: '主任会议确定的重点督办建议' });
  return input.id;
}

const progressAlarms = async (id: string) => (await eventsOf(h.db.db, id))
  .filter((e) => String((e.data as any)?.track ?? '').startsWith('progress:') && ['remind', 'chase', 'supervise', 'repeat'].includes(e.type));
const requestsOf = (id: string) => h.db.db.select().from(t.progressRequests).where(eq(t.progressRequests.suggestionId, id));

test('a dated request: reminders 10 and 3 working days before, a chase the day after that the committee hears of, and silence after the report', async () => {
  const id = await keyCase();
  const due = (await today()).plus({ days: 45 }).toISODate()!;
  await h.cases.command(id, 'requestProgress', SAC, { unitId: 'MCA', note: '请报告调研和政策起草进展', dueDate: due });

  const [req] = await requestsOf(id);
  expect(req).toMatchObject({ unitId: 'MCA', committeeId: 'SAC', status: 'pending', requestedByRole: 'committee' });
  // Due at the end of the date the committee gave.
  expect(local(req.dueAt.getTime() - 1).toISODate()).toBe(due);
  const asked = (await noticesOf(h.db.db, id)).filter((n) => n.kind === 'progress_requested');
  expect(asked.map((n) => `${n.recipientType}:${n.recipientId}`)).toEqual(['unit:MCA']);
  expect(asked[0].body).toContain(due);

  await sleepUntil(req.dueAt.getTime() + 2 * DAY);
  const fired = await progressAlarms(id);
  const cal = new WorkCalendar(datasetDays());
  const reminders = fired.filter((e) => e.type === 'remind').map((e) => local(e.at.getTime()));
  expect(reminders.map((d) => cal.workingDaysBetween(d.toISODate()!, due))).toEqual([10, 3]);
  expect(reminders.every((d) => d.hour === 9)).toBe(true);
  expect(fired.filter((e) => e.type === 'chase')).toHaveLength(1);
  const chased = (await noticesOf(h.db.db, id)).filter((n) => n.id.includes(':progress:') && (n.kind === 'chase' || n.kind === 'progress_chase'));
  expect(chased.map((n) => `${n.kind}:${n.recipientType}:${n.recipientId}`).sort()).toEqual(['chase:unit:MCA', 'progress_chase:committee:SAC']);
  expect(chased.find((n) => n.kind === 'chase')!.subject).toMatch(/^【催办】进展报告已逾期/);
  expect((await rowOf(h.db.db, id)).overdueLevel).toBeGreaterThanOrEqual(1);

  await h.cases.command(id, 'progressReport', unit('MCA'), { body: '已完成专题调研，政策文件正在征求意见' });
  const [done] = await requestsOf(id);
  expect(done).toMatchObject({ status: 'reported', report: '已完成专题调研，政策文件正在征求意见' });
  expect((await noticesOf(h.db.db, id)).filter((n) => n.kind === 'progress_reported').map((n) => n.recipientId)).toEqual(['SAC']);
  const steps = (await eventsOf(h.db.db, id)).map((e) => e.step);
  expect(steps).toEqual(expect.arrayContaining(['Task_RequestProgressReport', 'Task_ProgressReport', 'Timer_ProgressReport_Chase']));

  const count = (await progressAlarms(id)).length;
  await h.env.sleep(40 * DAY);
  expect((await progressAlarms(id)).length).toBe(count); // no supervision, no weekly repeat after the report
});

test('without a date the profile\'s span applies (10 working days), and the secretariat may ask too', async () => {
  const id = await keyCase();
  const asked = await today();
  await h.cases.command(id, 'requestProgress', SECRETARIAT, { unitId: 'MOF', note: '请协办单位报告进展' });
  const [req] = await requestsOf(id);
  const cal = new WorkCalendar(datasetDays());
  expect(cal.workingDaysBetween(asked.toISODate()!, local(req.dueAt.getTime() - 1).toISODate()!)).toBe(10);
  // The committee supervising the item hears that the secretariat asked.
  expect((await noticesOf(h.db.db, id)).filter((n) => n.kind === 'progress_requested').map((n) => `${n.recipientType}:${n.recipientId}`).sort())
    .toEqual(['committee:SAC', 'unit:MOF']);
});

test('a unit that leaves the case owes no report: the request is cancelled and never chased', async () => {
  const id = await keyCase();
  await h.cases.command(id, 'requestProgress', SAC, { unitId: 'MOF', note: '请报告进展' });
  await h.cases.command(id, 'requestReturn', unit('MOF'), { reason: '不属于本单位职责' });
  await h.cases.command(id, 'decideReturn', SECRETARIAT, { unitId: 'MOF', approve: true });
  const [req] = await requestsOf(id);
  expect(req.status).toBe('cancelled');
  await h.env.sleep(30 * DAY);
  expect((await progressAlarms(id)).filter((e) => e.unitId === 'MOF')).toHaveLength(0);
});

describe('refused, with a reason and nothing written', () => {
  const refusals: [string, { key?: boolean; pending?: boolean }, 'requestProgress' | 'progressReport', Actor, Record<string, unknown>, string, string | undefined][] = [
    ['only key suggestions take progress reports', { key: false }, 'requestProgress', SECRETARIAT, { unitId: 'MCA', note: '请报告' }, 'illegal_transition', undefined],
    ['another committee may not ask', {}, 'requestProgress', EAC, { unitId: 'MCA', note: '请报告' }, 'forbidden', undefined],
    ['a unit may not ask', {}, 'requestProgress', unit('MCA'), { unitId: 'MOF', note: '请报告' }, 'forbidden', undefined],
    ['a deputy may not ask', {}, 'requestProgress', deputy('d1'), { unitId: 'MCA', note: '请报告' }, 'forbidden', undefined],
    ['only a unit of the case can be asked', {}, 'requestProgress', SAC, { unitId: 'MOE', note: '请报告' }, 'invalid_input', 'unitId'],
    ['a date in the past is refused', {}, 'requestProgress', SAC, { unitId: 'MCA', note: '请报告', dueDate: '2020-01-01' }, 'invalid_input', 'dueDate'],
    ['one open request per unit', { pending: true }, 'requestProgress', SAC, { unitId: 'MCA', note: '再次要求' }, 'illegal_transition', 'unitId'],
    ['no report without a request', {}, 'progressReport', unit('MCA'), { body: '进展' }, 'illegal_transition', undefined],
    ['another unit cannot answer the request', { pending: true }, 'progressReport', unit('MOE'), { body: '进展' }, 'forbidden', undefined],
    ['the committee cannot report for the unit', { pending: true }, 'progressReport', SAC, { body: '进展' }, 'forbidden', undefined],
    ['an unknown request id is named', { pending: true }, 'progressReport', unit('MCA'), { body: '进展', requestId: 'nope' }, 'not_found', 'requestId'],
  ];
  test.each(refusals)('%s', async (_name, setup, command, actor, input, code, field) => {
    const id = await keyCase({ key: setup.key });
    if (setup.pending) await h.cases.command(id, 'requestProgress', SAC, { unitId: 'MCA', note: '请报告' });
    const before = await rowOf(h.db.db, id);
    const events = (await eventsOf(h.db.db, id)).length;
    const notices = (await noticesOf(h.db.db, id)).length;
    const err = await h.cases.command(id, command, actor, input as any).then(() => undefined, (e) => e);
    expect(err?.refusal).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(err.refusal.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect((await rowOf(h.db.db, id)).version).toBe(before.version);
    expect((await eventsOf(h.db.db, id)).length).toBe(events);
    expect((await noticesOf(h.db.db, id)).length).toBe(notices);
  });
});
