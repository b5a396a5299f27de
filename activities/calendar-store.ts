// Calendars as the database holds them: the national rows, then the congress's own corrections.
// Cached per congress; a cheap stamp query on every use re-reads the rows after any change, so an
// admin's correction takes effect for the very next deadline planned.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { calendarDays } from '../schema/tables';
import { WorkCalendar } from './calendar';
import type { Db } from './db';

export class CalendarStore {
  private cache = new Map<string, { cal: WorkCalendar; stamp: string }>();

  constructor(private db: Db) {}

  async get(congressId: string): Promise<WorkCalendar> {
    const hit = this.cache.get(congressId);
    const stamp = await this.stamp(congressId);
    if (hit && hit.stamp === stamp) return hit.cal;
    const rows = await this.db.select().from(calendarDays).where(inArray(calendarDays.congressId, ['*', congressId]));
    // National rows first, so the congress's own corrections win.
    rows.sort((a, b) => Number(a.congressId !== '*') - Number(b.congressId !== '*'));
    const cal = new WorkCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name })));
    this.cache.set(congressId, { cal, stamp });
    return cal;
  }

  private async stamp(congressId: string): Promise<string> {
    const [r] = await this.db
      .select({ n: sql<number>`count(*)`, at: sql<string>`max(${calendarDays.updatedAt})::text` })
      .from(calendarDays)
      .where(inArray(calendarDays.congressId, ['*', congressId]));
    return `${r.n}:${r.at}`;
  }

  /** Set or correct one day; callers then signal running cases to re-plan their deadlines. */
  async setDay(congressId: string, date: string, kind: 'holiday' | 'workday', name?: string): Promise<void> {
    await this.db.insert(calendarDays).values({ congressId, date, kind, name: name ?? null, source: 'admin', updatedAt: new Date() })
      .onConflictDoUpdate({ target: [calendarDays.congressId, calendarDays.date], set: { kind, name: name ?? null, source: 'admin', updatedAt: new Date() } });
    this.cache.delete(congressId);
    if (congressId === '*') this.cache.clear();
  }

  async removeDay(congressId: string, date: string): Promise<void> {
    await this.db.delete(calendarDays).where(and(eq(calendarDays.congressId, congressId), eq(calendarDays.date, date)));
    this.cache.clear();
  }
}
