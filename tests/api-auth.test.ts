// Sign-in and its defences over real HTTP: wrong passwords, lockout, rate limit, cookie flags,
// CSRF, sign-out, API tokens, security headers, and how passwords are stored.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { hashPassword, issueApiToken, SESSION_COOKIE } from '../api/auth';
import { apiHarness, PASSWORD, Session, type ApiHarness } from './support/api-harness';

// The limit is read when the app is created; this suite proves the documented default.
delete process.env.HUYING_SIGNIN_PER_MINUTE;

let api: ApiHarness;
beforeAll(async () => { api = await apiHarness('apiauth'); });
afterAll(async () => { await api?.teardown(); });

const db = () => api.h.db.db;
const fresh = () => new Session(api.base);
// The app trusts X-Forwarded-For from loopback (a local reverse proxy), so each test can sign in
// from its own address and the per-address limiter of one test does not spill into the next.
let nextIp = 10;
const fromNewAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextIp++}` });

async function addUser(username: string, over: Partial<typeof t.users.$inferInsert> = {}) {
  await db().insert(t.users).values({ id: `user:${username}`, congressId: 'npc14', username, displayName: username,
    passwordHash: await hashPassword(PASSWORD), role: 'secretariat', ...over });
}

function expectErrorShape(body: any, code?: string) {
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), zh: expect.any(String), en: expect.any(String) }) });
  if (code) expect(body.error.code).toBe(code);
}

async function signIn(s: Session, username: string, password: string, headers: Record<string, string>) {
  const r = await s.post('/api/v1/auth/sign-in', { username, password }, headers);
  if (r.status === 200) s.csrf = r.body.csrfToken;
  return r;
}

const suggestionCount = async () => (await db().select({ id: t.suggestions.id }).from(t.suggestions)).length;

test('a wrong password is a 401 with the error shape, and an unknown user gets the very same answer', async () => {
  const ip = fromNewAddress();
  const wrong = await signIn(fresh(), 'sec', 'not-the-password', ip);
  expect(wrong.status).toBe(401);
  expectErrorShape(wrong.body, 'bad_credentials');
  expect(wrong.body.error.zh).toMatch(/[\u4e00-\u9fa5]/);
  expect(wrong.headers.get('set-cookie')).toBeNull();
  const unknown = await signIn(fresh(), 'nobody-here', 'not-the-password', ip);
  expect(unknown.status).toBe(401);
  expect(unknown.body).toEqual(wrong.body);
  // A failure is not remembered against the account once the right password is given.
  expect((await signIn(fresh(), 'sec', PASSWORD, ip)).status).toBe(200);
  const [sec] = await db().select().from(t.users).where(eq(t.users.username, 'sec'));
  expect(sec.failedLogins).toBe(0);
});

test('five failures lock the account (423 even with the right password), and the audit log holds every failure and the lock', async () => {
  await addUser('lockme');
  const ip = fromNewAddress();
  for (let i = 0; i < 5; i++) {
    const r = await signIn(fresh(), 'lockme', `wrong-${i}`, ip);
    expect(r.status).toBe(401);
  }
  const locked = await signIn(fresh(), 'lockme', PASSWORD, ip);
  expect(locked.status).toBe(423);
  expectErrorShape(locked.body, 'locked');
  expect(locked.headers.get('set-cookie')).toBeNull();
  const [row] = await db().select().from(t.users).where(eq(t.users.username, 'lockme'));
  expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

  const trail = await db().select().from(t.auditLog).where(eq(t.auditLog.target, 'lockme')).orderBy(t.auditLog.at);
  const refusals = trail.filter((e) => e.action === 'auth.sign_in' && e.outcome === 'refused');
  expect(refusals.filter((e) => (e.detail as any)?.reason === 'bad_password')).toHaveLength(5);
  expect(refusals.filter((e) => (e.detail as any)?.reason === 'locked')).toHaveLength(1);
  const lock = trail.filter((e) => e.action === 'auth.lock');
  expect(lock).toHaveLength(1);
  expect(lock[0]).toMatchObject({ userId: 'user:lockme', congressId: 'npc14', outcome: 'ok', ip: ip['x-forwarded-for'] });
  for (const e of trail) expect(JSON.stringify(e)).not.toContain(PASSWORD);
});

test('failures sent all at once still count one by one, so parallel guessing cannot dodge the lock', async () => {
  await addUser('burst');
  const ip = fromNewAddress();
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(fresh(), 'burst', `guess-${i}`, ip)));
  for (const a of answers) expect([401, 423]).toContain(a.status);
  const [row] = await db().select().from(t.users).where(eq(t.users.username, 'burst'));
  expect(row.failedLogins).toBeGreaterThanOrEqual(5);
  expect((await signIn(fresh(), 'burst', PASSWORD, ip)).status).toBe(423);
});

test('sign-in is rate-limited per address: the 21st attempt in a minute is a 429, even with the right password', async () => {
  const ip = fromNewAddress();
  for (let i = 0; i < 20; i++) {
    const r = await signIn(fresh(), `nobody-${i}`, 'x', ip);
    expect(r.status).toBe(401);
  }
  const limited = await signIn(fresh(), 'sec', PASSWORD, ip);
  expect(limited.status).toBe(429);
  expectErrorShape(limited.body, 'rate_limited');
  expect(limited.headers.get('ratelimit-policy')).toMatch(/^20;w=60/);
  // Another address is not affected.
  expect((await signIn(fresh(), 'sec', PASSWORD, fromNewAddress())).status).toBe(200);
});

test('the session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure only over HTTPS', async () => {
  const r = await fresh().post('/api/v1/auth/sign-in', { username: 'dep1', password: PASSWORD }, fromNewAddress());
  expect(r.status).toBe(200);
  const cookie = r.headers.get('set-cookie')!;
  expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
  const flags = cookie.split(';').slice(1).map((f) => f.trim().toLowerCase());
  expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
  expect(flags).not.toContain('secure');
  // Behind the local TLS-terminating proxy the request is HTTPS, and the cookie says so.
  const https = await fresh().post('/api/v1/auth/sign-in', { username: 'dep1', password: PASSWORD }, { ...fromNewAddress(), 'x-forwarded-proto': 'https' });
  expect(https.headers.get('set-cookie')!.split(';').map((f) => f.trim().toLowerCase())).toContain('secure');
  // Only the cookie's hash is stored, so a leaked sessions table signs no one in.
  const sid = cookie.split(';')[0].split('=')[1];
  const rows = await db().select().from(t.sessions).where(eq(t.sessions.id, sid));
  expect(rows).toHaveLength(0);
  expect(await db().select().from(t.sessions).where(eq(t.sessions.id, createHash('sha256').update(sid).digest('hex')))).toHaveLength(1);
});

test('a cookie-authenticated write without or with a wrong X-CSRF-Token is a 403 csrf and changes nothing', async () => {
  const { as } = api;
  const before = await suggestionCount();
  const noToken = new Session(api.base);
  noToken.cookie = as.dep1.cookie;
  const missing = await noToken.post('/api/v1/suggestions', { title: '关于跨站请求的建议', body: '正文' });
  expect(missing.status).toBe(403);
  expectErrorShape(missing.body, 'csrf');
  const wrong = await as.dep1.post('/api/v1/suggestions', { title: '关于跨站请求的建议', body: '正文' }, { 'x-csrf-token': 'forged' });
  expect(wrong.status).toBe(403);
  expectErrorShape(wrong.body, 'csrf');
  // Another user's token does not fit this session either.
  const crossed = await as.dep1.post('/api/v1/suggestions', { title: '关于跨站请求的建议', body: '正文' }, { 'x-csrf-token': as.dep2.csrf! });
  expect(crossed.status).toBe(403);
  expect(await suggestionCount()).toBe(before);

  // A command on an existing case: refused before it reaches the case.
  const created = await as.dep1.post('/api/v1/suggestions', { title: '关于防伪造请求的建议', body: '正文' });
  expect(created.status).toBe(201);
  const id = created.body.id;
  for (const [method, path] of [['POST', '/submit'], ['PUT', '']] as const) {
    const r = await noToken.request(method, `/api/v1/suggestions/${id}${path}`, method === 'PUT' ? { title: '改', body: '改' } : {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf');
  }
  const after = await as.dep1.get(`/api/v1/suggestions/${id}`);
  expect(after.body).toMatchObject({ status: 'draft', version: created.body.version, title: '关于防伪造请求的建议' });
  // Reads need no token.
  expect((await noToken.get(`/api/v1/suggestions/${id}`)).status).toBe(200);
});

test('sign-out ends the session: the old cookie then gets a 401', async () => {
  const s = fresh();
  expect((await signIn(s, 'dep2', PASSWORD, fromNewAddress())).status).toBe(200);
  const oldCookie = s.cookie!;
  expect((await s.get('/api/v1/auth/me')).status).toBe(200);
  const out = await s.post('/api/v1/auth/sign-out', {});
  expect(out.status).toBe(200);
  expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
  const replay = new Session(api.base);
  replay.cookie = oldCookie;
  const me = await replay.get('/api/v1/auth/me');
  expect(me.status).toBe(401);
  expectErrorShape(me.body, 'unauthorized');
  expect((await replay.get('/api/v1/suggestions')).status).toBe(401);
  const trail = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, 'auth.sign_out'), eq(t.auditLog.userId, 'user:dep2')));
  expect(trail.length).toBeGreaterThanOrEqual(1);
});

test('an API token works without CSRF; a revoked or bogus token is a 401', async () => {
  const tokenValue = await issueApiToken(db(), 'user:dep3', 'integration');
  const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });
  const anon = api.anonymous;
  const me = await anon.get('/api/v1/auth/me', bearer(tokenValue));
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ user: { username: 'dep3', role: 'deputy' }, via: 'token', csrfToken: null });
  const created = await anon.post('/api/v1/suggestions', { title: '关于接口令牌的建议', body: '正文' }, bearer(tokenValue));
  expect(created.status).toBe(201);
  expect(created.body.leadDeputyId).toBe('d3');
  expect(created.headers.get('set-cookie')).toBeNull();
  // Only the hash is stored.
  const stored = await db().select().from(t.apiTokens).where(eq(t.apiTokens.userId, 'user:dep3'));
  expect(stored.map((s) => s.id)).toEqual([createHash('sha256').update(tokenValue).digest('hex')]);

  await db().update(t.apiTokens).set({ revokedAt: new Date() }).where(eq(t.apiTokens.userId, 'user:dep3'));
  const before = await suggestionCount();
  const revoked = await anon.post('/api/v1/suggestions', { title: '关于吊销令牌的建议', body: '正文' }, bearer(tokenValue));
  expect(revoked.status).toBe(401);
  expectErrorShape(revoked.body, 'bad_token');
  expect((await anon.get('/api/v1/suggestions', bearer(tokenValue))).status).toBe(401);
  const bogus = await anon.get('/api/v1/suggestions', bearer('hy_not-a-real-token'));
  expect(bogus.status).toBe(401);
  expectErrorShape(bogus.body, 'bad_token');
  expect(await suggestionCount()).toBe(before);
  // A bad token is not rescued by a valid session cookie sent alongside it.
  expect((await api.as.dep1.get('/api/v1/suggestions', bearer('hy_not-a-real-token'))).status).toBe(401);
});

test('helmet\'s security headers are on every answer, and nothing says it is Express', async () => {
  const answers = [
    await api.as.sec.get('/api/v1/suggestions'),
    await api.anonymous.get('/api/v1/suggestions'),
    await api.as.sec.get('/api/v1/no-such-thing'),
    await api.anonymous.post('/api/v1/auth/sign-in', '{"username":', fromNewAddress()),
  ];
  expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 400]);
  for (const a of answers) {
    expect(a.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(a.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(a.headers.get('referrer-policy')).toBe('no-referrer');
    expect(a.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(a.headers.get('x-powered-by')).toBeNull();
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
  }
});

test('passwords are stored as argon2id hashes, never in plain text', async () => {
  const rows = await db().select().from(t.users);
  expect(rows.length).toBeGreaterThanOrEqual(10);
  for (const u of rows) {
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(u.passwordHash).not.toContain(PASSWORD);
  }
  // Each hash has its own salt.
  const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
  expect(a).not.toBe(b);
  // Nothing a user can read back carries the hash.
  const me = await api.as.sec.get('/api/v1/auth/me');
  expect(JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash/);
});

test('/auth/me returns the signed-in user and the CSRF token; without a session it is a 401', async () => {
  const s = fresh();
  const signed = await signIn(s, 'mca', PASSWORD, fromNewAddress());
  expect(signed.status).toBe(200);
  expect(signed.body.user).toMatchObject({ username: 'mca', role: 'unit', unitId: 'MCA', congressId: 'npc14' });
  const me = await s.get('/api/v1/auth/me');
  expect(me.status).toBe(200);
  expect(me.body).toEqual({ user: signed.body.user, csrfToken: signed.body.csrfToken, via: 'session' });
  expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  const anon = await api.anonymous.get('/api/v1/auth/me');
  expect(anon.status).toBe(401);
  expectErrorShape(anon.body, 'unauthorized');
});
