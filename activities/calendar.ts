import { DateTime, Duration } from 'luxon';
import { parseSpan } from '../schema/span';

export type DayKind = 'holiday' | 'workday';

export interface CalendarOverride {
  date: string; // YYYY-MM-DD
  kind: DayKind;
  name?: string | null;
}

export const DEFAULT_ZONE = 'Asia/Shanghai';

interface DatasetFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The State Council holiday notices as published in the chinese-days package. */
export function datasetDays(): CalendarOverride[] {
  const data = require('chinese-days/dist/chinese-days.json') as DatasetFile;
  // Values look like "Spring Festival,春节,4": English name, Chinese name, length in days.
  const nameOf = (value: string) => value.split(',')[1] || null;
  const days: CalendarOverride[] = [];
  for (const [date, value] of Object.entries(data.holidays)) days.push({ date, kind: 'holiday', name: nameOf(value) });
  for (const [date, value] of Object.entries(data.workdays)) days.push({ date, kind: 'workday', name: nameOf(value) });
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC): whole-day integers index the year tables with no time zone involved. */
function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    // Date.UTC silently rolls over (Feb 30 → Mar 2) and maps years below 100 to the 1900s.
    if (new Date(ms).toISOString().startsWith(date)) return ms / MS_PER_DAY;
  }
  throw new Error(`not a valid date (YYYY-MM-DD): "${date}"`);
}

function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

interface YearTable {
  year: number;
  first: number; // day number of Jan 1
  working: Uint8Array;
  /** cum[i] = working days from Jan 1 through day i, inclusive. */
  cum: Int32Array;
  total: number;
}

export class WorkCalendar {
  private readonly overrides = new Map<number, boolean>();
  private readonly years = new Map<number, YearTable>();
  private readonly lastCoveredYear: number | null;

  constructor(overrides: CalendarOverride[]) {
    let last: number | null = null;
    for (const o of overrides) {
      // Later entries win, so an administrator's correction listed after the dataset prevails.
      this.overrides.set(toDayNumber(o.date), o.kind === 'workday');
      const year = +o.date.slice(0, 4);
      if (last === null || year > last) last = year;
    }
    this.lastCoveredYear = last;
  }

  isWorkingDay(date: string): boolean {
    const day = toDayNumber(date);
    const t = this.table(day);
    return t.working[day - t.first] === 1;
  }

  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new Error(`working-day count must be an integer, got ${n}`);
    const day = toDayNumber(date);
    if (n === 0) return date;
    let t = this.table(day);
    const i = day - t.first;
    let need = Math.abs(n);
    if (n > 0) {
      // Working days after day i in its year; skip whole years until the target is inside one.
      let base = t.cum[i];
      while (need > t.total - base) {
        need -= t.total - base;
        t = this.tableOfYear(t.year + 1);
        base = 0;
      }
      return fromDayNumber(t.first + firstAtLeast(t.cum, base + need));
    }
    let before = t.cum[i] - t.working[i];
    while (need > before) {
      need -= before;
      t = this.tableOfYear(t.year - 1);
      before = t.total;
    }
    return fromDayNumber(t.first + firstAtLeast(t.cum, before - need + 1));
  }

  /**
   * Working days passed when travelling from a to b, counting the arrival day but not the
   * departure day: (a, b] going forward, [b, a) going backward (as a negative number). This
   * keeps workingDaysBetween(d, addWorkingDays(d, n)) === n even when d is a day off.
   */
  workingDaysBetween(a: string, b: string): number {
    const da = toDayNumber(a);
    const db = toDayNumber(b);
    return db >= da ? this.countForward(da, db) : -this.countForward(db - 1, da - 1);
  }

  /**
   * Last date the holiday notices are known for. A notice covers a whole year, so this is
   * Dec 31 of the latest year with any entry; beyond it only weekends count as days off.
   */
  coveredUntil(): string | null {
    return this.lastCoveredYear === null ? null : `${this.lastCoveredYear}-12-31`;
  }

  /** Working days in (from, to] for from <= to, as day numbers. */
  private countForward(from: number, to: number): number {
    const tf = this.table(from);
    const tt = this.table(to);
    let count = tt.cum[to - tt.first] - tf.cum[from - tf.first];
    for (let y = tf.year; y < tt.year; y++) count += this.tableOfYear(y).total;
    return count;
  }

  private table(day: number): YearTable {
    return this.tableOfYear(new Date(day * MS_PER_DAY).getUTCFullYear());
  }

  private tableOfYear(year: number): YearTable {
    let t = this.years.get(year);
    if (t) return t;
    const first = Date.UTC(year, 0, 1) / MS_PER_DAY;
    const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - first;
    const working = new Uint8Array(length);
    const cum = new Int32Array(length);
    let total = 0;
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      const override = this.overrides.get(day);
      const isWorking = override ?? (weekday !== 0 && weekday !== 6);
      working[i] = isWorking ? 1 : 0;
      if (isWorking) total++;
      cum[i] = total;
    }
    t = { year, first, working, cum, total };
    this.years.set(year, t);
    return t;
  }
}

/** Smallest index whose running count reaches target; that index is always a working day. */
function firstAtLeast(cum: Int32Array, target: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function checked(dt: DateTime, what: string): DateTime {
  if (!dt.isValid) throw new Error(`${what}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

export function localDate(ms: number, zone: string = DEFAULT_ZONE): string {
  return checked(DateTime.fromMillis(ms, { zone }), `cannot place ${ms} in zone "${zone}"`).toISODate()!;
}

/** hhmm is "HH:mm" (or "HH:mm:ss") local wall-clock time. */
export function atLocalTime(date: string, hhmm: string, zone: string = DEFAULT_ZONE): number {
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(hhmm)) throw new Error(`not a valid time of day (HH:mm): "${hhmm}"`);
  toDayNumber(date);
  return checked(DateTime.fromISO(`${date}T${hhmm}`, { zone }), `cannot place ${date} ${hhmm} in zone "${zone}"`).toMillis();
}

/** A deadline "on day D" lasts the whole of D, so it falls at the next local midnight. */
function endOfLocalDay(date: string, zone: string): number {
  return checked(DateTime.fromISO(date, { zone }), `cannot place ${date} in zone "${zone}"`)
    .plus({ days: 1 })
    .startOf('day')
    .toMillis();
}

export function deadlineAfter(
  cal: WorkCalendar,
  fromMs: number,
  span: string,
  opts: { zone?: string; rollToWorkingDay?: boolean } = {},
): number {
  const zone = opts.zone ?? DEFAULT_ZONE;
  const s = parseSpan(span);
  if (s.unit === 'wd') return endOfLocalDay(cal.addWorkingDays(localDate(fromMs, zone), s.days), zone);
  const duration = Duration.fromISO(s.iso);
  if (!s.hasDateParts) return fromMs + duration.toMillis();
  // Time parts of a mixed span ("P1DT2H") still move the instant before its day is taken.
  let date = checked(DateTime.fromMillis(fromMs, { zone }), `cannot place ${fromMs} in zone "${zone}"`)
    .plus(duration)
    .toISODate()!;
  if (opts.rollToWorkingDay !== false && !cal.isWorkingDay(date)) date = cal.addWorkingDays(date, 1);
  return endOfLocalDay(date, zone);
}

export function shiftInstant(
  cal: WorkCalendar,
  atMs: number,
  span: string,
  direction: 1 | -1,
  opts: { zone?: string } = {},
): number {
  const zone = opts.zone ?? DEFAULT_ZONE;
  const s = parseSpan(span);
  if (s.unit === 'iso') {
    const duration = Duration.fromISO(s.iso);
    if (!s.hasDateParts) return atMs + direction * duration.toMillis();
    const at = checked(DateTime.fromMillis(atMs, { zone }), `cannot place ${atMs} in zone "${zone}"`);
    return (direction === 1 ? at.plus(duration) : at.minus(duration)).toMillis();
  }
  const at = checked(DateTime.fromMillis(atMs, { zone }), `cannot place ${atMs} in zone "${zone}"`);
  const target = DateTime.fromISO(cal.addWorkingDays(at.toISODate()!, direction * s.days), { zone });
  return target.set({ hour: at.hour, minute: at.minute, second: at.second, millisecond: at.millisecond }).toMillis();
}
