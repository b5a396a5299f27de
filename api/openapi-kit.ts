// What an area of the API needs to describe its own routes in the OpenAPI document
// (api/openapi.ts assembles them; areas list theirs in api/openapi-areas.ts).
import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { z } from 'zod';

export const V1 = '/api/v1';

export interface TagDef { name: string; zh: string; en: string; more?: string }

// ── Response bodies, derived from the read model's tables ──────────────────────────────────────

// Plain strings with a format: z.iso.datetime() would print its whole validation regex into every field.
export const iso = () => z.string().meta({ format: 'date-time' });

function columnSchema(c: Column): z.ZodType {
  switch (c.dataType) {
    case 'json': return z.unknown();
    case 'date': return c.notNull ? iso() : iso().nullable();
    case 'number': return c.notNull ? z.number() : z.number().nullable();
    case 'boolean': return c.notNull ? z.boolean() : z.boolean().nullable();
    default: return c.notNull ? z.string() : z.string().nullable();
  }
}

/** A row as the API sends it: every column, timestamps as ISO 8601 text. */
export function rowSchema<T extends Table>(table: T, pick?: readonly (keyof T['_']['columns'] & string)[], overrides: Record<string, z.ZodType> = {}) {
  const cols = Object.entries(getTableColumns(table)).filter(([k]) => !pick || pick.includes(k));
  return z.object(Object.fromEntries(cols.map(([k, c]) => [k, overrides[k] ?? columnSchema(c as Column)])));
}

/** Answers whose shape belongs to a route that keeps it private: documented as JSON objects. */
export const json = (zh: string, en: string) => z.looseObject({}).meta({ description: `${zh} / ${en}` });
export const page = (zh: string, en: string) => z.looseObject({ items: z.array(z.looseObject({})) }).meta({ description: `${zh} / ${en}` });

export type Method = 'get' | 'post' | 'put' | 'delete';
/** public: no sign-in. signedIn: a session (writes also send X-CSRF-Token) or a bearer token.
 * signedInNoCsrf: the /auth routes, which run before the CSRF check. */
export type Access = 'public' | 'signedIn' | 'signedInNoCsrf';

export interface Endpoint {
  method: Method;
  path: string;
  /** One of TAGS here or of an area's own tags. */
  tag: string;
  id: string;
  zh: string;
  en: string;
  who?: string;
  access?: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  upload?: z.ZodObject;
  ok?: { status?: number; schema?: z.ZodType; zh?: string; en?: string; file?: 'xlsx' | 'csv' | 'html' | 'css' | 'xml' };
  /** Statuses beyond those that follow from access, parameters and body. */
  errors?: number[];
  /** POSTs under sign-in replay on a repeated Idempotency-Key, unless the route refuses one. */
  idempotent?: boolean;
}

export const ROLE_ZH: Record<string, string> = { deputy: '代表', unit: '承办单位', secretariat: '秘书处', committee: '专门委员会', admin: '管理员' };
export const who = (...roles: string[]) => `${roles.map((r) => ROLE_ZH[r]).join('、')} / ${roles.join(', ')}`;

