// The words users see for the codes the API speaks, in Chinese and English.
type Pair = [zh: string, en: string];
const table = (x: Record<string, Pair>) => x;

export const STATUS = table({
  draft: ['草稿', 'Draft'], cosigning: ['待附议确认', 'Awaiting co-signers'], submitted: ['待审核', 'Awaiting review'],
  revising: ['退回修改', 'Returned for revision'], withdrawn: ['已撤回', 'Withdrawn'], rejected: ['不予受理', 'Rejected'],
  converted: ['转代表来信', 'Converted to a letter'], merged: ['已并案', 'Merged'], accepted: ['待交办', 'Awaiting assignment'],
  handling: ['办理中', 'Being handled'], replied: ['已答复待评价', 'Replied, awaiting evaluation'], reviewing: ['不满意待审查', 'Unsatisfied, under review'],
  rehandling: ['重新办理', 'Being re-handled'], closed: ['已办结', 'Closed'],
});
export const STATUS_COLOR: Record<string, string> = {
  draft: 'default', cosigning: 'gold', submitted: 'gold', revising: 'orange', withdrawn: 'default', rejected: 'default', converted: 'default',
  merged: 'purple', accepted: 'gold', handling: 'blue', replied: 'cyan', reviewing: 'volcano', rehandling: 'volcano', closed: 'green',
};
export const RESULT_CLASS = table({
  A: ['A 类：已解决或基本解决', 'A: solved or basically solved'], B: ['B 类：正在解决或列入计划解决', 'B: being solved or planned'],
  C: ['C 类：因条件限制需以后解决', 'C: to be solved when conditions allow'], D: ['D 类：留作参考', 'D: kept for reference'],
});
export const RATING = table({ satisfied: ['满意', 'Satisfied'], basically_satisfied: ['基本满意', 'Basically satisfied'], unsatisfied: ['不满意', 'Unsatisfied'], unevaluated: ['未评价', 'Not evaluated'] });
export const CHANNEL = table({ visit: ['走访', 'Visit'], phone: ['电话', 'Phone'], meeting: ['座谈会', 'Meeting'], message: ['群组消息', 'Message'], video: ['视频', 'Video'], letter: ['书面', 'Letter'] });
export const PHASE = table({ before: ['办前沟通', 'Before handling'], during: ['办中沟通', 'During handling'], after: ['办后沟通', 'After handling'] });
export const MODE = table({ single: ['独办', 'Single unit'], lead_co: ['主办 + 协办', 'Lead with co-handlers'], separate: ['分办', 'Separate handling'] });
export const UNIT_ROLE = table({ lead: ['主办', 'Lead'], co: ['协办', 'Co-handler'], separate: ['分办', 'Separate'] });
export const ASSIGNMENT_STATUS = table({
  pending: ['待签收', 'Awaiting acknowledgement'], acknowledged: ['已签收', 'Acknowledged'], return_requested: ['申请退回中', 'Return requested'],
  returned: ['已退回', 'Returned'], replied: ['已答复', 'Replied'],
});
export const ROLE = table({ deputy: ['代表', 'Deputy'], unit: ['承办单位', 'Handling unit'], secretariat: ['秘书处', 'Secretariat'], committee: ['专门委员会', 'Committee'], admin: ['系统管理员', 'Administrator'], system: ['系统', 'System'] });
export const SOURCE = table({ session: ['大会期间', 'During the session'], inter_session: ['闭会期间', 'Between sessions'], delegation: ['代表团', 'Delegation'], motion: ['议案转建议', 'From a motion'] });
export const EXTENSION_STATUS = table({ pending: ['待审批', 'Pending'], approved: ['已批准', 'Approved'], refused: ['未批准', 'Refused'] });

export const EVENT = table({
  created: ['创建草稿', 'Draft created'], draft_edited: ['修改草稿', 'Draft edited'], submitted: ['提交建议', 'Submitted'],
  cosign_confirmed: ['附议确认', 'Co-signer confirmed'], cosign_declined: ['拒绝附议', 'Co-signer declined'], awaiting_review: ['进入审核', 'Awaiting review'],
  accepted: ['受理', 'Accepted'], returned_for_revision: ['退回修改', 'Returned for revision'], rejected: ['不予受理', 'Rejected'],
  converted: ['转为代表来信', 'Converted to a letter'], merged: ['并案办理', 'Merged'], absorbed: ['并入其他建议', 'Merged into another'],
  withdrawn: ['撤回', 'Withdrawn'], assigned: ['交办', 'Assigned'], acknowledged: ['签收', 'Acknowledged'], deemed_acknowledged: ['视为签收', 'Deemed acknowledged'],
  return_requested: ['申请退回', 'Return requested'], return_approved: ['同意退回', 'Return approved'], return_refused: ['不同意退回', 'Return refused'],
  reassigned: ['调整承办单位', 'Reassigned'], communication: ['与代表沟通', 'Contact with the deputy'], opinion_given: ['提出协办意见', 'Co-handler opinion'],
  opinion_waived: ['免除协办意见', 'Opinion waived'], extension_requested: ['申请延期', 'Extension requested'], extension_approved: ['批准延期', 'Extension approved'],
  extension_refused: ['不批准延期', 'Extension refused'], replied: ['答复代表', 'Replied'], all_replied: ['全部答复', 'All units replied'],
  merged_reply_received: ['收到并案答复', 'Reply of the merged case'], evaluated: ['代表评价', 'Evaluated'], unevaluated: ['逾期未评价', 'Not evaluated in time'],
  unsatisfied: ['评价不满意', 'Unsatisfied'], rehandling_ordered: ['责成重新办理', 'Re-handling ordered'], reopened: ['重新办理', 'Reopened'],
  escalated: ['升级督办', 'Escalated'], closed: ['办结', 'Closed'], published: ['答复公开', 'Reply published'], withheld: ['答复不公开', 'Reply withheld'],
  marked_key: ['列为重点督办', 'Marked as key'], supervision_note: ['督办意见', 'Supervision note'], progress_requested: ['要求报送进展', 'Progress report requested'],
  progress_reported: ['报送办理进展', 'Progress reported'], deadlines_recalculated: ['重算期限', 'Deadlines recalculated'],
  remind: ['期限提醒', 'Reminder'], chase: ['催办', 'Chase notice'], supervise: ['督办', 'Supervision'], repeat: ['再次催办', 'Repeated chase'], deadline_expired: ['期限届满', 'Window closed'],
});
export const DEADLINE = table({
  assignment: ['交办', 'Assignment'], returnWindow: ['退回申请期', 'Return window'], reassignment: ['重新交办', 'Reassignment'], firstContact: ['首次沟通', 'First contact'],
  coHandlerOpinion: ['协办意见', 'Co-handler opinion'], reply: ['答复', 'Reply'], evaluation: ['评价', 'Evaluation'], rehandling: ['重新办理答复', 'Re-handling reply'],
  publication: ['答复公开', 'Publication'], progressReport: ['进展报告', 'Progress report'],
});

export function label(t: (zh: string, en: string) => string, tableOf: Record<string, Pair>, code: string | null | undefined): string {
  if (!code) return '—';
  const p = tableOf[code];
  return p ? t(p[0], p[1]) : code;
}
