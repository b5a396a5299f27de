// One year of a congress's working-day calendar as planning sees it: the national rows, then the
// congress's own corrections on top, then weekends.
import { and, eq, gte, inArray, lte, max } from 'drizzle-orm';
import { calendarDays } from '../../schema/tables';
import type { Db } from '../../activities/db';
import { WorkCalendar } from '../../activities/calendar';

export type DayKind = 'holiday' | 'workday';
const ISO_WEEKDAY = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** The row a congress (or '*') holds for a date, if any. */
export async function dayRow(db: Db, owner: string, date: string) {
  const [row] = await db.select().from(calendarDays).where(and(eq(calendarDays.congressId, owner), eq(calendarDays.date, date)));
  return row ? { kind: row.kind as DayKind, name: row.name, source: row.source } : null;
}

export async function calendarYear(db: Db, congressId: string, year: number) {
  const [rows, [{ last }]] = await Promise.all([
    db.select().from(calendarDays).where(and(inArray(calendarDays.congressId, ['*', congressId]),
      gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`))),
    db.select({ last: max(calendarDays.date) }).from(calendarDays).where(inArray(calendarDays.congressId, ['*', congressId])),
  ]);
  const national = new Map(rows.filter((r) => r.congressId === '*').map((r) => [r.date, r]));
  const own = new Map(rows.filter((r) => r.congressId !== '*').map((r) => [r.date, r]));
  // The same class deadlines are planned with, so this page can never disagree with a due date.
  const cal = new WorkCalendar([...national.values(), ...own.values()].map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name })));
  const days = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const row = own.get(date) ?? national.get(date);
    days.push({
      date, weekday: ISO_WEEKDAY(date), working: cal.isWorkingDay(date),
      kind: (row?.kind ?? null) as DayKind | null, name: row?.name ?? null, source: row?.source ?? null,
      scope: own.has(date) ? 'congress' : national.has(date) ? 'national' : null,
      // What the congress's correction overrides, so an admin can see what removing it restores.
      national: own.has(date) && national.has(date) ? { kind: national.get(date)!.kind, name: national.get(date)!.name } : undefined,
    });
  }
  // Beyond the last year any notice covers, only weekends are off: the admin must add next year's.
  const coveredUntil = last ? `${last.slice(0, 4)}-12-31` : null;
  return { year, congressId, coveredUntil, workingDays: days.filter((d) => d.working).length, days };
}
