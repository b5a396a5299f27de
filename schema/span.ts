import { Duration } from 'luxon';
import { z } from 'zod';

/**
 * A policy duration. Working-day counts are kept apart from ISO durations because
 * they can only be resolved against a holiday calendar, never by clock arithmetic.
 */
export type Span = { unit: 'wd'; days: number } | { unit: 'iso'; iso: string; hasDateParts: boolean };

const WORKING_DAYS = /^(\d+)WD$/;
const DATE_UNITS = ['years', 'quarters', 'months', 'weeks', 'days'] as const;

export function parseSpan(text: string): Span {
  if (typeof text !== 'string') throw new Error(`not a valid duration: expected a string, got ${typeof text}`);

  const wd = WORKING_DAYS.exec(text);
  if (wd) {
    const days = Number(wd[1]);
    if (!Number.isSafeInteger(days)) throw new Error(`not a valid duration: "${text}" (working-day count too large)`);
    return { unit: 'wd', days };
  }

  const duration = Duration.fromISO(text);
  // Luxon accepts "P", "PT" and a dangling "T", none of which is a duration in ISO 8601.
  if (!duration.isValid || text.endsWith('T')) {
    throw new Error(`not a valid duration: "${text}" (expected ISO 8601 like "P3M", "PT30S", or working days like "20WD")`);
  }
  const parts = duration.toObject() as Record<string, number>;
  if (Object.keys(parts).length === 0) throw new Error(`not a valid duration: "${text}" (no components)`);
  if (Object.values(parts).some((v) => v < 0) || text.startsWith('-')) {
    throw new Error(`not a valid duration: "${text}" (negative values are not allowed)`);
  }
  const dateParts = DATE_UNITS.filter((u) => u in parts);
  // Calendar arithmetic on fractional months or days has no agreed meaning.
  if (dateParts.some((u) => !Number.isInteger(parts[u]))) {
    throw new Error(`not a valid duration: "${text}" (years, months, weeks and days must be whole numbers)`);
  }
  return { unit: 'iso', iso: text, hasDateParts: dateParts.length > 0 };
}

export const spanSchema = z.string().superRefine((value, ctx) => {
  try {
    parseSpan(value);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^not a valid duration: /, '') : String(err);
    ctx.addIssue({ code: 'custom', message: `不是有效的期限 / not a valid duration: ${detail}` });
  }
});
