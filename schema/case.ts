// The state a suggestion workflow owns, and what it hands to the projection activity.
import type { Actor, AssignMode, CaseStart, Rating, ResultClass } from './commands';
import type { DeadlineName, Profile } from './profile';

export const STATUSES = [
  'draft', 'cosigning', 'submitted', 'revising', 'withdrawn', 'rejected', 'converted', 'merged',
  'accepted', 'handling', 'replied', 'reviewing', 'rehandling', 'closed',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses after which no unit works on the case any more. */
export const FINAL_STATUSES: readonly Status[] = ['withdrawn', 'rejected', 'converted', 'closed'];

export const STATUS_ZH: Record<Status, string> = {
  draft: '草稿', cosigning: '待附议确认', submitted: '待审核', revising: '退回修改', withdrawn: '已撤回',
  rejected: '不予受理', converted: '转代表来信', merged: '已并案', accepted: '待交办', handling: '办理中',
  replied: '已答复待评价', reviewing: '不满意待审查', rehandling: '重新办理', closed: '已办结',
};

export type UnitRole = 'lead' | 'co' | 'separate';
export type AssignmentStatus = 'pending' | 'acknowledged' | 'return_requested' | 'returned' | 'replied';

export interface Assignment {
  unitId: string;
  role: UnitRole;
  status: AssignmentStatus;
  assignedAt: number;
  acknowledgedAt?: number;
  returnReason?: string;
  firstContactAt?: number;
  opinionAt?: number;
  repliedAt?: number;
  round: number; // 1, then 2.. after re-handling orders
}

export type AlarmKind = 'remind' | 'chase' | 'supervise' | 'repeat' | 'expire';
/** full: reminders, chase, supervision, weekly repeats; remind: reminders and one chase;
 * expire: reminders, then the window closes; silent: the window closes; none: no alarms (a cap). */
export type Ladder = 'full' | 'remind' | 'expire' | 'silent' | 'none';

export interface Alarm { id: string; kind: AlarmKind; at: number; fired: boolean }

/** One running deadline: what it measures, from when, and the alarms derived from it. */
export interface Track {
  id: string;
  kind: DeadlineName;
  unitId?: string;
  round?: number;
  startAt: number;
  /** An approved extension replaces the span's result by the end of this local date. */
  dueDate?: string;
  ladder: Ladder;
  dueAt: number;
  alarms: Alarm[];
  open: boolean;
}

/** 0 on time, 1 chased, 2 under supervision: the red of dashboards derives from it. */
export function trackLevel(t: Track): number {
  if (!t.open) return 0;
  let level = 0;
  for (const a of t.alarms) {
    if (!a.fired) continue;
    if (a.kind === 'supervise') level = 2;
    else if ((a.kind === 'chase' || a.kind === 'repeat') && level < 1) level = 1;
  }
  return level;
}

/** What the planning activity is asked to compute. */
export interface TrackRequest {
  id: string;
  kind: DeadlineName;
  startAt: number;
  dueDate?: string;
  ladder: Ladder;
  /** Weekly repeats are planned in batches; this is the last one already planned. */
  repeatsAfter?: number;
}
export interface TrackPlan { id: string; dueAt: number; alarms: Omit<Alarm, 'fired'>[] }

export interface Communication {
  id: string; unitId?: string; authorRole: string; authorId: string; phase: string; channel: string;
  occurredAt: number; participants?: string; summary: string;
}
export interface Opinion { id: string; unitId: string; body?: string; waived: boolean; waiverReason?: string; at: number }
export interface Extension {
  id: string; unitId: string; reason: string; requestedDueAt: number; until: string;
  status: 'pending' | 'approved' | 'refused'; decisionNote?: string; requestedAt: number; decidedAt?: number;
}
export interface Reply {
  id: string; unitId: string; round: number; resultClass: ResultClass; body: string; signedBy: string;
  faceToFace: boolean; commitments?: string; repliedAt: number;
}
export interface Evaluation {
  id: string; unitId: string; round: number; deputyId?: string; attitude?: Rating; result?: Rating;
  reasons?: string; unevaluated: boolean; at: number;
}
/** A progress report a key suggestion's supervisor asked a unit for; its deadline is the track `progress:<id>`. */
export interface ProgressRequest {
  id: string; unitId: string; requestedBy: { role: string; id: string; committeeId?: string }; note: string;
  dueDate?: string; dueAt: number; status: 'pending' | 'reported' | 'cancelled'; requestedAt: number; report?: string; reportedAt?: number;
}
export interface KeyMark { committeeId: string; decision: string; supervisingLeader?: string; governmentLeader?: string; markedAt: number }

export interface CaseState extends Omit<CaseStart, 'cosignerIds'> {
  status: Status;
  step: string;
  profile: Profile;
  profileVersion: number;
  cosigners: { deputyId: string; status: 'pending' | 'confirmed' | 'declined'; answeredAt?: number }[];
  assignMode?: AssignMode;
  assignments: Assignment[];
  communications: Communication[];
  opinions: Opinion[];
  extensions: Extension[];
  replies: Reply[];
  evaluations: Evaluation[];
  escalations: { unitId: string; measure: string; note: string; at: number }[];
  key?: KeyMark;
  /** 督办意见: the supervising committee's notes on a key suggestion. */
  supervisionNotes: { id: string; committeeId: string; authorId: string; body: string; at: number }[];
  progressRequests: ProgressRequest[];
  mergedInto?: string;
  mergedCases: { id: string; leadDeputyId: string }[];
  disclosure?: { publish: boolean; reason?: string; note?: string; decidedAt: number };
  closure?: { kind: 'evaluated' | 'unevaluated' | 'secretariat' | 'escalated'; note?: string };
  tracks: Track[];
  createdAt: number;
  submittedAt?: number;
  acceptedAt?: number;
  assignedAt?: number;
  repliedAt?: number;
  closedAt?: number;
  updatedAt: number;
  version: number;
  eventSeq: number;
}

export interface CaseEvent {
  id: string;
  seq: number;
  type: string;
  step: string;
  actor: Pick<Actor, 'role' | 'id'>;
  unitId?: string;
  at: number;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

export type RecipientType = 'deputy' | 'unit' | 'secretariat' | 'committee';
/** A notice to queue; the projection renders its wording, so templates live in one place. */
export interface Notice {
  key: string;
  kind: string;
  recipientType: RecipientType;
  recipientId: string;
  unitId?: string;
  dueAt?: number;
  data?: Record<string, unknown>;
}

export interface Projection { state: CaseState; events: CaseEvent[]; notices: Notice[] }

/** What the workflow is started with. */
export interface CaseInput extends CaseStart {
  profile: Profile;
  profileVersion: number;
  /** Motions converted to suggestions enter as accepted, with their origin kept. */
  createdAt?: number;
  submitNow?: boolean;
}

/** Result of every update: small on purpose; readers use the read model. */
export interface CommandResult { id: string; status: Status; version: number; data?: Record<string, unknown> }

/** One workflow per suggestion, its id derived from the suggestion's, so a retried submission finds the same case. */
export const caseWorkflowId = (suggestionId: string) => `suggestion-${suggestionId}`;
export const TASK_QUEUE = 'huying';

/** The activities the suggestion workflow calls (implemented in activities/). */
export interface CaseActivities {
  planTracks(congressId: string, profile: import('./profile').Profile, requests: TrackRequest[]): Promise<TrackPlan[]>;
  project(p: Projection): Promise<void>;
}
