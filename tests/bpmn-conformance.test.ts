// Real suggestion workflows on the time-skipping server, driven down every path of the model: every
// timer fires at least once and every gateway branch is taken. Each case's recorded path (its case
// events, from the read model) must replay over bpmn/suggestion.bpmn.
import { DateTime } from 'luxon';
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { caseTrace } from '../api/read/process';
import { loadModel, type ProcessModel } from '../bpmn/model';
import { replay } from '../bpmn/conformance';
import { recordableSteps } from '../bpmn/steps';
import type { Actor } from '../schema/commands';

const DAY = 86_400_000;
const COMMITTEE: Actor = { role: 'committee', id: 'u-sac', committeeId: 'SAC' };
let h: Harness;
let model: ProcessModel;
const recorded = new Set<string>();
const taken = new Set<string>();

beforeAll(async () => {
  h = await harness('bpmn');
  model = await loadModel();
});
afterAll(async () => { await h?.teardown(); });

const sleep = (days: number) => h.env.sleep(days * DAY);
const dateIn = async (days: number) => DateTime.fromMillis((await h.env.currentTimeMs()) + days * DAY, { zone: 'Asia/Shanghai' }).toISODate()!;
const cmd = (id: string, name: Parameters<Harness['cases']['command']>[1], actor: Actor, input: any = {}) => h.cases.command(id, name, actor, input);

/** The case's recorded path replays over the model; returns its steps. */
async function conforms(id: string): Promise<string[]> {
  const { trace, facts } = await caseTrace(h.db.db, id);
  const r = replay(model, trace, facts);
  if (!r.ok) throw new Error(`case ${id} deviates at #${r.deviation!.index} ${r.deviation!.step} (${r.deviation!.unitId ?? '-'}): ${r.deviation!.reason}\n${trace.map((e, i) => `${i} ${e.step} ${e.unitId ?? ''}`).join('\n')}`);
  for (const e of trace) recorded.add(e.step);
  for (const f of r.flows) taken.add(f);
  return trace.map((e) => e.step);
}

test('one unit that lets every deadline pass: assignment, first contact, reply ladder, evaluation window, publication', async () => {
  const input = caseInput({ cosignerIds: ['d2'] });
  const id = input.id;
  await h.cases.start(input);
  await cmd(id, 'editDraft', deputy('d1'), { title: input.title, body: `${input.body}（修改）`, cosignerIds: ['d2'] });
  await cmd(id, 'submit', deputy('d1'));
  await cmd(id, 'cosign', deputy('d2'), { agree: true });
  await cmd(id, 'review', SECRETARIAT, { decision: 'accept' });
  await sleep(12); // the assignment deadline (5 working days) passes: reminder, then the chase
  await cmd(id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });
  await cmd(id, 'requestReturn', unit('MCA'), { reason: '建议由地方办理' });
  await cmd(id, 'decideReturn', SECRETARIAT, { unitId: 'MCA', approve: false });
  await sleep(52); // no first contact within 20 working days
  await sleep(75); // the reply deadline (3 months) passes: chase, supervision, weekly repeats
  await cmd(id, 'reply', unit('MCA'), { resultClass: 'B', body: '正在解决', signedBy: '王五' });
  await sleep(45); // the deputy never rates it; the publication decision is late too
  await cmd(id, 'disclosure', SECRETARIAT, { publish: true });
  const steps = await conforms(id);
  expect(steps).toEqual(expect.arrayContaining([
    'Task_Draft', 'Task_ConfirmCosign', 'Timer_Assignment_Reminder', 'Timer_Assignment_Chase', 'Task_DecideReturn',
    'Timer_FirstContact_Reminder', 'Timer_FirstContact_Chase', 'Timer_Reply_Reminder', 'Timer_Reply_Chase', 'Timer_Reply_Supervision',
    'Timer_Reply_Repeat', 'Timer_Evaluation_Reminder', 'Timer_Evaluation_Expired', 'End_Closed', 'Timer_Publication_Reminder',
    'Timer_Publication_Chase', 'Task_DecideDisclosure',
  ]));
});

test('a motion with a lead and two co-handlers: a refused return, a late opinion waived, an extension, re-handling and escalation', async () => {
  const input = caseInput({ source: 'motion' });
  const id = input.id;
  await h.cases.start(input);
  await cmd(id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF', 'NHC'] });
  await cmd(id, 'acknowledge', unit('MOF'));
  await cmd(id, 'requestReturn', unit('MOF'), { reason: '职能不符' });
  await cmd(id, 'decideReturn', SECRETARIAT, { unitId: 'MOF', approve: false, note: '请继续协办' });
  await cmd(id, 'acknowledge', unit('MCA'));
  await cmd(id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: '了解代表诉求' });
  await cmd(id, 'communicate', deputy('d1'), { phase: 'during', channel: 'message', summary: '补充材料' });
  await cmd(id, 'opinion', unit('MOF'), { body: '财政部协办意见' });
  await sleep(50); // NHC never answers: deemed signed, its opinion reminded, chased, supervised, repeated
  await cmd(id, 'waiveOpinion', SECRETARIAT, { unitId: 'NHC', reason: '逾期未提出' });
  await cmd(id, 'requestExtension', unit('MCA'), { reason: '涉及面广', until: await dateIn(100) });
  const ext = (await h.cases.state(id)).extensions[0];
  await cmd(id, 'decideExtension', SECRETARIAT, { requestId: ext.id, approve: true });
  await cmd(id, 'reply', unit('MCA'), { resultClass: 'C', body: '条件限制', signedBy: '张三' });
  await cmd(id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'unsatisfied', reasons: '未解决' });
  await cmd(id, 'decideRehandling', SECRETARIAT, { decision: 'rehandle', unitId: 'MCA', note: '请重新办理' });
  await sleep(50); // the re-handling reply is late: its own ladder
  await cmd(id, 'reply', unit('MCA'), { resultClass: 'B', body: '列入计划', signedBy: '张三' });
  await cmd(id, 'disclosure', SECRETARIAT, { publish: false, reason: 'deputy_objection' });
  await cmd(id, 'evaluate', deputy('d1'), { attitude: 'unsatisfied', result: 'unsatisfied', reasons: '仍未解决' });
  await cmd(id, 'escalate', SECRETARIAT, { unitId: 'MCA', measure: 'expert_assessment', note: '组织专家评估' });
  const steps = await conforms(id);
  expect(steps).toEqual(expect.arrayContaining([
    'Task_RequestReturn', 'Task_DecideReturn', 'Timer_ReturnWindow_Expired', 'Task_CoHandlerOpinion', 'Timer_Opinion_Reminder', 'Timer_Opinion_Chase',
    'Timer_Opinion_Supervision', 'Timer_Opinion_Repeat', 'Task_WaiveOpinion', 'Task_RequestExtension', 'Task_DecideExtension',
    'Task_DecideRehandling', 'Timer_Rehandling_Reminder', 'Timer_Rehandling_Chase', 'Timer_Rehandling_Supervision',
    'Timer_Rehandling_Repeat', 'Task_Escalate', 'End_Closed',
  ]));
});

test('separate handling: a return approved and reassigned late, a key suggestion with a late progress report, a recalculation, closed by the secretariat', async () => {
  const input = caseInput({ submitNow: true });
  const id = input.id;
  await h.cases.start(input);
  await cmd(id, 'review', SECRETARIAT, { decision: 'accept' });
  await cmd(id, 'assign', SECRETARIAT, { mode: 'separate', separateUnitIds: ['MCA', 'MOF'] });
  await cmd(id, 'requestReturn', unit('MCA'), { reason: '不属于本部门职责' });
  await cmd(id, 'decideReturn', SECRETARIAT, { unitId: 'MCA', approve: true });
  await cmd(id, 'acknowledge', unit('MOF'));
  await sleep(18); // the reassignment is late: reminder and chase
  await cmd(id, 'reassign', SECRETARIAT, { unitId: 'NDRC', role: 'separate' });
  await cmd(id, 'markKey', SECRETARIAT, { committeeId: 'SAC', decision: '主任会议确定为重点督办建议' });
  await cmd(id, 'superviseNote', COMMITTEE, { body: '请加快办理' });
  await cmd(id, 'requestProgress', COMMITTEE, { unitId: 'MOF', note: '请报告进展', dueDate: await dateIn(20) });
  await sleep(40); // the progress report is late: its whole ladder
  await cmd(id, 'progressReport', unit('MOF'), { body: '已完成调研' });
  await h.cases.recalculate([id]);
  await h.env.sleep(1000);
  await cmd(id, 'reply', unit('MOF'), { resultClass: 'A', body: '已解决', signedBy: '赵六' });
  await cmd(id, 'evaluate', deputy('d1'), { unitId: 'MOF', attitude: 'satisfied', result: 'satisfied' });
  await cmd(id, 'reply', unit('NDRC'), { resultClass: 'D', body: '留作参考', signedBy: '钱七' });
  await cmd(id, 'evaluate', deputy('d1'), { unitId: 'NDRC', attitude: 'basically_satisfied', result: 'unsatisfied', reasons: '未采纳' });
  await cmd(id, 'decideRehandling', SECRETARIAT, { decision: 'close', note: '已向代表说明情况' });
  const steps = await conforms(id);
  expect(steps).toEqual(expect.arrayContaining([
    'Timer_Reassignment_Reminder', 'Timer_Reassignment_Chase', 'Task_MarkKey', 'Task_SupervisionNote', 'Task_RequestProgressReport',
    'Timer_ProgressReport_Reminder', 'Timer_ProgressReport_Chase', 'Timer_ProgressReport_Supervision', 'Timer_ProgressReport_Repeat',
    'Task_ProgressReport', 'Event_DeadlinesRecalculated', 'End_Closed',
  ]));
});

test('intake ends: returned for revision then rejected, converted to a letter, withdrawn while awaiting assignment', async () => {
  const a = caseInput({ submitNow: true });
  await h.cases.start(a);
  await cmd(a.id, 'review', SECRETARIAT, { decision: 'return', reason: '请补充具体建议' });
  await cmd(a.id, 'editDraft', deputy('d1'), { title: a.title, body: `${a.body}补充` });
  await cmd(a.id, 'submit', deputy('d1'));
  await cmd(a.id, 'review', SECRETARIAT, { decision: 'reject', reason: '属于个人事项' });
  expect(await conforms(a.id)).toEqual(expect.arrayContaining(['Task_Revise', 'End_Rejected']));

  const b = caseInput({ submitNow: true });
  await h.cases.start(b);
  await cmd(b.id, 'review', SECRETARIAT, { decision: 'convert', reason: '转为代表来信' });
  expect(await conforms(b.id)).toContain('End_ConvertedToLetter');

  const c = caseInput({ submitNow: true });
  await h.cases.start(c);
  await cmd(c.id, 'review', SECRETARIAT, { decision: 'accept' });
  await cmd(c.id, 'withdraw', deputy('d1'), { reason: '情况已变化' });
  expect(await conforms(c.id)).toContain('End_Withdrawn');
});

test('a merged suggestion: its deputy rates the primary suggestion\'s reply; both cases conform', async () => {
  const primary = caseInput({ submitNow: true });
  await h.cases.start(primary);
  await cmd(primary.id, 'review', SECRETARIAT, { decision: 'accept' });
  await cmd(primary.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });
  const merged = caseInput({ submitNow: true, leadDeputyId: 'd3' });
  await h.cases.start(merged);
  await cmd(merged.id, 'review', SECRETARIAT, { decision: 'merge', intoId: primary.id, reason: '同一事项' });
  await h.env.sleep(1000);
  await cmd(primary.id, 'reply', unit('MCA'), { resultClass: 'A', body: '已解决', signedBy: '李四' });
  await h.env.sleep(1000);
  await cmd(merged.id, 'evaluate', deputy('d3'), { attitude: 'satisfied', result: 'basically_satisfied' });
  await cmd(primary.id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' });
  expect(await conforms(primary.id)).toEqual(expect.arrayContaining(['Task_MergedHandling', 'End_Closed']));
  expect(await conforms(merged.id)).toEqual(expect.arrayContaining(['Task_MergedHandling', 'Task_Evaluate', 'End_Closed']));
});

test('together the cases recorded every step the workflow can record and took every gateway branch', () => {
  expect(recordableSteps().filter((s) => !recorded.has(s))).toEqual([]);
  const branches = [...model.flows.values()].filter((f) => {
    const src = model.nodes.get(f.source)!;
    return ['exclusiveGateway', 'eventBasedGateway', 'inclusiveGateway'].includes(src.type) && src.outgoing.length > 1;
  });
  // The supervision of a key suggestion ending with the case leads to no recorded step, so no path can show it.
  const silentEnds = ['Flow_KeyWaiting_KeyClosed'];
  expect(branches.map((f) => f.id).filter((id) => !taken.has(id) && !silentEnds.includes(id))).toEqual([]);
});
