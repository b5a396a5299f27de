// Fans each pending outbox message out to the users and endpoints of its recipient organisation,
// one delivery row per (message × user or endpoint × channel), in the same transaction that marks
// the message dispatched: a retried or repeated fan-out inserts nothing twice (ON CONFLICT DO NOTHING).
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { deliveries, notificationPreferences, webhooks } from '../../schema/tables-delivery';
import type { Db } from '../db';
import type { DeliveryConfig } from './config';
import { digestDateOf } from './digest';
import { deliveryId, digestDeliveryId } from './ids';
import { maskUrl } from './webhook';

type Message = typeof t.outbox.$inferSelect;
type DeliveryRow = typeof deliveries.$inferInsert;

export interface Person {
  id: string; congressId: string; role: string; deputyId: string | null; unitId: string | null; committeeId: string | null;
  email: string | null; emailEnabled: boolean | null; prefEmail: string | null; mode: string | null;
}

/** Who stands for a recipient organisation: deputy → the deputy's account, unit → its staff, etc. */
export function isRecipient(p: Person, m: Pick<Message, 'congressId' | 'recipientType' | 'recipientId'>): boolean {
  if (p.congressId !== m.congressId) return false;
  switch (m.recipientType) {
    case 'deputy': return p.role === 'deputy' && p.deputyId === m.recipientId;
    case 'unit': return p.role === 'unit' && p.unitId === m.recipientId;
    case 'committee': return p.role === 'committee' && p.committeeId === m.recipientId;
    // Administrators run the congress's office with the secretariat and hear what it hears.
    case 'secretariat': return (p.role === 'secretariat' || p.role === 'admin') && m.recipientId === m.congressId;
    default: return false;
  }
}

/** The address e-mail goes to, or null when the user turned e-mail off or has none. */
export const emailOf = (p: Pick<Person, 'email' | 'emailEnabled' | 'prefEmail'>) => (p.emailEnabled === false ? null : p.prefEmail ?? p.email ?? null);

async function peopleFor(db: Db, messages: Message[]): Promise<Person[]> {
  const ids = (type: string) => [...new Set(messages.filter((m) => m.recipientType === type).map((m) => m.recipientId))];
  const u = t.users;
  const conds: SQL[] = [];
  if (ids('deputy').length) conds.push(and(eq(u.role, 'deputy'), inArray(u.deputyId, ids('deputy')))!);
  if (ids('unit').length) conds.push(and(eq(u.role, 'unit'), inArray(u.unitId, ids('unit')))!);
  if (ids('committee').length) conds.push(and(eq(u.role, 'committee'), inArray(u.committeeId, ids('committee')))!);
  if (ids('secretariat').length) conds.push(and(inArray(u.role, ['secretariat', 'admin']), inArray(u.congressId, ids('secretariat')))!);
  if (!conds.length) return [];
  const p = notificationPreferences;
  return db.select({
    id: u.id, congressId: u.congressId, role: u.role, deputyId: u.deputyId, unitId: u.unitId, committeeId: u.committeeId, email: u.email,
    emailEnabled: p.emailEnabled, prefEmail: p.email, mode: p.mode,
  }).from(u).leftJoin(p, eq(p.userId, u.id)).where(and(eq(u.disabled, false), or(...conds)));
}

export async function fanOut(db: Db, cfg: DeliveryConfig, batch: number): Promise<number> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const o = t.outbox;
    const messages = await tx.select().from(o).where(eq(o.status, 'pending')).orderBy(asc(o.createdAt), asc(o.id)).limit(batch);
    if (!messages.length) return 0;
    const people = await peopleFor(tx, messages);
    const congressIds = [...new Set(messages.map((m) => m.congressId))];
    const hooks = await tx.select().from(webhooks).where(and(inArray(webhooks.congressId, congressIds), isNull(webhooks.deletedAt)));

    const rows: DeliveryRow[] = [];
    const now = new Date();
    for (const m of messages) {
      const base = { congressId: m.congressId, messageId: m.id, recipientType: m.recipientType, recipientId: m.recipientId, messageAt: m.createdAt };
      for (const p of people.filter((x) => isRecipient(x, m))) {
        const target = `user:${p.id}`;
        rows.push({ ...base, id: deliveryId(m.id, target, 'inapp'), channel: 'inapp', userId: p.id, status: 'delivered', sentAt: now });
        const address = emailOf(p);
        if (!address) continue;
        const email = { ...base, id: deliveryId(m.id, target, 'email'), channel: 'email', userId: p.id, address };
        if (!cfg.smtpUrl) rows.push({ ...email, status: 'not_configured', lastError: '未配置邮件服务器（HUYING_SMTP_URL）/ no SMTP server configured' });
        else if (p.mode === 'digest') rows.push({ ...email, status: 'digest', digestDate: digestDateOf(m.createdAt) });
        else rows.push({ ...email, status: 'pending' });
      }
      for (const h of hooks.filter((x) => x.recipientType === m.recipientType && x.recipientId === m.recipientId && x.congressId === m.congressId)) {
        rows.push({ ...base, id: deliveryId(m.id, `webhook:${h.id}`, 'webhook'), channel: 'webhook', webhookId: h.id, address: maskUrl(h.url), status: 'pending' });
      }
    }
    await sendLateDigestItemsAlone(tx, rows);
    for (let i = 0; i < rows.length; i += 500) await tx.insert(deliveries).values(rows.slice(i, i + 500)).onConflictDoNothing();
    await tx.update(o).set({ status: 'dispatched' }).where(inArray(o.id, messages.map((m) => m.id)));
    return messages.length;
  });
}

/**
 * A message reaching a digest user after that day's digest already went out (the dispatcher was
 * down past midnight, say) goes alone rather than into another day's digest or a second one.
 */
async function sendLateDigestItemsAlone(db: Db, rows: DeliveryRow[]): Promise<void> {
  const waiting = rows.filter((r) => r.status === 'digest');
  if (!waiting.length) return;
  const digestIds = [...new Set(waiting.map((r) => digestDeliveryId(r.userId!, r.digestDate!)))];
  const opened = new Set((await db.select({ id: deliveries.id }).from(deliveries).where(inArray(deliveries.id, digestIds))).map((r) => r.id));
  for (const r of waiting) {
    if (opened.has(digestDeliveryId(r.userId!, r.digestDate!))) Object.assign(r, { status: 'pending', digestDate: null });
  }
}
