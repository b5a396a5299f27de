// The audit trail for administrators: filtered, newest first, in pages keyed by (at, id).
import { and, desc, eq, gte, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { invalid } from '../errors';
import { decodeCursor, encodeCursor, instantText, isoDate, limitSchema } from './input';

const when = z.union([isoDate, z.iso.datetime({ offset: true })]);
export const auditQuerySchema = z.object({
  userId: z.string().max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  target: z.string().max(300).optional(),
  outcome: z.enum(['ok', 'refused', 'failed']).optional(),
  from: when.optional(),
  to: when.optional(),
  limit: limitSchema(500, 100),
  cursor: z.string().max(300).optional(),
}).strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** A bare date means the whole local day of the congress: `to=2026-03-05` includes all of March 5. */
function bound(value: string, zone: string, end: boolean): Date {
  if (value.length > 10) return new Date(value);
  const day = DateTime.fromISO(value, { zone });
  return (end ? day.plus({ days: 1 }) : day).toJSDate();
}

const atText = instantText(t.auditLog.at);

export async function listAudit(db: Db, congressId: string, q: AuditQuery) {
  const a = t.auditLog;
  const [congress] = await db.select({ zone: t.congresses.timezone }).from(t.congresses).where(eq(t.congresses.id, congressId));
  const zone = congress?.zone ?? 'Asia/Shanghai';
  const conds: (SQL | undefined)[] = [eq(a.congressId, congressId)];
  if (q.userId) conds.push(eq(a.userId, q.userId));
  if (q.action) conds.push(like(a.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.target) conds.push(eq(a.target, q.target));
  if (q.outcome) conds.push(eq(a.outcome, q.outcome));
  if (q.from) conds.push(gte(a.at, bound(q.from, zone, false)));
  if (q.to) conds.push(q.to.length > 10 ? lte(a.at, bound(q.to, zone, true)) : lt(a.at, bound(q.to, zone, true)));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    if (!at || !id || Number.isNaN(Date.parse(at))) throw invalid('cursor', '分页游标无效', 'invalid cursor');
    conds.push(sql`(${a.at}, ${a.id}) < (${at}::timestamptz, ${id})`);
  }
  const rows = await db.select({
    id: a.id, at: a.at, atText, userId: a.userId, username: t.users.username, role: a.role, action: a.action, target: a.target,
    outcome: a.outcome, ip: a.ip, userAgent: a.userAgent, before: a.before, after: a.after, detail: a.detail,
  }).from(a).leftJoin(t.users, eq(t.users.id, a.userId)).where(and(...conds)).orderBy(desc(a.at), desc(a.id)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(({ atText: _, ...row }) => row);
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.atText, last.id]) : null };
}
