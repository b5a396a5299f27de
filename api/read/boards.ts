// The secretariat's boards from the read model: the red list of overdue assignments and each unit's
// progress figures (domain.md §4). Grouped in SQL, so they stay fast at national scale.
import { and, asc, eq, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { limitSchema } from './input';

const DAY = 86_400_000;
const a = t.assignments;
const s = t.suggestions;

export const overdueQuery = z.object({
  unitId: z.string().max(64).optional(),
  /** Days overdue are counted to this instant (default now), e.g. the end of a bulletin's month. */
  asOf: z.iso.datetime({ offset: true }).optional(),
  limit: limitSchema(5000, 1000),
}).strict();
export type OverdueQuery = z.infer<typeof overdueQuery>;

type Deadline = 'firstContact' | 'coHandlerOpinion' | 'reply' | 'rehandling';
const ESCALATIONS = ['chase', 'repeat', 'supervise'];

interface AssignmentFacts {
  role: string; status: string; repliedAt: Date | null; replyDueAt: Date | null;
  firstContactAt: Date | null; firstContactDueAt: Date | null; opinionAt: Date | null; opinionDueAt: Date | null;
}

type Late = { deadline: Deadline; dueAt: Date | null };
const isLate = (x: Late | undefined): x is Late => !!x;
const byDue = (x: Late, y: Late) => (x.dueAt?.getTime() ?? 0) - (y.dueAt?.getTime() ?? 0);
const TRACK_KINDS = ['contact', 'opinion', 'reply', 'rehandle'];

/** A deadline (by its track's prefix) counts as late while the fact it waits for is still missing. */
function lateDeadline(r: AssignmentFacts, kind: string): Late | undefined {
  const replied = r.status === 'replied';
  if (kind === 'contact' && r.role !== 'co' && !r.firstContactAt && !replied) return { deadline: 'firstContact', dueAt: r.firstContactDueAt };
  if (kind === 'opinion' && r.role === 'co' && !r.opinionAt) return { deadline: 'coHandlerOpinion', dueAt: r.opinionDueAt };
  // After a re-handling order the unit has replied once; its reply_due_at is then the re-handling deadline.
  if (kind === 'reply' && r.role !== 'co' && !r.repliedAt && !replied) return { deadline: 'reply', dueAt: r.replyDueAt };
  if (kind === 'rehandle' && r.role !== 'co' && r.repliedAt && !replied) return { deadline: 'rehandling', dueAt: r.replyDueAt };
  return undefined;
}

/** Who is late on which deadline, counted to no particular instant: a row per late deadline of a unit. */
export async function overdueRows(db: Db, congressId: string, unitId?: string) {
  const ce = t.caseEvents;
  const track = sql<string | null>`${ce.data}->>'track'`;
  // One row per deadline of a unit that was chased, with the highest rung it reached; the assignment's
  // own level is the maximum over all its deadlines, so it cannot say which one is late.
  const rows = await db.select({
    suggestionId: a.suggestionId, number: s.number, title: s.title, isKey: s.isKey,
    unitId: a.unitId, unit: t.handlingUnits.nameZh, role: a.role, status: a.status, assignmentLevel: a.overdueLevel, track,
    level: sql<number | null>`max(case when ${ce.type} = 'supervise' then 2 when ${ce.type} is not null then 1 end)::int`,
    firstContactAt: a.firstContactAt, firstContactDueAt: a.firstContactDueAt, opinionAt: a.opinionAt, opinionDueAt: a.opinionDueAt,
    repliedAt: a.repliedAt, replyDueAt: a.replyDueAt,
  }).from(a).innerJoin(s, eq(s.id, a.suggestionId)).leftJoin(t.handlingUnits, eq(t.handlingUnits.id, a.unitId))
    .leftJoin(ce, and(eq(ce.suggestionId, a.suggestionId), eq(ce.unitId, a.unitId), inArray(ce.type, ESCALATIONS)))
    .where(and(eq(s.congressId, congressId), gt(a.overdueLevel, 0), ne(a.status, 'returned'), unitId ? eq(a.unitId, unitId) : undefined))
    .groupBy(a.suggestionId, a.unitId, s.id, t.handlingUnits.id, track);
  return rows.flatMap((r) => {
    // Without its chase events (a read model filled by other means) the earliest unmet deadline is the late one.
    const late = r.track ? [lateDeadline(r, r.track.split(':')[0])].filter(isLate)
      : TRACK_KINDS.map((k) => lateDeadline(r, k)).filter(isLate).filter((x) => x.dueAt).sort(byDue).slice(0, 1);
    const level = r.level ?? r.assignmentLevel;
    return late.map(({ deadline, dueAt }) => ({
      unitId: r.unitId, unit: r.unit ?? r.unitId, role: r.role, suggestionId: r.suggestionId, number: r.number, title: r.title, isKey: r.isKey,
      deadline, dueAt, level, levelName: level >= 2 ? 'supervised' : 'chased',
    }));
  });
}
export type OverdueRow = Awaited<ReturnType<typeof overdueRows>>[number];

const daysLate = (dueAt: Date | null, asOf: Date) => (dueAt ? Math.max(0, Math.floor((asOf.getTime() - dueAt.getTime()) / DAY)) : 0);

/** The red list as of an instant: days overdue counted to it, the longest overdue first. */
export function rankOverdue(rows: OverdueRow[], asOf: Date, limit: number) {
  const items = rows.map(({ level, levelName, ...r }) => ({ ...r, daysOverdue: daysLate(r.dueAt, asOf), level, levelName }));
  items.sort((x, y) => y.daysOverdue - x.daysOverdue || y.level - x.level || x.unitId.localeCompare(y.unitId) || String(x.number).localeCompare(String(y.number)));
  return { asOf, total: items.length, items: items.slice(0, limit) };
}

/** The first instant after asOf at which some row's days overdue (and so the ranking) changes. */
export function nextRankChange(rows: OverdueRow[], asOf: Date): number {
  let next = Infinity;
  for (const r of rows) {
    if (r.dueAt) next = Math.min(next, r.dueAt.getTime() + (daysLate(r.dueAt, asOf) + 1) * DAY);
  }
  return next;
}

export async function overdueBoard(db: Db, congressId: string, q: OverdueQuery) {
  return rankOverdue(await overdueRows(db, congressId, q.unitId), q.asOf ? new Date(q.asOf) : new Date(), q.limit);
}

const n = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
const live = sql`${a.status} <> 'returned'`;

export async function unitBoard(db: Db, congressId: string) {
  const u = t.handlingUnits;
  const e = t.evaluations;
  const x = t.extensionRequests;
  const evalUnit = e.unitId;
  const latestEval = db.selectDistinctOn([e.suggestionId, evalUnit], { unitId: sql<string>`${e.unitId}`.as('unit_id'), result: e.result, attitude: e.attitude, unevaluated: e.unevaluated })
    .from(e).innerJoin(s, eq(s.id, e.suggestionId)).where(eq(s.congressId, congressId))
    .orderBy(e.suggestionId, evalUnit, sql`${e.round} desc`).as('latest');
  const [units, work, extensions, ratings] = await Promise.all([
    db.select({ id: u.id, code: u.code, name: u.nameZh }).from(u).where(eq(u.congressId, congressId)).orderBy(asc(u.code), asc(u.id)),
    db.select({
      unitId: a.unitId,
      assigned: n(live),
      returned: n(sql`${a.status} = 'returned'`),
      acknowledged: n(sql`${live} and ${a.acknowledgedAt} is not null`),
      contacted: n(sql`${live} and ${a.firstContactAt} is not null`),
      replied: n(sql`${a.role} <> 'co' and ${a.repliedAt} is not null`),
      opinions: n(sql`${a.role} = 'co' and ${a.opinionAt} is not null`),
      overdue: n(sql`${live} and ${a.overdueLevel} > 0`),
      supervised: n(sql`${live} and ${a.overdueLevel} > 1`),
      onTimeReplies: n(sql`${a.role} <> 'co' and ${a.repliedAt} <= ${a.replyDueAt}`),
      avgDaysToReply: sql<string | null>`round((avg(extract(epoch from ${a.repliedAt} - ${a.assignedAt})) filter (where ${a.role} <> 'co' and ${a.repliedAt} is not null) / 86400)::numeric, 1)`,
    }).from(a).innerJoin(s, eq(s.id, a.suggestionId)).where(eq(s.congressId, congressId)).groupBy(a.unitId),
    db.select({ unitId: x.unitId, requested: sql<number>`count(*)::int`, approved: n(sql`${x.status} = 'approved'`) })
      .from(x).innerJoin(s, eq(s.id, x.suggestionId)).where(eq(s.congressId, congressId)).groupBy(x.unitId),
    db.select({
      unitId: latestEval.unitId,
      satisfied: n(sql`${latestEval.result} = 'satisfied'`),
      basicallySatisfied: n(sql`${latestEval.result} = 'basically_satisfied'`),
      unsatisfied: n(sql`${latestEval.result} = 'unsatisfied'`),
      unevaluated: n(sql`${latestEval.unevaluated}`),
      attitudeUnsatisfied: n(sql`${latestEval.attitude} = 'unsatisfied'`),
    }).from(latestEval).groupBy(latestEval.unitId),
  ]);
  const byUnit = <T extends { unitId: string }>(rows: T[]) => new Map(rows.map((r) => [r.unitId, r]));
  const [w, ext, rate] = [byUnit(work), byUnit(extensions), byUnit(ratings)];
  const items = units.map((unit) => {
    const { unitId: _w, avgDaysToReply, ...figures } = w.get(unit.id) ?? { unitId: unit.id, assigned: 0, returned: 0, acknowledged: 0, contacted: 0,
      replied: 0, opinions: 0, overdue: 0, supervised: 0, onTimeReplies: 0, avgDaysToReply: null };
    const { unitId: _r, ...satisfaction } = rate.get(unit.id) ?? { unitId: unit.id, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, unevaluated: 0, attitudeUnsatisfied: 0 };
    return {
      unitId: unit.id, code: unit.code, unit: unit.name, ...figures,
      avgDaysToReply: avgDaysToReply === null ? null : Number(avgDaysToReply),
      extensions: { requested: ext.get(unit.id)?.requested ?? 0, approved: ext.get(unit.id)?.approved ?? 0 },
      satisfaction,
    };
  });
  return { items };
}

export const trendsQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(12)
    .meta({ description: '含本月在内的月数（1–36）/ months counted back, this one included (1–36)' }),
}).strict();

/**
 * Per calendar month in the congress's time zone, the last `months` months with this one last: the
 * replies sent, the evaluations given by their result, and the cases closed. Every answer and every
 * evaluation counts (a case answered by two units, or evaluated again after re-handling, counts each).
 */
export async function trends(db: Db, congressId: string, months: number, now = new Date()) {
  const [c] = await db.select({ zone: t.congresses.timezone }).from(t.congresses).where(eq(t.congresses.id, congressId));
  const zone = c?.zone ?? 'Asia/Shanghai';
  const current = DateTime.fromJSDate(now, { zone }).startOf('month');
  const first = current.minus({ months: months - 1 });
  const [from, to] = [first.toJSDate(), current.plus({ months: 1 }).toJSDate()];
  // Grouped by position: the zone is a parameter, and two parameters are not the same expression to PostgreSQL.
  const month = (col: PgColumn) => sql<string>`to_char(${col} at time zone ${zone}, 'YYYY-MM')`;
  const r = t.replies;
  const e = t.evaluations;
  const [replies, evaluations, closed] = await Promise.all([
    db.select({ month: month(r.repliedAt), n: sql<number>`count(*)::int` }).from(r).innerJoin(s, eq(s.id, r.suggestionId))
      .where(and(eq(s.congressId, congressId), gte(r.repliedAt, from), lt(r.repliedAt, to))).groupBy(sql`1`),
    db.select({
      month: month(e.at),
      satisfied: n(sql`${e.result} = 'satisfied' and not ${e.unevaluated}`),
      basicallySatisfied: n(sql`${e.result} = 'basically_satisfied' and not ${e.unevaluated}`),
      unsatisfied: n(sql`${e.result} = 'unsatisfied' and not ${e.unevaluated}`),
      unevaluated: n(sql`${e.unevaluated}`),
    }).from(e).innerJoin(s, eq(s.id, e.suggestionId))
      .where(and(eq(s.congressId, congressId), gte(e.at, from), lt(e.at, to))).groupBy(sql`1`),
    db.select({ month: month(s.closedAt), n: sql<number>`count(*)::int` }).from(s)
      .where(and(eq(s.congressId, congressId), gte(s.closedAt, from), lt(s.closedAt, to))).groupBy(sql`1`),
  ]);
  const none = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, unevaluated: 0 };
  const items = Array.from({ length: months }, (_, i) => {
    const m = first.plus({ months: i }).toFormat('yyyy-MM');
    const { month: _m, ...rated } = evaluations.find((x) => x.month === m) ?? { month: m, ...none };
    return { month: m, replies: replies.find((x) => x.month === m)?.n ?? 0, evaluations: rated, closed: closed.find((x) => x.month === m)?.n ?? 0 };
  });
  // The window moves when the next month begins.
  return { value: { zone, months, from: first.toISO(), items }, until: to.getTime() };
}
