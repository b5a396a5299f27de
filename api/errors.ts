// One error shape for every response: { error: { code, message, zh, en, field?, details? } }.
// Anything a client sent gets a 4xx that names the field and the reason; only our own faults are 5xx.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { CommandRefused } from './case-client';
import { isStorable } from '../schema/text';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly zh: string, readonly en: string, readonly field?: string, readonly details?: unknown) {
    super(`${zh} / ${en}`);
  }
}

export const notFound = (what = '资源', en = 'resource') => new ApiError(404, 'not_found', `${what}不存在`, `${en} not found`);
export const unauthorized = () => new ApiError(401, 'unauthorized', '请先登录', 'sign in first');
export const forbidden = (zh = '无权执行此操作', en = 'you may not do this') => new ApiError(403, 'forbidden', zh, en);
export const invalid = (field: string, zh: string, en: string) => new ApiError(422, 'invalid_input', zh, en, field);
export const unavailable = (zh: string, en: string) => new ApiError(503, 'unavailable', zh, en);

// An unknown key's issue sits on the object (empty path) and lists the key apart: name the key
// itself, or a client that misspelt a parameter is told nothing about which one.
const fieldOf = (i: ZodError['issues'][number]) =>
  [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [])].map(String).join('.');

export function fromZod(err: ZodError): ApiError {
  const first = err.issues[0];
  const field = (first && fieldOf(first)) || undefined;
  const details = err.issues.map((i) => ({ field: fieldOf(i), reason: i.message }));
  return new ApiError(422, 'invalid_input', `输入有误：${field ? `${field} ` : ''}${first?.message ?? ''}`, `invalid input${field ? ` at ${field}` : ''}: ${first?.message ?? ''}`, field, details);
}

export { isStorable };

/** The path of the first string (value or key) the database cannot store, or undefined. */
export function unstorableAt(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return isStorable(value) ? undefined : path.join('.') || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = unstorableAt(value[i], [...path, String(i)]);
      if (at !== undefined) return at;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorable(k)) return [...path, k].join('.');
      const at = unstorableAt(v, [...path, k]);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

export function assertStorable(value: unknown): void {
  const at = unstorableAt(value);
  if (at !== undefined) throw invalid(at, '文本含有不能保存的字符（如空字符 U+0000）', 'the text holds a character that cannot be stored (such as U+0000)');
}

const REFUSAL_STATUS: Record<string, number> = { forbidden: 403, illegal_transition: 409, late: 409, invalid_input: 422, not_found: 404, unavailable: 503 };

function isUnreachable(err: any, depth = 0): boolean {
  if (!err || depth > 4) return false;
  // drizzle wraps the driver's error, and the client wraps gRPC's: look down the cause chain.
  if (isUnreachable(err.cause, depth + 1)) return true;
  const text = `${err?.code ?? ''} ${err?.name ?? ''} ${err?.message ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|CONNECTION_|ServiceError|UNAVAILABLE|DEADLINE_EXCEEDED|Connection terminated|TransportError|connect ECONN/i.test(text);
}

export function toApiError(err: any): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) return fromZod(err);
  if (err instanceof CommandRefused) {
    const r = err.refusal;
    // "Not found" about an id in the body (an extension request, a unit) is bad input, not a missing
    // case: a 404 there would read as "this suggestion does not exist".
    const status = r.code === 'not_found' && r.field ? 422 : REFUSAL_STATUS[r.code] ?? 409;
    return new ApiError(status, r.code, r.zh, r.en, r.field);
  }
  if (err?.type === 'entity.parse.failed') return new ApiError(400, 'malformed_json', '请求体不是有效的 JSON', 'the body is not valid JSON');
  if (err?.type === 'entity.too.large') return new ApiError(413, 'too_large', '请求体过大', 'the body is too large');
  if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') return new ApiError(415, 'unsupported_encoding', '不支持的编码', 'unsupported encoding');
  if (err?.status >= 400 && err?.status < 500) return new ApiError(err.status, 'bad_request', '请求无效', err.message ?? 'bad request');
  if (isUnreachable(err)) return unavailable('服务暂时不可用，请稍后重试', 'a backing service is unreachable; try again shortly');
  return new ApiError(500, 'internal', '服务器内部错误', 'internal error');
}

export const errorHandler = (log: { error: (o: object, msg: string) => void }): ErrorRequestHandler => (err, req, res, _next) => {
  const e = toApiError(err);
  if (e.status >= 500) log.error({ err, path: req.path }, 'request failed');
  // A streamed download that fails half-way can only be cut off, not answered.
  if (res.headersSent) return void res.destroy(err);
  if (e.status === 503) res.setHeader('Retry-After', '5');
  res.status(e.status).json({ error: { code: e.code, message: e.message, zh: e.zh, en: e.en, field: e.field, details: e.details } });
};
