// What text the product can keep. PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses a
// lone UTF-16 surrogate: such a string reaching a case would fail its projection on every retry.
import { z } from 'zod';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorable = (s: string) => !UNSTORABLE.test(s);
const UNSTORABLE_MSG = '含有不能保存的字符（如空字符 U+0000） / holds a character that cannot be stored (such as U+0000)';

/** A string of at most `max` characters that can be stored; `min` 1 unless optional text. */
export const storable = (max: number, min = 0) => z.string().trim().min(min).max(max).refine(isStorable, UNSTORABLE_MSG);

/** A calendar date that exists (2026-02-30 does not). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, '日期不存在 / no such date');
