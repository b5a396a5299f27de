// Administration: the working-day calendar, the policy profile, the audit trail and API tokens.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { and, desc, eq, isNotNull, isNull, max } from 'drizzle-orm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import * as t from '../../schema/tables';
import { nationalProfile, profileSchema } from '../../schema/profile';
import { CalendarStore } from '../../activities/calendar-store';
import { ApiError, forbidden, invalid, notFound } from '../errors';
import { audit } from '../audit';
import { issueApiToken, requireRole } from '../auth';
import type { Deps } from '../context';
import { isoDate, parse } from '../read/input';
import { calendarYear, dayRow } from '../read/calendar';
import { auditQuerySchema, listAudit } from '../read/audit';

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
const dateParam = z.object({ date: isoDate });
export const setDaySchema = z.object({
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(50).optional(),
  scope: z.enum(['national', 'congress']).default('congress'),
}).strict();
export const publishSchema = profileSchema.extend({ note: z.string().trim().max(500).optional() }).strict();
export const tokenSchema = z.object({ userId: z.string().min(1).max(100), name: z.string().trim().min(1).max(100) }).strict();
const SIGNALS_AT_ONCE = 100;

const isUniqueViolation = (e: any) => (e?.code ?? e?.cause?.code) === '23505';

export function adminRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;
  const calendars = new CalendarStore(db);
  const admin = requireRole('admin');

  /**
   * Every case with an open deadline re-plans it against the corrected calendar. next_due_at is set
   * exactly when a case has an open deadline, so closed, withdrawn and draft cases are left alone.
   * A national row is shared by every congress, so its correction re-plans them all.
   */
  async function replan(congressId: string | null): Promise<number> {
    const s = t.suggestions;
    const ids = (await db.select({ id: s.id }).from(s).where(and(congressId ? eq(s.congressId, congressId) : undefined, isNotNull(s.nextDueAt)))).map((x) => x.id);
    let signalled = 0;
    for (let i = 0; i < ids.length; i += SIGNALS_AT_ONCE) {
      const results = await Promise.allSettled(ids.slice(i, i + SIGNALS_AT_ONCE).map((id) => deps.cases.recalculate([id])));
      for (const res of results) {
        if (res.status === 'fulfilled') signalled++;
        // A case that finished since the read model was written has nothing left to re-plan.
        else if (!(res.reason instanceof WorkflowNotFoundError)) throw res.reason;
      }
    }
    return signalled;
  }

  /** The statutory calendar is shared by every congress of the deployment; only its top congress edits it. */
  async function mayEditNational(congressId: string): Promise<boolean> {
    const [c] = await db.select({ parentId: t.congresses.parentId }).from(t.congresses).where(eq(t.congresses.id, congressId));
    return !!c && c.parentId === null;
  }

  r.get('/calendar', async (req, res) => {
    const q = parse(yearQuery, req.query);
    const year = q.year ?? DateTime.now().setZone('Asia/Shanghai').year;
    res.json(await calendarYear(db, req.auth!.user.congressId, year));
  });

  r.put('/calendar/:date', admin, async (req, res) => {
    const { date } = parse(dateParam, req.params);
    const body = parse(setDaySchema, req.body ?? {});
    const user = req.auth!.user;
    if (body.scope === 'national' && !(await mayEditNational(user.congressId))) {
      throw forbidden('只有最高层级人大的管理员可以修改全国法定节假日', 'only an administrator of the top congress may change the national calendar');
    }
    const owner = body.scope === 'national' ? '*' : user.congressId;
    const before = await dayRow(db, owner, date);
    await calendars.setDay(owner, date, body.kind, body.name);
    await audit(db, req, { action: 'calendar.set', target: date, outcome: 'ok', before, after: { kind: body.kind, name: body.name ?? null, source: 'admin' }, detail: { scope: body.scope } });
    const recalculated = await replan(body.scope === 'national' ? null : user.congressId);
    res.json({ date, kind: body.kind, name: body.name ?? null, scope: body.scope, recalculated });
  });

  r.delete('/calendar/:date', admin, async (req, res) => {
    const { date } = parse(dateParam, req.params);
    const user = req.auth!.user;
    const before = await dayRow(db, user.congressId, date);
    if (!before) throw notFound('本级对该日期的日历更正', 'a correction of this date by your congress');
    await calendars.removeDay(user.congressId, date);
    const national = await dayRow(db, '*', date);
    await audit(db, req, { action: 'calendar.remove', target: date, outcome: 'ok', before, after: national && { ...national, scope: 'national' }, detail: { scope: 'congress' } });
    const recalculated = await replan(user.congressId);
    res.json({ date, kind: national?.kind ?? null, name: national?.name ?? null, scope: national ? 'national' : null, recalculated });
  });

  async function profiles(congressId: string) {
    const p = t.policyProfiles;
    const rows = await db.select().from(p).where(eq(p.congressId, congressId)).orderBy(desc(p.version));
    const [current] = rows;
    return {
      version: current?.version ?? 0,
      profile: current ? profileSchema.parse(current.body) : nationalProfile,
      note: current?.note ?? null, publishedBy: current?.publishedBy ?? null, publishedAt: current?.publishedAt ?? null,
      versions: rows.map((v) => ({ version: v.version, name: (v.body as { name?: string }).name ?? null, note: v.note, publishedBy: v.publishedBy, publishedAt: v.publishedAt })),
    };
  }

  // Anyone signed in may read the rules their deadlines come from.
  r.get('/profile', async (req, res) => {
    res.json(await profiles(req.auth!.user.congressId));
  });

  // A new version applies to cases started from now on. Running cases keep the version they pinned
  // at the start: a unit's deadline must not move under it because the rules changed afterwards.
  r.post('/profile', admin, async (req, res) => {
    const { note, ...profile } = parse(publishSchema, req.body ?? {});
    const user = req.auth!.user;
    const p = t.policyProfiles;
    const before = await profiles(user.congressId);
    const [{ top }] = await db.select({ top: max(p.version) }).from(p).where(eq(p.congressId, user.congressId));
    const version = (top ?? 0) + 1;
    try {
      await db.insert(p).values({ congressId: user.congressId, version, body: profile, note: note ?? null, publishedBy: user.id });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError(409, 'conflict', '另一版本刚刚发布，请刷新后重试', 'another version was just published; reload and retry');
      throw err;
    }
    await audit(db, req, { action: 'profile.publish', target: `v${version}`, outcome: 'ok',
      before: { version: before.version, profile: before.profile }, after: { version, profile }, detail: note ? { note } : undefined });
    res.status(201).json(await profiles(user.congressId));
  });

  r.get('/audit', admin, async (req, res) => {
    res.json(await listAudit(db, req.auth!.user.congressId, parse(auditQuerySchema, req.query)));
  });

  r.get('/tokens', admin, async (req, res) => {
    const k = t.apiTokens;
    const rows = await db.select({ id: k.id, userId: k.userId, username: t.users.username, name: k.name, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt })
      .from(k).innerJoin(t.users, eq(t.users.id, k.userId)).where(eq(t.users.congressId, req.auth!.user.congressId)).orderBy(desc(k.createdAt));
    res.json({ items: rows });
  });

  r.post('/tokens', admin, async (req, res) => {
    // The idempotency store would keep the answer, and so the token, in clear text.
    if (req.get('idempotency-key')) throw invalid('Idempotency-Key', '签发令牌不接受 Idempotency-Key', 'token issuance does not take an Idempotency-Key');
    const body = parse(tokenSchema, req.body ?? {});
    const [owner] = await db.select().from(t.users).where(and(eq(t.users.id, body.userId), eq(t.users.congressId, req.auth!.user.congressId)));
    if (!owner || owner.disabled) throw invalid('userId', '用户不存在或已停用', 'no such active user');
    const token = await issueApiToken(db, owner.id, body.name);
    const id = createHash('sha256').update(token).digest('hex');
    await audit(db, req, { action: 'token.issue', target: owner.id, outcome: 'ok', after: { id, name: body.name } });
    res.status(201).json({ id, userId: owner.id, name: body.name, token });
  });

  r.delete('/tokens/:id', admin, async (req, res) => {
    const id = String(req.params.id);
    const k = t.apiTokens;
    const [row] = await db.select({ id: k.id, userId: k.userId, name: k.name }).from(k).innerJoin(t.users, eq(t.users.id, k.userId))
      .where(and(eq(k.id, id), eq(t.users.congressId, req.auth!.user.congressId), isNull(k.revokedAt)));
    if (!row) throw notFound('令牌', 'token');
    await db.update(k).set({ revokedAt: new Date() }).where(eq(k.id, id));
    await audit(db, req, { action: 'token.revoke', target: row.userId, outcome: 'ok', before: { id, name: row.name } });
    res.json({ id, revoked: true });
  });
  return r;
}
