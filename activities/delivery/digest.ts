// Daily digests: one e-mail per user per calendar day in Asia/Shanghai, holding exactly the
// messages created in that day's window [00:00, 24:00), sent once the day is over.
import { DateTime } from 'luxon';

export const DIGEST_ZONE = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD, Asia/Shanghai) whose digest a message created at `at` belongs to. */
export function digestDateOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone: DIGEST_ZONE }).toISODate()!;
}

/** The window of a date: from its local midnight (inclusive) to the next local midnight (exclusive). */
export function digestWindow(date: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(date, { zone: DIGEST_ZONE }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/**
 * A digest goes out once its day is over and a grace period has passed: a message row stamped just
 * before midnight by a transaction that commits just after it still makes its own day's digest.
 */
export const digestDue = (date: string, now: Date, graceMs: number) => now.getTime() >= digestWindow(date).end.getTime() + graceMs;
