import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  atLocalTime,
  datasetDays,
  deadlineAfter,
  localDate,
  shiftInstant,
  WorkCalendar,
} from '../activities/calendar';
import { parseSpan, spanSchema } from '../schema/span';

const ZONE = 'Asia/Shanghai';
const cal = new WorkCalendar(datasetDays());

const shanghai = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

describe('parseSpan', () => {
  it.each([
    ['20WD', { unit: 'wd', days: 20 }],
    ['0WD', { unit: 'wd', days: 0 }],
    ['P3M', { unit: 'iso', iso: 'P3M', hasDateParts: true }],
    ['P10D', { unit: 'iso', iso: 'P10D', hasDateParts: true }],
    ['P1M15D', { unit: 'iso', iso: 'P1M15D', hasDateParts: true }],
    ['P1W', { unit: 'iso', iso: 'P1W', hasDateParts: true }],
    ['P1DT2H', { unit: 'iso', iso: 'P1DT2H', hasDateParts: true }],
    ['PT30S', { unit: 'iso', iso: 'PT30S', hasDateParts: false }],
    ['PT9H', { unit: 'iso', iso: 'PT9H', hasDateParts: false }],
    ['PT0.5S', { unit: 'iso', iso: 'PT0.5S', hasDateParts: false }],
  ])('accepts %s', (text, expected) => {
    expect(parseSpan(text)).toEqual(expected);
    expect(spanSchema.safeParse(text).success).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', '-P1D', 'P-1D', 'PT-30S', '-5WD', '20wd', '20 WD', '1.5WD', 'WD', 'P1.5D', 'P1H', '3 months', ' P3M', 'p3m'])(
    'rejects %j',
    (text) => {
      expect(() => parseSpan(text)).toThrow(/not a valid duration/);
      const result = spanSchema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/^不是有效的期限 \/ not a valid duration: /);
    },
  );
});

describe('dataset', () => {
  it('carries Chinese names and both kinds', () => {
    const days = datasetDays();
    expect(days).toContainEqual({ date: '2026-02-15', kind: 'holiday', name: '春节' });
    expect(days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(cal.coveredUntil()).toBe('2026-12-31');
    expect(new WorkCalendar([]).coveredUntil()).toBeNull();
  });
});

describe('2026 regression dates (domain.md §3)', () => {
  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    'make-up weekend day %s is a working day',
    (date) => expect(cal.isWorkingDay(date)).toBe(true),
  );

  it('Spring Festival Feb 15–23 is off', () => {
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
  });

  it('plain weekends and weekdays', () => {
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Sat
    expect(cal.isWorkingDay('2026-03-08')).toBe(false); // Sun
    expect(cal.isWorkingDay('2026-03-09')).toBe(true); // Mon
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // National Day, Thu
  });

  it('steps across the make-up Saturday and the festival', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-18', 1)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-18', -1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-18', 0)).toBe('2026-02-18');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(cal.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    // Departing from a day off: the day left behind is never counted.
    expect(cal.workingDaysBetween('2026-02-18', '2026-02-14')).toBe(-1);
    expect(cal.workingDaysBetween('2026-02-18', '2026-02-24')).toBe(1);
    expect(cal.workingDaysBetween('2026-02-18', '2026-02-18')).toBe(0);
  });

  it('crosses year boundaries', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.addWorkingDays('2026-01-04', -1)).toBe('2025-12-31');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/not a valid date/);
    expect(() => cal.addWorkingDays('2026-2-3', 1)).toThrow(/not a valid date/);
  });
});

describe('deadlineAfter', () => {
  it('20 working days across the Spring Festival', () => {
    // Feb 11–14 (Sat 14 is make-up), then Feb 24 onwards: the 20th is Mon Mar 16.
    const received = shanghai('2026-02-10T10:00');
    expect(deadlineAfter(cal, received, '20WD')).toBe(shanghai('2026-03-17T00:00'));
  });

  it('0WD ends today', () => {
    expect(deadlineAfter(cal, shanghai('2026-02-18T10:00'), '0WD')).toBe(shanghai('2026-02-19T00:00'));
  });

  it('P3M clamps to the end of a shorter month', () => {
    expect(deadlineAfter(cal, shanghai('2026-01-31T15:00'), 'P3M')).toBe(shanghai('2026-05-01T00:00'));
    // Feb 28 2026 is a make-up Saturday, so no roll is needed.
    expect(deadlineAfter(cal, shanghai('2025-11-30T09:00'), 'P3M')).toBe(shanghai('2026-03-01T00:00'));
  });

  it('rolls a deadline landing on a holiday to the next working day', () => {
    // Feb 1 + 3 months = May 1, Labour Day (May 1–5 off).
    const from = shanghai('2026-02-01T09:00');
    expect(deadlineAfter(cal, from, 'P3M')).toBe(shanghai('2026-05-07T00:00'));
    expect(deadlineAfter(cal, from, 'P3M', { rollToWorkingDay: false })).toBe(shanghai('2026-05-02T00:00'));
  });

  it('uses the local date, not the UTC date', () => {
    // 2026-02-13T17:00Z is already Saturday 01:00 in Shanghai.
    const from = Date.parse('2026-02-13T17:00:00Z');
    expect(deadlineAfter(cal, from, '1WD')).toBe(shanghai('2026-02-25T00:00'));
    expect(deadlineAfter(cal, from, '1WD', { zone: 'UTC' })).toBe(Date.parse('2026-02-15T00:00:00Z'));
  });

  it('time-only spans are exact', () => {
    const from = shanghai('2026-02-14T23:59:50');
    expect(deadlineAfter(cal, from, 'PT30S')).toBe(from + 30_000);
    expect(deadlineAfter(cal, from, 'PT9H')).toBe(from + 9 * 3_600_000);
    expect(shiftInstant(cal, from, 'PT30S', -1)).toBe(from - 30_000);
  });

  it('an admin correction overrides the dataset', () => {
    const corrected = new WorkCalendar([
      ...datasetDays(),
      { date: '2026-02-14', kind: 'holiday', name: '更正' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(corrected.isWorkingDay('2026-02-14')).toBe(false);
    expect(corrected.addWorkingDays('2026-02-13', 1)).toBe('2026-02-24');
    expect(deadlineAfter(corrected, shanghai('2026-02-10T10:00'), '20WD')).toBe(shanghai('2026-03-18T00:00'));
    expect(corrected.coveredUntil()).toBe('2027-12-31');
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
  });
});

describe('shiftInstant and local time helpers', () => {
  it('keeps the local time of day', () => {
    const at = atLocalTime('2026-02-13', '09:30');
    expect(localDate(at)).toBe('2026-02-13');
    expect(shiftInstant(cal, at, '2WD', 1)).toBe(atLocalTime('2026-02-24', '09:30'));
    expect(shiftInstant(cal, atLocalTime('2026-03-09', '09:30'), '11WD', -1)).toBe(atLocalTime('2026-02-14', '09:30'));
    expect(shiftInstant(cal, at, 'P1M', 1)).toBe(atLocalTime('2026-03-13', '09:30'));
    expect(shiftInstant(cal, at, 'P1D', -1)).toBe(atLocalTime('2026-02-12', '09:30'));
  });

  it('rejects malformed times', () => {
    expect(() => atLocalTime('2026-02-13', '9:30')).toThrow(/HH:mm/);
  });
});

describe('properties', () => {
  const first = DateTime.fromISO('2024-01-01', { zone: 'UTC' });
  const date = fc.integer({ min: 0, max: 4 * 366 }).map((i) => first.plus({ days: i }).toISODate()!);
  const workingDate = date.filter((d) => cal.isWorkingDay(d));
  const n = fc.integer({ min: -200, max: 200 });
  const instant = fc.integer({ min: shanghai('2024-01-01T00:00'), max: shanghai('2027-12-31T23:59') });
  const timeOfDay = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
  const hhmm = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

  it('addWorkingDays lands on a working day and agrees with stepping day by day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0), (d, k) => {
        const result = cal.addWorkingDays(d, k);
        expect(cal.isWorkingDay(result)).toBe(true);
        let step = DateTime.fromISO(d, { zone: 'UTC' });
        for (let left = Math.abs(k); left > 0; ) {
          step = step.plus({ days: Math.sign(k) });
          if (cal.isWorkingDay(step.toISODate()!)) left--;
        }
        expect(result).toBe(step.toISODate());
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(fc.property(date, n, (d, k) => cal.workingDaysBetween(d, cal.addWorkingDays(d, k)) === k));
  });

  it('addWorkingDays is strictly monotonic in n', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return cal.addWorkingDays(d, lo) < cal.addWorkingDays(d, hi);
      }),
    );
  });

  it('shiftInstant +n then −n returns to the same working day and local time', () => {
    fc.assert(
      fc.property(workingDate, timeOfDay, fc.integer({ min: 0, max: 200 }), (d, t, k) => {
        const at = atLocalTime(d, hhmm(t));
        const there = shiftInstant(cal, at, `${k}WD`, 1);
        const local = DateTime.fromMillis(there, { zone: ZONE });
        expect([local.hour, local.minute]).toEqual(t);
        expect(cal.isWorkingDay(localDate(there))).toBe(true);
        expect(shiftInstant(cal, there, `${k}WD`, -1)).toBe(at);
      }),
    );
  });

  it('deadlineAfter is never early and date spans end at local midnight', () => {
    const span = fc.oneof(
      fc.integer({ min: 0, max: 200 }).map((k) => `${k}WD`),
      fc.integer({ min: 0, max: 400 }).map((k) => `P${k}D`),
      fc.integer({ min: 0, max: 12 }).map((k) => `P${k}M`),
      fc.integer({ min: 0, max: 100_000 }).map((k) => `PT${k}S`),
    );
    fc.assert(
      fc.property(instant, span, fc.boolean(), (from, s, roll) => {
        const deadline = deadlineAfter(cal, from, s, { rollToWorkingDay: roll });
        expect(deadline).toBeGreaterThanOrEqual(from);
        const parsed = parseSpan(s);
        if (parsed.unit === 'wd' || parsed.hasDateParts) {
          const local = DateTime.fromMillis(deadline, { zone: ZONE });
          expect(local.toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
          // "0WD" means "by the end of today", even when today is a day off.
          if (roll && s !== '0WD') expect(cal.isWorkingDay(local.minus({ days: 1 }).toISODate()!)).toBe(true);
        }
      }),
    );
  });
});

describe('performance', () => {
  it('handles tens of thousands of lookups quickly', () => {
    const fresh = new WorkCalendar(datasetDays());
    const start = performance.now();
    let sink = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = fresh.addWorkingDays('2026-01-15', (i % 400) - 200);
      sink += fresh.workingDaysBetween('2026-01-15', d);
    }
    expect(sink).toBe(20_000 / 400 * -200);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
