// The suggestion process as data: every element with its lane position on a grid, every flow.
// bpmn/build.ts turns it into bpmn/suggestion.bpmn (semantics + diagram); the .bpmn file is the
// artefact users open, this file is how it is edited without dragging shapes around.
//
// Timer convention: a timer's expression names the policy-profile entries it is computed from,
// as `${profile.<path>}` (schema/profile.ts); bpmn/model.ts refuses a path the profile lacks.
// Conditions over `motion`, `merged`, `mode`, `closure` and, per unit, `role` and `returned` are case
// facts the conformance check evaluates when it knows them (`&&` of `name`, `!name`, `name == '…'`).

export type Kind =
  | 'start' | 'end' | 'userTask' | 'receiveTask' | 'xor' | 'and' | 'or' | 'eventGateway'
  | 'catch' | 'throw' | 'boundary' | 'subProcess' | 'eventSubProcess';
export type EventDef =
  | { type: 'timer'; duration?: string; cycle?: string }
  | { type: 'message'; ref: string }
  | { type: 'signal'; ref: string }
  | { type: 'escalation'; ref: string }
  | { type: 'conditional'; condition: string }
  | { type: 'terminate' };

export interface NodeSpec {
  id: string;
  kind: Kind;
  name?: string;
  /** Grid position of the centre (columns and rows); containers are sized around their children. */
  at?: [number, number];
  parent?: string;
  def?: EventDef;
  attachedTo?: string;
  /** Boundary events: interrupting unless false; event sub-process starts: interrupting unless false. */
  interrupting?: boolean;
  /** Boundary events: which edge of the activity and the slot along it. */
  side?: 'top' | 'bottom';
  slot?: number;
  width?: number;
  doc?: string;
}
export interface FlowSpec { from: string; to: string; name?: string; condition?: string; via?: [number, number][] }

export const MESSAGES = {
  Message_Withdraw: '撤回建议',
  Message_UnitAssigned: '交办到承办单位',
  Message_Reassign: '追加或重新交办',
  Message_ReturnRequest: '申请退回',
  Message_ExtensionRequest: '申请延期',
  Message_Waive: '免于协办意见',
  Message_Contact: '沟通联系',
  Message_Merge: '并案',
  Message_MarkKey: '列为重点督办',
  Message_SupervisionNote: '督办意见',
  Message_ProgressRequest: '要求报告办理进展',
  Message_CalendarCorrected: '工作日历更正',
  Message_PrimaryReply: '主建议答复送达',
};
export const SIGNALS = { Signal_Replied: '已答复' };
export const ESCALATIONS = {
  Escalation_Chase: { name: '催办', code: 'chase' },
  Escalation_Supervise: { name: '督办', code: 'supervise' },
  Escalation_Close: { name: '办结', code: 'close' },
};

export const LANES = [
  { id: 'Lane_Deputy', name: '代表', rows: [-0.5, 2.5] },
  { id: 'Lane_Secretariat', name: '秘书处', rows: [2.5, 6.5] },
  { id: 'Lane_Unit', name: '承办单位', rows: [6.5, 13.5] },
  { id: 'Lane_Committee', name: '专门委员会', rows: [13.5, 15.5] },
] as const;

const p = (path: string) => `\${profile.${path}}`;
/** The reminder ladder of one deadline (domain.md §3), as expressions over the profile. */
export const ladder = (deadline: string) => ({
  Reminder: { type: 'timer' as const, duration: `\${profile.deadlines.${deadline} - profile.ladder.remindBefore}` },
  Chase: { type: 'timer' as const, duration: `\${profile.deadlines.${deadline} + profile.ladder.chaseAfter}` },
  Supervision: { type: 'timer' as const, duration: `\${profile.deadlines.${deadline} + profile.ladder.chaseAfter + profile.ladder.superviseAfter}` },
  Repeat: { type: 'timer' as const, cycle: `R/\${profile.deadlines.${deadline} + profile.ladder.chaseAfter}/\${profile.ladder.repeatEvery}` },
  Expired: { type: 'timer' as const, duration: p(`deadlines.${deadline}`) },
});

const nodes: NodeSpec[] = [];
const flows: FlowSpec[] = [];
const n = (id: string, kind: Kind, name: string | undefined, at: [number, number] | undefined, extra: Partial<NodeSpec> = {}) => {
  nodes.push({ id, kind, name, at, ...extra });
};
const f = (from: string, to: string, extra: Partial<FlowSpec> = {}) => flows.push({ from, to, ...extra });
const chain = (...ids: string[]) => ids.slice(1).forEach((to, i) => f(ids[i], to));

/** A non-interrupting ladder timer on an activity: reminders end quietly, chases and supervision escalate. */
function alarm(id: string, on: string, def: EventDef, slot: number, side: 'top' | 'bottom', target: string, parent?: string) {
  n(id, 'boundary', undefined, undefined, { attachedTo: on, def, interrupting: false, slot, side, parent });
  f(id, target);
}

// ---------------------------------------------------------------- intake (domain.md §2, 1–2)
n('Start_Draft', 'start', '起草建议', [0, 0]);
n('Gateway_Source', 'xor', '来源', [1, 0]);
n('Gateway_DraftJoin', 'xor', undefined, [2, 0]);
n('Gateway_DraftChoice', 'xor', '修改或提交', [3, 0]);
n('Task_Draft', 'userTask', '修改草稿', [3, 1.3]);
n('Task_Submit', 'userTask', '提交建议', [4.3, 0]);
n('Gateway_Cosign', 'xor', '有联名代表待确认？', [5.5, 0]);
n('Task_ConfirmCosign', 'userTask', '联名代表确认', [6.5, 1.3]);
n('Gateway_ReviewJoin', 'xor', undefined, [7.5, 3.5]);
n('Task_Review', 'userTask', '审核', [8.5, 3.5]);
n('Gateway_Review', 'xor', '审核决定', [9.7, 3.5]);
n('Task_Revise', 'userTask', '退回修改', [9.7, 1.3]);
n('End_Rejected', 'end', '不予受理', [10.9, 4.6], { def: { type: 'terminate' } });
n('End_ConvertedToLetter', 'end', '转为代表来信', [10.9, 5.5], { def: { type: 'terminate' } });
n('Event_AwaitPrimaryReply', 'catch', '主建议答复送达', [10.9, 6.2], { def: { type: 'message', ref: 'Message_PrimaryReply' } });
n('Gateway_Accepted', 'xor', undefined, [11.9, 3.5]);
f('Start_Draft', 'Gateway_Source');
f('Gateway_Source', 'Gateway_DraftJoin', { name: '代表提出', condition: '${!motion}' });
f('Gateway_Source', 'Gateway_Accepted', { name: '议案转建议', condition: '${motion}', via: [[1, 2.3], [11.9, 2.3]] });
chain('Gateway_DraftJoin', 'Gateway_DraftChoice');
f('Gateway_DraftChoice', 'Task_Draft', { name: '修改' });
f('Task_Draft', 'Gateway_DraftJoin', { via: [[2, 1.3]] });
f('Gateway_DraftChoice', 'Task_Submit', { name: '提交' });
chain('Task_Submit', 'Gateway_Cosign');
f('Gateway_Cosign', 'Task_ConfirmCosign', { name: '是' });
f('Task_ConfirmCosign', 'Gateway_ReviewJoin', { via: [[7.5, 1.3]] });
f('Gateway_Cosign', 'Gateway_ReviewJoin', { name: '否', via: [[7.5, 0]] });
chain('Gateway_ReviewJoin', 'Task_Review', 'Gateway_Review');
f('Gateway_Review', 'Gateway_Accepted', { name: '受理', condition: '${!merged}' });
f('Gateway_Review', 'Task_Revise', { name: '退回修改' });
f('Task_Revise', 'Gateway_DraftJoin', { via: [[9.7, 0.65], [2, 0.65]] });
f('Gateway_Review', 'End_Rejected', { name: '不予受理', via: [[9.7, 4.6]] });
f('Gateway_Review', 'End_ConvertedToLetter', { name: '转代表来信', via: [[9.7, 5.5]] });
f('Gateway_Review', 'Event_AwaitPrimaryReply', { name: '并案', condition: '${merged}', via: [[9.7, 6.2]] });
f('Event_AwaitPrimaryReply', 'Gateway_Accepted', { via: [[11.9, 6.2]] });
f('Gateway_Accepted', 'SubProcess_Handling');

// ---------------------------------------------------------------- handling (§2, 3–10)
n('SubProcess_Handling', 'subProcess', '交办与办理', undefined);
const H = { parent: 'SubProcess_Handling' };
n('Start_Handling', 'start', undefined, [13.5, 3.5], H);
n('Gateway_Entry', 'xor', undefined, [14.4, 3.5], H);
n('Gateway_AssignJoin', 'xor', undefined, [15.3, 3.5], H);
n('Task_Assign', 'userTask', '交办', [16.5, 3.5], H);
n('Gateway_Mode', 'xor', '交办方式', [17.8, 3.5], H);
n('Event_AssignSingle', 'throw', '交由一个单位独办', [18.9, 3.5], { ...H, def: { type: 'message', ref: 'Message_UnitAssigned' } });
n('Event_AssignLeadCo', 'throw', '交主办单位和协办单位', [18.9, 4.5], { ...H, def: { type: 'message', ref: 'Message_UnitAssigned' } });
n('Event_AssignSeparate', 'throw', '交各分办单位', [18.9, 5.5], { ...H, def: { type: 'message', ref: 'Message_UnitAssigned' } });
n('Gateway_ModeJoin', 'xor', undefined, [19.9, 3.5], H);
n('Gateway_Waiting', 'eventGateway', undefined, [20.9, 3.5], H);
n('Event_Reassign', 'catch', '追加或重新交办', [21.9, 4.6], { ...H, def: { type: 'message', ref: 'Message_Reassign' } });
n('Event_AllSettled', 'catch', '各单位答复均已评价或评价期满', [21.9, 3.5], { ...H, def: { type: 'conditional', condition: "${closure != 'secretariat' && closure != 'escalated'}" } });
n('End_Handling', 'end', undefined, [22.8, 3.5], H);
n('End_AssignReminded', 'end', '已提醒', [16.1, 5.9], H);
n('Event_AssignChased', 'throw', '催办', [16.9, 5.9], { ...H, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('End_AssignChased', 'end', undefined, [17.7, 5.9], H);
const assign = ladder('assignment');
alarm('Timer_Assignment_Reminder', 'Task_Assign', assign.Reminder, 0, 'bottom', 'End_AssignReminded', 'SubProcess_Handling');
alarm('Timer_Assignment_Chase', 'Task_Assign', assign.Chase, 1, 'bottom', 'Event_AssignChased', 'SubProcess_Handling');
f('Event_AssignChased', 'End_AssignChased');
chain('Start_Handling', 'Gateway_Entry');
f('Gateway_Entry', 'Gateway_AssignJoin', { name: '交办', condition: '${!merged}' });
n('Event_MergedReplies', 'throw', '转来主建议各单位的答复', [17.8, 2.7], { ...H, def: { type: 'message', ref: 'Message_UnitAssigned' } });
f('Gateway_Entry', 'Event_MergedReplies', { name: '已并案', condition: '${merged}', via: [[14.4, 2.7]] });
f('Event_MergedReplies', 'Gateway_Waiting', { via: [[20.9, 2.7]] });
chain('Gateway_AssignJoin', 'Task_Assign', 'Gateway_Mode');
f('Gateway_Mode', 'Event_AssignSingle', { name: '独办', condition: "${mode == 'single'}" });
f('Gateway_Mode', 'Event_AssignLeadCo', { name: '主办+协办', condition: "${mode == 'lead_co'}", via: [[17.8, 4.5]] });
f('Gateway_Mode', 'Event_AssignSeparate', { name: '分办', condition: "${mode == 'separate'}", via: [[17.8, 5.5]] });
f('Event_AssignSingle', 'Gateway_ModeJoin');
f('Event_AssignLeadCo', 'Gateway_ModeJoin', { via: [[19.9, 4.5]] });
f('Event_AssignSeparate', 'Gateway_ModeJoin', { via: [[19.9, 5.5]] });
chain('Gateway_ModeJoin', 'Gateway_Waiting');
f('Gateway_Waiting', 'Event_AllSettled');
f('Gateway_Waiting', 'Event_Reassign', { via: [[20.9, 4.6]] });
f('Event_Reassign', 'Gateway_AssignJoin', { via: [[21.9, 5.2], [15.3, 5.2]] });
chain('Event_AllSettled', 'End_Handling');

// One instance per handling unit (and per reply a merged suggestion receives).
n('SubProcess_Unit', 'eventSubProcess', '各承办单位办理（每个单位一个实例）', undefined, { ...H, interrupting: false });
const U = { parent: 'SubProcess_Unit' };
n('Start_Unit', 'start', '收到交办', [24.2, 8.5], { ...U, def: { type: 'message', ref: 'Message_UnitAssigned' }, interrupting: false });
n('Gateway_UnitSource', 'xor', undefined, [25.1, 8.5], U);
n('Gateway_UnitSplit', 'and', undefined, [26, 8.5], U);
n('Gateway_Role', 'xor', '单位角色', [27, 8.5], U);
// Receipt: sign, or ask to return within the window (before or after signing).
n('Task_Acknowledge', 'userTask', '签收', [27, 11.4], U);
n('End_DeemedSigned', 'end', '期满视为签收', [27, 12.9], U);
n('Gateway_AfterSign', 'eventGateway', undefined, [28.2, 11.4], U);
n('Event_WindowClosed', 'catch', '退回期满或已答复', [29.2, 11.4], { ...U, def: { type: 'conditional', condition: '${returnWindowClosed}' } });
n('End_Signed', 'end', undefined, [30.1, 11.4], U);
n('Event_ReturnAfterSign', 'catch', '申请退回', [29.2, 12.4], { ...U, def: { type: 'message', ref: 'Message_ReturnRequest' } });
n('Gateway_ReturnJoin', 'xor', undefined, [30.1, 12.9], U);
n('Task_RequestReturn', 'userTask', '申请退回', [31.2, 12.9], U);
n('Task_DecideReturn', 'userTask', '审批退回', [32.5, 6], U);
n('Gateway_ReturnDecision', 'xor', '是否同意退回', [33.6, 6], U);
n('End_ReturnRefused', 'end', '不同意，继续办理', [34.5, 6], U);
n('Task_AwaitReassignment', 'receiveTask', '等待重新交办', [33.6, 12.9], U);
n('End_Returned', 'end', '已退回', [34.8, 12.9], { ...U, def: { type: 'terminate' } });
n('Timer_ReturnWindow_Expired', 'boundary', undefined, undefined,
  { ...U, attachedTo: 'Task_Acknowledge', def: ladder('returnWindow').Expired, interrupting: false, side: 'bottom', slot: 0 });
n('Event_ReturnBeforeSign', 'boundary', '申请退回', undefined,
  { ...U, attachedTo: 'Task_Acknowledge', def: { type: 'message', ref: 'Message_ReturnRequest' }, interrupting: true, side: 'bottom', slot: 2 });
f('Gateway_UnitSplit', 'Task_Acknowledge', { via: [[26, 11.4]] });
f('Timer_ReturnWindow_Expired', 'End_DeemedSigned');
f('Event_ReturnBeforeSign', 'Gateway_ReturnJoin', { via: [[27.4, 12.9]] });
chain('Task_Acknowledge', 'Gateway_AfterSign', 'Event_WindowClosed', 'End_Signed');
f('Gateway_AfterSign', 'Event_ReturnAfterSign', { via: [[28.2, 12.4]] });
f('Event_ReturnAfterSign', 'Gateway_ReturnJoin', { via: [[30.1, 12.4]] });
chain('Gateway_ReturnJoin', 'Task_RequestReturn');
f('Task_RequestReturn', 'Task_DecideReturn', { via: [[32.5, 12.9]] });
chain('Task_DecideReturn', 'Gateway_ReturnDecision');
f('Gateway_ReturnDecision', 'End_ReturnRefused', { name: '不同意', condition: '${!returned}' });
f('Gateway_ReturnDecision', 'Task_AwaitReassignment', { name: '同意', condition: '${returned}' });
chain('Task_AwaitReassignment', 'End_Returned');
n('End_ReassignReminded', 'end', '已提醒', [33.2, 11.4 + 0.4], U);
n('Event_ReassignChased', 'throw', '催办', [34.1, 11.8], { ...U, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('End_ReassignChased', 'end', undefined, [34.9, 11.8], U);
const reassign = ladder('reassignment');
alarm('Timer_Reassignment_Reminder', 'Task_AwaitReassignment', reassign.Reminder, 0, 'top', 'End_ReassignReminded', 'SubProcess_Unit');
alarm('Timer_Reassignment_Chase', 'Task_AwaitReassignment', reassign.Chase, 1, 'top', 'Event_ReassignChased', 'SubProcess_Unit');
f('Event_ReassignChased', 'End_ReassignChased');
f('Gateway_UnitSource', 'Gateway_UnitSplit', { name: '交办', condition: '${!merged}' });
chain('Start_Unit', 'Gateway_UnitSource');
f('Gateway_UnitSplit', 'Gateway_Role');

// Co-handler: a written opinion to the lead unit, or the secretariat waives it.
n('Task_CoHandlerOpinion', 'userTask', '提出协办意见', [28.2, 10], { ...U, width: 160 });
n('End_OpinionGiven', 'end', undefined, [29.6, 10], U);
n('Task_WaiveOpinion', 'userTask', '免于协办意见', [29.6, 5.2], U);
n('End_OpinionReminded', 'end', '已提醒', [27.6, 10.9], U);
n('Event_OpinionChased', 'throw', '催办（并告知主办单位）', [28.5, 10.9], { ...U, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('Event_OpinionSupervised', 'throw', '督办', [29.4, 10.9], { ...U, def: { type: 'escalation', ref: 'Escalation_Supervise' } });
n('End_OpinionEscalated', 'end', undefined, [30.3, 10.9], U);
f('Gateway_Role', 'Task_CoHandlerOpinion', { name: '协办', condition: "${role == 'co'}", via: [[27, 10]] });
chain('Task_CoHandlerOpinion', 'End_OpinionGiven');
const opinion = ladder('coHandlerOpinion');
n('Event_WaiveRequested', 'boundary', '秘书处免除', undefined,
  { ...U, attachedTo: 'Task_CoHandlerOpinion', def: { type: 'message', ref: 'Message_Waive' }, interrupting: true, side: 'top', slot: 3 });
f('Event_WaiveRequested', 'Task_WaiveOpinion', { via: [[28.9, 5.2]] });
f('Task_WaiveOpinion', 'End_OpinionGiven', { via: [[30.4, 5.2], [30.4, 9.4], [29.6, 9.4]] });
alarm('Timer_Opinion_Reminder', 'Task_CoHandlerOpinion', opinion.Reminder, 0, 'bottom', 'End_OpinionReminded', 'SubProcess_Unit');
alarm('Timer_Opinion_Chase', 'Task_CoHandlerOpinion', opinion.Chase, 1, 'bottom', 'Event_OpinionChased', 'SubProcess_Unit');
alarm('Timer_Opinion_Supervision', 'Task_CoHandlerOpinion', opinion.Supervision, 2, 'bottom', 'Event_OpinionSupervised', 'SubProcess_Unit');
alarm('Timer_Opinion_Repeat', 'Task_CoHandlerOpinion', opinion.Repeat, 3, 'bottom', 'Event_OpinionChased', 'SubProcess_Unit');
f('Event_OpinionChased', 'End_OpinionEscalated', { via: [[28.5, 11.5], [30.3, 11.5]] });
f('Event_OpinionSupervised', 'End_OpinionEscalated');

// Lead or separate unit: first contact with the deputy, the reply, extensions.
n('Gateway_LeadSplit', 'and', undefined, [28.2, 8.5], U);
n('Task_AwaitFirstContact', 'receiveTask', '首次联系代表', [29.4, 7.2], U);
n('End_Contacted', 'end', undefined, [30.6, 7.2], U);
n('End_ContactReminded', 'end', '已提醒', [29.4, 6.2], U);
n('Event_ContactChased', 'throw', '催办', [30.3, 6.2], { ...U, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('End_ContactChased', 'end', undefined, [31.1, 6.2], U);
const contact = ladder('firstContact');
alarm('Timer_FirstContact_Reminder', 'Task_AwaitFirstContact', contact.Reminder, 0, 'top', 'End_ContactReminded', 'SubProcess_Unit');
alarm('Timer_FirstContact_Chase', 'Task_AwaitFirstContact', contact.Chase, 1, 'top', 'Event_ContactChased', 'SubProcess_Unit');
f('Event_ContactChased', 'End_ContactChased');
f('Gateway_Role', 'Gateway_LeadSplit', { name: '主办/独办/分办', condition: "${role != 'co'}" });
f('Gateway_LeadSplit', 'Task_AwaitFirstContact', { via: [[28.2, 7.2]] });
chain('Task_AwaitFirstContact', 'End_Contacted');
n('Gateway_ReplyJoin', 'xor', undefined, [29.3, 8.5], U);
n('Task_Reply', 'userTask', '答复代表', [31.4, 8.5], { ...U, width: 400 });
f('Gateway_LeadSplit', 'Gateway_ReplyJoin');
chain('Gateway_ReplyJoin', 'Task_Reply');
n('Event_ExtensionRequested', 'boundary', '申请延期', undefined,
  { ...U, attachedTo: 'Task_Reply', def: { type: 'message', ref: 'Message_ExtensionRequest' }, interrupting: false, side: 'top', slot: 9 });
n('Task_RequestExtension', 'userTask', '申请延期', [33.1, 7.3], U);
n('Task_DecideExtension', 'userTask', '审批延期', [33.1, 5.1], U);
n('End_ExtensionDecided', 'end', '重新计算答复期限', [34.3, 5.1], U);
f('Event_ExtensionRequested', 'Task_RequestExtension', { via: [[32.8, 7.9], [33.1, 7.9]] });
chain('Task_RequestExtension', 'Task_DecideExtension', 'End_ExtensionDecided');
const reply = ladder('reply');
const rehandling = ladder('rehandling');
n('End_ReplyReminded', 'end', '已提醒', [30, 10.1], U);
n('Event_ReplyChased', 'throw', '催办', [31.3, 10.1], { ...U, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('Event_ReplySupervised', 'throw', '督办（单位领导和秘书处）', [32.6, 10.1], { ...U, def: { type: 'escalation', ref: 'Escalation_Supervise' } });
n('End_ReplyEscalated', 'end', undefined, [33.6, 10.1], U);
alarm('Timer_Reply_Reminder', 'Task_Reply', reply.Reminder, 0, 'bottom', 'End_ReplyReminded', 'SubProcess_Unit');
alarm('Timer_Rehandling_Reminder', 'Task_Reply', rehandling.Reminder, 1, 'bottom', 'End_ReplyReminded', 'SubProcess_Unit');
alarm('Timer_Reply_Chase', 'Task_Reply', reply.Chase, 2, 'bottom', 'Event_ReplyChased', 'SubProcess_Unit');
alarm('Timer_Rehandling_Chase', 'Task_Reply', rehandling.Chase, 3, 'bottom', 'Event_ReplyChased', 'SubProcess_Unit');
alarm('Timer_Reply_Repeat', 'Task_Reply', reply.Repeat, 4, 'bottom', 'Event_ReplyChased', 'SubProcess_Unit');
alarm('Timer_Rehandling_Repeat', 'Task_Reply', rehandling.Repeat, 5, 'bottom', 'Event_ReplyChased', 'SubProcess_Unit');
alarm('Timer_Reply_Supervision', 'Task_Reply', reply.Supervision, 6, 'bottom', 'Event_ReplySupervised', 'SubProcess_Unit');
alarm('Timer_Rehandling_Supervision', 'Task_Reply', rehandling.Supervision, 7, 'bottom', 'Event_ReplySupervised', 'SubProcess_Unit');
f('Event_ReplyChased', 'End_ReplyEscalated', { via: [[31.3, 10.7], [33.6, 10.7]] });
f('Event_ReplySupervised', 'End_ReplyEscalated');

// Reply, evaluation by the lead deputy, re-handling or escalation.
n('Gateway_Replied', 'xor', undefined, [34.6, 8.5], U);
n('Event_Replied', 'throw', '答复送达代表', [35.5, 8.5], { ...U, def: { type: 'signal', ref: 'Signal_Replied' } });
f('Gateway_UnitSource', 'Gateway_Replied', { name: '并案建议：主建议的答复', condition: '${merged}', via: [[25.1, 7.6], [34.6, 7.6]] });
chain('Task_Reply', 'Gateway_Replied', 'Event_Replied');
n('Task_Evaluate', 'userTask', '评价答复', [35.5, 1], U);
n('End_EvaluationReminded', 'end', '已提醒', [35.1, 2.2], U);
n('End_Unevaluated', 'end', '期满记为未评价', [36, 2.2], U);
alarm('Timer_Evaluation_Reminder', 'Task_Evaluate', ladder('evaluation').Reminder, 0, 'bottom', 'End_EvaluationReminded', 'SubProcess_Unit');
n('Timer_Evaluation_Expired', 'boundary', undefined, undefined,
  { ...U, attachedTo: 'Task_Evaluate', def: ladder('evaluation').Expired, interrupting: false, side: 'bottom', slot: 2 });
f('Timer_Evaluation_Expired', 'End_Unevaluated');
f('Event_Replied', 'Task_Evaluate');
n('Gateway_EvaluationResult', 'xor', '评价结果', [36.9, 1], U);
n('End_UnitDone', 'end', '本单位办结', [38, 1], U);
n('Gateway_DecideJoin', 'xor', undefined, [36.9, 3.5], U);
n('Task_DecideRehandling', 'userTask', '审查不满意意见', [38, 3.5], U);
n('Gateway_Rehandling', 'xor', '审查决定', [39.2, 3.5], U);
n('End_CloseExplained', 'end', '说明情况后办结', [40.3, 4.6], { ...U, def: { type: 'escalation', ref: 'Escalation_Close' } });
n('Task_Escalate', 'userTask', '升级处理（评估或组织见面）', [40.3, 2.4], U);
n('End_Escalated', 'end', '办结', [41.4, 2.4], { ...U, def: { type: 'escalation', ref: 'Escalation_Close' } });
chain('Task_Evaluate', 'Gateway_EvaluationResult');
f('Gateway_EvaluationResult', 'End_UnitDone', { name: '满意、基本满意或未评价' });
f('Gateway_EvaluationResult', 'Gateway_DecideJoin', { name: '不满意' });
chain('Gateway_DecideJoin', 'Task_DecideRehandling', 'Gateway_Rehandling');
f('Gateway_Rehandling', 'Gateway_ReplyJoin', { name: '重新办理', via: [[39.2, 6.6], [29.3, 6.6]] });
f('Gateway_Rehandling', 'End_CloseExplained', { name: '说明后办结', condition: "${closure == 'secretariat'}", via: [[39.2, 4.6]] });
f('Gateway_Rehandling', 'Task_Escalate', { name: '再次不满意：升级', condition: "${closure == 'escalated'}", via: [[39.2, 2.4]] });
chain('Task_Escalate', 'End_Escalated');

n('Event_ClosedBySecretariat', 'boundary', '办结', undefined,
  { attachedTo: 'SubProcess_Handling', def: { type: 'escalation', ref: 'Escalation_Close' }, interrupting: true, side: 'bottom', slot: 0 });
n('Gateway_Closed', 'xor', undefined, [43.3, 3.5]);
n('End_Closed', 'end', '办结', [44.3, 3.5]);
f('SubProcess_Handling', 'Gateway_Closed');
f('Event_ClosedBySecretariat', 'Gateway_Closed', { via: [[43.3, 14.2]] });
chain('Gateway_Closed', 'End_Closed');

// ---------------------------------------------------------------- at any time (event sub-processes)
function anytime(id: string, name: string, message: string, start: [number, number], task: [string, string, [number, number]], interrupting = false) {
  n(id, 'eventSubProcess', name, undefined, { interrupting });
  const S = `Start_${id.replace('SubProcess_', '')}`;
  n(S, 'start', MESSAGES[message as keyof typeof MESSAGES], start, { parent: id, def: { type: 'message', ref: message }, interrupting });
  const [tid, tname, tat] = task;
  n(tid, 'userTask', tname, tat, { parent: id });
  const E = `End_${id.replace('SubProcess_', '')}`;
  n(E, 'end', undefined, [tat[0] + 1.2, tat[1]], { parent: id });
  chain(S, tid, E);
}
anytime('SubProcess_Contact', '沟通联系（办前、办中、办后）', 'Message_Contact', [46.5, 9], ['Task_ContactDeputy', '联系代表并记录', [47.6, 9]]);
anytime('SubProcess_Merge', '并案办理', 'Message_Merge', [46.5, 5.8], ['Task_MergedHandling', '记录并案关系', [47.6, 5.8]]);

n('SubProcess_Withdraw', 'eventSubProcess', '撤回', undefined, { interrupting: true });
n('Start_Withdraw', 'start', '领衔代表撤回', [46.5, 1], { parent: 'SubProcess_Withdraw', def: { type: 'message', ref: 'Message_Withdraw' }, interrupting: true });
n('End_Withdrawn', 'end', '已撤回', [47.7, 1], { parent: 'SubProcess_Withdraw', def: { type: 'terminate' } });
chain('Start_Withdraw', 'End_Withdrawn');

n('SubProcess_Recalculate', 'eventSubProcess', '工作日历更正后重算期限', undefined, { interrupting: false });
n('Event_DeadlinesRecalculated', 'start', '重算未到期的期限', [46.5, 4.4],
  { parent: 'SubProcess_Recalculate', def: { type: 'message', ref: 'Message_CalendarCorrected' }, interrupting: false });
n('End_Recalculated', 'end', undefined, [47.7, 4.4], { parent: 'SubProcess_Recalculate' });
chain('Event_DeadlinesRecalculated', 'End_Recalculated');

n('SubProcess_Disclosure', 'eventSubProcess', '答复公开', undefined, { interrupting: false });
n('Start_Disclosure', 'start', '答复送达', [46.5, 2.6], { parent: 'SubProcess_Disclosure', def: { type: 'signal', ref: 'Signal_Replied' }, interrupting: false });
n('Task_DecideDisclosure', 'userTask', '决定是否公开答复', [47.7, 2.6], { parent: 'SubProcess_Disclosure' });
n('End_Disclosed', 'end', undefined, [48.9, 2.6], { parent: 'SubProcess_Disclosure' });
chain('Start_Disclosure', 'Task_DecideDisclosure', 'End_Disclosed');
const publication = ladder('publication');
n('End_PublicationReminded', 'end', '已提醒', [48.9, 3.3], { parent: 'SubProcess_Disclosure' });
n('Event_PublicationChased', 'throw', '催办', [49.6, 3.3], { parent: 'SubProcess_Disclosure', def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('End_PublicationChased', 'end', undefined, [50.3, 3.3], { parent: 'SubProcess_Disclosure' });
alarm('Timer_Publication_Reminder', 'Task_DecideDisclosure', publication.Reminder, 1, 'bottom', 'End_PublicationReminded', 'SubProcess_Disclosure');
alarm('Timer_Publication_Chase', 'Task_DecideDisclosure', publication.Chase, 2, 'bottom', 'Event_PublicationChased', 'SubProcess_Disclosure');
f('Event_PublicationChased', 'End_PublicationChased');

// Key suggestions: chosen by the leadership, supervised by a special committee.
n('SubProcess_Key', 'eventSubProcess', '重点督办建议', undefined, { interrupting: false });
const K = { parent: 'SubProcess_Key' };
n('Start_Key', 'start', '主任会议确定重点建议', [52.3, 5.7], { ...K, def: { type: 'message', ref: 'Message_MarkKey' }, interrupting: false });
n('Task_MarkKey', 'userTask', '列为重点督办', [53.5, 5.7], K);
n('Gateway_KeyJoin', 'xor', undefined, [54.7, 14.5], K);
n('Gateway_KeyWaiting', 'eventGateway', undefined, [55.7, 14.5], K);
n('Event_NoteRequested', 'catch', '督办意见', [56.7, 14], { ...K, def: { type: 'message', ref: 'Message_SupervisionNote' } });
n('Task_SupervisionNote', 'userTask', '提出督办意见', [57.9, 14], K);
n('Event_ProgressRequested', 'catch', '需要了解进展', [56.7, 15], { ...K, def: { type: 'message', ref: 'Message_ProgressRequest' } });
n('Task_RequestProgressReport', 'userTask', '要求报告办理进展', [57.9, 15], K);
n('Gateway_ProgressSplit', 'and', undefined, [59.1, 15], K);
n('Task_ProgressReport', 'userTask', '报告办理进展', [60.3, 11.5], K);
n('End_ProgressReported', 'end', undefined, [61.5, 11.5], K);
n('Event_KeyClosed', 'catch', '建议办结', [56.7, 13.2], { ...K, def: { type: 'conditional', condition: '${closed}' } });
n('End_KeyDone', 'end', undefined, [57.9, 13.2], K);
n('End_ProgressReminded', 'end', '已提醒', [59.5, 12.9], K);
n('Event_ProgressChased', 'throw', '催办', [60.3, 12.9], { ...K, def: { type: 'escalation', ref: 'Escalation_Chase' } });
n('Event_ProgressSupervised', 'throw', '督办', [61.1, 12.9], { ...K, def: { type: 'escalation', ref: 'Escalation_Supervise' } });
n('End_ProgressEscalated', 'end', undefined, [61.9, 12.9], K);
f('Start_Key', 'Task_MarkKey');
f('Task_MarkKey', 'Gateway_KeyJoin', { via: [[54.7, 5.7]] });
chain('Gateway_KeyJoin', 'Gateway_KeyWaiting');
f('Gateway_KeyWaiting', 'Event_NoteRequested', { via: [[55.7, 14]] });
f('Gateway_KeyWaiting', 'Event_ProgressRequested', { via: [[55.7, 15]] });
f('Gateway_KeyWaiting', 'Event_KeyClosed', { via: [[55.7, 13.2]] });
chain('Event_NoteRequested', 'Task_SupervisionNote');
f('Task_SupervisionNote', 'Gateway_KeyJoin', { via: [[57.9, 14.55], [54.7, 14.55]] });
chain('Event_ProgressRequested', 'Task_RequestProgressReport', 'Gateway_ProgressSplit');
f('Gateway_ProgressSplit', 'Task_ProgressReport', { via: [[59.1, 11.5]] });
f('Gateway_ProgressSplit', 'Gateway_KeyJoin', { via: [[59.1, 15.5], [54.7, 15.5]] });
chain('Task_ProgressReport', 'End_ProgressReported');
chain('Event_KeyClosed', 'End_KeyDone');
f('Event_ProgressChased', 'End_ProgressEscalated', { via: [[60.3, 13.4], [61.9, 13.4]] });
f('Event_ProgressSupervised', 'End_ProgressEscalated');
const progress = ladder('progressReport');
alarm('Timer_ProgressReport_Reminder', 'Task_ProgressReport', progress.Reminder, 0, 'top', 'End_ProgressReminded', 'SubProcess_Key');
alarm('Timer_ProgressReport_Chase', 'Task_ProgressReport', progress.Chase, 0, 'bottom', 'Event_ProgressChased', 'SubProcess_Key');
alarm('Timer_ProgressReport_Supervision', 'Task_ProgressReport', progress.Supervision, 1, 'bottom', 'Event_ProgressSupervised', 'SubProcess_Key');
alarm('Timer_ProgressReport_Repeat', 'Task_ProgressReport', progress.Repeat, 2, 'bottom', 'Event_ProgressChased', 'SubProcess_Key');

export const spec = { nodes, flows };
