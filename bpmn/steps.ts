// Which BPMN element ids the workflow can record: the steps of schema/steps.ts and, per deadline
// track, the timers its alarm ladder can fire (workflows/suggestion/tracks.ts, activities/plan.ts).
import { ALARM_STEP, STEPS, TRACK_STEP, timerStep } from '../schema/steps';
import type { Ladder } from '../schema/case';

type Track = keyof typeof TRACK_STEP;
type AlarmKind = keyof typeof ALARM_STEP;

/** The ladder each track is opened with (`openTrack(… kind, ladder …)` in workflows/suggestion). */
export const TRACK_LADDERS: Record<Track, Ladder> = {
  assignment: 'remind',
  returnWindow: 'silent',
  reassignment: 'remind',
  firstContact: 'remind',
  coHandlerOpinion: 'full',
  reply: 'full',
  evaluation: 'expire',
  rehandling: 'full',
  publication: 'remind',
  progressReport: 'full',
};

/** What each ladder fires (activities/plan.ts). */
export const LADDER_ALARMS: Record<Ladder, AlarmKind[]> = {
  full: ['remind', 'chase', 'supervise', 'repeat'],
  remind: ['remind', 'chase'],
  expire: ['remind', 'expire'],
  silent: ['expire'],
  none: [],
};

export function timerSteps(): string[] {
  return (Object.keys(TRACK_LADDERS) as Track[]).flatMap((t) => LADDER_ALARMS[TRACK_LADDERS[t]].map((a) => timerStep(t, a)));
}

/** Every element id a case event can name. */
export function recordableSteps(): string[] {
  return [...new Set([...Object.values(STEPS), ...timerSteps()])];
}
