// The policy profile: every duration and reminder offset of domain.md §3, one validated object.
// Spans are ISO 8601 durations ("P3M", "PT30S") or working days ("20WD"); see span.ts.
import { z } from 'zod';
import { spanSchema } from './span';

export const profileSchema = z.object({
  name: z.string().min(1).max(100),
  zone: z.string().default('Asia/Shanghai'),
  /** A calendar-day deadline that lands on a holiday moves to the next working day. */
  rollToWorkingDay: z.boolean().default(true),
  /** Local time at which day-based reminders are sent. */
  noticeTime: z.string().regex(/^\d{2}:\d{2}$/).default('09:00'),
  /** Some rules let the lead deputy withdraw at any time; the national default is before assignment. */
  withdrawAfterAssignment: z.boolean().default(false),
  /** Regions that use only A–C result classes turn D off. */
  resultClasses: z.array(z.enum(['A', 'B', 'C', 'D'])).min(1).default(['A', 'B', 'C', 'D']),
  deadlines: z.object({
    assignment: spanSchema, // from acceptance
    returnWindow: spanSchema, // from the unit's receipt
    reassignment: spanSchema, // from the approval of a return
    firstContact: spanSchema, // from receipt
    coHandlerOpinion: spanSchema, // from assignment
    reply: spanSchema, // from assignment
    replyMax: spanSchema, // cap of an approved extension, from assignment
    evaluation: spanSchema, // from the reply
    rehandling: spanSchema, // from the re-handling order
    publication: spanSchema, // from the reply
    /** A key suggestion's progress report asked for without a date; profiles older than this entry take the default. */
    progressReport: spanSchema.default('10WD'), // from the request
  }),
  ladder: z.object({
    remindBefore: z.array(spanSchema).max(5),
    /** After the deadline instant (00:00 of the next day for day-based deadlines). */
    chaseAfter: spanSchema,
    superviseAfter: spanSchema, // after the chase
    repeatEvery: spanSchema, // after the chase, until the unit acts
  }),
});
export type Profile = z.infer<typeof profileSchema>;
export type DeadlineName = keyof Profile['deadlines'];

export const nationalProfile: Profile = profileSchema.parse({
  name: '全国人大代表建议办理（默认）',
  deadlines: {
    assignment: '5WD',
    returnWindow: 'P10D',
    reassignment: '10WD',
    firstContact: '20WD',
    coHandlerOpinion: 'P1M',
    reply: 'P3M',
    replyMax: 'P6M',
    evaluation: '15WD',
    rehandling: 'P1M',
    publication: '20WD',
    progressReport: '10WD',
  },
  ladder: { remindBefore: ['10WD', '3WD'], chaseAfter: 'PT9H', superviseAfter: '5WD', repeatEvery: 'P7D' },
});

/** Seconds instead of months, so an operator (or a black-box test) can watch the ladder on a live system. */
export const drillProfile: Profile = profileSchema.parse({
  name: '演练（秒级期限）',
  deadlines: {
    assignment: 'PT60S',
    returnWindow: 'PT20S',
    reassignment: 'PT60S',
    firstContact: 'PT40S',
    coHandlerOpinion: 'PT30S',
    reply: 'PT60S',
    replyMax: 'PT180S',
    evaluation: 'PT30S',
    rehandling: 'PT40S',
    publication: 'PT60S',
    progressReport: 'PT40S',
  },
  ladder: { remindBefore: ['PT20S', 'PT10S'], chaseAfter: 'PT1S', superviseAfter: 'PT5S', repeatEvery: 'PT10S' },
});
