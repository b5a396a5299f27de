// Turns a deadline request into an instant and its alarms, using the policy profile and the calendar.
import { parseSpan } from '../schema/span';
import type { Profile } from '../schema/profile';
import type { Alarm, TrackPlan, TrackRequest } from '../schema/case';
import { atLocalTime, deadlineAfter, localDate, shiftInstant, type WorkCalendar } from './calendar';

/** Weekly chasing is planned a quarter at a time; the workflow asks for more if it runs out. */
const REPEATS_PER_PLAN = 12;

export function planTrack(cal: WorkCalendar, profile: Profile, r: TrackRequest): TrackPlan {
  const zone = profile.zone;
  const ladder = profile.ladder;
  const spanOf = (kind: TrackRequest['kind']) => profile.deadlines[kind];
  const dueAt = r.dueDate
    ? deadlineAfter(cal, atLocalTime(r.dueDate, '00:00', zone), 'P0D', { zone, rollToWorkingDay: false })
    : deadlineAfter(cal, r.startAt, spanOf(r.kind), { zone, rollToWorkingDay: profile.rollToWorkingDay });
  const alarms: Omit<Alarm, 'fired'>[] = [];
  const repeats = (after: number) => {
    let at = after;
    for (let i = 0; i < REPEATS_PER_PLAN; i++) {
      at = shiftInstant(cal, at, ladder.repeatEvery, 1, { zone });
      alarms.push({ id: `repeat@${at}`, kind: 'repeat', at });
    }
  };
  if (r.repeatsAfter !== undefined) {
    repeats(r.repeatsAfter);
    return { id: r.id, dueAt, alarms };
  }
  if (r.ladder === 'full' || r.ladder === 'remind' || r.ladder === 'expire') {
    ladder.remindBefore.forEach((offset, i) => {
      const at = reminderAt(cal, profile, dueAt, offset);
      if (at > r.startAt && at < dueAt) alarms.push({ id: `remind${i}`, kind: 'remind', at });
    });
  }
  if (r.ladder === 'full' || r.ladder === 'remind') {
    const chase = shiftInstant(cal, dueAt, ladder.chaseAfter, 1, { zone });
    alarms.push({ id: 'chase', kind: 'chase', at: chase });
    if (r.ladder === 'full') {
      alarms.push({ id: 'supervise', kind: 'supervise', at: shiftInstant(cal, chase, ladder.superviseAfter, 1, { zone }) });
      repeats(chase);
    }
  }
  if (r.ladder === 'expire' || r.ladder === 'silent') alarms.push({ id: 'expire', kind: 'expire', at: dueAt });
  return { id: r.id, dueAt, alarms };
}

/** Day-based offsets count back from the last day of the deadline, at the profile's notice time. */
function reminderAt(cal: WorkCalendar, profile: Profile, dueAt: number, offset: string): number {
  const span = parseSpan(offset);
  if (span.unit === 'iso' && !span.hasDateParts) return shiftInstant(cal, dueAt, offset, -1, { zone: profile.zone });
  const lastDay = localDate(dueAt - 1, profile.zone);
  return shiftInstant(cal, atLocalTime(lastDay, profile.noticeTime, profile.zone), offset, -1, { zone: profile.zone });
}
