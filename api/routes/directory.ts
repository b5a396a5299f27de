// Reference data every signed-in role needs: handling units, deputies, delegations, committees,
// sessions and the category scheme.
// Small tables (at most a few thousand rows), so one page with a generous limit.
import { Router } from 'express';
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Deps, User } from '../context';
import { likeAny, limitSchema, parse } from '../read/input';
import { maskEmail, maskPhone } from '../read/mask';
import { congressCategories } from '../transfer/directory';

const MAX = 3000;
const query = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, limit: limitSchema(MAX, MAX) }).strict();
export const unitsQuery = query({ q: z.string().trim().min(1).max(100).optional(), kind: z.string().max(32).optional() });
export const deputiesQuery = query({ q: z.string().trim().min(1).max(100).optional(), delegationId: z.string().max(64).optional() });
export const plainQuery = query({});

/** A page that was cut short says so, instead of silently looking complete. */
function page<T>(rows: T[], limit: number) {
  return { items: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Contact details are the secretariat's working data; others see them masked, except their own. */
const seesContacts = (user: User, deputyId: string) =>
  user.role === 'secretariat' || user.role === 'admin' || user.deputyId === deputyId;

export function directoryRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;

  r.get('/units', async (req, res) => {
    const q = parse(unitsQuery, req.query);
    const u = t.handlingUnits;
    const conds: (SQL | undefined)[] = [eq(u.congressId, req.auth!.user.congressId)];
    if (q.kind) conds.push(eq(u.kind, q.kind));
    if (q.q) conds.push(or(ilike(u.nameZh, likeAny(q.q)), ilike(u.shortZh, likeAny(q.q)), ilike(u.nameEn, likeAny(q.q)), ilike(u.code, likeAny(q.q))));
    const rows = await db.select({ id: u.id, code: u.code, nameZh: u.nameZh, shortZh: u.shortZh, nameEn: u.nameEn, kind: u.kind, parentId: u.parentId, email: u.email })
      .from(u).where(and(...conds)).orderBy(asc(u.code), asc(u.id)).limit(q.limit + 1);
    res.json(page(rows, q.limit));
  });

  r.get('/deputies', async (req, res) => {
    const q = parse(deputiesQuery, req.query);
    const user = req.auth!.user;
    const d = t.deputies;
    const conds: (SQL | undefined)[] = [eq(d.congressId, user.congressId)];
    if (q.delegationId) conds.push(eq(d.delegationId, q.delegationId));
    if (q.q) conds.push(ilike(d.name, likeAny(q.q)));
    const rows = await db.select({ id: d.id, name: d.name, delegationId: d.delegationId, delegationName: t.delegations.nameZh, occupation: d.occupation, phone: d.phone, email: d.email })
      .from(d).leftJoin(t.delegations, eq(t.delegations.id, d.delegationId)).where(and(...conds))
      .orderBy(asc(t.delegations.code), asc(d.name), asc(d.id)).limit(q.limit + 1);
    const shown = rows.map((row) => (seesContacts(user, row.id) ? row : { ...row, phone: maskPhone(row.phone), email: maskEmail(row.email) }));
    res.json(page(shown, q.limit));
  });

  r.get('/delegations', async (req, res) => {
    const q = parse(plainQuery, req.query);
    const g = t.delegations;
    const rows = await db.select({ id: g.id, code: g.code, nameZh: g.nameZh, nameEn: g.nameEn, kind: g.kind, deputies: count(t.deputies.id) })
      .from(g).leftJoin(t.deputies, eq(t.deputies.delegationId, g.id)).where(eq(g.congressId, req.auth!.user.congressId))
      .groupBy(g.id).orderBy(asc(g.code)).limit(q.limit + 1);
    res.json(page(rows.map((x) => ({ ...x, deputies: Number(x.deputies) })), q.limit));
  });

  r.get('/committees', async (req, res) => {
    const q = parse(plainQuery, req.query);
    const c = t.committees;
    const rows = await db.select({ id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn })
      .from(c).where(eq(c.congressId, req.auth!.user.congressId)).orderBy(asc(c.code)).limit(q.limit + 1);
    res.json(page(rows, q.limit));
  });

  /** Sessions of the congress, newest first: what reports and imports are asked for. */
  r.get('/sessions', async (req, res) => {
    const q = parse(plainQuery, req.query);
    const s = t.congressSessions;
    const rows = await db.select({ id: s.id, name: s.name, kind: s.kind, startsOn: s.startsOn, endsOn: s.endsOn })
      .from(s).where(eq(s.congressId, req.auth!.user.congressId)).orderBy(desc(s.startsOn), asc(s.id)).limit(q.limit + 1);
    res.json(page(rows, q.limit));
  });

  /** The category scheme, plus any code the congress's suggestions already carry (so nothing in use is unnamed). */
  r.get('/categories', async (req, res) => {
    const q = parse(plainQuery, req.query);
    res.json(page(await congressCategories(db, req.auth!.user.congressId), q.limit));
  });
  return r;
}
