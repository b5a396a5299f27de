// Reply, evaluation, re-handling, escalation, closure and disclosure (§2, steps 8–11).
import { STEPS } from '../../schema/steps';
import type { Actor, CommandArgs } from '../../schema/commands';
import type { CaseState, Evaluation, Reply } from '../../schema/case';
import { require_ } from './refuse';
import { mustBeLeadDeputy, mustBeSecretariat, replying, unitOf } from './roles';
import { closeTrack, closeTracks, findTrack, openTrack } from './tracks';
import { acknowledge, opinionsSettled } from './handling';
import type { Tx } from './tx';

const unsatisfied = (e: Evaluation) => e.attitude === 'unsatisfied' || e.result === 'unsatisfied';

/** The units whose replies the deputy rates: the replying units, or for a merged case those of the primary. */
function ratedUnits(s: CaseState): string[] {
  if (s.mergedInto) return [...new Set(s.replies.map((r) => r.unitId))];
  return replying(s).map((a) => a.unitId);
}

function latestReply(s: CaseState, unitId: string): Reply | undefined {
  return s.replies.filter((r) => r.unitId === unitId).at(-1);
}

function evaluationOf(s: CaseState, unitId: string, round: number): Evaluation | undefined {
  return s.evaluations.find((e) => e.unitId === unitId && e.round === round);
}

export const answer = {
  reply: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'reply'>) {
      require_(s.status === 'handling' || s.status === 'rehandling' || s.status === 'replied' || s.status === 'reviewing',
        'illegal_transition', '该建议不在办理阶段', 'the suggestion is not being handled');
      const asg = unitOf(s, actor);
      require_(asg.role !== 'co', 'forbidden', '协办单位向主办单位提出意见，不直接答复代表', 'co-handlers send opinions to the lead unit and do not reply');
      require_(asg.status !== 'return_requested', 'illegal_transition', '退回申请待审批', 'your return request is pending');
      require_(asg.status !== 'replied', 'illegal_transition', '本单位已答复', 'your unit has already replied');
      require_(asg.role !== 'lead' || opinionsSettled(s), 'illegal_transition',
        '协办单位意见尚未全部收到', 'not every co-handler has sent its opinion yet');
      require_(s.profile.resultClasses.includes(a.resultClass), 'invalid_input', '本地区不使用该答复类别', 'this result class is not used here', 'resultClass');
    },
    apply(tx: Tx, a: CommandArgs<'reply'>, actor: Actor) {
      const s = tx.state;
      const asg = unitOf(s, actor);
      if (asg.status === 'pending') acknowledge(tx, asg.unitId, 'acknowledged');
      asg.status = 'replied';
      asg.repliedAt = tx.now;
      const reply: Reply = { id: `${s.id}:r:${asg.unitId}:${asg.round}`, unitId: asg.unitId, round: asg.round, ...a, repliedAt: tx.now };
      s.replies.push(reply);
      closeTracks(s, (t) => t.unitId === asg.unitId && ['reply', 'rehandling', 'firstContact'].includes(t.kind));
      tx.event('replied', STEPS.reply, { unitId: asg.unitId, data: { resultClass: a.resultClass, round: asg.round, faceToFace: a.faceToFace } });
      tx.notifyDeputies('replied', { unitId: asg.unitId, resultClass: a.resultClass });
      openEvaluation(tx, asg.unitId, asg.round);
      if (replying(s).every((x) => x.status === 'replied')) allReplied(tx);
    },
  },
  evaluate: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'evaluate'>) {
      mustBeLeadDeputy(s, actor);
      const units = ratedUnits(s);
      const unitId = a.unitId ?? (units.length === 1 ? units[0] : undefined);
      require_(unitId, 'invalid_input', '请指明评价哪个单位的答复', 'say which unit\'s reply you are rating', 'unitId');
      const r = latestReply(s, unitId);
      require_(r && findTrack(s, evalTrackId(unitId, r.round))?.open, 'illegal_transition',
        '该答复不在评价期内', 'that reply is not open for evaluation', 'unitId');
    },
    apply(tx: Tx, a: CommandArgs<'evaluate'>, actor: Actor) {
      const s = tx.state;
      const units = ratedUnits(s);
      const unitId = a.unitId ?? units[0];
      const round = latestReply(s, unitId)!.round;
      const e: Evaluation = { id: `${s.id}:e:${unitId}:${round}`, unitId, round, deputyId: actor.deputyId, attitude: a.attitude,
        result: a.result, reasons: a.reasons, unevaluated: false, at: tx.now };
      s.evaluations.push(e);
      closeTrack(s, evalTrackId(unitId, round));
      tx.event('evaluated', STEPS.evaluate, { unitId, data: { attitude: a.attitude, result: a.result, round } });
      tx.notify('evaluated', 'unit', unitId, { attitude: a.attitude, result: a.result });
      if (unsatisfied(e)) {
        tx.setStatus('reviewing', 'unsatisfied', STEPS.decideRehandling, { unitId });
        tx.notifySecretariat('unsatisfied', { unitId, round, reasons: a.reasons });
      } else maybeClose(tx);
    },
  },
  decideRehandling: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'decideRehandling'>) {
      mustBeSecretariat(actor);
      require_(s.status === 'reviewing', 'illegal_transition', '没有待审查的不满意评价', 'there is no unsatisfied evaluation to review');
      if (a.decision === 'rehandle') {
        require_(!s.mergedInto, 'illegal_transition', '并案建议请在主建议中重新办理', 'order re-handling on the primary suggestion', 'decision');
        const asg = replying(s).find((x) => x.unitId === a.unitId);
        const e = asg && evaluationOf(s, a.unitId, asg.round);
        require_(asg && e && unsatisfied(e), 'invalid_input', '该单位的答复没有被评为不满意', 'that unit\'s reply was not rated unsatisfied', 'unitId');
        require_(asg.round < 2, 'illegal_transition', '再次不满意应进行评估或组织见面沟通', 'a second unsatisfied rating is escalated, not re-handled again', 'decision');
      }
    },
    apply(tx: Tx, a: CommandArgs<'decideRehandling'>) {
      const s = tx.state;
      if (a.decision === 'close') {
        close(tx, 'secretariat', a.note);
        return;
      }
      const asg = replying(s).find((x) => x.unitId === a.unitId)!;
      asg.round += 1;
      asg.status = 'acknowledged';
      tx.setStatus('rehandling', 'rehandling_ordered', STEPS.decideRehandling, { unitId: a.unitId, data: { note: a.note, bySuperior: a.bySuperior, round: asg.round } });
      openTrack(tx, { id: `rehandle:${a.unitId}:${asg.round}`, kind: 'rehandling', ladder: 'full', unitId: a.unitId, round: asg.round });
      tx.notify('rehandling_ordered', 'unit', a.unitId, { note: a.note, bySuperior: a.bySuperior });
      tx.notifyDeputies('rehandling_ordered', { unitId: a.unitId });
    },
  },
  escalate: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'escalate'>) {
      mustBeSecretariat(actor);
      require_(s.status === 'reviewing', 'illegal_transition', '没有待审查的不满意评价', 'there is no unsatisfied evaluation to review');
      const asg = replying(s).find((x) => x.unitId === a.unitId);
      const e = asg && evaluationOf(s, a.unitId, asg.round);
      require_(asg && e && unsatisfied(e) && asg.round >= 2, 'illegal_transition',
        '只有重新办理后仍不满意的答复才升级处理', 'only a reply rated unsatisfied after re-handling is escalated', 'unitId');
    },
    apply(tx: Tx, a: CommandArgs<'escalate'>) {
      tx.state.escalations.push({ unitId: a.unitId, measure: a.measure, note: a.note, at: tx.now });
      tx.event('escalated', STEPS.escalate, { unitId: a.unitId, data: { measure: a.measure, note: a.note } });
      tx.notify('escalated', 'unit', a.unitId, { measure: a.measure });
      close(tx, 'escalated', a.note);
    },
  },
  disclosure: {
    check(s: CaseState, actor: Actor) {
      mustBeSecretariat(actor);
      require_(s.replies.length > 0, 'illegal_transition', '尚无答复，无需作出公开决定', 'there is no reply to disclose yet');
      require_(!s.disclosure, 'illegal_transition', '已作出公开决定', 'the disclosure has already been decided');
    },
    apply(tx: Tx, a: CommandArgs<'disclosure'>) {
      tx.state.disclosure = { publish: a.publish, reason: a.reason, note: a.note, decidedAt: tx.now };
      closeTrack(tx.state, 'publish');
      tx.event(a.publish ? 'published' : 'withheld', STEPS.disclosure, { data: { reason: a.reason } });
      tx.notify(a.publish ? 'published' : 'withheld', 'deputy', tx.state.leadDeputyId, { reason: a.reason });
    },
  },
};

export const evalTrackId = (unitId: string, round: number) => `eval:${unitId}:${round}`;

export function openEvaluation(tx: Tx, unitId: string, round: number): void {
  openTrack(tx, { id: evalTrackId(unitId, round), kind: 'evaluation', ladder: 'expire', unitId, round });
}

/** Every replying unit has answered: the deputy has the whole reply; merged suggestions get it too. */
function allReplied(tx: Tx): void {
  const s = tx.state;
  const first = !s.repliedAt;
  if (first) {
    s.repliedAt = tx.now;
    // With separate handlers the secretariat may decide disclosure on the first reply; nothing is left to chase then.
    if (!s.disclosure) openTrack(tx, { id: 'publish', kind: 'publication', ladder: 'remind' });
    for (const m of s.mergedCases) tx.signal(m.id, 'mergedReply', s.replies);
  }
  if (s.status === 'handling') tx.setStatus('replied', 'all_replied', STEPS.evaluate);
}

/** An evaluation window ended with no rating: the reply stays out of satisfaction figures. */
export function expireEvaluation(tx: Tx, unitId: string, round: number): void {
  const s = tx.state;
  s.evaluations.push({ id: `${s.id}:e:${unitId}:${round}`, unitId, round, unevaluated: true, at: tx.now });
  tx.event('unevaluated', STEPS.evaluate, { unitId, data: { round } });
  maybeClose(tx);
}

export function maybeClose(tx: Tx): void {
  const s = tx.state;
  if (!['replied', 'reviewing', 'rehandling', 'handling'].includes(s.status)) return;
  const units = ratedUnits(s);
  const states = units.map((u) => {
    const round = s.mergedInto ? 1 : replying(s).find((x) => x.unitId === u)!.round;
    const e = s.replies.some((r) => r.unitId === u && r.round === round) ? evaluationOf(s, u, round) : undefined;
    if (!e) return 'open';
    return unsatisfied(e) ? 'unsatisfied' : e.unevaluated ? 'unevaluated' : 'ok';
  });
  if (units.length === 0 || states.includes('open')) return;
  if (states.includes('unsatisfied')) {
    if (s.status !== 'reviewing') tx.setStatus('reviewing', 'unsatisfied', STEPS.decideRehandling);
    return;
  }
  close(tx, states.every((x) => x === 'unevaluated') ? 'unevaluated' : 'evaluated');
}

function close(tx: Tx, kind: NonNullable<CaseState['closure']>['kind'], note?: string): void {
  const s = tx.state;
  s.closure = { kind, note };
  s.closedAt = tx.now;
  closeTracks(s, (t) => t.id !== 'publish');
  tx.setStatus('closed', 'closed', STEPS.closed, { data: { kind, note } });
  tx.notifyDeputies('closed', { kind, note });
}

/** The primary case's replies reach a merged suggestion, whose own deputy then rates them. */
export function receiveMergedReplies(tx: Tx, replies: Reply[]): void {
  const s = tx.state;
  if (s.status !== 'merged') return;
  for (const r of replies) {
    s.replies.push({ ...r, id: `${s.id}:r:${r.unitId}:${r.round}`, round: 1 });
    openEvaluation(tx, r.unitId, 1);
  }
  s.repliedAt = tx.now;
  tx.setStatus('replied', 'merged_reply_received', STEPS.evaluate, { data: { from: s.mergedInto } });
  tx.notifyDeputies('replied', { from: s.mergedInto });
  openTrack(tx, { id: 'publish', kind: 'publication', ladder: 'remind' });
}
