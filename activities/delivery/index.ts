// The dispatcher's activities, bound to one database and one delivery configuration.
import { Context } from '@temporalio/activity';
import { and, asc, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import { deliveries } from '../../schema/tables-delivery';
import type { Db } from '../db';
import { deliveryConfigFromEnv, type DeliveryConfig } from './config';
import { deliverOne } from './deliver';
import { openDigests } from './digests';
import { fanOut } from './fanout';
import { Mailer } from './mail';
import type { DeliveryActivities } from './types';

export type { DeliveryActivities } from './types';

/** Beats while a send is under way, so a worker that died mid-send is noticed in seconds, not minutes. */
async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  let ctx: Context | undefined;
  try { ctx = Context.current(); } catch { /* called outside an activity (a test) */ }
  const beat = ctx && setInterval(() => ctx!.heartbeat(), 1000);
  try {
    return await work();
  } finally {
    if (beat) clearInterval(beat);
  }
}

export function createDeliveryActivities(db: Db, cfg: DeliveryConfig = deliveryConfigFromEnv()): DeliveryActivities {
  const mailer = new Mailer(cfg);
  return {
    async dispatchTick({ batch, inFlight, limit }) {
      const fannedOut = await fanOut(db, cfg, batch);
      const digestsOpened = await openDigests(db, cfg, new Date());
      const d = deliveries;
      const rows = await db.select({ id: d.id }).from(d).where(and(
        inArray(d.channel, ['email', 'webhook']), inArray(d.status, ['pending', 'retrying', 'sending']),
        or(isNull(d.nextAttemptAt), lte(d.nextAttemptAt, new Date())),
        inFlight.length ? notInArray(d.id, inFlight) : undefined,
      )).orderBy(asc(d.createdAt), asc(d.id)).limit(limit);
      return { fannedOut, digestsOpened, due: rows.map((r) => r.id) };
    },
    deliver: (id) => heartbeating(() => deliverOne(db, cfg, mailer, id)),
  };
}
