// Query strings, path segments and bodies through zod (422 naming the field), and opaque keyset cursors.
import { sql, type Column, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { fromZod, invalid } from '../errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

/** A calendar date that exists: the regex alone would let 2026-02-30 through. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '日期不存在 / no such date');

export const limitSchema = (max: number, def: number) => z.coerce.number().int().min(1).max(max).default(def);

/** Escapes LIKE wildcards so a search for "50%" matches those characters. */
export const likeAny = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const encodeCursor = (v: (string | null)[]) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function decodeCursor(cursor: string, arity: number): (string | null)[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && v.length === arity && v.every((x) => x === null || typeof x === 'string')) return v;
  } catch { /* fall through */ }
  throw invalid('cursor', '分页游标无效', 'invalid cursor');
}

/** A timestamp as text with Postgres's microseconds: a JS Date would round them and skip or repeat rows at a page edge. */
export const instantText = (expr: SQL | Column) =>
  sql<string>`to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
