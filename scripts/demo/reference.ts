// Reference rows of the 14th NPC for demos and tests, read from the reference CSVs (see
// reference-data/README.md) and shaped for the drizzle tables, so a seeder inserts them as is.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { committees, congressSessions, congresses, delegations, handlingUnits } from '../../schema/tables';

export type CongressRow = typeof congresses.$inferInsert;
export type SessionRow = typeof congressSessions.$inferInsert;
export type DelegationRow = typeof delegations.$inferInsert;
export type HandlingUnitRow = typeof handlingUnits.$inferInsert;
export type CommitteeRow = typeof committees.$inferInsert;
/** Categories have no table: cases carry the code, reports label it. */
export interface CategoryRow { code: string; nameZh: string; nameEn: string }
export interface SampleTitle { id: string; title: string; categoryCode: string; unitCodes: string[] }

export interface Reference {
  congress: CongressRow;
  sessions: SessionRow[];
  delegations: DelegationRow[];
  handlingUnits: HandlingUnitRow[];
  committees: CommitteeRow[];
  categories: CategoryRow[];
  sampleTitles: SampleTitle[];
}

export const CONGRESS_ID = 'npc14';
export const SESSION_ID = 'npc14-s4';
export const INTER_SESSION_ID = 'npc14-i4';
export const delegationId = (code: string) => `${CONGRESS_ID}:dlg:${code}`;
export const unitId = (code: string) => `${CONGRESS_ID}:unit:${code}`;
export const committeeId = (code: string) => `${CONGRESS_ID}:cmt:${code}`;

/**
 * Additions to handling_units.csv: the CSV lists 191 units while the 2022 national figure is
 * 208, and the real lists hold many more central SOEs than the CSV does. These 17 are real
 * central enterprises that often appear as handling units (energy, defence industry,
 * construction) and are not in the CSV; the codes are ours.
 */
export const ADDED_UNITS: readonly { code: string; nameZh: string; shortZh: string; nameEn: string }[] = [
  { code: 'CHNG', nameZh: '中国华能集团有限公司', shortZh: '中国华能', nameEn: 'China Huaneng Group Co., Ltd.' },
  { code: 'CDT', nameZh: '中国大唐集团有限公司', shortZh: '中国大唐', nameEn: 'China Datang Corporation Ltd.' },
  { code: 'CHD', nameZh: '中国华电集团有限公司', shortZh: '中国华电', nameEn: 'China Huadian Corporation Ltd.' },
  { code: 'SPIC', nameZh: '国家电力投资集团有限公司', shortZh: '国家电投', nameEn: 'State Power Investment Corporation Limited' },
  { code: 'CGN', nameZh: '中国广核集团有限公司', shortZh: '中国广核', nameEn: 'China General Nuclear Power Group' },
  { code: 'NORINCO', nameZh: '中国兵器工业集团有限公司', shortZh: '中国兵器工业', nameEn: 'China North Industries Group Corporation Limited' },
  { code: 'CSSC', nameZh: '中国船舶集团有限公司', shortZh: '中国船舶', nameEn: 'China State Shipbuilding Corporation Limited' },
  { code: 'AVIC', nameZh: '中国航空工业集团有限公司', shortZh: '航空工业', nameEn: 'Aviation Industry Corporation of China, Ltd.' },
  { code: 'CETC', nameZh: '中国电子科技集团有限公司', shortZh: '中国电科', nameEn: 'China Electronics Technology Group Corporation' },
  { code: 'CICT', nameZh: '中国信息通信科技集团有限公司', shortZh: '中国信科', nameEn: 'China Information and Communication Technology Group Co., Ltd.' },
  { code: 'POWERCHINA', nameZh: '中国电力建设集团有限公司', shortZh: '中国电建', nameEn: 'Power Construction Corporation of China' },
  { code: 'CRCC', nameZh: '中国铁道建筑集团有限公司', shortZh: '中国铁建', nameEn: 'China Railway Construction Corporation' },
  { code: 'CMHK', nameZh: '招商局集团有限公司', shortZh: '招商局集团', nameEn: 'China Merchants Group Limited' },
  { code: 'CRH', nameZh: '华润（集团）有限公司', shortZh: '华润集团', nameEn: 'China Resources (Holdings) Co., Ltd.' },
  { code: 'MINMETALS', nameZh: '中国五矿集团有限公司', shortZh: '中国五矿', nameEn: 'China Minmetals Corporation' },
  { code: 'CHINALCO', nameZh: '中国铝业集团有限公司', shortZh: '中国铝业', nameEn: 'Aluminum Corporation of China' },
  { code: 'SINOMACH', nameZh: '中国机械工业集团有限公司', shortZh: '国机集团', nameEn: 'China National Machinery Industry Corporation Ltd.' },
];

/**
 * The reference CSVs travel with the project (a copy of the team's ../shared/data), so a fresh clone
 * on its own, as CI makes it, has them; HUYING_SHARED_DATA points elsewhere, e.g. at a newer edition.
 */
export function referenceDataDir(): string {
  return process.env.HUYING_SHARED_DATA ?? path.resolve(__dirname, 'reference-data');
}

type Csv = Record<string, string>;
function readCsv(dir: string, file: string): Csv[] {
  return parse(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true });
}
const orNull = (s: string | undefined) => (s ? s : null);

export function loadReference(dir: string = referenceDataDir()): Reference {
  const congress: CongressRow = { id: CONGRESS_ID, name: '第十四届全国人民代表大会', level: 'national', timezone: 'Asia/Shanghai' };
  const sessions: SessionRow[] = [
    // The session ends the day before the inter-session period the brief starts on 03-12.
    { id: SESSION_ID, congressId: CONGRESS_ID, name: '第十四届全国人民代表大会第四次会议', kind: 'session', startsOn: '2026-03-05', endsOn: '2026-03-11' },
    { id: INTER_SESSION_ID, congressId: CONGRESS_ID, name: '四次会议闭会期间', kind: 'inter_session', startsOn: '2026-03-12' },
  ];
  const dlgs: DelegationRow[] = readCsv(dir, 'delegations.csv').map((r) => ({
    id: delegationId(r.code), congressId: CONGRESS_ID, code: r.code, nameZh: r.name_zh, nameEn: orNull(r.name_en), kind: orNull(r.kind),
  }));
  const cmts: CommitteeRow[] = readCsv(dir, 'special_committees.csv').map((r) => ({
    id: committeeId(r.code), congressId: CONGRESS_ID, code: r.code, nameZh: r.name_zh, nameEn: orNull(r.name_en),
  }));
  const extra = new Map(readCsv(dir, 'handling_units_extra.csv').map((r) => [r.code, r]));
  const units: HandlingUnitRow[] = readCsv(dir, 'handling_units.csv').map((r) => {
    const x = extra.get(r.code);
    return {
      id: unitId(r.code), congressId: CONGRESS_ID, code: r.code, nameZh: r.name_zh, shortZh: orNull(x?.short_zh),
      nameEn: orNull(r.name_en), kind: orNull(r.kind), parentId: x?.parent_code ? unitId(x.parent_code) : null,
    };
  });
  for (const a of ADDED_UNITS) {
    units.push({ id: unitId(a.code), congressId: CONGRESS_ID, code: a.code, nameZh: a.nameZh, shortZh: a.shortZh, nameEn: a.nameEn, kind: 'central_soe', parentId: null });
  }
  const categories: CategoryRow[] = readCsv(dir, 'categories.csv').map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en }));
  const sampleTitles: SampleTitle[] = readCsv(dir, 'sample_titles.csv').map((r) => ({
    id: r.id, title: r.title, categoryCode: r.category_code, unitCodes: r.handling_unit_codes.split(';').map((c) => c.trim()).filter(Boolean),
  }));
  const ref = { congress, sessions, delegations: dlgs, handlingUnits: units, committees: cmts, categories, sampleTitles };
  check(ref);
  return ref;
}

// A corrected CSV that breaks a link should fail the seed loudly, not leave dangling ids.
function check(ref: Reference): void {
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  const ids = new Set(ref.handlingUnits.map((u) => u.id));
  const problems = [
    ...dup(ref.handlingUnits.map((u) => u.code)).map((c) => `duplicate unit code ${c}`),
    ...dup(ref.handlingUnits.map((u) => u.nameZh)).map((n) => `duplicate unit name ${n}`),
    ...ref.handlingUnits.filter((u) => u.parentId && !ids.has(u.parentId)).map((u) => `unit ${u.code}: unknown parent ${u.parentId}`),
    ...ref.sampleTitles.flatMap((t) => t.unitCodes.filter((c) => !ids.has(unitId(c))).map((c) => `title ${t.id}: unknown unit ${c}`)),
    ...ref.sampleTitles.filter((t) => !ref.categories.some((c) => c.code === t.categoryCode)).map((t) => `title ${t.id}: unknown category`),
  ];
  if (problems.length) throw new Error(`reference data: ${problems.join('; ')}`);
}

let cached: Reference | undefined;
/** Read once per process: the CSVs do not change while a demo is seeded. */
export function reference(): Reference {
  return (cached ??= loadReference());
}
