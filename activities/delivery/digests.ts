// Opens the daily digests whose day is over: one digest delivery per user and date, carrying
// every message that waited for it. Its id is derived from (user, date), so it is opened once.
import { and, asc, count, eq, isNull, lt } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { deliveries } from '../../schema/tables-delivery';
import type { Db } from '../db';
import type { DeliveryConfig } from './config';
import { digestDue, digestWindow } from './digest';
import { digestDeliveryId } from './ids';

export async function openDigests(db: Db, cfg: DeliveryConfig, now: Date): Promise<number> {
  const d = deliveries;
  const groups = await db.select({ userId: d.userId, date: d.digestDate, congressId: d.congressId, n: count() })
    .from(d).where(and(eq(d.status, 'digest'), isNull(d.digestId))).groupBy(d.userId, d.digestDate, d.congressId);
  const due = groups.filter((g) => g.userId && g.date && digestDue(g.date, now, cfg.digestGraceMs));
  if (!due.length) return 0;
  // A message of the day still waiting in the outbox must make it into its day's digest first.
  const [oldest] = await db.select({ at: t.outbox.createdAt }).from(t.outbox).where(eq(t.outbox.status, 'pending')).orderBy(asc(t.outbox.createdAt)).limit(1);
  let opened = 0;
  for (const g of due) {
    const { end } = digestWindow(g.date!);
    if (oldest && oldest.at < end) continue;
    const id = digestDeliveryId(g.userId!, g.date!);
    await db.transaction(async (tx) => {
      await tx.insert(d).values({ id, congressId: g.congressId, channel: 'email', userId: g.userId, recipientType: 'user', recipientId: g.userId!,
        status: 'pending', digestDate: g.date, messageAt: end }).onConflictDoNothing();
      await tx.update(d).set({ digestId: id }).where(and(eq(d.userId, g.userId!), eq(d.digestDate, g.date!), eq(d.status, 'digest'), isNull(d.digestId), lt(d.messageAt, end)));
    });
    opened++;
  }
  return opened;
}
