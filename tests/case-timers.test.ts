// Every deadline and its ladder on the time-skipping server: months pass in milliseconds, and the
// test checks what was sent and when, and what must not be sent.
import { DateTime } from 'luxon';
import { WorkCalendar, datasetDays, localDate } from '../activities/calendar';
import { CalendarStore } from '../activities/calendar-store';
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { eventsOf, noticesOf, rowOf } from './support/read';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => { h = await harness('timers'); });
afterAll(async () => { await h?.teardown(); });

const cal = () => new WorkCalendar(datasetDays());
const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
const now = async () => (await h.env.currentTimeMs());

async function alarms(id: string, track: string) {
  return (await eventsOf(h.db.db, id)).filter((e) => (e.data as any)?.track === track && ['remind', 'chase', 'supervise', 'repeat', 'deadline_expired'].includes(e.type));
}

async function assigned(mode: 'single' | 'lead_co' = 'single') {
  const input = caseInput({ submitNow: true });
  await h.cases.start(input);
  await h.cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(input.id, 'assign', SECRETARIAT, mode === 'single'
    ? { mode: 'single', leadUnitId: 'MCA' } : { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  return input.id;
}

const track = async (id: string, trackId: string) => (await h.cases.state(id)).tracks.find((t) => t.id === trackId)!;
const sleepUntil = async (ms: number) => { const d = ms - (await now()); if (d > 0) await h.env.sleep(d); };

test('reply deadline: reminders 10 and 3 working days before, chase the day after, supervision 5 working days later, weekly repeats, and nothing after the reply', async () => {
  const id = await assigned();
  await h.cases.command(id, 'acknowledge', unit('MCA'), {});
  const reply = await track(id, 'reply:MCA');
  const lastDay = localDate(reply.dueAt - 1, ZONE);
  await sleepUntil(reply.dueAt + 24 * DAY);

  const fired = await alarms(id, 'reply:MCA');
  const c = cal();
  const at = (type: string) => fired.filter((e) => e.type === type).map((e) => local(e.at.getTime()));
  const reminders = at('remind');
  expect(reminders).toHaveLength(2);
  expect(reminders.map((d) => c.workingDaysBetween(d.toISODate()!, lastDay))).toEqual([10, 3]);
  expect(reminders.every((d) => d.hour === 9 && d.minute === 0)).toBe(true);
  const [chase] = at('chase');
  expect(at('chase')).toHaveLength(1);
  expect(chase.toISODate()).toBe(local(reply.dueAt).toISODate()); // the day after the last day
  expect(chase.hour).toBe(9);
  const [supervise] = at('supervise');
  expect(c.workingDaysBetween(chase.toISODate()!, supervise.toISODate()!)).toBe(5);
  const repeats = at('repeat');
  expect(repeats.map((d) => Math.round(d.diff(chase, 'days').days))).toEqual([7, 14, 21]);

  // The unit is chased in its inbox, and its supervision reaches the secretariat too.
  const notices = (await noticesOf(h.db.db, id)).filter((n) => n.id.includes(':reply:MCA:'));
  expect(notices.filter((n) => n.kind === 'chase' && n.recipientId === 'MCA')).toHaveLength(1);
  expect(notices.filter((n) => n.kind === 'supervise').map((n) => n.recipientType).sort()).toEqual(['secretariat', 'unit']);
  expect(notices.find((n) => n.kind === 'chase')!.subject).toMatch(/^【催办】答复已逾期/);
  expect((await rowOf(h.db.db, id)).overdueLevel).toBe(2);

  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'A', body: '已解决', signedBy: '李四' });
  expect((await rowOf(h.db.db, id)).overdueLevel).toBe(0);
  const before = (await alarms(id, 'reply:MCA')).length;
  await h.env.sleep(60 * DAY);
  expect((await alarms(id, 'reply:MCA')).length).toBe(before);

  // The deputy never rated it: the evaluation window ends as unevaluated and the case closes.
  const row = await rowOf(h.db.db, id);
  expect(row).toMatchObject({ status: 'closed', closure: 'unevaluated', satisfaction: 'unevaluated' });
  const evalReminders = (await alarms(id, 'eval:MCA:1')).filter((e) => e.type === 'remind');
  expect(evalReminders.length).toBeGreaterThan(0);
  expect((await noticesOf(h.db.db, id)).filter((n) => n.kind === 'remind' && n.recipientType === 'deputy').length).toBe(evalReminders.length);
});

test('a reply before the deadline means no reminder and no chase at all', async () => {
  const id = await assigned();
  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'A', body: '已解决', signedBy: '李四' });
  await h.cases.command(id, 'communicate', unit('MCA'), { phase: 'after', channel: 'visit', summary: '办后回访' });
  await h.env.sleep(120 * DAY);
  expect(await alarms(id, 'reply:MCA')).toHaveLength(0);
  expect((await noticesOf(h.db.db, id)).filter((n) => n.recipientType === 'unit' && ['remind', 'chase', 'supervise', 'repeat'].includes(n.kind))).toHaveLength(0);
});

test('an approved extension moves the reminders, the chase and the supervision', async () => {
  const id = await assigned();
  await h.cases.command(id, 'acknowledge', unit('MCA'), {});
  const original = await track(id, 'reply:MCA');
  let untilDay = local(original.dueAt).plus({ days: 30 });
  while (!cal().isWorkingDay(untilDay.toISODate()!)) untilDay = untilDay.plus({ days: 1 });
  const until = untilDay.toISODate()!;
  await expect(h.cases.command(id, 'requestExtension', unit('MCA'), { reason: '涉及多部门', until: local(original.dueAt).plus({ months: 5 }).toISODate()! }))
    .rejects.toMatchObject({ refusal: { code: 'invalid_input', field: 'until' } });
  await h.cases.command(id, 'requestExtension', unit('MCA'), { reason: '需开展实地调研', until });
  const req = (await h.cases.state(id)).extensions[0];
  await h.cases.command(id, 'decideExtension', SECRETARIAT, { requestId: req.id, approve: true });
  const moved = await track(id, 'reply:MCA');
  expect(localDate(moved.dueAt - 1, ZONE)).toBe(until);

  await sleepUntil(original.dueAt + 10 * DAY);
  expect((await alarms(id, 'reply:MCA')).filter((e) => e.type !== 'remind')).toHaveLength(0);
  await sleepUntil(moved.dueAt + 2 * DAY);
  const fired = await alarms(id, 'reply:MCA');
  const chase = fired.find((e) => e.type === 'chase')!;
  expect(local(chase.at.getTime()).toISODate()).toBe(local(moved.dueAt).toISODate());
  // Reminders re-armed for the new date: the last one is 3 working days before it.
  const lastRemind = fired.filter((e) => e.type === 'remind').at(-1)!;
  expect(cal().workingDaysBetween(local(lastRemind.at.getTime()).toISODate()!, until)).toBe(3);
  expect((await noticesOf(h.db.db, id)).filter((n) => n.kind === 'extension_approved').map((n) => n.recipientType).sort()).toEqual(['deputy', 'unit']);
});

test('a co-handler that misses its opinion deadline is chased, and the lead unit is told', async () => {
  const id = await assigned('lead_co');
  const opinion = await track(id, 'opinion:MOF');
  await sleepUntil(opinion.dueAt + 12 * DAY);
  const fired = await alarms(id, 'opinion:MOF');
  expect(fired.map((e) => e.type)).toEqual(expect.arrayContaining(['chase', 'supervise']));
  const notices = await noticesOf(h.db.db, id);
  expect(notices.filter((n) => n.kind === 'chase' && n.recipientId === 'MOF')).toHaveLength(1);
  expect(notices.filter((n) => n.kind === 'opinion_overdue' && n.recipientId === 'MCA').length).toBeGreaterThanOrEqual(1);
  await expect(h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'B', body: '答复', signedBy: '王五' }))
    .rejects.toMatchObject({ refusal: { code: 'illegal_transition' } });
});

test('after the return window a return is refused and the unit is deemed to have acknowledged', async () => {
  const id = await assigned();
  const window = await track(id, 'return:MCA');
  expect(window.dueAt - (await now())).toBeGreaterThan(9 * DAY);
  await sleepUntil(window.dueAt + 1000);
  await expect(h.cases.command(id, 'requestReturn', unit('MCA'), { reason: '不属于本单位职责' }))
    .rejects.toMatchObject({ refusal: { code: expect.stringMatching(/late|illegal_transition/) } });
  const types = (await eventsOf(h.db.db, id)).map((e) => e.type);
  expect(types).toContain('deemed_acknowledged');
});

test('re-handling has its own deadline; a second "unsatisfied" is escalated, not re-handled again', async () => {
  const id = await assigned();
  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'C', body: '暂不具备条件', signedBy: '李四' });
  await h.cases.command(id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'unsatisfied', reasons: '未回应核心诉求' });
  expect((await rowOf(h.db.db, id)).status).toBe('reviewing');
  await h.cases.command(id, 'decideRehandling', SECRETARIAT, { decision: 'rehandle', unitId: 'MCA', note: '请重新研究办理' });
  const re = await track(id, 'rehandle:MCA:2');
  expect(local(re.dueAt).diff(local(await now()), 'days').days).toBeGreaterThan(27);
  await sleepUntil(re.dueAt + 2 * DAY);
  expect((await alarms(id, 'rehandle:MCA:2')).map((e) => e.type)).toContain('chase');
  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'B', body: '重新答复', signedBy: '李四' });
  await h.cases.command(id, 'evaluate', deputy('d1'), { attitude: 'unsatisfied', result: 'unsatisfied', reasons: '仍未解决' });
  await expect(h.cases.command(id, 'decideRehandling', SECRETARIAT, { decision: 'rehandle', unitId: 'MCA', note: '再办' }))
    .rejects.toMatchObject({ refusal: { code: 'illegal_transition' } });
  await h.cases.command(id, 'escalate', SECRETARIAT, { unitId: 'MCA', measure: 'joint_meeting', note: '组织代表与单位见面沟通' });
  expect(await rowOf(h.db.db, id)).toMatchObject({ status: 'closed', closure: 'escalated', rehandlingCount: 1 });
});

test('working-day deadlines skip a Spring Festival block and count its make-up working days; a correction re-arms them', async () => {
  // The statutory data for future years arrives each November; the test writes its own block
  // ahead of the server's clock, as an admin would, so it holds whatever today's date is.
  const store = new CalendarStore(h.db.db);
  const start = local(await now()).plus({ days: 5 }).startOf('day');
  const holiday = Array.from({ length: 9 }, (_, i) => start.plus({ days: i }).toISODate()!);
  for (const d of holiday) await store.setDay('npc14', d, 'holiday', '春节');
  let makeUp = start.plus({ days: 9 });
  while (makeUp.weekday !== 6) makeUp = makeUp.plus({ days: 1 });
  await store.setDay('npc14', makeUp.toISODate()!, 'workday', '春节调休');

  const id = await assigned();
  const contact = await track(id, 'contact:MCA');
  // Count 20 working days by hand: weekdays outside the block, plus the make-up day.
  const off = new Set(holiday);
  let d = local(await now()).startOf('day');
  for (let n = 0; n < 20;) {
    d = d.plus({ days: 1 });
    const iso = d.toISODate()!;
    if (iso === makeUp.toISODate() || (d.weekday < 6 && !off.has(iso))) n++;
  }
  expect(localDate(contact.dueAt - 1, ZONE)).toBe(d.toISODate());

  // An admin adds one more day off inside the window; the running case re-plans its deadline.
  const extra = d.minus({ days: 1 }).weekday < 6 ? d.minus({ days: 1 }) : d.minus({ days: 3 });
  await store.setDay('npc14', extra.toISODate()!, 'holiday', '更正');
  await h.cases.recalculate([id]);
  await h.env.sleep(1000);
  const moved = await track(id, 'contact:MCA');
  expect(moved.dueAt).toBeGreaterThan(contact.dueAt);
  expect((await eventsOf(h.db.db, id)).map((e) => e.type)).toContain('deadlines_recalculated');
});

test('a disclosure decided on the first of two separate replies leaves no publication deadline to chase', async () => {
  const input = caseInput({ submitNow: true });
  await h.cases.start(input);
  const id = input.id;
  await h.cases.command(id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(id, 'assign', SECRETARIAT, { mode: 'separate', separateUnitIds: ['MCA', 'MOF'] });
  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'A', body: '已解决', signedBy: '李四' });
  await h.cases.command(id, 'disclosure', SECRETARIAT, { publish: true });
  await h.cases.command(id, 'reply', unit('MOF'), { resultClass: 'B', body: '正在解决', signedBy: '王五' });
  expect((await h.cases.state(id)).tracks.find((t) => t.id === 'publish')).toBeUndefined();
  await h.env.sleep(60 * DAY);
  expect((await alarms(id, 'publish'))).toHaveLength(0);
  expect((await noticesOf(h.db.db, id)).filter((n) => n.id.includes(':publish:'))).toHaveLength(0);
});
