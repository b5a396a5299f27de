// Dates as the congress reads them (Beijing time) and deadlines counted in working days, from the
// same calendar the server plans with (GET /calendar).
import { useEffect, useState } from 'react';
import { get } from './api';

const ZONE = 'Asia/Shanghai';
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** YYYY-MM-DD of an instant in Beijing. */
export const localDate = (at: string | number | Date) => dayFmt.format(new Date(at));
export const fmtDate = (at?: string | number | Date | null) => (at ? localDate(at) : '—');
export const fmtTime = (at?: string | number | Date | null) => (at ? timeFmt.format(new Date(at)).replace(/\//g, '-') : '—');

type Calendar = Map<string, boolean>; // date → working
const years = new Map<number, Promise<Calendar>>();
function loadYear(year: number): Promise<Calendar> {
  if (!years.has(year)) {
    years.set(year, get<{ days: { date: string; working: boolean }[] }>(`/calendar?year=${year}`)
      .then((r) => new Map(r.days.map((d) => [d.date, d.working])))
      .catch(() => { years.delete(year); return new Map(); }));
  }
  return years.get(year)!;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const weekdayWorking = (date: string) => { const d = new Date(`${date}T00:00:00Z`).getUTCDay(); return d !== 0 && d !== 6; };

/**
 * Working days left until a deadline: the working days after today up to and including the due date
 * (a deadline at midnight belongs to the day before). Negative once it has passed: calendar days late.
 */
export function workingDaysLeft(cal: Calendar, dueAt: string, now = new Date()): number {
  const due = new Date(dueAt);
  const today = localDate(now);
  const last = localDate(new Date(due.getTime() - 1));
  if (due.getTime() <= now.getTime()) return -Math.max(1, Math.ceil((now.getTime() - due.getTime()) / 86_400_000));
  let n = 0;
  for (let d = nextDay(today); d <= last; d = nextDay(d)) if (cal.get(d) ?? weekdayWorking(d)) n++;
  return n;
}

/** The calendar for the years the given deadlines fall in (this year at least). */
export function useWorkCalendar(dues: (string | null | undefined)[]): Calendar | undefined {
  const wanted = [...new Set([new Date().getFullYear(), ...dues.filter(Boolean).map((d) => Number(localDate(d!).slice(0, 4)))])].sort().join(',');
  const [cal, setCal] = useState<Calendar>();
  useEffect(() => {
    let live = true;
    Promise.all(wanted.split(',').map((y) => loadYear(Number(y)))).then((maps) => {
      if (live) setCal(new Map(maps.flatMap((m) => [...m])));
    });
    return () => { live = false; };
  }, [wanted]);
  return cal;
}
