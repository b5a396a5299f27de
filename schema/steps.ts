// The BPMN element ids of bpmn/suggestion.bpmn that the workflow records in case events.
// One list, so the model checker and the workflow cannot drift apart.
export const STEPS = {
  start: 'Start_Draft',
  draft: 'Task_Draft',
  submit: 'Task_Submit',
  cosign: 'Task_ConfirmCosign',
  withdraw: 'End_Withdrawn',
  review: 'Task_Review',
  revise: 'Task_Revise',
  reject: 'End_Rejected',
  convert: 'End_ConvertedToLetter',
  merge: 'Task_MergedHandling',
  assign: 'Task_Assign',
  acknowledge: 'Task_Acknowledge',
  requestReturn: 'Task_RequestReturn',
  decideReturn: 'Task_DecideReturn',
  contact: 'Task_ContactDeputy',
  opinion: 'Task_CoHandlerOpinion',
  waiveOpinion: 'Task_WaiveOpinion',
  requestExtension: 'Task_RequestExtension',
  decideExtension: 'Task_DecideExtension',
  reply: 'Task_Reply',
  evaluate: 'Task_Evaluate',
  decideRehandling: 'Task_DecideRehandling',
  escalate: 'Task_Escalate',
  disclosure: 'Task_DecideDisclosure',
  markKey: 'Task_MarkKey',
  superviseNote: 'Task_SupervisionNote',
  requestProgress: 'Task_RequestProgressReport',
  progressReport: 'Task_ProgressReport',
  closed: 'End_Closed',
  recalculate: 'Event_DeadlinesRecalculated',
} as const;
export type Step = (typeof STEPS)[keyof typeof STEPS];

/** Timer events: `Timer_<Track>_<Alarm>`, e.g. Timer_Reply_Chase. */
export const TRACK_STEP = {
  assignment: 'Assignment',
  returnWindow: 'ReturnWindow',
  reassignment: 'Reassignment',
  firstContact: 'FirstContact',
  coHandlerOpinion: 'Opinion',
  reply: 'Reply',
  evaluation: 'Evaluation',
  rehandling: 'Rehandling',
  publication: 'Publication',
  progressReport: 'ProgressReport',
} as const;
export const ALARM_STEP = { remind: 'Reminder', chase: 'Chase', supervise: 'Supervision', repeat: 'Repeat', expire: 'Expired' } as const;

export function timerStep(track: keyof typeof TRACK_STEP, alarm: keyof typeof ALARM_STEP): string {
  return `Timer_${TRACK_STEP[track]}_${ALARM_STEP[alarm]}`;
}
