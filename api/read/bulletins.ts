// Stored bulletins as each reader may see them: the secretariat and admins the whole bulletin, a
// unit its own row, overdue items and ranking place, a deputy the items they lead or co-signed, a
// committee its key items. Nobody reads another unit's, deputy's or committee's part.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bulletins } from '../../schema/tables-bulletins';
import { congresses } from '../../schema/tables';
import type { Db } from '../../activities/db';
import type { Figures, Item } from '../../activities/bulletin/types';
import type { BulletinView } from '../../activities/bulletin/sections';
import type { User } from '../context';
import { limitSchema } from './input';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH_RE, '月份格式应为 YYYY-MM / expected YYYY-MM');
export const bulletinListQuery = z.object({ limit: limitSchema(120, 24) }).strict();
export const bulletinIdParam = z.object({ id: z.string().min(9).max(80).regex(/^[\w.-]+-\d{4}-\d{2}$/, '通报编号形如 npc14-2026-04 / ids look like npc14-2026-04') });

export async function listBulletins(db: Db, user: User, q: z.infer<typeof bulletinListQuery>) {
  const items = await db.select({ id: bulletins.id, month: bulletins.month, asOf: bulletins.asOf, trigger: bulletins.trigger, generatedAt: bulletins.generatedAt })
    .from(bulletins).where(eq(bulletins.congressId, user.congressId)).orderBy(desc(bulletins.month)).limit(q.limit);
  return { items: items.map((b) => ({ ...b, html: `/api/v1/bulletins/${b.id}/html`, xlsx: `/api/v1/bulletins/${b.id}/xlsx` })) };
}

export function scopeOf(user: User): BulletinView['scope'] | undefined {
  if (user.role === 'secretariat' || user.role === 'admin') return 'all';
  if (user.role === 'unit' && user.unitId) return 'unit';
  if (user.role === 'deputy' && user.deputyId) return 'deputy';
  if (user.role === 'committee' && user.committeeId) return 'committee';
  return undefined;
}

/** The caller's part of a bulletin, or undefined when there is no such bulletin in the caller's congress. */
export async function bulletinView(db: Db, user: User, id: string): Promise<{ view: BulletinView; zone: string } | undefined> {
  const [b] = await db.select().from(bulletins).where(and(eq(bulletins.id, id), eq(bulletins.congressId, user.congressId)));
  const scope = scopeOf(user);
  if (!b || !scope) return undefined;
  const [c] = await db.select({ timezone: congresses.timezone }).from(congresses).where(eq(congresses.id, b.congressId));
  const f = b.figures as Figures;
  const all = b.items as Item[];
  const unitNames = Object.fromEntries(f.units.map((u) => [u.unitId, u.unit]));
  const meta = { id: b.id, month: b.month, asOf: b.asOf.toISOString(), generatedAt: b.generatedAt.toISOString(), trigger: b.trigger, scope, unitNames };
  const none = { overall: null, units: [], delegations: [], categories: [], overdue: [], ranking: [], committees: [] };
  let view: BulletinView;
  if (scope === 'all') view = { ...meta, figures: f, items: [], unitNames: {} };
  else if (scope === 'unit') {
    const mine = (x: { unitId: string }) => x.unitId === user.unitId;
    view = { ...meta, figures: { ...f, ...none, units: f.units.filter(mine), overdue: f.overdue.filter(mine), ranking: f.ranking.filter(mine) },
      items: all.filter((i) => i.units.some(mine)) };
  } else if (scope === 'deputy') {
    view = { ...meta, figures: { ...f, ...none }, items: all.filter((i) => i.deputyIds.includes(user.deputyId!)) };
  } else {
    view = { ...meta, figures: { ...f, ...none, committees: f.committees.filter((x) => x.committeeId === user.committeeId) },
      items: all.filter((i) => i.isKey && i.committeeId === user.committeeId) };
  }
  return { view, zone: c?.timezone ?? 'Asia/Shanghai' };
}
