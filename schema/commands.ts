// The shape of every command a person sends to a case. The API validates requests with these
// schemas and the workflow validates updates with the same ones, so a field's rule lives here.
import { z } from 'zod';
import { isoDate, storable } from './text';

const id = storable(64, 1);
const text = (max: number) => storable(max, 1);
const optText = (max: number) => storable(max).optional();

export const ROLES = ['deputy', 'unit', 'secretariat', 'committee', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who issues a command; the API fills it from the signed-in user, never from the request body. */
export const actorSchema = z.object({
  role: z.enum(ROLES),
  id: id,
  name: optText(100),
  deputyId: id.optional(),
  unitId: id.optional(),
  committeeId: id.optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SOURCES = ['session', 'inter_session', 'delegation', 'motion'] as const;
export const RESULT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const CHANNELS = ['visit', 'phone', 'meeting', 'message', 'video', 'letter'] as const;
export const PHASES = ['before', 'during', 'after'] as const;
export const ASSIGN_MODES = ['single', 'lead_co', 'separate'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];
export type ResultClass = (typeof RESULT_CLASSES)[number];
export type Rating = (typeof RATINGS)[number];

export const draftSchema = z.object({
  title: text(200),
  body: text(20_000),
  categoryCode: optText(16),
  cosignerIds: z.array(id).max(200).default([]),
  proposedUnitIds: z.array(id).max(20).default([]),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const caseStartSchema = draftSchema.extend({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号只能含字母、数字、下划线和连字符 / id may hold letters, digits, _ and - only'),
  congressId: id,
  sessionId: id.optional(),
  number: optText(32),
  source: z.enum(SOURCES).default('session'),
  leadDeputyId: id,
  delegationId: id.optional(),
});
export type CaseStart = z.infer<typeof caseStartSchema>;

export const commandSchemas = {
  editDraft: draftSchema,
  submit: z.object({}),
  cosign: z.object({ agree: z.boolean(), note: optText(500) }),
  withdraw: z.object({ reason: text(2000) }),
  review: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), categoryCode: optText(16) }),
    z.object({ decision: z.literal('return'), reason: text(2000) }),
    z.object({ decision: z.literal('reject'), reason: text(2000) }),
    z.object({ decision: z.literal('convert'), reason: text(2000) }),
    z.object({ decision: z.literal('merge'), intoId: id, reason: text(2000) }),
  ]),
  assign: z.object({
    mode: z.enum(ASSIGN_MODES),
    leadUnitId: id.optional(),
    coUnitIds: z.array(id).max(20).default([]),
    separateUnitIds: z.array(id).max(20).default([]),
  }),
  acknowledge: z.object({}),
  requestReturn: z.object({ reason: text(2000), suggestedUnitIds: z.array(id).max(10).default([]) }),
  decideReturn: z.object({ unitId: id, approve: z.boolean(), note: optText(2000) }),
  reassign: z.object({ unitId: id, role: z.enum(['lead', 'co', 'separate']) }),
  communicate: z.object({
    phase: z.enum(PHASES),
    channel: z.enum(CHANNELS),
    occurredAt: z.number().int().positive().optional(),
    participants: optText(500),
    summary: text(5000),
  }),
  opinion: z.object({ body: text(20_000) }),
  waiveOpinion: z.object({ unitId: id, reason: text(2000) }),
  requestExtension: z.object({ reason: text(2000), until: isoDate }),
  decideExtension: z.object({ requestId: id, approve: z.boolean(), note: optText(2000) }),
  reply: z.object({
    resultClass: z.enum(RESULT_CLASSES),
    body: text(50_000),
    signedBy: text(100),
    faceToFace: z.boolean().default(false),
    commitments: optText(5000),
  }),
  evaluate: z.object({
    unitId: id.optional(),
    attitude: z.enum(RATINGS),
    result: z.enum(RATINGS),
    reasons: optText(5000),
  }).refine((e) => (e.attitude !== 'unsatisfied' && e.result !== 'unsatisfied') || !!e.reasons, {
    path: ['reasons'],
    message: '选择“不满意”时须填写理由 / reasons are required when unsatisfied',
  }),
  decideRehandling: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('rehandle'), unitId: id, note: text(2000), bySuperior: z.boolean().default(false) }),
    z.object({ decision: z.literal('close'), note: text(2000) }),
  ]),
  escalate: z.object({ unitId: id, measure: z.enum(['expert_assessment', 'joint_meeting']), note: text(2000) }),
  disclosure: z.object({
    publish: z.boolean(),
    reason: z.enum(['deputy_objection', 'state_secret', 'trade_secret', 'private_data', 'other']).optional(),
    note: optText(2000),
  }).refine((d) => d.publish || !!d.reason, { path: ['reason'], message: '不公开时须说明理由 / a reason is required when not publishing' }),
  superviseNote: z.object({ body: text(5000) }),
  /** The supervising committee (or the secretariat) asks a unit of a key suggestion how far it has got. */
  requestProgress: z.object({ unitId: id, note: text(2000), dueDate: isoDate.optional() }),
  progressReport: z.object({ requestId: id.optional(), body: text(20_000) }),
  markKey: z.object({
    committeeId: id,
    decision: text(500),
    supervisingLeader: optText(100),
    governmentLeader: optText(100),
  }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandInput<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;
export type CommandArgs<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;
/** What an update carries: the actor (set by the API) and the command's fields. */
export interface CommandEnvelope<C extends CommandName> { actor: Actor; input: CommandInput<C> }
