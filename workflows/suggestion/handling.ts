// Assignment, acknowledgement or return, contact, co-handler opinions and extensions (§2, steps 3–7).
import { STEPS } from '../../schema/steps';
import type { Actor, CommandArgs } from '../../schema/commands';
import type { CaseState, TrackPlan, UnitRole } from '../../schema/case';
import { require_ } from './refuse';
import { active, isParticipant, mustBeSecretariat, unitOf } from './roles';
import { closeTrack, closeTracks, findTrack, openTrack } from './tracks';
import type { Tx } from './tx';

const HANDLING = ['handling', 'rehandling', 'replied', 'reviewing'];

function mustBeHandling(s: CaseState): void {
  require_(HANDLING.includes(s.status), 'illegal_transition', '该建议不在办理阶段', 'the suggestion is not being handled');
}

/** Give a unit its part: the receipt starts its return window and, by role, its contact, opinion and reply deadlines. */
export function assignUnit(tx: Tx, unitId: string, role: UnitRole): void {
  const s = tx.state;
  const existing = s.assignments.find((a) => a.unitId === unitId);
  const a = { unitId, role, status: 'pending' as const, assignedAt: tx.now, round: 1 };
  if (existing) Object.assign(existing, a, { acknowledgedAt: undefined, returnReason: undefined, repliedAt: undefined, opinionAt: undefined, firstContactAt: undefined });
  else s.assignments.push(a);
  openTrack(tx, { id: `return:${unitId}`, kind: 'returnWindow', ladder: 'silent', unitId });
  if (role === 'co') {
    openTrack(tx, { id: `opinion:${unitId}`, kind: 'coHandlerOpinion', ladder: 'full', unitId });
  } else {
    openTrack(tx, { id: `contact:${unitId}`, kind: 'firstContact', ladder: 'remind', unitId });
    openTrack(tx, { id: `reply:${unitId}`, kind: 'reply', ladder: 'full', unitId, round: 1 });
    openTrack(tx, { id: `cap:${unitId}`, kind: 'replyMax', ladder: 'none', unitId });
  }
  tx.notify('assigned', 'unit', unitId, { role });
}

function distinct(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

export const handling = {
  assign: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'assign'>) {
      mustBeSecretariat(actor);
      require_(s.status === 'accepted', 'illegal_transition', '只有已受理待交办的建议可以交办', 'only an accepted suggestion can be assigned');
      if (a.mode === 'separate') {
        require_(a.separateUnitIds.length >= 2 && !a.leadUnitId && a.coUnitIds.length === 0, 'invalid_input',
          '分办须指定至少两个分办单位，且不设主办、协办', 'separate handling needs two or more separate units and no lead or co-handlers', 'separateUnitIds');
        require_(distinct(a.separateUnitIds), 'invalid_input', '承办单位重复', 'a unit is listed twice', 'separateUnitIds');
        return;
      }
      require_(!!a.leadUnitId, 'invalid_input', '须指定主办单位', 'a lead unit is required', 'leadUnitId');
      require_(a.separateUnitIds.length === 0, 'invalid_input', '独办或主协办不设分办单位', 'separate units only go with separate handling', 'separateUnitIds');
      if (a.mode === 'single') require_(a.coUnitIds.length === 0, 'invalid_input', '独办不设协办单位', 'single handling has no co-handlers', 'coUnitIds');
      else require_(a.coUnitIds.length >= 1, 'invalid_input', '主办协办须至少指定一个协办单位', 'lead + co-handlers needs at least one co-handler', 'coUnitIds');
      require_(distinct([a.leadUnitId!, ...a.coUnitIds]), 'invalid_input', '承办单位重复', 'a unit is listed twice', 'coUnitIds');
    },
    apply(tx: Tx, a: CommandArgs<'assign'>) {
      const s = tx.state;
      s.assignMode = a.mode;
      s.assignedAt = tx.now;
      tx.setStatus('handling', 'assigned', STEPS.assign, { data: { mode: a.mode, lead: a.leadUnitId, co: a.coUnitIds, separate: a.separateUnitIds } });
      closeTrack(s, 'assign');
      if (a.mode === 'separate') for (const u of a.separateUnitIds) assignUnit(tx, u, 'separate');
      else {
        assignUnit(tx, a.leadUnitId!, 'lead');
        for (const u of a.coUnitIds) assignUnit(tx, u, 'co');
      }
      tx.notifyDeputies('assigned', { units: active(s).map((x) => ({ unitId: x.unitId, role: x.role })) });
    },
  },
  acknowledge: {
    check(s: CaseState, actor: Actor) {
      mustBeHandling(s);
      const a = unitOf(s, actor);
      require_(a.status === 'pending', 'illegal_transition', '本单位已签收或已申请退回', 'your unit has already acknowledged or asked to return');
    },
    apply(tx: Tx, _a: unknown, actor: Actor) {
      acknowledge(tx, actor.unitId!, 'acknowledged');
    },
  },
  requestReturn: {
    check(s: CaseState, actor: Actor, _a: unknown, now: number) {
      mustBeHandling(s);
      const a = unitOf(s, actor);
      require_(a.status === 'pending' || a.status === 'acknowledged', 'illegal_transition',
        '当前状态不能申请退回', 'a return cannot be requested now');
      const window = findTrack(s, `return:${a.unitId}`);
      require_(window && window.dueAt > now && a.round === 1 && !a.repliedAt, 'late',
        '已超过退回申请期限，请与秘书处联系', 'the return window has closed; contact the secretariat');
    },
    apply(tx: Tx, a: CommandArgs<'requestReturn'>, actor: Actor) {
      const asg = unitOf(tx.state, actor);
      asg.status = 'return_requested';
      asg.returnReason = a.reason;
      closeTrack(tx.state, `return:${asg.unitId}`);
      tx.event('return_requested', STEPS.requestReturn, { unitId: asg.unitId, data: { reason: a.reason, suggestedUnitIds: a.suggestedUnitIds } });
      tx.notifySecretariat('return_requested', { unitId: asg.unitId, reason: a.reason });
    },
  },
  decideReturn: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'decideReturn'>) {
      mustBeSecretariat(actor);
      const asg = s.assignments.find((x) => x.unitId === a.unitId);
      require_(asg?.status === 'return_requested', 'illegal_transition', '该单位没有待审批的退回申请', 'that unit has no pending return request', 'unitId');
    },
    apply(tx: Tx, a: CommandArgs<'decideReturn'>) {
      const s = tx.state;
      const asg = s.assignments.find((x) => x.unitId === a.unitId)!;
      if (!a.approve) {
        acknowledge(tx, asg.unitId, 'return_refused', a.note);
        tx.notify('return_refused', 'unit', asg.unitId, { note: a.note });
        return;
      }
      asg.status = 'returned';
      closeTracks(s, (t) => t.unitId === asg.unitId);
      tx.event('return_approved', STEPS.decideReturn, { unitId: asg.unitId, data: { note: a.note } });
      tx.notify('return_approved', 'unit', asg.unitId, { note: a.note });
      openTrack(tx, { id: 'reassign', kind: 'reassignment', ladder: 'remind' });
    },
  },
  reassign: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'reassign'>) {
      mustBeSecretariat(actor);
      mustBeHandling(s);
      require_(!active(s).some((x) => x.unitId === a.unitId), 'invalid_input', '该单位已在承办', 'that unit is already handling this suggestion', 'unitId');
      const hasLead = active(s).some((x) => x.role === 'lead');
      if (s.assignMode === 'separate') require_(a.role === 'separate', 'invalid_input', '分办建议只能增加分办单位', 'a separately handled suggestion takes separate units only', 'role');
      else if (a.role === 'lead') require_(!hasLead, 'invalid_input', '已有主办单位', 'there is already a lead unit', 'role');
      else require_(a.role === 'co', 'invalid_input', '该建议不是分办', 'this suggestion is not handled separately', 'role');
    },
    apply(tx: Tx, a: CommandArgs<'reassign'>) {
      const s = tx.state;
      if (a.role === 'co' && s.assignMode === 'single') s.assignMode = 'lead_co';
      closeTrack(s, 'reassign');
      tx.event('reassigned', STEPS.assign, { unitId: a.unitId, data: { role: a.role } });
      assignUnit(tx, a.unitId, a.role);
      if (s.status === 'replied') tx.setStatus('handling', 'reopened', STEPS.assign);
    },
  },
  communicate: {
    check(s: CaseState, actor: Actor) {
      require_(!['draft', 'withdrawn', 'rejected', 'converted'].includes(s.status), 'illegal_transition',
        '当前阶段不能记录沟通', 'communications cannot be logged at this stage');
      require_(isParticipant(s, actor), 'forbidden', '您不是此建议的参与方', 'you are not a party to this suggestion');
    },
    apply(tx: Tx, a: CommandArgs<'communicate'>, actor: Actor) {
      const s = tx.state;
      const unitId = actor.role === 'unit' ? actor.unitId : undefined;
      const id = `${s.id}:c${s.communications.length + 1}`;
      s.communications.push({ id, unitId, authorRole: actor.role, authorId: actor.id, phase: a.phase, channel: a.channel,
        occurredAt: Math.min(a.occurredAt ?? tx.now, tx.now), participants: a.participants, summary: a.summary });
      tx.event('communication', STEPS.contact, { unitId, data: { id, phase: a.phase, channel: a.channel } });
      const asg = unitId ? s.assignments.find((x) => x.unitId === unitId) : undefined;
      if (asg && !asg.firstContactAt) {
        asg.firstContactAt = tx.now;
        closeTrack(s, `contact:${asg.unitId}`);
      }
      if (actor.role === 'unit') tx.notify('message', 'deputy', s.leadDeputyId, { unitId, summary: a.summary });
    },
  },
  opinion: {
    check(s: CaseState, actor: Actor) {
      mustBeHandling(s);
      const a = unitOf(s, actor);
      require_(a.role === 'co', 'forbidden', '只有协办单位提出协办意见', 'only co-handlers give opinions');
      require_(!a.opinionAt && !s.opinions.some((o) => o.unitId === a.unitId), 'illegal_transition', '本单位已提出协办意见', 'your unit has already given its opinion');
      require_(a.status !== 'return_requested', 'illegal_transition', '退回申请待审批', 'your return request is pending');
    },
    apply(tx: Tx, a: CommandArgs<'opinion'>, actor: Actor) {
      const s = tx.state;
      const asg = unitOf(s, actor);
      if (asg.status === 'pending') acknowledge(tx, asg.unitId, 'acknowledged');
      asg.opinionAt = tx.now;
      s.opinions.push({ id: `${s.id}:o:${asg.unitId}`, unitId: asg.unitId, body: a.body, waived: false, at: tx.now });
      closeTrack(s, `opinion:${asg.unitId}`);
      tx.event('opinion_given', STEPS.opinion, { unitId: asg.unitId });
      const lead = active(s).find((x) => x.role === 'lead');
      if (lead) tx.notify('opinion_received', 'unit', lead.unitId, { fromUnitId: asg.unitId });
    },
  },
  waiveOpinion: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'waiveOpinion'>) {
      mustBeSecretariat(actor);
      mustBeHandling(s);
      const asg = active(s).find((x) => x.unitId === a.unitId);
      require_(asg?.role === 'co', 'invalid_input', '该单位不是本建议的协办单位', 'that unit is not a co-handler of this suggestion', 'unitId');
      require_(!s.opinions.some((o) => o.unitId === a.unitId), 'illegal_transition', '该单位的协办意见已有结果', 'that opinion is already settled', 'unitId');
    },
    apply(tx: Tx, a: CommandArgs<'waiveOpinion'>) {
      const s = tx.state;
      s.opinions.push({ id: `${s.id}:o:${a.unitId}`, unitId: a.unitId, waived: true, waiverReason: a.reason, at: tx.now });
      closeTrack(s, `opinion:${a.unitId}`);
      tx.event('opinion_waived', STEPS.waiveOpinion, { unitId: a.unitId, data: { reason: a.reason } });
      const lead = active(s).find((x) => x.role === 'lead');
      if (lead) tx.notify('opinion_waived', 'unit', lead.unitId, { fromUnitId: a.unitId });
    },
  },
  requestExtension: {
    check(s: CaseState, actor: Actor, _a: unknown, now: number) {
      mustBeHandling(s);
      const asg = unitOf(s, actor);
      require_(asg.role !== 'co', 'forbidden', '协办单位不申请答复延期', 'co-handlers do not request reply extensions');
      require_(!asg.repliedAt || asg.status !== 'replied', 'illegal_transition', '本单位已答复', 'your unit has already replied');
      require_(!s.extensions.some((e) => e.unitId === asg.unitId && e.status === 'pending'), 'illegal_transition',
        '已有待审批的延期申请', 'an extension request is already pending');
      const reply = findTrack(s, `reply:${asg.unitId}`);
      require_(reply?.open && now < reply.dueAt, 'late', '已超过答复期限，不能再申请延期', 'the reply deadline has passed; an extension can no longer be requested');
    },
    /** The requested date becomes an instant only through the calendar, so the cap is checked after planning. */
    track(s: CaseState, actor: Actor, a: CommandArgs<'requestExtension'>) {
      return { id: `ext:${actor.unitId}:${s.extensions.length + 1}`, kind: 'reply' as const, ladder: 'none' as const, unitId: actor.unitId, dueDate: a.until };
    },
    afterPlan(s: CaseState, actor: Actor, _a: CommandArgs<'requestExtension'>, requestedDueAt: number) {
      const reply = findTrack(s, `reply:${actor.unitId}`)!;
      const cap = findTrack(s, `cap:${actor.unitId}`)!;
      require_(requestedDueAt > reply.dueAt, 'invalid_input', '申请的期限应晚于现有期限', 'the requested date must be after the current deadline', 'until');
      require_(requestedDueAt <= cap.dueAt, 'invalid_input', '申请的期限超过了最长办理期限', 'the requested date is past the longest allowed handling time', 'until');
    },
    apply(tx: Tx, a: CommandArgs<'requestExtension'>, actor: Actor, plan: TrackPlan) {
      const s = tx.state;
      const requestedDueAt = plan.dueAt;
      const id = `${s.id}:x${s.extensions.length + 1}`;
      s.extensions.push({ id, unitId: actor.unitId!, reason: a.reason, until: a.until, requestedDueAt, status: 'pending', requestedAt: tx.now });
      tx.event('extension_requested', STEPS.requestExtension, { unitId: actor.unitId, data: { id, until: a.until, reason: a.reason } });
      tx.notifySecretariat('extension_requested', { unitId: actor.unitId, until: a.until });
    },
  },
  decideExtension: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'decideExtension'>) {
      mustBeSecretariat(actor);
      const e = s.extensions.find((x) => x.id === a.requestId);
      require_(e, 'not_found', '没有这个延期申请', 'no such extension request', 'requestId');
      require_(e.status === 'pending', 'illegal_transition', '该延期申请已处理', 'that request has already been decided', 'requestId');
    },
    apply(tx: Tx, a: CommandArgs<'decideExtension'>) {
      const s = tx.state;
      const e = s.extensions.find((x) => x.id === a.requestId)!;
      e.status = a.approve ? 'approved' : 'refused';
      e.decisionNote = a.note;
      e.decidedAt = tx.now;
      tx.event(a.approve ? 'extension_approved' : 'extension_refused', STEPS.decideExtension, { unitId: e.unitId, data: { id: e.id, until: e.until } });
      tx.notify(a.approve ? 'extension_approved' : 'extension_refused', 'unit', e.unitId, { until: e.until, note: a.note });
      if (!a.approve) return;
      const reply = findTrack(s, `reply:${e.unitId}`);
      if (reply?.open) openTrack(tx, { id: reply.id, kind: reply.kind, ladder: reply.ladder, unitId: e.unitId, round: reply.round, startAt: reply.startAt, dueDate: e.until });
      tx.notifyDeputies('extension_approved', { unitId: e.unitId, until: e.until });
    },
  },
  superviseNote: {
    check(s: CaseState, actor: Actor) {
      require_(actor.role === 'committee' && !!s.key && actor.committeeId === s.key.committeeId, 'forbidden',
        '仅负责督办该重点建议的专门委员会可提出督办意见', 'only the committee supervising this key suggestion may add supervision notes');
      require_(!['withdrawn', 'rejected', 'converted'].includes(s.status), 'illegal_transition', '该建议已终止办理', 'this suggestion is no longer being handled');
    },
    apply(tx: Tx, a: CommandArgs<'superviseNote'>, actor: Actor) {
      const s = tx.state;
      const id = `${s.id}:sn${s.supervisionNotes.length + 1}`;
      s.supervisionNotes.push({ id, committeeId: actor.committeeId!, authorId: actor.id, body: a.body, at: tx.now });
      tx.event('supervision_note', STEPS.superviseNote, { data: { id } });
      for (const u of active(s)) tx.notify('supervision_note', 'unit', u.unitId, { body: a.body });
      tx.notifySecretariat('supervision_note', { body: a.body });
    },
  },
  markKey: {
    check(s: CaseState, actor: Actor) {
      mustBeSecretariat(actor);
      require_(['accepted', 'handling', 'replied', 'reviewing', 'rehandling'].includes(s.status), 'illegal_transition',
        '只有已受理、未办结的建议可以列为重点督办', 'only accepted suggestions not yet closed can be made key suggestions');
    },
    apply(tx: Tx, a: CommandArgs<'markKey'>) {
      const s = tx.state;
      const before = s.key ? { committeeId: s.key.committeeId } : undefined;
      s.key = { ...a, markedAt: tx.now };
      tx.event('marked_key', STEPS.markKey, { before, after: { committeeId: a.committeeId }, data: { decision: a.decision } });
      tx.notify('key_marked', 'committee', a.committeeId);
      for (const u of active(s)) tx.notify('key_marked', 'unit', u.unitId, { committeeId: a.committeeId });
    },
  },
};

export function acknowledge(tx: Tx, unitId: string, type: 'acknowledged' | 'deemed_acknowledged' | 'return_refused', note?: string): void {
  const asg = tx.state.assignments.find((x) => x.unitId === unitId)!;
  asg.status = 'acknowledged';
  asg.acknowledgedAt = tx.now;
  closeTrack(tx.state, `return:${unitId}`);
  tx.event(type, type === 'return_refused' ? STEPS.decideReturn : STEPS.acknowledge, { unitId, data: note ? { note } : undefined });
}

export function opinionsSettled(s: CaseState): boolean {
  return active(s).filter((a) => a.role === 'co').every((a) => s.opinions.some((o) => o.unitId === a.unitId));
}

