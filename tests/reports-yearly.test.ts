// The yearly figures over the seeded read model, worked out by hand: the unit appraisal (on-time
// reply, contact, satisfaction first-round and final, solved, co-handler timeliness, re-handling),
// the annual handling report's counts, and a committee's supervision report.
import { freshDatabase, type TestDatabase } from './support/pg';
import { appraisalReport } from '../activities/reports/appraisal';
import { annualReport } from '../activities/reports/annual';
import { committeeReport } from '../activities/reports/committee';
import { CONGRESS, seedCases, seedReference } from './bulletin-seed';
import * as t from '../schema/tables';

let db: TestDatabase;
const NOW = Date.parse('2026-12-01T00:00:00Z'); // every deadline of the seed has passed

beforeAll(async () => {
  db = await freshDatabase('reports_yearly');
  await seedReference(db.db);
  await seedCases(db.db);
});
afterAll(async () => { await db?.drop(); });

test('unit appraisal for session s1', async () => {
  const r = (await appraisalReport(db.db, CONGRESS, 's1', NOW))!;
  expect(r.session).toEqual({ id: 's1', name: '第十四届全国人大四次会议', kind: 'session' });
  const pick = ({ unitId, assigned, toReply, replied, dueOrReplied, onTime, onTimeRate, contactRate, firstRoundRate, finalRate, solvedRate, coDue, coOnTime, coTimeliness, rehandled }: any) =>
    ({ unitId, assigned, toReply, replied, dueOrReplied, onTime, onTimeRate, contactRate, firstRoundRate, finalRate, solvedRate, coDue, coOnTime, coTimeliness, rehandled });
  expect(r.units.map(pick)).toEqual([
    // S1 (A, satisfied) and S3 (B, basically satisfied), both replied before their deadlines.
    { unitId: 'MCA', assigned: 2, toReply: 2, replied: 2, dueOrReplied: 2, onTime: 2, onTimeRate: 100, contactRate: 100, firstRoundRate: 100, finalRate: 100,
      solvedRate: 50, coDue: 0, coOnTime: 0, coTimeliness: null, rehandled: 0 },
    // Its opinion on S1 came in time; S2 was never contacted nor answered.
    { unitId: 'MOF', assigned: 2, toReply: 1, replied: 0, dueOrReplied: 1, onTime: 0, onTimeRate: 0, contactRate: 0, firstRoundRate: null, finalRate: null,
      solvedRate: null, coDue: 1, coOnTime: 1, coTimeliness: 100, rehandled: 0 },
    { unitId: 'NHC', assigned: 2, toReply: 2, replied: 0, dueOrReplied: 2, onTime: 0, onTimeRate: 0, contactRate: 50, firstRoundRate: null, finalRate: null,
      solvedRate: null, coDue: 0, coOnTime: 0, coTimeliness: null, rehandled: 0 },
  ]);
});

test('re-handling and a late first reply count against the unit; the final rating is the last round', async () => {
  // S3 at MCA: unsatisfied first, re-handled, then satisfied — in a session of its own.
  await db.db.insert(t.congressSessions).values({ id: 's9', congressId: CONGRESS, name: '测试会次', kind: 'session', startsOn: '2026-03-05' });
  const base = { congressId: CONGRESS, sessionId: 's9', body: '正文', source: 'session', step: 'Task_Reply', profileVersion: 1, version: 9, leadDeputyId: 'd1',
    createdAt: new Date('2026-03-05T02:00:00Z'), updatedAt: new Date('2026-06-01T02:00:00Z') };
  await db.db.insert(t.suggestions).values({ ...base, id: 'R1', number: '14901', title: '关于重新办理的建议', status: 'closed', resultClass: 'A', satisfaction: 'satisfied', rehandlingCount: 1 });
  await db.db.insert(t.assignments).values({ suggestionId: 'R1', unitId: 'MOE', role: 'lead', status: 'replied', assignedAt: new Date('2026-03-10T02:00:00Z'),
    firstContactAt: new Date('2026-03-12T02:00:00Z'), repliedAt: new Date('2026-07-01T02:00:00Z'), replyDueAt: new Date('2026-07-15T16:00:00Z') });
  await db.db.insert(t.replies).values([
    { id: 'R1:r:MOE:1', suggestionId: 'R1', unitId: 'MOE', round: 1, resultClass: 'C', body: '答复', signedBy: '部长', repliedAt: new Date('2026-06-12T02:00:00Z') },
    { id: 'R1:r:MOE:2', suggestionId: 'R1', unitId: 'MOE', round: 2, resultClass: 'A', body: '再答复', signedBy: '部长', repliedAt: new Date('2026-07-01T02:00:00Z') },
  ]);
  await db.db.insert(t.evaluations).values([
    { id: 'R1:e:MOE:1', suggestionId: 'R1', unitId: 'MOE', round: 1, result: 'unsatisfied', attitude: 'satisfied', reasons: '未解决', at: new Date('2026-06-15T02:00:00Z') },
    { id: 'R1:e:MOE:2', suggestionId: 'R1', unitId: 'MOE', round: 2, result: 'satisfied', attitude: 'satisfied', at: new Date('2026-07-05T02:00:00Z') },
  ]);
  const ev = (id: string, seq: number, type: string, at: string, data?: object) =>
    ({ id, suggestionId: 'R1', congressId: CONGRESS, seq, type, step: 'S', actorRole: 'system', actorId: 'system', unitId: 'MOE', at: new Date(at), data: data ?? null });
  await db.db.insert(t.caseEvents).values([
    ev('R1:1', 1, 'chase', '2026-06-11T01:00:00Z', { track: 'reply:MOE' }), // the first reply came a day after its deadline
    ev('R1:2', 2, 'rehandling_ordered', '2026-06-16T02:00:00Z'),
  ]);
  const [moe] = (await appraisalReport(db.db, CONGRESS, 's9', NOW))!.units;
  expect(moe).toMatchObject({ unitId: 'MOE', replied: 1, onTime: 0, onTimeRate: 0, firstRoundRate: 0, finalRate: 100, solved: 1, solvedRate: 100, rehandled: 1 });
  const annual = (await annualReport(db.db, CONGRESS, 's9', NOW))!;
  expect(annual).toMatchObject({ total: 1, rehandled: 1, satisfactionRate: 100 });
});

test('annual handling report for session s1 and for the inter-session items', async () => {
  const r = (await annualReport(db.db, CONGRESS, 's1', NOW))!;
  expect(r.total).toBe(4);
  expect(r.bySource).toEqual([{ key: 'session', count: 3, name: '大会期间' }, { key: 'delegation', count: 1, name: '代表团' }]);
  expect(r.byCategory.map((c) => [c.key, c.count])).toEqual([['FIN', 2], ['SOC', 2]]);
  expect(r.byCategory.find((c) => c.key === 'SOC')!.name).toBe('社会保障和就业');
  expect(r.byUnitKind).toEqual([{ key: 'state_council_ministry', count: 3, name: '国务院组成部门' }, { key: 'state_council_agency', count: 2, name: '国务院直属机构和办事机构' }]);
  expect([r.assigned, r.multiUnit, r.multiUnitShare]).toEqual([4, 2, 50]);
  expect(r.resultClasses).toEqual([{ key: 'A', count: 1, share: 50 }, { key: 'B', count: 1, share: 50 }, { key: 'C', count: 0, share: 0 }, { key: 'D', count: 0, share: 0 }]);
  expect(r.satisfaction.map((s) => [s.key, s.count])).toEqual([['satisfied', 1], ['basically_satisfied', 1], ['unsatisfied', 0], ['unevaluated', 0]]);
  expect(r.satisfactionRate).toBe(100);
  expect(r.rehandled).toBe(0);
  expect(r.key).toEqual({ count: 1, byCommittee: [{ key: 'SAC', count: 1, name: '社会建设委员会' }] });
  expect(r.commitments).toEqual({ replies: 1, suggestions: 1, byClass: [{ key: 'B', count: 1 }, { key: 'C', count: 0 }] });
  const s2 = (await annualReport(db.db, CONGRESS, 's2', NOW))!;
  // S5: MOE returned it, MCA answered alone — one unit, class C with a commitment.
  expect([s2.total, s2.bySource[0].key, s2.multiUnit, s2.resultClasses[2].count, s2.commitments.byClass[1].count]).toEqual([1, 'inter_session', 0, 1, 1]);
  expect(await annualReport(db.db, CONGRESS, 'nope', NOW)).toBeUndefined();
});

test('a committee report lists its key items with decision, leaders, notes and progress reports', async () => {
  const r = (await committeeReport(db.db, CONGRESS, 'SAC', NOW))!;
  expect(r.committee).toEqual({ id: 'SAC', name: '社会建设委员会' });
  expect(r.summary).toEqual({ items: 1, replied: 0, closed: 0, overdue: 0, notes: 1, progressRequested: 1, progressReported: 0 });
  const [s4] = r.items;
  expect(s4).toMatchObject({ id: 'S4', number: '14004', decision: '委员长会议确定', supervisingLeader: '张副委员长', governmentLeader: '李副总理', status: 'handling',
    units: [{ unitId: 'NHC', unit: '国家卫生健康委', role: 'lead', status: 'pending' }] });
  expect(s4.notes.map((n) => n.body)).toEqual(['请加快签收并联系代表']);
  expect(s4.progressReports).toEqual([expect.objectContaining({ unit: '国家卫生健康委', note: '请报告签收和联系代表情况', status: 'pending', overdue: true })]);
  expect((await committeeReport(db.db, CONGRESS, 'EAC', NOW))!.items).toEqual([]);
  expect(await committeeReport(db.db, CONGRESS, 'NOPE', NOW)).toBeUndefined();
});
