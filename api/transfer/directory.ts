// Who and what an import may name, loaded once per file: the congress's deputies, units and
// categories, each findable by id, code or name, the way people write them in spreadsheets.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq, isNotNull, and } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { referenceDataDir } from '../../scripts/demo/reference';

export interface Category { code: string; nameZh: string; nameEn: string | null }

let scheme: Category[] | undefined;
/**
 * Categories have no table yet (scripts/demo/reference.ts: "cases carry the code"); the scheme is
 * the reference categories.csv. Codes a congress already uses count too, so a deployment without
 * the CSV can still re-import its own data.
 */
export function categoryScheme(): Category[] {
  if (!scheme) {
    try {
      const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(referenceDataDir(), 'categories.csv'), 'utf8'), { columns: true, bom: true, trim: true });
      scheme = rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en || null }));
    } catch {
      scheme = [];
    }
  }
  return scheme;
}

/** The scheme, then any code the congress's suggestions already carry that it lacks (named by its code). */
export async function congressCategories(db: Db, congressId: string): Promise<Category[]> {
  const used = await db.selectDistinct({ code: t.suggestions.categoryCode }).from(t.suggestions)
    .where(and(eq(t.suggestions.congressId, congressId), isNotNull(t.suggestions.categoryCode)));
  const scheme = categoryScheme();
  const extra = used.map((u) => u.code!).filter((code) => !scheme.some((c) => c.code === code)).sort();
  return [...scheme, ...extra.map((code) => ({ code, nameZh: code, nameEn: null }))];
}

export const categoryName = (code: string | null | undefined) => (code ? categoryScheme().find((c) => c.code === code)?.nameZh : undefined);

/** Deputies' names are often padded to align in lists ("王　伟"), so whitespace never counts. */
const nameKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export type Found = { id: string } | { error: 'unknown' | 'ambiguous' };

export class Directory {
  private constructor(
    readonly deputies: Map<string, { id: string; name: string; delegationId: string | null }>,
    private deputiesByName: Map<string, string[]>,
    private unitIndexes: Map<string, string[]>[],
    private categories: Map<string, string>,
  ) {}

  static async load(db: Db, congressId: string): Promise<Directory> {
    const [deps, units, cats] = await Promise.all([
      db.select({ id: t.deputies.id, name: t.deputies.name, delegationId: t.deputies.delegationId }).from(t.deputies).where(eq(t.deputies.congressId, congressId)),
      db.select({ id: t.handlingUnits.id, code: t.handlingUnits.code, nameZh: t.handlingUnits.nameZh, shortZh: t.handlingUnits.shortZh })
        .from(t.handlingUnits).where(eq(t.handlingUnits.congressId, congressId)),
      congressCategories(db, congressId),
    ]);
    const byName = new Map<string, string[]>();
    for (const d of deps) byName.set(nameKey(d.name), [...(byName.get(nameKey(d.name)) ?? []), d.id]);
    // An id wins over a code, a code over a full name, a full name over a short one.
    const unitIndexes = (['id', 'code', 'nameZh', 'shortZh'] as const).map((key) => {
      const index = new Map<string, string[]>();
      for (const u of units) {
        if (!u[key]) continue;
        const k = nameKey(u[key]).toLowerCase();
        index.set(k, [...(index.get(k) ?? []), u.id]);
      }
      return index;
    });
    const categories = new Map<string, string>();
    for (const c of cats) {
      categories.set(c.code.toUpperCase(), c.code);
      categories.set(nameKey(c.nameZh), c.code);
    }
    return new Directory(new Map(deps.map((d) => [d.id, d])), byName, unitIndexes, categories);
  }

  deputy(token: string): Found {
    if (this.deputies.has(token)) return { id: token };
    const ids = this.deputiesByName.get(nameKey(token)) ?? [];
    return ids.length === 1 ? { id: ids[0] } : { error: ids.length ? 'ambiguous' : 'unknown' };
  }

  unit(token: string): Found {
    const k = nameKey(token).toLowerCase();
    const ids = this.unitIndexes.map((index) => index.get(k)).find((hit) => hit?.length) ?? [];
    return ids.length === 1 ? { id: ids[0] } : { error: ids.length ? 'ambiguous' : 'unknown' };
  }

  category(token: string): string | undefined {
    return this.categories.get(token.toUpperCase()) ?? this.categories.get(nameKey(token));
  }
}
