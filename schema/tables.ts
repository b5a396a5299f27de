// The read model and reference data. Cases are owned by their workflows; these rows are the
// projection that lists, dashboards and reports read (see design.md §1).

import {
  boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const congresses = pgTable('congresses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(), // national | provincial | city | county | township
  parentId: text('parent_id'),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  createdAt: createdAt(),
});

export const congressSessions = pgTable('congress_sessions', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // session | inter_session
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
}, (t) => [index('congress_sessions_congress').on(t.congressId)]);

export const delegations = pgTable('delegations', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  kind: text('kind'),
}, (t) => [uniqueIndex('delegations_code').on(t.congressId, t.code)]);

export const deputies = pgTable('deputies', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  delegationId: text('delegation_id').references(() => delegations.id),
  name: text('name').notNull(),
  occupation: text('occupation'),
  phone: text('phone'),
  email: text('email'),
}, (t) => [index('deputies_congress').on(t.congressId, t.delegationId)]);

export const handlingUnits = pgTable('handling_units', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  shortZh: text('short_zh'),
  nameEn: text('name_en'),
  kind: text('kind'),
  parentId: text('parent_id'),
  email: text('email'),
}, (t) => [uniqueIndex('handling_units_code').on(t.congressId, t.code)]);

export const committees = pgTable('committees', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
}, (t) => [uniqueIndex('committees_code').on(t.congressId, t.code)]);

/** Published versions of a congress's policy profile; a case pins the version it started with. */
export const policyProfiles = pgTable('policy_profiles', {
  congressId: text('congress_id').notNull().references(() => congresses.id),
  version: integer('version').notNull(),
  body: jsonb('body').notNull(),
  note: text('note'),
  publishedBy: text('published_by'),
  publishedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.congressId, t.version] })]);

/**
 * Working-day calendar overrides. congress_id '*' holds the national statutory calendar (seeded
 * from a dataset, extended by admins each November); a congress's own rows correct it locally.
 */
export const calendarDays = pgTable('calendar_days', {
  congressId: text('congress_id').notNull(),
  date: text('date').notNull(),
  kind: text('kind').notNull(), // holiday | workday
  name: text('name'),
  source: text('source').notNull(), // dataset | admin
  updatedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.congressId, t.date] })]);

export const suggestions = pgTable('suggestions', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  sessionId: text('session_id'),
  number: text('number'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  categoryCode: text('category_code'),
  source: text('source').notNull(),
  leadDeputyId: text('lead_deputy_id').notNull(),
  delegationId: text('delegation_id'),
  proposedUnitIds: jsonb('proposed_unit_ids').$type<string[]>(),
  status: text('status').notNull(),
  step: text('step').notNull(),
  assignMode: text('assign_mode'),
  resultClass: text('result_class'),
  attitude: text('attitude'),
  satisfaction: text('satisfaction'),
  evaluationRound: integer('evaluation_round').notNull().default(0),
  rehandlingCount: integer('rehandling_count').notNull().default(0),
  isKey: boolean('is_key').notNull().default(false),
  committeeId: text('committee_id'),
  mergedInto: text('merged_into'),
  disclosure: text('disclosure'),
  confidential: boolean('confidential').notNull().default(false),
  closure: text('closure'),
  profileVersion: integer('profile_version').notNull(),
  nextDueAt: ts('next_due_at'),
  replyDueAt: ts('reply_due_at'),
  overdueLevel: integer('overdue_level').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  submittedAt: ts('submitted_at'),
  acceptedAt: ts('accepted_at'),
  assignedAt: ts('assigned_at'),
  repliedAt: ts('replied_at'),
  closedAt: ts('closed_at'),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull(),
}, (t) => [
  index('suggestions_status').on(t.congressId, t.status),
  index('suggestions_due').on(t.congressId, t.nextDueAt),
  // The lists' default order (most recently changed first), so a page reads an index, not a sort.
  index('suggestions_updated').on(t.congressId, t.updatedAt, t.id),
  index('suggestions_deputy').on(t.leadDeputyId),
  uniqueIndex('suggestions_number').on(t.congressId, t.number),
]);

export const cosigners = pgTable('suggestion_cosigners', {
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  deputyId: text('deputy_id').notNull(),
  status: text('status').notNull(), // pending | confirmed | declined
  answeredAt: ts('answered_at'),
}, (t) => [primaryKey({ columns: [t.suggestionId, t.deputyId] }), index('cosigners_deputy').on(t.deputyId)]);

export const assignments = pgTable('assignments', {
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  role: text('role').notNull(), // lead | co | separate
  status: text('status').notNull(),
  assignedAt: ts('assigned_at').notNull(),
  acknowledgedAt: ts('acknowledged_at'),
  returnReason: text('return_reason'),
  firstContactAt: ts('first_contact_at'),
  opinionAt: ts('opinion_at'),
  repliedAt: ts('replied_at'),
  returnUntil: ts('return_until'),
  firstContactDueAt: ts('first_contact_due_at'),
  opinionDueAt: ts('opinion_due_at'),
  replyDueAt: ts('reply_due_at'),
  overdueLevel: integer('overdue_level').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.suggestionId, t.unitId] }), index('assignments_unit').on(t.unitId, t.status)]);

export const communications = pgTable('communications', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id'),
  authorRole: text('author_role').notNull(),
  authorId: text('author_id').notNull(),
  phase: text('phase').notNull(), // before | during | after
  channel: text('channel').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  participants: text('participants'),
  summary: text('summary').notNull(),
}, (t) => [index('communications_case').on(t.suggestionId)]);

export const opinions = pgTable('co_handler_opinions', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  body: text('body'),
  waived: boolean('waived').notNull().default(false),
  waiverReason: text('waiver_reason'),
  at: ts('at').notNull(),
}, (t) => [index('opinions_case').on(t.suggestionId)]);

export const extensionRequests = pgTable('extension_requests', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  reason: text('reason').notNull(),
  requestedDueAt: ts('requested_due_at').notNull(),
  status: text('status').notNull(), // pending | approved | refused
  decisionNote: text('decision_note'),
  requestedAt: ts('requested_at').notNull(),
  decidedAt: ts('decided_at'),
}, (t) => [index('extensions_case').on(t.suggestionId)]);

export const replies = pgTable('replies', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  round: integer('round').notNull(),
  resultClass: text('result_class').notNull(), // A | B | C | D
  body: text('body').notNull(),
  signedBy: text('signed_by').notNull(),
  faceToFace: boolean('face_to_face').notNull().default(false),
  commitments: text('commitments'),
  repliedAt: ts('replied_at').notNull(),
}, (t) => [index('replies_case').on(t.suggestionId)]);

export const evaluations = pgTable('evaluations', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  round: integer('round').notNull(),
  deputyId: text('deputy_id'),
  attitude: text('attitude'), // satisfied | basically_satisfied | unsatisfied; null when unevaluated
  result: text('result'),
  reasons: text('reasons'),
  unevaluated: boolean('unevaluated').notNull().default(false),
  at: ts('at').notNull(),
}, (t) => [index('evaluations_case').on(t.suggestionId)]);

export const keySupervisions = pgTable('key_supervisions', {
  suggestionId: text('suggestion_id').primaryKey().references(() => suggestions.id),
  committeeId: text('committee_id').notNull(),
  decision: text('decision').notNull(),
  supervisingLeader: text('supervising_leader'),
  governmentLeader: text('government_leader'),
  markedAt: ts('marked_at').notNull(),
});

/** 督办意见: notes of the supervising committee on a key suggestion. */
export const supervisionNotes = pgTable('supervision_notes', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  committeeId: text('committee_id').notNull(),
  authorId: text('author_id').notNull(),
  body: text('body').notNull(),
  at: ts('at').notNull(),
}, (t) => [index('supervision_notes_case').on(t.suggestionId)]);

/** 进展报告: a unit's progress report on a key suggestion, asked for by its supervisor with a deadline. */
export const progressRequests = pgTable('progress_requests', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull().references(() => suggestions.id),
  unitId: text('unit_id').notNull(),
  committeeId: text('committee_id'),
  requestedByRole: text('requested_by_role').notNull(),
  requestedById: text('requested_by_id').notNull(),
  note: text('note').notNull(),
  dueAt: ts('due_at').notNull(),
  status: text('status').notNull(), // pending | reported | cancelled
  requestedAt: ts('requested_at').notNull(),
  report: text('report'),
  reportedAt: ts('reported_at'),
}, (t) => [index('progress_requests_case').on(t.suggestionId), index('progress_requests_unit').on(t.unitId, t.status)]);

/** Append-only: the audit trail, the case timeline and the process-mining source. */
export const caseEvents = pgTable('case_events', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull(),
  congressId: text('congress_id').notNull(),
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  step: text('step').notNull(),
  actorRole: text('actor_role').notNull(),
  actorId: text('actor_id').notNull(),
  unitId: text('unit_id'),
  at: ts('at').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  data: jsonb('data'),
  recordedAt: createdAt(),
}, (t) => [uniqueIndex('case_events_seq').on(t.suggestionId, t.seq), index('case_events_at').on(t.congressId, t.at)]);

/** Notification outbox; the id is a deterministic key so a retried activity never queues twice. */
export const outbox = pgTable('outbox', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull(),
  suggestionId: text('suggestion_id'),
  kind: text('kind').notNull(),
  recipientType: text('recipient_type').notNull(), // deputy | unit | secretariat | committee
  recipientId: text('recipient_id').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  dueAt: ts('due_at'),
  status: text('status').notNull().default('pending'),
  createdAt: createdAt(),
}, (t) => [index('outbox_recipient').on(t.recipientType, t.recipientId), index('outbox_case').on(t.suggestionId)]);


// ── People who sign in, their sessions, tokens, and what they did ──────────────────────────────

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull().references(() => congresses.id),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(), // deputy | unit | secretariat | committee | admin
  deputyId: text('deputy_id'),
  unitId: text('unit_id'),
  committeeId: text('committee_id'),
  email: text('email'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_username').on(t.username)]);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id here. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(), // SHA-256 of the token
  userId: text('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

/** Append-only record of every command, sign-in, export and admin change. */
export const auditLog = pgTable('audit_log', {
  id: text('id').primaryKey(),
  at: createdAt(),
  congressId: text('congress_id'),
  userId: text('user_id'),
  role: text('role'),
  action: text('action').notNull(),
  target: text('target'),
  outcome: text('outcome').notNull(), // ok | refused | failed
  ip: text('ip'),
  userAgent: text('user_agent'),
  before: jsonb('before'),
  after: jsonb('after'),
  detail: jsonb('detail'),
}, (t) => [index('audit_at').on(t.at), index('audit_user').on(t.userId, t.at)]);

/** A POST retried with the same Idempotency-Key gets the first answer back. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').notNull(),
  userId: text('user_id').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  body: jsonb('body'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.userId, t.key] })]);
