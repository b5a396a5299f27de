// Sign-in and who-is-asking: argon2 passwords, server-side sessions in the database behind an
// HttpOnly cookie, CSRF tokens for cookie-authenticated writes, API tokens for integrations, and a
// lockout after repeated failures.
import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import { apiTokens, sessions, users } from '../schema/tables';
import type { Db } from '../activities/db';
import { ApiError, forbidden, unauthorized } from './errors';
import { audit } from './audit';
import type { Auth, Deps, User } from './context';
import { clientIp } from './context';

export const SESSION_COOKIE = 'huying_sid';
const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export const hashPassword = (password: string) => hash(password);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');
// A fixed hash to verify against when the user does not exist, so timing does not reveal who does.
let decoy: Promise<string> | undefined;

function userOf(row: typeof users.$inferSelect): User {
  return { id: row.id, congressId: row.congressId, username: row.username, displayName: row.displayName, role: row.role as User['role'],
    deputyId: row.deputyId, unitId: row.unitId, committeeId: row.committeeId };
}

export async function signIn(deps: Deps, req: Request, res: Response, username: string, password: string): Promise<{ user: User; csrfToken: string }> {
  const { db } = deps;
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const now = new Date();
  const fail = async (reason: string) => {
    await audit(db, req, { action: 'auth.sign_in', target: username, outcome: 'refused', userId: row?.id ?? null, congressId: row?.congressId ?? null, detail: { reason } });
    return new ApiError(401, 'bad_credentials', '用户名或密码错误', 'wrong username or password');
  };
  if (!row) {
    decoy ??= hash('decoy-password');
    await verify(await decoy, password).catch(() => false);
    throw await fail('unknown_user');
  }
  if (row.disabled) throw await fail('disabled');
  if (row.lockedUntil && row.lockedUntil > now) {
    await audit(db, req, { action: 'auth.sign_in', target: username, outcome: 'refused', userId: row.id, congressId: row.congressId, detail: { reason: 'locked' } });
    throw new ApiError(423, 'locked', `连续登录失败次数过多，账号已锁定至 ${row.lockedUntil.toISOString()}`, 'too many failed sign-ins; the account is locked for a while');
  }
  if (!(await verify(row.passwordHash, password).catch(() => false))) {
    // Counted by the database, not from the row read above: guesses sent in parallel all read the
    // same old count, and a read-modify-write let them through without ever reaching the lock.
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const [counted] = await db.update(users).set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILURES} then ${until.toISOString()}::timestamptz else null end`,
    }).where(eq(users.id, row.id)).returning({ failedLogins: users.failedLogins });
    const error = await fail('bad_password');
    // The lock itself is a security event an auditor looks for, not only the failures before it.
    if (counted && counted.failedLogins >= MAX_FAILURES) {
      await audit(db, req, { action: 'auth.lock', target: username, outcome: 'ok', userId: row.id, congressId: row.congressId,
        detail: { failures: counted.failedLogins, until: until.toISOString() } });
    }
    throw error;
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id));
  const sid = token();
  const csrfToken = token();
  await db.insert(sessions).values({ id: sha256(sid), userId: row.id, csrfToken, ip: clientIp(req), userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) });
  res.cookie(SESSION_COOKIE, sid, { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies || req.secure, path: '/', maxAge: SESSION_HOURS * 3_600_000 });
  const user = userOf(row);
  req.auth = { user, via: 'session' };
  await audit(db, req, { action: 'auth.sign_in', target: username, outcome: 'ok' });
  return { user, csrfToken };
}

export async function signOut(deps: Deps, req: Request, res: Response): Promise<void> {
  if (req.auth?.sessionId) {
    sessionCache.delete(req.auth.sessionId);
    await deps.db.delete(sessions).where(eq(sessions.id, req.auth.sessionId));
  }
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  await audit(deps.db, req, { action: 'auth.sign_out', outcome: 'ok' });
}

/** Issues an API token for an integration; only its hash is stored. */
export async function issueApiToken(db: Db, userId: string, name: string): Promise<string> {
  const t = `hy_${token()}`;
  await db.insert(apiTokens).values({ id: sha256(t), userId, name });
  return t;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Every request would otherwise pay a database round trip for its session. A few seconds of
// caching is the trade: sign-out drops the entry at once; other changes to a session or its user
// (expiry, an admin disabling the account) take effect within SESSION_CACHE_MS.
const SESSION_CACHE_MS = 5_000;
const sessionCache = new Map<string, { auth: Auth; until: number }>();

/** Resolves the caller from a Bearer token or the session cookie; never fails by itself. */
export function authenticate(deps: Deps): RequestHandler {
  return async (req, _res, next) => {
    try {
      const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (bearer) {
        const [row] = await deps.db.select({ u: users, t: apiTokens }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
          .where(and(eq(apiTokens.id, sha256(bearer)), isNull(apiTokens.revokedAt)));
        if (!row || row.u.disabled) return next(new ApiError(401, 'bad_token', '访问令牌无效或已吊销', 'the API token is invalid or revoked'));
        req.auth = { user: userOf(row.u), via: 'token' };
        return next();
      }
      const sid = req.cookies?.[SESSION_COOKIE];
      if (sid) {
        const id = sha256(sid);
        const now = Date.now();
        const hit = sessionCache.get(id);
        if (hit && hit.until > now) {
          req.auth = hit.auth;
          return next();
        }
        const [row] = await deps.db.select({ u: users, s: sessions }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
          .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date(now))));
        if (row && !row.u.disabled) {
          req.auth = { user: userOf(row.u), via: 'session', sessionId: row.s.id, csrfToken: row.s.csrfToken };
          if (sessionCache.size > 10_000) sessionCache.clear();
          sessionCache.set(id, { auth: req.auth, until: Math.min(now + SESSION_CACHE_MS, row.s.expiresAt.getTime()) });
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Cookie-authenticated writes must echo the session's CSRF token; token-authenticated calls need not. */
export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  const a = req.auth;
  if (!a) return next(unauthorized());
  if (a.via === 'session' && WRITES.has(req.method) && req.get('x-csrf-token') !== a.csrfToken) {
    return next(new ApiError(403, 'csrf', '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）', 'missing or wrong CSRF token (X-CSRF-Token header)'));
  }
  next();
}

export const requireRole = (...roles: User['role'][]): RequestHandler => (req, _res, next) =>
  next(req.auth && roles.includes(req.auth.user.role) ? undefined : forbidden());
