// The case events and objects a process-mining export covers, read in keyset-ordered batches so an
// export of a whole congress never sits in memory at once.
import { and, asc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';

export const miningQuerySchema = z.object({
  sessionId: z.string().min(1).max(64).optional(),
  unitId: z.string().min(1).max(64).optional(),
  from: z.iso.date().optional().meta({ description: '含当日 / from this date (inclusive), Asia/Shanghai' }),
  to: z.iso.date().optional().meta({ description: '含当日 / up to this date (inclusive), Asia/Shanghai' }),
  includePersonal: z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
    .meta({ description: '包含代表姓名和联系方式（仅管理员，记入审计） / include deputies\' names and contacts (admins only, audited)' }),
}).strict();
export type MiningQuery = z.infer<typeof miningQuerySchema>;

const BATCH = 2000;
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/** The suggestions a filter selects (session, unit), within the caller's congress. */
export function casesWhere(congressId: string, q: MiningQuery): SQL {
  return and(
    eq(t.suggestions.congressId, congressId),
    q.sessionId ? eq(t.suggestions.sessionId, q.sessionId) : undefined,
    q.unitId ? sql`exists (select 1 from ${t.assignments} where ${t.assignments.suggestionId} = ${t.suggestions.id} and ${t.assignments.unitId} = ${q.unitId})` : undefined,
  )!;
}

export type EventRow = typeof t.caseEvents.$inferSelect;

/** Case events of the selected cases in the date range, ordered by case then sequence. */
export async function* eventBatches(db: Db, congressId: string, q: MiningQuery): AsyncGenerator<EventRow[]> {
  let after: [string, number] | undefined;
  const cases = db.select({ id: t.suggestions.id }).from(t.suggestions).where(casesWhere(congressId, q));
  for (;;) {
    const rows = await db.select().from(t.caseEvents).where(and(
      eq(t.caseEvents.congressId, congressId),
      inArray(t.caseEvents.suggestionId, cases),
      q.from ? gte(t.caseEvents.at, dayStart(q.from)) : undefined,
      q.to ? lt(t.caseEvents.at, nextDay(q.to)) : undefined,
      after ? sql`(${t.caseEvents.suggestionId}, ${t.caseEvents.seq}) > (${after[0]}, ${after[1]})` : undefined,
    )).orderBy(asc(t.caseEvents.suggestionId), asc(t.caseEvents.seq)).limit(BATCH);
    if (!rows.length) return;
    yield rows;
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    after = [last.suggestionId, last.seq];
  }
}

export type CaseRow = typeof t.suggestions.$inferSelect;

/** The selected cases that have at least one event in the range, a batch at a time. */
export async function* caseBatches(db: Db, congressId: string, q: MiningQuery, size = 500): AsyncGenerator<CaseRow[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.select().from(t.suggestions).where(and(
      casesWhere(congressId, q),
      after ? gt(t.suggestions.id, after) : undefined,
      sql`exists (select 1 from ${t.caseEvents} where ${t.caseEvents.suggestionId} = ${t.suggestions.id}
        ${q.from ? sql`and ${t.caseEvents.at} >= ${dayStart(q.from)}` : sql``} ${q.to ? sql`and ${t.caseEvents.at} < ${nextDay(q.to)}` : sql``})`,
    )).orderBy(asc(t.suggestions.id)).limit(size);
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.id;
  }
}

/** Writes a chunk and waits when the client reads slower than we write. */
export async function send(res: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
}
