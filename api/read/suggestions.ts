// Lists, counts and the detail page of suggestions, from the read model, within the caller's scope.
import { and, asc, count, eq, getTableColumns, gt, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { STATUSES } from '../../schema/case';
import { RATINGS, RESULT_CLASSES } from '../../schema/commands';
import { isStorable, notFound, invalid } from '../errors';
import type { User } from '../context';
import { visibleTo } from '../scope';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
// A NUL (%00) in a filter makes PostgreSQL refuse the whole query: a 500 for a typo in a URL.
const param = (max: number) => z.string().max(max).refine(isStorable, '含有不能使用的字符 / holds a character that cannot be used');
export const listQuerySchema = z.object({
  status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES))]).optional(),
  step: param(64).optional(),
  unitId: param(64).optional(),
  delegationId: param(64).optional(),
  categoryCode: param(16).optional(),
  sessionId: param(64).optional(),
  isKey: flag.optional(),
  overdue: flag.optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  resultClass: z.enum(RESULT_CLASSES).optional(),
  satisfaction: z.enum([...RATINGS, 'unevaluated']).optional(),
  /** Cases waiting for the secretariat: a unit asked to return its assignment, or for more time. */
  pending: z.enum(['return', 'extension']).optional(),
  q: z.string().trim().min(1).max(100).refine(isStorable, '含有不能使用的字符 / holds a character that cannot be used').optional(),
  sort: z.enum(['deadline', '-deadline', 'updated', '-updated', 'number']).default('-updated'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
}).strict();
export type ListQuery = z.infer<typeof listQuerySchema>;

const SORTS = {
  deadline: { col: t.suggestions.nextDueAt, dir: 'asc' },
  '-deadline': { col: t.suggestions.nextDueAt, dir: 'desc' },
  updated: { col: t.suggestions.updatedAt, dir: 'asc' },
  '-updated': { col: t.suggestions.updatedAt, dir: 'desc' },
  number: { col: t.suggestions.number, dir: 'asc' },
} as const;

/** Filters shared by the list, its count and the exports. */
export function listFilter(user: User, q: ListQuery, now = new Date()): SQL {
  const s = t.suggestions;
  const conds: (SQL | undefined)[] = [visibleTo(user)];
  if (q.status) conds.push(Array.isArray(q.status) ? inArray(s.status, q.status) : eq(s.status, q.status));
  if (q.step) conds.push(eq(s.step, q.step));
  if (q.delegationId) conds.push(eq(s.delegationId, q.delegationId));
  if (q.categoryCode) conds.push(eq(s.categoryCode, q.categoryCode));
  if (q.sessionId) conds.push(eq(s.sessionId, q.sessionId));
  if (q.isKey !== undefined) conds.push(eq(s.isKey, q.isKey));
  if (q.overdue !== undefined) conds.push(q.overdue ? gt(s.overdueLevel, 0) : eq(s.overdueLevel, 0));
  if (q.dueWithinDays !== undefined) conds.push(and(gte(s.nextDueAt, now), lte(s.nextDueAt, new Date(now.getTime() + q.dueWithinDays * 86_400_000))));
  if (q.resultClass) conds.push(eq(s.resultClass, q.resultClass));
  if (q.satisfaction) conds.push(eq(s.satisfaction, q.satisfaction));
  if (q.pending === 'return') conds.push(sql`exists (select 1 from ${t.assignments} a where a.suggestion_id = ${s.id} and a.status = 'return_requested')`);
  if (q.pending === 'extension') conds.push(sql`exists (select 1 from ${t.extensionRequests} e where e.suggestion_id = ${s.id} and e.status = 'pending')`);
  if (q.unitId) conds.push(sql`exists (select 1 from ${t.assignments} a where a.suggestion_id = ${s.id} and a.unit_id = ${q.unitId})`);
  if (q.q) {
    // Chinese has no word breaks: a substring match over title, number and body is what users expect.
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(s.title, like), ilike(s.number, like), ilike(s.body, like)));
  }
  return and(...conds)!;
}

const encode = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString('base64url');
/**
 * A cursor is only ever made by us, but it comes back from the client: its value must fit the sort
 * column (an ISO instant for dates) and its id must be storable text, or the query fails with a 500.
 */
function decode(cursor: string, dates: boolean): [string | Date | null, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && v[1].length <= 64 && isStorable(v[1])) {
      if (v[0] === null) return [null, v[1]];
      if (typeof v[0] === 'string' && isStorable(v[0]) && v[0].length <= 64) {
        if (!dates) return [v[0], v[1]];
        const at = new Date(v[0]);
        if (/^\d{4}-\d{2}-\d{2}T/.test(v[0]) && !Number.isNaN(at.getTime())) return [at, v[1]];
      }
    }
  } catch { /* fall through */ }
  throw invalid('cursor', '分页游标无效', 'invalid cursor');
}

const LIST_COLUMNS = {
  id: t.suggestions.id, number: t.suggestions.number, title: t.suggestions.title, categoryCode: t.suggestions.categoryCode,
  source: t.suggestions.source, status: t.suggestions.status, step: t.suggestions.step, leadDeputyId: t.suggestions.leadDeputyId,
  delegationId: t.suggestions.delegationId, assignMode: t.suggestions.assignMode, isKey: t.suggestions.isKey, committeeId: t.suggestions.committeeId,
  resultClass: t.suggestions.resultClass, attitude: t.suggestions.attitude, satisfaction: t.suggestions.satisfaction,
  nextDueAt: t.suggestions.nextDueAt, replyDueAt: t.suggestions.replyDueAt, overdueLevel: t.suggestions.overdueLevel,
  submittedAt: t.suggestions.submittedAt, assignedAt: t.suggestions.assignedAt, repliedAt: t.suggestions.repliedAt, closedAt: t.suggestions.closedAt,
  updatedAt: t.suggestions.updatedAt, version: t.suggestions.version,
};

/** How many items the filter holds, whatever the page: the same for every page of one list. */
export async function countSuggestions(db: Db, user: User, q: ListQuery): Promise<number> {
  const [{ total }] = await db.select({ total: count() }).from(t.suggestions).where(listFilter(user, q));
  return Number(total);
}

export async function listSuggestions(db: Db, user: User, q: ListQuery, total = (lq: ListQuery) => countSuggestions(db, user, lq)) {
  const { col, dir } = SORTS[q.sort];
  const where = [listFilter(user, q)];
  if (q.cursor) {
    const [value, id] = decode(q.cursor, col !== t.suggestions.number);
    // Keyset pagination over (sort column, id); NULL deadlines sort last. Comparisons go through the
    // column (lt, not a raw `<`), so a Date is encoded for the driver: raw, page 2 of a descending sort was a 500.
    where.push(dir === 'asc'
      ? (value === null ? and(sql`${col} is null`, gt(t.suggestions.id, id))! : or(gt(col, value as any), and(eq(col, value as any), gt(t.suggestions.id, id)), sql`${col} is null`)!)
      : (value === null ? and(sql`${col} is null`, gt(t.suggestions.id, id))! : or(lt(col, value as any), and(eq(col, value as any), gt(t.suggestions.id, id)), sql`${col} is null`)!));
  }
  // "nulls last" only where a column can be null: on updated_at it would stop the index serving the order.
  const nullable = !col.notNull;
  const order = dir === 'asc' ? sql`${col} asc${sql.raw(nullable ? ' nulls last' : '')}` : sql`${col} desc${sql.raw(nullable ? ' nulls last' : '')}`;
  const [rows, n] = await Promise.all([
    db.select(LIST_COLUMNS).from(t.suggestions).where(and(...where)).orderBy(order, asc(t.suggestions.id)).limit(q.limit + 1),
    total(q),
  ]);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1) as Record<string, unknown> | undefined;
  const key = (Object.entries(LIST_COLUMNS).find(([, c]) => c === col) ?? ['updatedAt'])[0];
  const lastValue = last?.[key];
  const nextCursor = rows.length > q.limit && last ? encode([lastValue instanceof Date ? lastValue.toISOString() : (lastValue ?? null), last.id]) : null;
  return { items, total: n, nextCursor };
}

/**
 * A column as JSON, exactly as the driver's value would serialize: instants as ISO text in UTC with
 * milliseconds (the driver's Date drops the microseconds too), everything else as it is stored.
 */
function jsonValue(col: PgColumn): SQL {
  return col.columnType === 'PgTimestamp' ? sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sql`${col}`;
}
/** A table's columns under their property names, in their declared order, for row_to_json. */
const jsonFields = (table: PgTable) =>
  sql.join(Object.entries(getTableColumns(table)).map(([key, col]) => sql`${jsonValue(col)} as ${sql.identifier(key)}`), sql`, `);
/** The case's rows of a child table as a compact JSON array (json_agg would add spaces). */
function jsonRows(table: PgTable & { suggestionId: PgColumn }, orderBy?: string): SQL {
  const order = orderBy ? sql` order by ${sql.identifier('c')}.${sql.identifier(orderBy)}` : sql``;
  return sql`coalesce((select array_to_json(array_agg(c${order})) from (select ${jsonFields(table)} from ${table} where ${table.suggestionId} = ${t.suggestions.id}) c), '[]')`;
}
const DETAIL_FIELDS = sql.join([
  jsonFields(t.suggestions),
  sql`${jsonRows(t.cosigners)} as "cosigners"`,
  sql`${jsonRows(t.assignments)} as "assignments"`,
  // ISO instants in UTC sort as text the way they sort as time.
  sql`${jsonRows(t.communications, 'occurredAt')} as "communications"`,
  sql`${jsonRows(t.opinions)} as "opinions"`,
  sql`${jsonRows(t.extensionRequests)} as "extensions"`,
  sql`${jsonRows(t.replies)} as "replies"`,
  sql`${jsonRows(t.evaluations)} as "evaluations"`,
  sql`(select row_to_json(c) from (select ${jsonFields(t.keySupervisions)} from ${t.keySupervisions} where ${t.keySupervisions.suggestionId} = ${t.suggestions.id}) c) as "key"`,
  sql`${jsonRows(t.supervisionNotes, 'at')} as "supervisionNotes"`,
  sql`${jsonRows(t.progressRequests, 'requestedAt')} as "progressRequests"`,
  sql`${jsonRows(t.caseEvents, 'seq')} as "timeline"`,
], sql`, `);

/**
 * The detail page (the case with all its parts and its timeline) as JSON text, built by PostgreSQL
 * in one prepared statement: one round trip instead of eleven, and no objects to build and
 * serialize again in the API.
 */
export async function suggestionDetailJson(db: Db, user: User, id: string): Promise<string> {
  const [row] = await detailQuery(db, user.role).execute({
    id, congressId: user.congressId, deputyId: user.deputyId ?? '-', unitId: user.unitId ?? '-', committeeId: user.committeeId ?? '-',
  });
  if (!row) throw notFound('建议', 'suggestion');
  return row.doc;
}

// Building this statement costs more than running it: it is built once per database and role, with
// the asker's scope as parameters.
const detailQueries = new WeakMap<Db, Map<string, ReturnType<typeof buildDetailQuery>>>();
function detailQuery(db: Db, role: User['role']) {
  let byRole = detailQueries.get(db);
  if (!byRole) detailQueries.set(db, byRole = new Map());
  let q = byRole.get(role);
  if (!q) byRole.set(role, q = buildDetailQuery(db, role));
  return q;
}
function buildDetailQuery(db: Db, role: User['role']) {
  const p = (name: string) => sql.placeholder(name) as unknown as string;
  const asker: User = { id: '', username: '', displayName: '', role, congressId: p('congressId'), deputyId: p('deputyId'), unitId: p('unitId'), committeeId: p('committeeId') };
  return db.select({ doc: sql<string>`(select row_to_json(d)::text from (select ${DETAIL_FIELDS}) d)` })
    .from(t.suggestions).where(and(eq(t.suggestions.id, sql.placeholder('id')), visibleTo(asker)))
    .prepare(`suggestion_detail_${role}`);
}

export async function suggestionDetail(db: Db, user: User, id: string) {
  return JSON.parse(await suggestionDetailJson(db, user, id));
}

