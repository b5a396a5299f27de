// Published replies for the public (答复公开): what was asked, who answered, how, and the answer, with
// no deputy's name or contact details and personal data in the text masked (domain.md §6).
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { invalid, notFound } from '../errors';
import { decodeCursor, encodeCursor, instantText, likeAny, limitSchema } from './input';
import { maskText } from './mask';
import { categoryScheme } from '../transfer/directory';

export const publicListQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  categoryCode: z.string().max(16).optional(),
  congressId: z.string().max(64).optional(),
  cursor: z.string().max(300).optional(),
  limit: limitSchema(100, 20),
}).strict();
export type PublicListQuery = z.infer<typeof publicListQuery>;

const s = t.suggestions;
// A confidential item stays with its named staff even if someone marked it for publication.
const isPublic = and(eq(s.disclosure, 'published'), eq(s.confidential, false))!;
const sortKey = sql`coalesce(${s.repliedAt}, ${s.closedAt}, ${s.updatedAt})`;
const COLUMNS = { id: s.id, congressId: s.congressId, number: s.number, title: s.title, categoryCode: s.categoryCode, resultClass: s.resultClass, leadDeputyId: s.leadDeputyId };
type Row = Pick<typeof s.$inferSelect, keyof typeof COLUMNS>;

export async function listPublished(db: Db, q: PublicListQuery) {
  const conds: (SQL | undefined)[] = [isPublic];
  if (q.congressId) conds.push(eq(s.congressId, q.congressId));
  if (q.categoryCode) conds.push(eq(s.categoryCode, q.categoryCode));
  if (q.q) conds.push(or(ilike(s.title, likeAny(q.q)), ilike(s.number, likeAny(q.q))));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    if (!at || !id || Number.isNaN(Date.parse(at))) throw invalid('cursor', '分页游标无效', 'invalid cursor');
    conds.push(sql`(${sortKey}, ${s.id}) < (${at}::timestamptz, ${id})`);
  }
  const rows = await db.select({ ...COLUMNS, key: instantText(sortKey) }).from(s).where(and(...conds))
    .orderBy(desc(sortKey), desc(s.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = rows.length > q.limit ? page.at(-1) : undefined;
  return { items: await present(db, page), nextCursor: last ? encodeCursor([last.key, last.id]) : null };
}

export async function publishedReply(db: Db, id: string) {
  const rows = await db.select(COLUMNS).from(s).where(and(isPublic, eq(s.id, id)));
  if (!rows.length) throw notFound('公开答复', 'published reply');
  return (await present(db, rows))[0];
}

/** Names to strike from the text: the lead deputies, co-signers and the deputies of merged items. */
async function deputyNames(db: Db, rows: Row[]): Promise<Map<string, string[]>> {
  const ids = rows.map((r) => r.id);
  const [cosigners, merged] = await Promise.all([
    db.select({ sid: t.cosigners.suggestionId, deputyId: t.cosigners.deputyId }).from(t.cosigners).where(inArray(t.cosigners.suggestionId, ids)),
    db.select({ sid: s.mergedInto, deputyId: s.leadDeputyId }).from(s).where(inArray(s.mergedInto, ids)),
  ]);
  const links = [...rows.map((r) => ({ sid: r.id, deputyId: r.leadDeputyId })), ...cosigners, ...merged.map((m) => ({ sid: m.sid!, deputyId: m.deputyId }))];
  const people = await db.select({ id: t.deputies.id, name: t.deputies.name }).from(t.deputies)
    .where(inArray(t.deputies.id, [...new Set(links.map((l) => l.deputyId))]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const out = new Map<string, string[]>();
  for (const l of links) if (nameOf.has(l.deputyId)) out.set(l.sid, [...(out.get(l.sid) ?? []), nameOf.get(l.deputyId)!]);
  return out;
}

async function present(db: Db, rows: Row[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [replies, names] = await Promise.all([
    db.select({ sid: t.replies.suggestionId, unitId: t.replies.unitId, unit: t.handlingUnits.nameZh, round: t.replies.round, resultClass: t.replies.resultClass,
      body: t.replies.body, commitments: t.replies.commitments, faceToFace: t.replies.faceToFace, repliedAt: t.replies.repliedAt })
      .from(t.replies).leftJoin(t.handlingUnits, eq(t.handlingUnits.id, t.replies.unitId))
      .where(inArray(t.replies.suggestionId, ids)).orderBy(asc(t.replies.repliedAt)),
    deputyNames(db, rows),
  ]);
  return rows.map((r) => {
    const mask = (text: string) => maskText(text, names.get(r.id) ?? []);
    // After re-handling, the latest round of each unit is its answer.
    const latest = new Map<string, (typeof replies)[number]>();
    for (const x of replies) if (x.sid === r.id && (latest.get(x.unitId)?.round ?? 0) <= x.round) latest.set(x.unitId, x);
    const answers = [...latest.values()].map((x) => ({
      unitId: x.unitId, unit: x.unit ?? x.unitId, resultClass: x.resultClass, body: mask(x.body), commitments: x.commitments && mask(x.commitments),
      faceToFace: x.faceToFace, repliedAt: x.repliedAt,
    }));
    // Named here because the public has no session to ask the category directory with.
    const category = categoryScheme().find((c) => c.code === r.categoryCode);
    return {
      id: r.id, congressId: r.congressId, number: r.number, title: mask(r.title), categoryCode: r.categoryCode,
      category: category ? { nameZh: category.nameZh, nameEn: category.nameEn } : null, resultClass: r.resultClass,
      repliedAt: answers.at(-1)?.repliedAt ?? null, units: answers.map((a) => a.unit), replies: answers,
    };
  });
}
