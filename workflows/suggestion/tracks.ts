// Deadlines of a case: opened and closed by commands, planned by an activity (the calendar is data
// the workflow may not read), and re-planned when an extension or a calendar correction moves them.
import type { Alarm, CaseState, Ladder, Track, TrackPlan, TrackRequest } from '../../schema/case';
import type { DeadlineName } from '../../schema/profile';
import type { Tx } from './tx';

export interface OpenTrack { id: string; kind: DeadlineName; ladder: Ladder; unitId?: string; round?: number; startAt?: number; dueDate?: string }

export function openTrack(tx: Tx, t: OpenTrack): void {
  const existing = tx.state.tracks.find((x) => x.id === t.id);
  const track: Track = existing ?? { id: t.id, kind: t.kind, ladder: t.ladder, startAt: 0, dueAt: 0, alarms: [], open: true };
  Object.assign(track, { kind: t.kind, ladder: t.ladder, unitId: t.unitId, round: t.round, startAt: t.startAt ?? tx.now, dueDate: t.dueDate, open: true });
  if (!existing) tx.state.tracks.push(track);
  tx.plans.push(requestFor(track));
}

export function requestFor(t: Track, repeatsAfter?: number): TrackRequest {
  return { id: t.id, kind: t.kind, startAt: t.startAt, dueDate: t.dueDate, ladder: t.ladder, repeatsAfter };
}

export function findTrack(state: CaseState, id: string): Track | undefined {
  return state.tracks.find((t) => t.id === id);
}

export function isOpen(state: CaseState, id: string): boolean {
  return !!findTrack(state, id)?.open;
}

export function closeTrack(state: CaseState, id: string): void {
  const t = findTrack(state, id);
  if (t) t.open = false;
}

export function closeTracks(state: CaseState, pred: (t: Track) => boolean): void {
  for (const t of state.tracks) if (pred(t)) t.open = false;
}

/** Re-plan every open deadline (after a calendar correction). */
export function replanOpen(tx: Tx): void {
  for (const t of tx.state.tracks) if (t.open) tx.plans.push(requestFor(t));
}

/**
 * Install planned alarms. An alarm that the new plan puts in the future fires (again) then, so an
 * extension re-arms its reminders; one already in the past fires now unless it fired before, except
 * stale reminders (pointless once the day has gone) and all but the latest missed weekly repeat.
 */
export function installPlans(state: CaseState, requests: TrackRequest[], plans: TrackPlan[], now: number): void {
  plans.forEach((plan, i) => {
    const track = findTrack(state, plan.id);
    if (!track) return;
    const appendOnly = requests[i]?.repeatsAfter !== undefined;
    const previous = new Map(track.alarms.map((a) => [a.id, a]));
    const next: Alarm[] = plan.alarms.map((a) => {
      const before = previous.get(a.id);
      const fired = a.at > now ? false : a.kind === 'remind' ? true : !!before?.fired;
      return { ...a, fired };
    });
    const missedRepeats = next.filter((a) => a.kind === 'repeat' && !a.fired && a.at <= now);
    for (const a of missedRepeats.slice(0, -1)) a.fired = true;
    track.alarms = appendOnly ? [...track.alarms, ...next] : next;
    if (!appendOnly) track.dueAt = plan.dueAt;
  });
}

export function nextAlarm(state: CaseState): { track: Track; alarm: Alarm } | undefined {
  let best: { track: Track; alarm: Alarm } | undefined;
  for (const track of state.tracks) {
    if (!track.open) continue;
    for (const alarm of track.alarms) {
      if (!alarm.fired && (!best || alarm.at < best.alarm.at)) best = { track, alarm };
    }
  }
  return best;
}
