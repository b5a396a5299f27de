// The API as a user meets it: a real HTTP server on a random port, over a real worker, Temporal
// server and PostgreSQL database, with one signed-in account per role.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as t from '../../schema/tables';
import { nationalProfile } from '../../schema/profile';
import { createApp } from '../../api/app';
import { hashPassword } from '../../api/auth';
import { harness, type Harness } from './harness';

export const PASSWORD = 'Test-pass-2026';
export const UNITS = ['MCA', 'MOF', 'NHC', 'MOE'];
export const DEPUTIES = ['d1', 'd2', 'd3', 'd4'];
export const ACCOUNTS = {
  admin: { role: 'admin' },
  sec: { role: 'secretariat' },
  dep1: { role: 'deputy', deputyId: 'd1' },
  dep2: { role: 'deputy', deputyId: 'd2' },
  dep3: { role: 'deputy', deputyId: 'd3' },
  mca: { role: 'unit', unitId: 'MCA' },
  mof: { role: 'unit', unitId: 'MOF' },
  moe: { role: 'unit', unitId: 'MOE' },
  cmt: { role: 'committee', committeeId: 'SAC' },
  cmt2: { role: 'committee', committeeId: 'EAC' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export interface Reply { status: number; body: any; headers: Headers }

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export class Session {
  cookie?: string;
  csrf?: string;
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body: unknown = {}, headers?: Record<string, string>) => this.request('POST', path, body, headers);
  put = (path: string, body: unknown = {}, headers?: Record<string, string>) => this.request('PUT', path, body, headers);

  async signIn(username: string, password = PASSWORD): Promise<Reply> {
    const r = await this.post('/api/v1/auth/sign-in', { username, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}

export interface ApiHarness {
  h: Harness;
  base: string;
  server: Server;
  as: Record<AccountName, Session>;
  anonymous: Session;
  teardown(): Promise<void>;
}

export async function apiHarness(label: string): Promise<ApiHarness> {
  const h = await harness(label);
  const db = h.db.db;
  await db.insert(t.handlingUnits).values(UNITS.map((code) => ({ id: code, congressId: 'npc14', code, nameZh: `${code} 单位` })));
  await db.insert(t.deputies).values(DEPUTIES.map((id, i) => ({ id, congressId: 'npc14', name: `代表${i + 1}`, phone: `1010000000${i}` })));
  await db.insert(t.committees).values([{ id: 'SAC', congressId: 'npc14', code: 'SAC', nameZh: '社会建设委员会' }, { id: 'EAC', congressId: 'npc14', code: 'EAC', nameZh: '民族委员会' }]);
  await db.insert(t.policyProfiles).values({ congressId: 'npc14', version: 1, body: nationalProfile });
  const passwordHash = await hashPassword(PASSWORD);
  await db.insert(t.users).values(Object.entries(ACCOUNTS).map(([username, a]) => ({
    id: `user:${username}`, congressId: 'npc14', username, displayName: username, passwordHash, role: a.role,
    deputyId: 'deputyId' in a ? a.deputyId : null, unitId: 'unitId' in a ? a.unitId : null, committeeId: 'committeeId' in a ? a.committeeId : null,
  })));
  const silent = { info: () => undefined, warn: () => undefined, error: (o: object, m?: string) => console.error(m, o) };
  const server = createApp({ db, cases: h.cases, temporal: h.env.client, log: silent }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const as = {} as Record<AccountName, Session>;
  for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
    as[name] = new Session(base);
    const r = await as[name].signIn(name);
    if (r.status !== 200) throw new Error(`sign-in of ${name} failed: ${JSON.stringify(r.body)}`);
  }
  return {
    h, base, server, as, anonymous: new Session(base),
    async teardown() {
      await new Promise((resolve) => server.close(resolve));
      await h.teardown();
    },
  };
}
