// A small read model with known answers for the bulletin and report suites: five suggestions of
// session s1 handled by four units in March–April 2026 (Asia/Shanghai), written the way the
// projection writes them. The expected figures are worked out by hand in the suites.
import * as t from '../schema/tables';
import type { Db } from '../activities/db';

export const CONGRESS = 'npc14';
export const UNIT_NAMES: Record<string, string> = { MCA: '民政部', MOF: '财政部', NHC: '国家卫生健康委', MOE: '教育部' };
const at = (s: string) => new Date(s);
/** Midnight at the end of a Shanghai date, as the planner sets a day-based deadline. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);

export async function seedReference(db: Db, opts: { congress?: boolean } = {}): Promise<void> {
  if (opts.congress !== false) await db.insert(t.congresses).values({ id: CONGRESS, name: '第十四届全国人民代表大会', level: 'national' });
  await db.insert(t.congressSessions).values([
    { id: 's1', congressId: CONGRESS, name: '第十四届全国人大四次会议', kind: 'session', startsOn: '2026-03-05' },
    { id: 's2', congressId: CONGRESS, name: '闭会期间', kind: 'inter_session', startsOn: '2026-03-12' },
  ]).onConflictDoNothing();
  await db.insert(t.handlingUnits).values(Object.entries(UNIT_NAMES).map(([id, nameZh]) => ({ id, congressId: CONGRESS, code: id, nameZh, kind: id === 'NHC' ? 'state_council_agency' : 'state_council_ministry' })))
    .onConflictDoNothing();
  await db.insert(t.delegations).values([
    { id: 'BJ', congressId: CONGRESS, code: 'BJ', nameZh: '北京市代表团' },
    { id: 'SH', congressId: CONGRESS, code: 'SH', nameZh: '上海市代表团' },
  ]).onConflictDoNothing();
  await db.insert(t.deputies).values(['d1', 'd2', 'd3'].map((id, i) => ({ id, congressId: CONGRESS, delegationId: i < 2 ? 'BJ' : 'SH', name: `代表${i + 1}` })))
    .onConflictDoNothing();
  await db.insert(t.committees).values([
    { id: 'SAC', congressId: CONGRESS, code: 'SAC', nameZh: '社会建设委员会' },
    { id: 'EAC', congressId: CONGRESS, code: 'EAC', nameZh: '民族委员会' },
  ]).onConflictDoNothing();
}

const ASSIGNED = at('2026-03-10T02:00:00Z');

export async function seedCases(db: Db): Promise<void> {
  const base = { congressId: CONGRESS, sessionId: 's1', body: '正文', source: 'session', step: 'Task_Reply', profileVersion: 1, version: 5,
    createdAt: at('2026-03-05T02:00:00Z'), updatedAt: at('2026-04-25T02:00:00Z'), assignedAt: ASSIGNED };
  await db.insert(t.suggestions).values([
    { ...base, id: 'S1', number: '14001', title: '关于加强农村养老服务的建议', categoryCode: 'SOC', delegationId: 'BJ', leadDeputyId: 'd1', status: 'closed',
      assignMode: 'lead_co', resultClass: 'A', attitude: 'satisfied', satisfaction: 'satisfied', evaluationRound: 1, closedAt: at('2026-04-20T02:00:00Z'), closure: 'evaluated' },
    { ...base, id: 'S2', number: '14002', title: '关于完善地方债务管理的建议', categoryCode: 'FIN', delegationId: 'BJ', leadDeputyId: 'd2', status: 'handling',
      assignMode: 'single', overdueLevel: 1, source: 'delegation' },
    { ...base, id: 'S3', number: '14003', title: '关于推进医养结合的建议', categoryCode: 'SOC', delegationId: 'SH', leadDeputyId: 'd3', status: 'handling',
      assignMode: 'separate', resultClass: 'B', satisfaction: 'basically_satisfied', attitude: 'satisfied' },
    { ...base, id: 'S4', number: '14004', title: '关于支持基层医疗机构的建议', categoryCode: 'FIN', delegationId: 'SH', leadDeputyId: 'd1', status: 'handling',
      assignMode: 'single', isKey: true, committeeId: 'SAC', assignedAt: at('2026-04-05T02:00:00Z') },
    { ...base, id: 'S5', number: '14005', title: '关于改善学前教育的建议', categoryCode: 'SOC', delegationId: 'BJ', leadDeputyId: 'd3', status: 'replied',
      assignMode: 'single', resultClass: 'C', sessionId: 's2', source: 'inter_session' },
  ]);
  await db.insert(t.cosigners).values({ suggestionId: 'S1', deputyId: 'd2', status: 'confirmed', answeredAt: at('2026-03-06T02:00:00Z') });
  await db.insert(t.assignments).values([
    { suggestionId: 'S1', unitId: 'MCA', role: 'lead', status: 'replied', assignedAt: ASSIGNED, acknowledgedAt: at('2026-03-11T02:00:00Z'),
      firstContactAt: at('2026-03-15T02:00:00Z'), repliedAt: at('2026-04-10T02:00:00Z'), firstContactDueAt: endOf('2026-04-07'), replyDueAt: endOf('2026-06-10') },
    { suggestionId: 'S1', unitId: 'MOF', role: 'co', status: 'acknowledged', assignedAt: ASSIGNED, acknowledgedAt: at('2026-03-11T02:00:00Z'),
      opinionAt: at('2026-03-25T02:00:00Z'), opinionDueAt: endOf('2026-04-10') },
    { suggestionId: 'S2', unitId: 'MOF', role: 'lead', status: 'acknowledged', assignedAt: ASSIGNED, acknowledgedAt: at('2026-03-12T02:00:00Z'),
      firstContactDueAt: endOf('2026-04-07'), replyDueAt: endOf('2026-04-19'), overdueLevel: 1 },
    { suggestionId: 'S3', unitId: 'MCA', role: 'separate', status: 'replied', assignedAt: ASSIGNED, acknowledgedAt: at('2026-03-11T02:00:00Z'),
      firstContactAt: at('2026-03-20T02:00:00Z'), repliedAt: at('2026-03-28T02:00:00Z'), replyDueAt: endOf('2026-06-10') },
    { suggestionId: 'S3', unitId: 'NHC', role: 'separate', status: 'acknowledged', assignedAt: ASSIGNED, acknowledgedAt: at('2026-03-12T02:00:00Z'),
      firstContactAt: at('2026-04-02T02:00:00Z'), firstContactDueAt: endOf('2026-04-07'), replyDueAt: endOf('2026-07-31') },
    { suggestionId: 'S4', unitId: 'NHC', role: 'lead', status: 'pending', assignedAt: at('2026-04-05T02:00:00Z'),
      firstContactDueAt: endOf('2026-05-05'), replyDueAt: endOf('2026-07-05') },
    { suggestionId: 'S5', unitId: 'MOE', role: 'lead', status: 'returned', assignedAt: ASSIGNED, returnReason: '不属于本单位职责' },
    { suggestionId: 'S5', unitId: 'MCA', role: 'lead', status: 'replied', assignedAt: at('2026-03-21T02:00:00Z'), acknowledgedAt: at('2026-03-22T02:00:00Z'),
      firstContactAt: at('2026-04-01T02:00:00Z'), repliedAt: at('2026-04-25T02:00:00Z'), firstContactDueAt: endOf('2026-04-17'), replyDueAt: endOf('2026-06-21') },
  ]);
  await db.insert(t.communications).values([
    { id: 'S1:c1', suggestionId: 'S1', unitId: 'MCA', authorRole: 'unit', authorId: 'u', phase: 'before', channel: 'phone', occurredAt: at('2026-03-15T02:00:00Z'), summary: '电话沟通' },
    { id: 'S3:c1', suggestionId: 'S3', unitId: 'MCA', authorRole: 'unit', authorId: 'u', phase: 'before', channel: 'visit', occurredAt: at('2026-03-20T02:00:00Z'), summary: '走访' },
    { id: 'S3:c2', suggestionId: 'S3', unitId: 'NHC', authorRole: 'unit', authorId: 'u', phase: 'before', channel: 'phone', occurredAt: at('2026-04-02T02:00:00Z'), summary: '电话' },
    { id: 'S5:c1', suggestionId: 'S5', unitId: 'MCA', authorRole: 'unit', authorId: 'u', phase: 'before', channel: 'meeting', occurredAt: at('2026-04-01T02:00:00Z'), summary: '座谈' },
  ]);
  await db.insert(t.opinions).values({ id: 'S1:o:MOF', suggestionId: 'S1', unitId: 'MOF', body: '协办意见', at: at('2026-03-25T02:00:00Z') });
  await db.insert(t.extensionRequests).values({ id: 'S3:x1', suggestionId: 'S3', unitId: 'NHC', reason: '需跨部门调研', requestedDueAt: endOf('2026-07-31'),
    status: 'approved', requestedAt: at('2026-04-05T02:00:00Z'), decidedAt: at('2026-04-06T02:00:00Z') });
  await db.insert(t.replies).values([
    { id: 'S1:r:MCA:1', suggestionId: 'S1', unitId: 'MCA', round: 1, resultClass: 'A', body: '答复', signedBy: '部长', repliedAt: at('2026-04-10T02:00:00Z') },
    { id: 'S3:r:MCA:1', suggestionId: 'S3', unitId: 'MCA', round: 1, resultClass: 'B', body: '答复', signedBy: '部长', commitments: '2027年完成试点', repliedAt: at('2026-03-28T02:00:00Z') },
    { id: 'S5:r:MCA:1', suggestionId: 'S5', unitId: 'MCA', round: 1, resultClass: 'C', body: '答复', signedBy: '部长', commitments: '条件成熟时推进', repliedAt: at('2026-04-25T02:00:00Z') },
  ]);
  await db.insert(t.evaluations).values([
    { id: 'S1:e:MCA:1', suggestionId: 'S1', unitId: 'MCA', round: 1, deputyId: 'd1', attitude: 'satisfied', result: 'satisfied', at: at('2026-04-20T02:00:00Z') },
    { id: 'S3:e:MCA:1', suggestionId: 'S3', unitId: 'MCA', round: 1, deputyId: 'd3', attitude: 'satisfied', result: 'basically_satisfied', at: at('2026-04-15T02:00:00Z') },
  ]);
  await db.insert(t.keySupervisions).values({ suggestionId: 'S4', committeeId: 'SAC', decision: '委员长会议确定', supervisingLeader: '张副委员长', governmentLeader: '李副总理',
    markedAt: at('2026-04-05T03:00:00Z') });
  await db.insert(t.supervisionNotes).values({ id: 'S4:n1', suggestionId: 'S4', committeeId: 'SAC', authorId: 'user:cmt', body: '请加快签收并联系代表', at: at('2026-04-20T02:00:00Z') });
  await db.insert(t.progressRequests).values({ id: 'S4:p1', suggestionId: 'S4', unitId: 'NHC', committeeId: 'SAC', requestedByRole: 'committee', requestedById: 'user:cmt',
    note: '请报告签收和联系代表情况', dueAt: endOf('2026-04-25'), status: 'pending', requestedAt: at('2026-04-20T02:00:00Z') });
  const ev = (id: string, sid: string, seq: number, type: string, unitId: string, when: string, data?: Record<string, unknown>) =>
    ({ id, suggestionId: sid, congressId: CONGRESS, seq, type, step: 'Step', actorRole: 'system', actorId: 'system', unitId, at: at(when), data: data ?? null });
  await db.insert(t.caseEvents).values([
    ev('S2:e1', 'S2', 1, 'chase', 'MOF', '2026-04-21T01:00:00Z', { track: 'reply:MOF', dueAt: endOf('2026-04-19').getTime() }),
    ev('S5:e1', 'S5', 1, 'return_approved', 'MOE', '2026-03-20T02:00:00Z'),
  ]);
}
