// Progress reports on key suggestions (重点督办建议): the supervising committee or the secretariat
// asks a unit how far it has got, by a date; the request joins the reminder ladder until the unit reports.
import type { Actor, CommandArgs } from '../../schema/commands';
import type { CaseState, ProgressRequest, Track, TrackPlan, TrackRequest } from '../../schema/case';
import { STEPS } from '../../schema/steps';
import { require_ } from './refuse';
import { active } from './roles';
import { closeTrack, findTrack, installPlans } from './tracks';
import type { Tx } from './tx';

const ENDED = ['withdrawn', 'rejected', 'converted', 'merged', 'closed'];

const trackId = (requestId: string) => `progress:${requestId}`;
const nextId = (s: CaseState) => `${s.id}:pr${s.progressRequests.length + 1}`;

function pendingFor(s: CaseState, unitId: string): ProgressRequest | undefined {
  return s.progressRequests.find((r) => r.unitId === unitId && r.status === 'pending');
}

export const progress = {
  requestProgress: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'requestProgress'>) {
      require_(!!s.key, 'illegal_transition', '只有重点督办建议可以要求报告办理进展', 'only key suggestions under supervision take progress reports');
      const supervisor = actor.role === 'secretariat' || (actor.role === 'committee' && actor.committeeId === s.key!.committeeId);
      require_(supervisor, 'forbidden', '仅负责督办的专门委员会或秘书处可要求报告进展', 'only the supervising committee or the secretariat may ask for a progress report');
      require_(!ENDED.includes(s.status), 'illegal_transition', '该建议已办结或终止办理', 'this suggestion is closed or no longer handled');
      require_(active(s).some((u) => u.unitId === a.unitId), 'invalid_input', '该单位未承办此建议', 'that unit does not handle this suggestion', 'unitId');
      require_(!pendingFor(s, a.unitId), 'illegal_transition', '该单位尚有未报告的进展要求', 'that unit still owes an earlier progress report', 'unitId');
    },
    /** A date given by the supervisor becomes an instant only through the calendar, so it is planned before apply. */
    track(s: CaseState, _actor: Actor, a: CommandArgs<'requestProgress'>): Omit<TrackRequest, 'startAt'> {
      return { id: trackId(nextId(s)), kind: 'progressReport', ladder: 'full', dueDate: a.dueDate };
    },
    afterPlan(_s: CaseState, _actor: Actor, _a: CommandArgs<'requestProgress'>, dueAt: number, now: number) {
      require_(dueAt > now, 'invalid_input', '报告期限应晚于今天', 'the report date must be after today', 'dueDate');
    },
    /** The deadline was planned before apply (see track()), so it is installed here rather than planned again. */
    apply(tx: Tx, a: CommandArgs<'requestProgress'>, actor: Actor, plan: TrackPlan) {
      const s = tx.state;
      const id = nextId(s);
      const track: Track = { id: trackId(id), kind: 'progressReport', ladder: 'full', unitId: a.unitId, startAt: tx.now, dueDate: a.dueDate, dueAt: 0, alarms: [], open: true };
      s.tracks.push(track);
      installPlans(s, [{ id: track.id, kind: track.kind, ladder: track.ladder, startAt: tx.now, dueDate: a.dueDate }], [plan], tx.now);
      s.progressRequests.push({
        id, unitId: a.unitId, note: a.note, dueDate: a.dueDate, dueAt: plan.dueAt, status: 'pending', requestedAt: tx.now,
        requestedBy: { role: actor.role, id: actor.id, committeeId: actor.committeeId },
      });
      tx.event('progress_requested', STEPS.requestProgress, { unitId: a.unitId, data: { id, note: a.note, dueAt: plan.dueAt } });
      const data = { note: a.note, dueAt: plan.dueAt, unitId: a.unitId };
      tx.notify('progress_requested', 'unit', a.unitId, data);
      if (actor.role === 'secretariat') tx.notify('progress_requested', 'committee', s.key!.committeeId, data);
    },
  },
  progressReport: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'progressReport'>) {
      require_(actor.role === 'unit' && !!actor.unitId, 'forbidden', '仅承办单位可报告办理进展', 'only a handling unit may report progress');
      require_(active(s).some((u) => u.unitId === actor.unitId), 'forbidden', '本单位未承办此建议', 'this suggestion is not assigned to your unit');
      const r = a.requestId ? s.progressRequests.find((x) => x.id === a.requestId) : pendingFor(s, actor.unitId!);
      require_(r || !a.requestId, 'not_found', '没有这个进展报告要求', 'no such progress report request', 'requestId');
      require_(r && r.unitId === actor.unitId, 'illegal_transition', '没有要求本单位报告进展', 'no progress report is asked of your unit', a.requestId ? 'requestId' : undefined);
      require_(r.status === 'pending', 'illegal_transition', '该进展已报告', 'that progress report has already been made', 'requestId');
    },
    apply(tx: Tx, a: CommandArgs<'progressReport'>, actor: Actor) {
      const s = tx.state;
      const r = a.requestId ? s.progressRequests.find((x) => x.id === a.requestId)! : pendingFor(s, actor.unitId!)!;
      r.status = 'reported';
      r.report = a.body;
      r.reportedAt = tx.now;
      closeTrack(s, trackId(r.id));
      tx.event('progress_reported', STEPS.progressReport, { unitId: r.unitId, data: { id: r.id } });
      tx.notify('progress_reported', 'committee', s.key!.committeeId, { unitId: r.unitId, body: a.body });
      if (r.requestedBy.role === 'secretariat') tx.notifySecretariat('progress_reported', { unitId: r.unitId, body: a.body });
    },
  },
};

/** After every change: a request follows its deadline when it is re-planned, and one whose deadline
 * was closed without a report (the unit left the case, the case ended) is no longer owed. */
export function settleProgress(s: CaseState): void {
  for (const r of s.progressRequests) {
    const t = findTrack(s, trackId(r.id));
    if (!t) continue;
    r.dueAt = t.dueAt;
    if (r.status === 'pending' && !t.open) r.status = 'cancelled';
  }
}
