// Turns spreadsheet rows into case inputs, or into a report naming every bad row and field.
// Field rules come from schema/commands.ts (the same ones a deputy's own submission meets);
// what this file adds is resolving names to ids and the file-level checks.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { caseStartSchema, draftSchema, SOURCES, type CaseStart } from '../../schema/commands';
import { COLUMN_ZH, SOURCE_ZH, splitList, type ImportField } from './columns';
import type { Directory } from './directory';
import type { SheetRow } from './sheet';

export interface FieldError { field: ImportField; column: string; zh: string; en: string }
export interface RowReport { row: number; number?: string; errors: FieldError[] }
export interface ImportRow { row: number; input: CaseStart }

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Same congress and number, same case: a re-imported file finds its cases instead of starting new ones. */
export function importedCaseId(congressId: string, number: string): string {
  const plain = `${congressId}-no-${number}`;
  return CASE_ID.test(plain) ? plain : `imp-${createHash('sha256').update(`${congressId}\n${number}`).digest('hex').slice(0, 40)}`;
}

// Full-width digits typed through a Chinese IME are the same number.
export const normalizeNumber = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

const rowSchema = z.object({
  number: z.string().transform(normalizeNumber).pipe(z.string().min(1).max(32)),
  title: draftSchema.shape.title,
  body: draftSchema.shape.body,
});

const SOURCE_WORDS: Record<string, (typeof SOURCES)[number]> = {
  ...Object.fromEntries(SOURCES.map((s) => [s, s])),
  ...Object.fromEntries(Object.entries(SOURCE_ZH).map(([s, zh]) => [zh, s as (typeof SOURCES)[number]])),
  大会期间: 'session', 闭会期间: 'inter_session', 全团建议: 'delegation', 议案: 'motion',
};

function reason(issue: z.core.$ZodIssue): { zh: string; en: string } {
  if (issue.code === 'too_small') {
    return Number(issue.minimum) <= 1 ? { zh: '不能为空', en: 'is required' } : { zh: `至少 ${issue.minimum} 项`, en: `at least ${issue.minimum}` };
  }
  if (issue.code === 'too_big') {
    const list = issue.origin === 'array';
    return { zh: `不能超过 ${issue.maximum} ${list ? '项' : '字'}`, en: `at most ${issue.maximum} ${list ? 'entries' : 'characters'}` };
  }
  const [zh, en] = issue.message.split(' / ');
  return { zh, en: en ?? zh };
}

export interface ValidateContext {
  congressId: string;
  sessionId: string;
  defaultSource: (typeof SOURCES)[number];
  dir: Directory;
  /** Numbers already in the congress → the case holding each. */
  taken: Map<string, string>;
}

export function validateRows(rows: SheetRow[], ctx: ValidateContext): { reports: RowReport[]; valid: ImportRow[] } {
  const reports: RowReport[] = [];
  const valid: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const errors: FieldError[] = [];
    const fail = (field: ImportField, zh: string, en: string) => errors.push({ field, column: COLUMN_ZH[field], zh, en });
    const c = r.cells;
    const base = rowSchema.safeParse({ number: c.number ?? '', title: c.title ?? '', body: c.body ?? '' });
    if (!base.success) for (const i of base.error.issues) fail(i.path[0] as ImportField, reason(i).zh, reason(i).en);
    const number = normalizeNumber(c.number) || undefined;
    if (number) {
      const first = firstRowOf.get(number);
      const holder = ctx.taken.get(number);
      if (first) fail('number', `编号与第 ${first} 行重复`, `the same number as row ${first}`);
      else firstRowOf.set(number, r.row);
      // Its own case holds it when the file was imported before; that row is skipped, not refused.
      if (holder && holder !== importedCaseId(ctx.congressId, number)) {
        fail('number', `编号已被另一条建议使用：${number}`, `the number is already used by another suggestion: ${number}`);
      }
    }

    const lead = (c.leadDeputyId ?? '').trim();
    const leadFound = lead ? ctx.dir.deputy(lead) : undefined;
    if (!lead) fail('leadDeputyId', '不能为空', 'is required');
    else if (leadFound && 'error' in leadFound) {
      if (leadFound.error === 'ambiguous') fail('leadDeputyId', `有多位代表名为“${lead}”，请填写代表编号`, `several deputies are named "${lead}"; give the deputy's id`);
      else fail('leadDeputyId', `代表不存在：${lead}`, `no such deputy: ${lead}`);
    }

    const cosignerIds: string[] = [];
    const badCosigners: string[] = [];
    for (const token of splitList(c.cosignerIds)) {
      const found = ctx.dir.deputy(token);
      if ('id' in found) { if (!cosignerIds.includes(found.id)) cosignerIds.push(found.id); } else badCosigners.push(token);
    }
    if (badCosigners.length) {
      fail('cosignerIds', `代表不存在或重名（请填写编号）：${badCosigners.join('、')}`, `no such deputy, or a shared name (give the id): ${badCosigners.join(', ')}`);
    }

    const unitIds: string[] = [];
    const badUnits: string[] = [];
    for (const token of splitList(c.proposedUnitIds)) {
      const found = ctx.dir.unit(token);
      if ('id' in found) { if (!unitIds.includes(found.id)) unitIds.push(found.id); } else badUnits.push(token);
    }
    if (badUnits.length) fail('proposedUnitIds', `承办单位不存在或名称不唯一：${badUnits.join('、')}`, `no such handling unit, or an ambiguous name: ${badUnits.join(', ')}`);

    const categoryText = (c.categoryCode ?? '').trim();
    const categoryCode = categoryText ? ctx.dir.category(categoryText) : undefined;
    if (categoryText && !categoryCode) fail('categoryCode', `类别不存在：${categoryText}`, `no such category: ${categoryText}`);

    const sourceText = (c.source ?? '').trim();
    const source = sourceText ? SOURCE_WORDS[sourceText] ?? SOURCE_WORDS[sourceText.toLowerCase()] : ctx.defaultSource;
    if (!source) fail('source', '来源应为 大会、闭会、代表团 或 议案转建议', 'source must be session, inter_session, delegation or motion');

    if (!errors.length && number && leadFound && 'id' in leadFound) {
      const input = caseStartSchema.safeParse({
        id: importedCaseId(ctx.congressId, number), congressId: ctx.congressId, sessionId: ctx.sessionId, number,
        title: c.title, body: c.body, categoryCode, cosignerIds, proposedUnitIds: unitIds, source,
        leadDeputyId: leadFound.id, delegationId: ctx.dir.deputies.get(leadFound.id)?.delegationId ?? undefined,
      });
      if (input.success) valid.push({ row: r.row, input: input.data });
      else for (const i of input.error.issues) fail(fieldOf(i.path[0]), reason(i).zh, reason(i).en);
    }
    if (errors.length) reports.push({ row: r.row, number, errors });
  }
  return { reports, valid };
}

// The case id is derived from the number, so a bad id is a bad number.
const fieldOf = (key: PropertyKey | undefined): ImportField => (typeof key === 'string' && key in COLUMN_ZH ? key as ImportField : 'number');
