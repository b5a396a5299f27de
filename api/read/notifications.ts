// The caller's in-app notifications and notification settings, and the administrators' view of
// deliveries and webhooks. A person sees only the in-app deliveries made to them: the fan-out
// addressed each message to the users of its recipient organisation, so a unit's staff see their
// unit's notices and nobody else's.
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import { deliveries, notificationPreferences, webhooks } from '../../schema/tables-delivery';
import type { Db } from '../../activities/db';
import { emailOf } from '../../activities/delivery/fanout';
import { maskUrl } from '../../activities/delivery/webhook';
import { invalid, isStorable, notFound } from '../errors';
import type { User } from '../context';
import { decodeCursor, encodeCursor, instantText, limitSchema } from './input';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const text = (max: number) => z.string().min(1).max(max).refine(isStorable, '含有不能使用的字符 / holds a character that cannot be used');

export const notificationsQuery = z.object({
  unread: flag.optional().meta({ description: 'true 只列未读 / true lists unread only' }),
  limit: limitSchema(100, 20),
  cursor: z.string().max(300).optional(),
}).strict();

/** (instant text, id) of the last row of a page; both come back from the client, so both are checked. */
function after(cursor: string, at: SQL | ReturnType<typeof sql>, id: SQL | typeof deliveries.id): SQL {
  const [a, b] = decodeCursor(cursor, 2);
  if (!a || !b || !/^\d{4}-\d{2}-\d{2}T/.test(a) || Number.isNaN(Date.parse(a)) || !isStorable(b) || b.length > 100) {
    throw invalid('cursor', '分页游标无效', 'invalid cursor');
  }
  return sql`(${at}, ${id}) < (${a}::timestamptz, ${b})`;
}

const mine = (user: User) => and(eq(deliveries.userId, user.id), eq(deliveries.channel, 'inapp'));

export async function listNotifications(db: Db, user: User, q: z.infer<typeof notificationsQuery>) {
  const d = deliveries;
  const o = t.outbox;
  const conds: (SQL | undefined)[] = [mine(user)];
  if (q.unread) conds.push(isNull(d.readAt));
  if (q.cursor) conds.push(after(q.cursor, sql`${d.messageAt}`, d.id));
  const rows = await db.select({
    id: d.id, messageId: d.messageId, kind: o.kind, suggestionId: o.suggestionId, subject: o.subject, body: o.body, dueAt: o.dueAt,
    createdAt: d.messageAt, readAt: d.readAt, at: instantText(d.messageAt),
  }).from(d).innerJoin(o, eq(o.id, d.messageId)).where(and(...conds)).orderBy(desc(d.messageAt), desc(d.id)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(({ at: _, ...r }) => ({ ...r, read: r.readAt !== null }));
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.at, last.id]) : null, unread: await unreadCount(db, user) };
}

export async function unreadCount(db: Db, user: User): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(deliveries).where(and(mine(user), isNull(deliveries.readAt)));
  return Number(n);
}

/** Marking twice keeps the first time; someone else's notification does not exist for the caller. */
export async function markRead(db: Db, user: User, id: string) {
  const d = deliveries;
  await db.update(d).set({ readAt: new Date() }).where(and(eq(d.id, id), mine(user), isNull(d.readAt)));
  const [row] = await db.select({ id: d.id, readAt: d.readAt }).from(d).where(and(eq(d.id, id), mine(user)));
  if (!row) throw notFound('通知', 'notification');
  return { id: row.id, read: true, readAt: row.readAt, unread: await unreadCount(db, user) };
}

export async function markAllRead(db: Db, user: User) {
  const marked = await db.update(deliveries).set({ readAt: new Date() }).where(and(mine(user), isNull(deliveries.readAt))).returning({ id: deliveries.id });
  return { marked: marked.length, unread: await unreadCount(db, user) };
}

// ── Preferences ────────────────────────────────────────────────────────────────────────────────

export const preferencesBody = z.object({
  emailEnabled: z.boolean().optional().meta({ description: '是否接收邮件通知 / whether to receive e-mail' }),
  email: z.email({ error: '邮箱地址格式不正确 / not a valid e-mail address' }).max(254).nullable().optional().meta({ description: '接收邮件的地址；null 表示使用账号邮箱 / where e-mail goes; null uses the account\'s address' }),
  mode: z.enum(['immediate', 'digest'], { error: '应为 immediate（即时）或 digest（每日汇总）/ expected immediate or digest' }).optional().meta({ description: 'immediate 逐条即时发送；digest 每日汇总（北京时间次日零点后发送前一天的全部通知）/ each at once, or one daily digest sent after midnight Asia/Shanghai' }),
}).strict();

export async function getPreferences(db: Db, user: User) {
  const p = notificationPreferences;
  const [row] = await db.select({ accountEmail: t.users.email, emailEnabled: p.emailEnabled, email: p.email, mode: p.mode, updatedAt: p.updatedAt })
    .from(t.users).leftJoin(p, eq(p.userId, t.users.id)).where(eq(t.users.id, user.id));
  const emailEnabled = row?.emailEnabled ?? true;
  return {
    inApp: true as const,
    emailEnabled,
    email: row?.email ?? null,
    accountEmail: row?.accountEmail ?? null,
    effectiveEmail: emailOf({ email: row?.accountEmail ?? null, emailEnabled, prefEmail: row?.email ?? null }),
    mode: (row?.mode ?? 'immediate') as 'immediate' | 'digest',
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function putPreferences(db: Db, user: User, body: z.infer<typeof preferencesBody>) {
  const before = await getPreferences(db, user);
  const next = {
    emailEnabled: body.emailEnabled ?? before.emailEnabled,
    email: body.email === undefined ? before.email : body.email,
    mode: body.mode ?? before.mode,
  };
  const p = notificationPreferences;
  await db.insert(p).values({ userId: user.id, ...next, updatedAt: new Date() })
    .onConflictDoUpdate({ target: p.userId, set: { ...next, updatedAt: new Date() } });
  return { before, after: await getPreferences(db, user) };
}

// ── Administrators: deliveries ─────────────────────────────────────────────────────────────────

export const DELIVERY_STATUSES = ['delivered', 'pending', 'sending', 'retrying', 'sent', 'failed', 'not_configured', 'skipped', 'digest', 'digested'] as const;
export const CHANNELS = ['inapp', 'email', 'webhook'] as const;

export const deliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  recipientType: z.enum(['deputy', 'unit', 'committee', 'secretariat', 'user']).optional(),
  recipientId: text(100).optional(),
  userId: text(100).optional(),
  webhookId: text(100).optional(),
  messageId: text(300).optional(),
  limit: limitSchema(500, 50),
  cursor: z.string().max(300).optional(),
}).strict();

export async function listDeliveries(db: Db, congressId: string, q: z.infer<typeof deliveriesQuery>) {
  const d = deliveries;
  const filters: (SQL | undefined)[] = [eq(d.congressId, congressId)];
  if (q.channel) filters.push(eq(d.channel, q.channel));
  if (q.recipientType) filters.push(eq(d.recipientType, q.recipientType));
  if (q.recipientId) filters.push(eq(d.recipientId, q.recipientId));
  if (q.userId) filters.push(eq(d.userId, q.userId));
  if (q.webhookId) filters.push(eq(d.webhookId, q.webhookId));
  if (q.messageId) filters.push(eq(d.messageId, q.messageId));
  const conds = [...filters, q.status ? eq(d.status, q.status) : undefined, q.cursor ? after(q.cursor, sql`${d.createdAt}`, d.id) : undefined];
  const rows = await db.select({
    id: d.id, messageId: d.messageId, kind: t.outbox.kind, subject: t.outbox.subject, channel: d.channel, userId: d.userId, username: t.users.username,
    webhookId: d.webhookId, recipientType: d.recipientType, recipientId: d.recipientId, address: d.address, status: d.status, attempts: d.attempts,
    lastError: d.lastError, digestDate: d.digestDate, digestId: d.digestId, messageAt: d.messageAt, createdAt: d.createdAt,
    lastAttemptAt: d.lastAttemptAt, nextAttemptAt: d.nextAttemptAt, sentAt: d.sentAt, readAt: d.readAt, at: instantText(d.createdAt),
  }).from(d).leftJoin(t.outbox, eq(t.outbox.id, d.messageId)).leftJoin(t.users, eq(t.users.id, d.userId))
    .where(and(...conds)).orderBy(desc(d.createdAt), desc(d.id)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(({ at: _, ...r }) => ({ ...r, kind: r.kind ?? (r.digestDate && !r.messageId ? 'digest' : null) }));
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  const byStatus = await db.select({ status: d.status, n: count() }).from(d).where(and(...filters)).groupBy(d.status);
  return { items, nextCursor: last ? encodeCursor([last.at, last.id]) : null, counts: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) };
}

// ── Administrators: webhooks ───────────────────────────────────────────────────────────────────

export async function listWebhooks(db: Db, congressId: string) {
  const w = webhooks;
  const rows = await db.select().from(w).where(and(eq(w.congressId, congressId), isNull(w.deletedAt))).orderBy(desc(w.createdAt), desc(w.id));
  return { items: rows.map(publicWebhook) };
}

/** What may be shown again: never the secret, and the URL with its key masked (a bot's URL is its credential). */
export function publicWebhook(w: typeof webhooks.$inferSelect) {
  return {
    id: w.id, name: w.name, recipientType: w.recipientType, recipientId: w.recipientId, format: w.format, url: maskUrl(w.url),
    signed: !!w.secret, createdBy: w.createdBy, createdAt: w.createdAt,
  };
}
