// The monthly bulletin over a seeded read model with answers worked out by hand: each unit's
// figures, the overdue list by name, the roll-ups, the colours, the ranking, the month-over-month
// change; a past month reported as it stood then; notices queued once however often it runs.
import { eq, like } from 'drizzle-orm';
import * as t from '../schema/tables';
import { bulletins } from '../schema/tables-bulletins';
import { createBulletinActivities } from '../activities/bulletin';
import type { Figures, Item } from '../activities/bulletin/types';
import { freshDatabase, type TestDatabase } from './support/pg';
import { CONGRESS, seedCases, seedReference } from './bulletin-seed';

let db: TestDatabase;
const acts = () => createBulletinActivities(db.db);
const JUNE = Date.parse('2026-06-15T00:00:00Z');
const run = (month: string) => acts().computeBulletin({ congressId: CONGRESS, month, at: JUNE, workflowId: 'test', trigger: 'api' });
const stored = async (month: string) => (await db.db.select().from(bulletins).where(eq(bulletins.id, `${CONGRESS}-${month}`)))[0];

beforeAll(async () => {
  db = await freshDatabase('bulletin_figures');
  await seedReference(db.db);
  await seedCases(db.db);
});
afterAll(async () => { await db?.drop(); });

const unit = (f: Figures, id: string) => f.units.find((u) => u.unitId === id)!;
const pick = <T extends object>(o: T, keys: (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const UNIT_KEYS = ['assigned', 'toReply', 'acknowledged', 'contacted', 'replied', 'opinionsDue', 'opinionsGiven', 'overdue', 'supervised', 'atRisk',
  'extensionsRequested', 'extensionsApproved', 'avgDaysToReply', 'replyRate', 'contactRate', 'colour', 'rank'] as const;

test('March, reported as it stood at the end of March (as-of 2026-04-01 00:00 Beijing time)', async () => {
  const ref = await run('2026-03');
  expect(ref).toMatchObject({ id: 'npc14-2026-03', month: '2026-03', asOf: '2026-03-31T16:00:00.000Z', items: 4, overdue: 0 });
  const f = (await stored('2026-03')).figures as Figures;
  expect(f.hasPrevious).toBe(false);
  // S4 was assigned in April; MOE's return of S5 was approved on 20 March, so MOE has nothing.
  expect(pick(unit(f, 'MCA'), [...UNIT_KEYS])).toEqual({ assigned: 3, toReply: 3, acknowledged: 3, contacted: 2, replied: 1, opinionsDue: 0, opinionsGiven: 0,
    overdue: 0, supervised: 0, atRisk: 0, extensionsRequested: 0, extensionsApproved: 0, avgDaysToReply: 18, replyRate: 33.3, contactRate: 66.7, colour: 'blue', rank: 1 });
  expect(pick(unit(f, 'MOF'), [...UNIT_KEYS])).toEqual({ assigned: 2, toReply: 1, acknowledged: 2, contacted: 0, replied: 0, opinionsDue: 1, opinionsGiven: 1,
    overdue: 0, supervised: 0, atRisk: 1, extensionsRequested: 0, extensionsApproved: 0, avgDaysToReply: null, replyRate: 0, contactRate: 0, colour: 'yellow', rank: 2 });
  expect(pick(unit(f, 'NHC'), ['assigned', 'acknowledged', 'contacted', 'atRisk', 'extensionsRequested', 'colour', 'rank'])).toEqual(
    { assigned: 1, acknowledged: 1, contacted: 0, atRisk: 1, extensionsRequested: 0, colour: 'yellow', rank: 3 });
  expect(pick(unit(f, 'MOE'), ['assigned', 'colour', 'rank'])).toEqual({ assigned: 0, colour: 'none', rank: null });
  expect(pick(f.overall, ['items', 'acknowledged', 'contacted', 'replied', 'closed', 'overdue', 'atRisk', 'extensions', 'avgDaysToReply', 'replyRate', 'contactRate', 'colours', 'colour']))
    .toEqual({ items: 4, acknowledged: 4, contacted: 2, replied: 0, closed: 0, overdue: 0, atRisk: 2, extensions: 0, avgDaysToReply: null, replyRate: 0, contactRate: 50,
      colours: { green: 0, blue: 2, yellow: 2, red: 0 }, colour: 'yellow' });
  expect(f.overdue).toEqual([]);
  expect(f.ranking.map((r) => r.unitId)).toEqual(['MCA', 'MOF', 'NHC']);
});

test('April: figures per unit, the overdue list by name, roll-ups, colours, ranking and the change since March', async () => {
  const ref = await run('2026-04');
  expect(ref).toMatchObject({ id: 'npc14-2026-04', asOf: '2026-04-30T16:00:00.000Z', items: 5, units: 3, overdue: 2 });
  const f = (await stored('2026-04')).figures as Figures;
  expect(f.hasPrevious).toBe(true);
  expect(pick(unit(f, 'MCA'), [...UNIT_KEYS])).toEqual({ assigned: 3, toReply: 3, acknowledged: 3, contacted: 3, replied: 3, opinionsDue: 0, opinionsGiven: 0,
    overdue: 0, supervised: 0, atRisk: 0, extensionsRequested: 0, extensionsApproved: 0, avgDaysToReply: 28, replyRate: 100, contactRate: 100, colour: 'blue', rank: 1 });
  expect(unit(f, 'MCA').satisfaction).toEqual({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 0, unevaluated: 0, rate: 100 });
  expect(unit(f, 'MCA').change).toEqual({ assigned: 0, replied: 2, overdue: 0, replyRate: 66.7, satisfactionRate: null, avgDaysToReply: 10 });
  expect(pick(unit(f, 'MOF'), [...UNIT_KEYS])).toEqual({ assigned: 2, toReply: 1, acknowledged: 2, contacted: 0, replied: 0, opinionsDue: 1, opinionsGiven: 1,
    overdue: 1, supervised: 0, atRisk: 0, extensionsRequested: 0, extensionsApproved: 0, avgDaysToReply: null, replyRate: 0, contactRate: 0, colour: 'red', rank: 3 });
  expect(unit(f, 'MOF').change).toMatchObject({ overdue: 1, replied: 0 });
  expect(pick(unit(f, 'NHC'), [...UNIT_KEYS])).toEqual({ assigned: 2, toReply: 2, acknowledged: 1, contacted: 1, replied: 0, opinionsDue: 0, opinionsGiven: 0,
    overdue: 0, supervised: 0, atRisk: 1, extensionsRequested: 1, extensionsApproved: 1, avgDaysToReply: null, replyRate: 0, contactRate: 50, colour: 'yellow', rank: 2 });

  // The red list names the item, the unit, the deadline and how late it is; MOF was chased on the reply.
  expect(f.overdue.map((o) => [o.number, o.title, o.unit, o.deadline, o.dueAt, o.daysOverdue, o.level])).toEqual([
    ['14002', '关于完善地方债务管理的建议', '财政部', 'firstContact', '2026-04-07T16:00:00.000Z', 23, 0],
    ['14002', '关于完善地方债务管理的建议', '财政部', 'reply', '2026-04-19T16:00:00.000Z', 11, 1],
  ]);
  expect(pick(f.overall, ['items', 'acknowledged', 'contacted', 'replied', 'closed', 'overdue', 'atRisk', 'extensions', 'avgDaysToReply', 'replyRate', 'contactRate', 'colours', 'colour']))
    .toEqual({ items: 5, acknowledged: 4, contacted: 3, replied: 2, closed: 1, overdue: 1, atRisk: 1, extensions: 1, avgDaysToReply: 33, replyRate: 40, contactRate: 60,
      colours: { green: 1, blue: 2, yellow: 1, red: 1 }, colour: 'red' });
  expect(f.overall.satisfaction).toEqual({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 0, unevaluated: 0, rate: 100 });
  expect(f.overall.change).toEqual({ assigned: 1, replied: 2, overdue: 1, replyRate: 40, satisfactionRate: null, avgDaysToReply: null });
  expect(f.delegations.map((d) => [d.key, d.name, d.items, d.replied, d.overdue, d.colour])).toEqual([
    ['BJ', '北京市代表团', 3, 2, 1, 'red'], ['SH', '上海市代表团', 2, 0, 0, 'yellow']]);
  expect(f.categories.map((c) => [c.key, c.items, c.replied, c.overdue, c.colour])).toEqual([['FIN', 2, 0, 1, 'red'], ['SOC', 3, 2, 0, 'blue']]);
  expect(f.categories.find((c) => c.key === 'SOC')!.change).toMatchObject({ assigned: 0, replied: 2 });
  expect(f.ranking.map((r) => [r.rank, r.unitId, r.rankChange])).toEqual([[1, 'MCA', 0], [2, 'NHC', 1], [3, 'MOF', -1]]);
  expect(f.committees).toEqual([{ committeeId: 'SAC', name: '社会建设委员会', items: 1, replied: 0, overdue: 0 }]);

  const items = (await stored('2026-04')).items as Item[];
  expect(items.map((i) => [i.id, i.stage, i.colour, i.satisfaction])).toEqual([
    ['S1', 'closed', 'green', 'satisfied'], ['S2', 'handling', 'red', null], ['S3', 'handling', 'blue', 'basically_satisfied'],
    ['S4', 'assigned', 'yellow', null], ['S5', 'replied', 'blue', null]]);
  expect(items.find((i) => i.id === 'S1')!.deputyIds).toEqual(['d1', 'd2']);
});

test('a later change to the read model does not alter what a past month reports', async () => {
  // A reply to S2 on 5 May: April still lists S2 as overdue, May does not (it lists S4, whose first contact fell due on 5 May).
  await db.db.update(t.assignments).set({ status: 'replied', repliedAt: new Date('2026-05-05T02:00:00Z') }).where(eq(t.assignments.suggestionId, 'S2'));
  await db.db.insert(t.replies).values({ id: 'S2:r:MOF:1', suggestionId: 'S2', unitId: 'MOF', round: 1, resultClass: 'B', body: '答复', signedBy: '部长', repliedAt: new Date('2026-05-05T02:00:00Z') });
  await run('2026-04');
  expect(((await stored('2026-04')).figures as Figures).overdue.map((o) => o.deadline)).toEqual(['firstContact', 'reply']);
  await run('2026-05');
  const may = (await stored('2026-05')).figures as Figures;
  expect(may.overdue.map((o) => [o.number, o.unitId, o.deadline, o.daysOverdue])).toEqual([['14004', 'NHC', 'firstContact', 26]]);
  expect(unit(may, 'MOF')).toMatchObject({ replied: 1, overdue: 0, avgDaysToReply: 56, change: { replied: 1, overdue: -1 } });
});

test('notices: each unit, the secretariat, each deputy and the supervising committee once, however often the month runs', async () => {
  const id = `${CONGRESS}-2026-04`;
  const first = await acts().queueBulletinNotices(id);
  expect(first).toBe(8); // secretariat + MCA, MOF, NHC + d1, d2, d3 + SAC; MOE has nothing assigned
  await run('2026-04');
  expect(await acts().queueBulletinNotices(id)).toBe(0);
  const rows = await db.db.select().from(t.outbox).where(like(t.outbox.id, `bulletin:${CONGRESS}:2026-04:%`));
  expect(rows.map((r) => r.id).sort()).toEqual([
    'bulletin:npc14:2026-04:committee:SAC', 'bulletin:npc14:2026-04:deputy:d1', 'bulletin:npc14:2026-04:deputy:d2', 'bulletin:npc14:2026-04:deputy:d3',
    'bulletin:npc14:2026-04:secretariat', 'bulletin:npc14:2026-04:unit:MCA', 'bulletin:npc14:2026-04:unit:MOF', 'bulletin:npc14:2026-04:unit:NHC',
  ].sort());
  const byId = new Map(rows.map((r) => [r.id, r]));
  const mof = byId.get('bulletin:npc14:2026-04:unit:MOF')!;
  expect(mof).toMatchObject({ recipientType: 'unit', recipientId: 'MOF', kind: 'bulletin', status: 'pending', subject: '【月度通报】2026年4月建议办理进度通报（财政部）' });
  expect(mof.body).toContain('14002号《关于完善地方债务管理的建议》 答复期限 2026-04-19，逾期 11 天（已催办）');
  // A unit's notice names only its own overdue items.
  expect(byId.get('bulletin:npc14:2026-04:unit:MCA')!.body).not.toContain('14002');
  expect(byId.get('bulletin:npc14:2026-04:secretariat')!).toMatchObject({ recipientType: 'secretariat', recipientId: CONGRESS });
  expect(byId.get('bulletin:npc14:2026-04:secretariat')!.body).toContain('/api/v1/bulletins/npc14-2026-04/html');
  const d3 = byId.get('bulletin:npc14:2026-04:deputy:d3')!.body;
  expect(d3).toContain('14003号《关于推进医养结合的建议》');
  expect(d3).toContain('14005号《关于改善学前教育的建议》：已答复');
  expect(d3).not.toContain('14001');
  const sac = byId.get('bulletin:npc14:2026-04:committee:SAC')!;
  expect(sac).toMatchObject({ recipientType: 'committee', subject: '【重点督办】2026年4月重点建议办理进度（社会建设委员会）' });
  expect(sac.body).toContain('14004号');
  expect(sac.body).not.toContain('14001');
});

test('a month that has not begun is refused, not stored', async () => {
  await expect(acts().computeBulletin({ congressId: CONGRESS, month: '2026-07', at: JUNE, workflowId: 'test' })).rejects.toThrow(/has not begun/);
  expect(await stored('2026-07')).toBeUndefined();
});
