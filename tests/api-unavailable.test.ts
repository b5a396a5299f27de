// When the database or Temporal cannot be reached, callers get a 503 in the usual error shape with
// Retry-After, and /readyz says which part is down — never a 500 or a hang.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { Client, Connection } from '@temporalio/client';
import * as tables from '../schema/tables';
import { createApp } from '../api/app';
import { CaseClient } from '../api/case-client';
import { hashPassword, issueApiToken } from '../api/auth';
import type { Db } from '../activities/db';
import { freshDatabase, type TestDatabase } from './support/pg';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let db: TestDatabase;
const servers: Server[] = [];
const listen = async (app: ReturnType<typeof createApp>) => {
  const s = app.listen(0, '127.0.0.1');
  servers.push(s);
  await new Promise((r) => s.once('listening', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  db = await freshDatabase('unavailable');
  await db.db.insert(tables.congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
  await db.db.insert(tables.users).values({ id: 'u1', congressId: 'npc14', username: 'sec', displayName: '秘书处', passwordHash: await hashPassword('x-pass-123'), role: 'secretariat' });
  await db.db.insert(tables.suggestions).values({ id: 's1', congressId: 'npc14', title: '关于某事的建议', body: '正文', source: 'session', leadDeputyId: 'd1',
    status: 'submitted', step: 'Task_Review', profileVersion: 1, createdAt: new Date(), updatedAt: new Date(), version: 1 });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await db?.drop();
});

test('Temporal unreachable: a command is a 503 with Retry-After, reads still work, /readyz names Temporal', async () => {
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s' }) });
  const base = await listen(createApp({ db: db.db, cases: new CaseClient(temporal), temporal, log: silent }));
  const token = await issueApiToken(db.db, 'u1', 'test');
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const cmd = await fetch(`${base}/api/v1/suggestions/s1/review`, { method: 'POST', headers: auth, body: JSON.stringify({ decision: 'accept' }) });
  expect(cmd.status).toBe(503);
  expect(cmd.headers.get('retry-after')).toBeTruthy();
  expect((await cmd.json() as any).error).toMatchObject({ code: 'unavailable' });
  expect((await fetch(`${base}/api/v1/suggestions/s1`, { headers: auth })).status).toBe(200);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ok: false, database: 'ok' });
}, 60_000);

test('database unreachable: a signed-in request is a 503, /healthz stays up and /readyz names the database', async () => {
  const dead = postgres('postgres://postgres@127.0.0.1:1/none', { max: 1, connect_timeout: 1, onnotice: () => undefined });
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const base = await listen(createApp({ db: drizzle(dead, { schema: tables }) as unknown as Db, cases: new CaseClient(temporal), temporal, log: silent }));
  const r = await fetch(`${base}/api/v1/suggestions`, { headers: { authorization: 'Bearer hy_whatever' } });
  expect(r.status).toBe(503);
  expect((await r.json() as any).error).toMatchObject({ code: 'unavailable' });
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sec', password: 'x' }) });
  expect(signIn.status).toBe(503);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect((await ready.json() as any).database).not.toBe('ok');
  await dead.end({ timeout: 1 });
}, 60_000);
