// What each alarm does when its time comes: the reminder and escalation ladder of domain.md §3.
import { timerStep } from '../../schema/steps';
import type { Alarm, RecipientType, Track } from '../../schema/case';
import { active } from './roles';
import { acknowledge } from './handling';
import { expireEvaluation } from './answer';
import { requestFor } from './tracks';
import type { Tx } from './tx';

/** Who must act on a deadline, and so who is reminded and chased. */
function responsible(tx: Tx, track: Track): { type: RecipientType; id: string } {
  if (track.unitId && track.kind !== 'evaluation') return { type: 'unit', id: track.unitId };
  if (track.kind === 'evaluation') return { type: 'deputy', id: tx.state.leadDeputyId };
  return { type: 'secretariat', id: tx.state.congressId };
}

export function fireAlarm(tx: Tx, track: Track, alarm: Alarm): void {
  alarm.fired = true;
  const who = responsible(tx, track);
  const data = { track: track.kind, dueAt: track.dueAt, unitId: track.unitId };
  // The key names the alarm and its instant: a replayed or retried firing can never queue twice,
  // while an extension's re-armed reminder (a new instant) is a new notice.
  const key = (rcpt: string) => `${tx.state.id}:${track.id}:${alarm.id}:${alarm.at}:${rcpt}`;
  tx.event(alarm.kind === 'expire' ? 'deadline_expired' : alarm.kind, timerStep(track.kind === 'replyMax' ? 'reply' : track.kind, alarm.kind),
    { unitId: track.unitId, data: { track: track.id, dueAt: track.dueAt, alarmAt: alarm.at } });

  if (alarm.kind === 'expire') {
    if (track.kind === 'evaluation') expireEvaluation(tx, track.unitId!, track.round ?? 1);
    else if (track.kind === 'returnWindow') {
      const asg = tx.state.assignments.find((a) => a.unitId === track.unitId);
      if (asg?.status === 'pending') acknowledge(tx, asg.unitId, 'deemed_acknowledged');
    }
    track.open = false;
    return;
  }

  tx.notify(alarm.kind, who.type, who.id, data, key(`${who.type}:${who.id}`));
  if (alarm.kind === 'supervise' && who.type !== 'secretariat') tx.notifySecretariat('supervise', data, key('secretariat'));
  if (track.kind === 'coHandlerOpinion' && (alarm.kind === 'chase' || alarm.kind === 'supervise')) {
    const lead = active(tx.state).find((a) => a.role === 'lead');
    if (lead) tx.notify('opinion_overdue', 'unit', lead.unitId, data, key(`lead:${lead.unitId}`));
  }
  // The committee that asked for a progress report hears when the unit is late with it.
  if (track.kind === 'progressReport' && tx.state.key && (alarm.kind === 'chase' || alarm.kind === 'supervise')) {
    tx.notify(`progress_${alarm.kind}`, 'committee', tx.state.key.committeeId, data, key(`committee:${tx.state.key.committeeId}`));
  }
  const lastRepeat = track.alarms.filter((a) => a.kind === 'repeat').at(-1);
  if (alarm.kind === 'repeat' && lastRepeat === alarm) tx.plans.push(requestFor(track, alarm.at));
}
