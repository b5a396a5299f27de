// Shared by the delivery suites: people with and without e-mail, messages dropped into the outbox
// the way the case and bulletin workflows drop them, and waiting for the dispatcher to catch up.
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { deliveries, notificationPreferences } from '../../schema/tables-delivery';
import type { Db } from '../../activities/db';

export interface Person { id: string; role: string; deputyId?: string; unitId?: string; committeeId?: string; email?: string; emailOff?: boolean; digest?: boolean }

export async function seedPeople(db: Db, people: Person[], congressId = 'npc14'): Promise<void> {
  const units = [...new Set(people.map((p) => p.unitId).filter(Boolean))] as string[];
  if (units.length) await db.insert(t.handlingUnits).values(units.map((id) => ({ id, congressId, code: id, nameZh: `${id} 单位` }))).onConflictDoNothing();
  await db.insert(t.users).values(people.map((p) => ({
    id: p.id, congressId, username: p.id, displayName: `用户${p.id}`, passwordHash: '-', role: p.role,
    deputyId: p.deputyId ?? null, unitId: p.unitId ?? null, committeeId: p.committeeId ?? null, email: p.email ?? null,
  })));
  const prefs = people.filter((p) => p.emailOff || p.digest);
  if (prefs.length) {
    await db.insert(notificationPreferences).values(prefs.map((p) => ({ userId: p.id, emailEnabled: !p.emailOff, mode: p.digest ? 'digest' : 'immediate' })));
  }
}

let n = 0;
/** A message as a producer (a case, a bulletin) puts it in the outbox. */
export async function putMessage(db: Db, m: { recipientType: string; recipientId: string; subject?: string; body?: string; createdAt?: Date; id?: string; kind?: string }) {
  n += 1;
  const row = {
    id: m.id ?? `test:${Date.now().toString(36)}:${n}`, congressId: 'npc14', suggestionId: null, kind: m.kind ?? 'test', recipientType: m.recipientType, recipientId: m.recipientId,
    subject: m.subject ?? `【提醒】测试通知第${n}号`, body: m.body ?? `这是第${n}号测试通知，请及时办理。`, ...(m.createdAt ? { createdAt: m.createdAt } : {}),
  };
  await db.insert(t.outbox).values(row);
  return row;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const deliveriesOf = (db: Db, messageIds: string[]) => db.select().from(deliveries).where(inArray(deliveries.messageId, messageIds));

/** Until every e-mail and webhook delivery of these messages has an outcome (nothing pending or being retried). */
export const settled = (db: Db, messageIds: string[], timeoutMs?: number) =>
  until(`deliveries of ${messageIds.length} messages to settle`, async () => {
    const o = t.outbox;
    const waiting = await db.select({ id: o.id }).from(o).where(and(inArray(o.id, messageIds), eq(o.status, 'pending')));
    if (waiting.length) return false;
    const rows = await deliveriesOf(db, messageIds);
    return rows.every((r) => !['pending', 'sending', 'retrying'].includes(r.status)) && rows;
  }, timeoutMs);
