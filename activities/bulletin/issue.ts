// Computes a month's bulletin over the read model as of the month's end (or now, for the month
// under way) and stores it, replacing an earlier run of the same month.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ApplicationFailure } from '@temporalio/common';
import * as t from '../../schema/tables';
import { bulletins } from '../../schema/tables-bulletins';
import type { Db } from '../db';
import { loadSnapshot } from './snapshot';
import { buildFigures } from './figures';
import { bulletinId, type BulletinActivities, type BulletinRef, type Figures } from './types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The schedule runs on the 1st and reports the month just ended; a request without a month means this one. */
export function defaultMonth(at: number, zone: string, trigger: string | undefined): string {
  const local = DateTime.fromMillis(at, { zone });
  return (trigger === 'schedule' ? local.minus({ months: 1 }) : local).toFormat('yyyy-MM');
}

export function monthBounds(month: string, zone: string): { start: Date; end: Date; previous: string } {
  const start = DateTime.fromISO(`${month}-01T00:00:00`, { zone });
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate(), previous: start.minus({ months: 1 }).toFormat('yyyy-MM') };
}

type ComputeRequest = Parameters<BulletinActivities['computeBulletin']>[0];

export async function computeBulletin(db: Db, req: ComputeRequest): Promise<BulletinRef> {
  const [congress] = await db.select().from(t.congresses).where(eq(t.congresses.id, req.congressId));
  if (!congress) throw ApplicationFailure.nonRetryable(`no congress ${req.congressId}`, 'NotFound');
  const month = req.month ?? defaultMonth(req.at, congress.timezone, req.trigger);
  if (!MONTH.test(month)) throw ApplicationFailure.nonRetryable(`not a month: ${month}`, 'InvalidInput');
  const { start, end, previous } = monthBounds(month, congress.timezone);
  if (start.getTime() > req.at) throw ApplicationFailure.nonRetryable(`month ${month} has not begun`, 'InvalidInput');
  const asOf = new Date(Math.min(end.getTime(), req.at));
  const [prev] = await db.select({ figures: bulletins.figures }).from(bulletins)
    .where(and(eq(bulletins.congressId, congress.id), eq(bulletins.month, previous)));
  const snapshot = await loadSnapshot(db, congress.id, asOf);
  const { figures, items } = buildFigures({ snapshot, month, previousMonth: previous, asOf, previous: prev?.figures as Figures | undefined });
  const id = bulletinId(congress.id, month);
  const row = {
    id, congressId: congress.id, month, asOf, trigger: req.trigger ?? 'api', figures, items, generatedAt: new Date(),
    generatedBy: req.requestedBy ?? null, workflowId: req.workflowId,
  };
  await db.insert(bulletins).values(row).onConflictDoUpdate({
    target: bulletins.id,
    set: { asOf, trigger: row.trigger, figures, items, generatedAt: row.generatedAt, generatedBy: row.generatedBy, workflowId: row.workflowId },
  });
  return { id, congressId: congress.id, month, asOf: asOf.toISOString(), units: figures.ranking.length, items: items.length, overdue: figures.overdue.length };
}
