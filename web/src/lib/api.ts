// The one way the console talks to the server: JSON over /api/v1 with the session cookie, the CSRF
// token on writes, and the server's bilingual error shape turned into an ApiFailure.
export interface ErrorBody { code: string; message?: string; zh: string; en: string; field?: string; details?: { field: string; reason: string }[] }

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.zh);
  }
  get field() { return this.body.field; }
}

let csrfToken: string | null = null;
export const setCsrf = (token: string | null) => { csrfToken = token; };

/** Fired on a 401 so the shell can send the user back to sign in. */
export const SIGNED_OUT = 'huying:signed-out';

const network = (err: unknown) => new ApiFailure(0, { code: 'network', zh: `无法连接服务器：${String(err)}`, en: `cannot reach the server: ${String(err)}` });

export async function request<T = any>(method: string, path: string, body?: unknown, opts: { raw?: boolean; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.raw ? '*/*' : 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (opts.form) payload = opts.form;
  else if (body !== undefined) { headers['content-type'] = 'application/json'; payload = JSON.stringify(body); }
  let res: Response;
  try {
    res = await fetch(path.startsWith('/api') ? path : `/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (err) {
    throw network(err);
  }
  if (res.ok) return (opts.raw ? await res.text() : res.status === 204 ? undefined : await res.json()) as T;
  let error: ErrorBody;
  try {
    error = (await res.json()).error;
  } catch {
    error = { code: `http_${res.status}`, zh: `服务器返回 ${res.status}`, en: `the server answered ${res.status}` };
  }
  if (res.status === 401 && !path.includes('/auth/')) window.dispatchEvent(new Event(SIGNED_OUT));
  throw new ApiFailure(res.status, error);
}

export const get = <T = any>(path: string) => request<T>('GET', path);
export const post = <T = any>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const put = <T = any>(path: string, body: unknown = {}) => request<T>('PUT', path, body);
export const del = <T = any>(path: string) => request<T>('DELETE', path);

/** A query string from an object, repeating arrays and dropping empty values. */
export function qs(params: Record<string, unknown>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) u.append(k, String(x));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}
