// The wording of every notice, in Chinese, in one place.
import type { CaseState, Notice } from '../schema/case';
import { localDate } from './calendar';

const TRACK_ZH: Record<string, string> = {
  assignment: '交办', returnWindow: '退回申请', reassignment: '重新交办', firstContact: '首次联系代表',
  coHandlerOpinion: '协办意见', reply: '答复', replyMax: '答复', evaluation: '评价', rehandling: '重新办理答复', publication: '答复公开', progressReport: '进展报告',
};

const TEXT: Record<string, (d: Record<string, any>, due: string) => [string, string]> = {
  remind: (d, due) => [`【提醒】${TRACK_ZH[d.track]}期限将至`, `${TRACK_ZH[d.track]}期限为 ${due}，请及时办理。`],
  chase: (d, due) => [`【催办】${TRACK_ZH[d.track]}已逾期`, `${TRACK_ZH[d.track]}期限 ${due} 已过，请立即办理并反馈。`],
  repeat: (d, due) => [`【再次催办】${TRACK_ZH[d.track]}仍未完成`, `${TRACK_ZH[d.track]}期限 ${due} 已过，至今未办理，请立即办理。`],
  supervise: (d, due) => [`【督办】${TRACK_ZH[d.track]}逾期未办`, `${TRACK_ZH[d.track]}期限 ${due} 已过且经催办仍未办理，已列入督办，请单位负责同志督促办理。`],
  opinion_overdue: (_d, due) => ['【提示】协办单位逾期未提出意见', `协办意见期限 ${due} 已过，已向协办单位催办。`],
  cosign_requested: () => ['【联名确认】请确认是否联名', '您被列为该建议的联名代表，请确认。'],
  review_requested: () => ['【待审核】新建议待审核', '有一件建议已提交，请审核。'],
  returned_for_revision: (d) => ['【退回修改】建议需修改后重新提交', `审核意见：${d.reason ?? ''}`],
  rejected: (d) => ['【不予受理】建议未予受理', `理由：${d.reason ?? ''}`],
  converted: (d) => ['【转来信】建议已转为代表来信处理', `理由：${d.reason ?? ''}`],
  merged: () => ['【并案】建议已并案办理', '您的建议已与同类建议并案办理，承办单位将一并答复，您仍将收到答复并作评价。'],
  accepted: () => ['【已受理】建议已受理', '您的建议已受理，将尽快交办。'],
  assigned: (d) => d.role
    ? ['【交办】新交办建议', `贵单位作为${d.role === 'lead' ? '主办' : d.role === 'co' ? '协办' : '分办'}单位承办此建议，请在退回期限内签收或申请退回。`]
    : ['【已交办】建议已交办', '您的建议已交承办单位办理。'],
  withdrawn: (d) => ['【撤回】建议已撤回', `领衔代表撤回了该建议。${d.reason ? `理由：${d.reason}` : ''}`],
  return_requested: (d) => ['【退回申请】承办单位申请退回', `理由：${d.reason ?? ''}`],
  return_approved: () => ['【退回】退回申请已同意', '该建议不再由贵单位承办。'],
  return_refused: (d) => ['【退回】退回申请未同意', `请继续办理。${d.note ?? ''}`],
  message: (d) => ['【沟通】承办单位发来沟通记录', String(d.summary ?? '').slice(0, 200)],
  opinion_received: () => ['【协办意见】收到协办单位意见', '协办单位已提出意见，请在答复中吸收。'],
  opinion_waived: () => ['【协办意见】秘书处已免除一项协办意见', '可在其余协办意见齐备后答复。'],
  extension_requested: (d) => ['【延期申请】承办单位申请延期', `申请延期至 ${d.until}。`],
  extension_approved: (d) => ['【延期】延期申请已同意', `答复期限延至 ${d.until}。`],
  extension_refused: () => ['【延期】延期申请未同意', '请按原期限答复。'],
  replied: (d) => ['【答复】建议已答复', `承办单位已答复${d.resultClass ? `（${d.resultClass}类）` : ''}，请在评价期内评价。`],
  evaluated: (d) => ['【评价】代表已评价', `办理态度：${d.attitude}；办理结果：${d.result}。`],
  unsatisfied: (d) => ['【不满意】代表对答复不满意', `理由：${d.reasons ?? ''}。请审查并决定是否重新办理。`],
  rehandling_ordered: (d) => ['【重新办理】建议须重新办理', `${d.note ?? ''}`],
  escalated: () => ['【升级处理】建议经重新办理仍不满意', '秘书处已组织评估或见面沟通。'],
  closed: () => ['【办结】建议已办结', '该建议已办结。'],
  published: () => ['【公开】答复已公开', '该建议的答复已向社会公开（不含个人信息）。'],
  withheld: (d) => ['【公开】答复不予公开', `理由：${d.reason ?? ''}`],
  supervision_note: (d) => ['【督办意见】专门委员会提出督办意见', String(d.body ?? '').slice(0, 300)],
  progress_requested: (d, due) => ['【进展报告】请报告重点督办建议办理进展', `请于 ${due} 前报告办理进展。${d.note ?? ''}`],
  progress_reported: (d) => ['【进展报告】承办单位已报告办理进展', String(d.body ?? '').slice(0, 300)],
  progress_chase: (_d, due) => ['【进展报告】承办单位逾期未报告进展', `进展报告期限 ${due} 已过，已向承办单位催办。`],
  progress_supervise: (_d, due) => ['【进展报告】承办单位经催办仍未报告进展', `进展报告期限 ${due} 已过且经催办仍未报告，已列入督办。`],
  key_marked: () => ['【重点督办】建议列为重点督办建议', '该建议已列为重点督办建议。'],
};

export function renderNotice(n: Notice, s: CaseState): { subject: string; body: string } {
  const d = n.data ?? {};
  const due = typeof d.dueAt === 'number' ? localDate(d.dueAt - 1, s.profile.zone) : '';
  const [head, text] = (TEXT[n.kind] ?? (() => [`【通知】${n.kind}`, '']))(d, due);
  const name = `${s.number ? `${s.number} ` : ''}《${s.title}》`;
  return { subject: `${head}${name}`, body: `${name}：${text}` };
}
