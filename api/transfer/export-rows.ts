// The rows of a suggestions export: the list endpoint's items for the same filter and scope, in
// the list's order, in Chinese, with names and units added.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DateTime } from 'luxon';
import * as t from '../../schema/tables';
import { STATUS_ZH, type Status } from '../../schema/case';
import type { Db } from '../../activities/db';
import type { User } from '../context';
import { listFilter, type listSuggestions, type ListQuery } from '../read/suggestions';
import { SOURCE_ZH } from './columns';
import { categoryName } from './directory';

type Item = Awaited<ReturnType<typeof listSuggestions>>['items'][number];
export type Cell = string | number;

const RESULT_ZH: Record<string, string> = { A: 'A 已解决或基本解决', B: 'B 正在解决或列入计划解决', C: 'C 因条件限制需以后解决', D: 'D 留作参考' };
const RATING_ZH: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unevaluated: '未评价' };
const MODE_ZH: Record<string, string> = { single: '独办', lead_co: '主办+协办', separate: '分办' };
const OVERDUE_ZH = ['未逾期', '已催办', '已督办'];

interface Names {
  zone: string;
  deputies: Map<string, string>;
  delegations: Map<string, string>;
  committees: Map<string, string>;
  units: Map<string, string>;
  /** suggestion id → unit role → unit names */
  handling: Map<string, Record<string, string[]>>;
}

const local = (zone: string) => (d: Date | null) => (d ? DateTime.fromJSDate(d).setZone(zone).toFormat('yyyy-MM-dd HH:mm') : '');
const of = <T>(m: Record<string, T> | Map<string, T>, k: string | null) =>
  (k === null ? '' : (m instanceof Map ? m.get(k) : m[k]) ?? k);

interface Column { zh: string; cell: (r: Item, n: Names) => Cell }

/** Every list column, by key, so a column added to the list fails to compile here until it is named. */
const LIST: { [K in keyof Item]-?: Column } = {
  id: { zh: '系统编号', cell: (r) => r.id },
  number: { zh: '建议编号', cell: (r) => r.number ?? '' },
  title: { zh: '标题', cell: (r) => r.title },
  categoryCode: { zh: '类别代码', cell: (r) => r.categoryCode ?? '' },
  source: { zh: '来源', cell: (r) => of(SOURCE_ZH, r.source) },
  status: { zh: '状态', cell: (r) => STATUS_ZH[r.status as Status] ?? r.status },
  step: { zh: '当前环节', cell: (r) => r.step },
  leadDeputyId: { zh: '领衔代表编号', cell: (r) => r.leadDeputyId },
  delegationId: { zh: '代表团', cell: (r, n) => of(n.delegations, r.delegationId) },
  assignMode: { zh: '交办方式', cell: (r) => of(MODE_ZH, r.assignMode) },
  isKey: { zh: '重点督办', cell: (r) => (r.isKey ? '是' : '否') },
  committeeId: { zh: '督办专门委员会', cell: (r, n) => of(n.committees, r.committeeId) },
  resultClass: { zh: '答复类别', cell: (r) => of(RESULT_ZH, r.resultClass) },
  attitude: { zh: '办理态度评价', cell: (r) => of(RATING_ZH, r.attitude) },
  satisfaction: { zh: '办理结果评价', cell: (r) => of(RATING_ZH, r.satisfaction) },
  nextDueAt: { zh: '最近期限', cell: (r, n) => local(n.zone)(r.nextDueAt) },
  replyDueAt: { zh: '答复期限', cell: (r, n) => local(n.zone)(r.replyDueAt) },
  overdueLevel: { zh: '逾期状态', cell: (r) => OVERDUE_ZH[r.overdueLevel] ?? String(r.overdueLevel) },
  submittedAt: { zh: '提交时间', cell: (r, n) => local(n.zone)(r.submittedAt) },
  assignedAt: { zh: '交办时间', cell: (r, n) => local(n.zone)(r.assignedAt) },
  repliedAt: { zh: '答复时间', cell: (r, n) => local(n.zone)(r.repliedAt) },
  closedAt: { zh: '办结时间', cell: (r, n) => local(n.zone)(r.closedAt) },
  updatedAt: { zh: '更新时间', cell: (r, n) => local(n.zone)(r.updatedAt) },
  version: { zh: '版本', cell: (r) => r.version },
};

const units = (role: string) => (r: Item, n: Names) => (n.handling.get(r.id)?.[role] ?? []).join('、');
/** Names beside the ids they explain. */
const AFTER: Partial<Record<keyof Item, Column[]>> = {
  categoryCode: [{ zh: '类别', cell: (r) => categoryName(r.categoryCode) ?? '' }],
  leadDeputyId: [{ zh: '领衔代表', cell: (r, n) => of(n.deputies, r.leadDeputyId) }],
  assignMode: [{ zh: '主办单位', cell: units('lead') }, { zh: '协办单位', cell: units('co') }, { zh: '分办单位', cell: units('separate') }],
};

export const EXPORT_COLUMNS: Column[] = (Object.keys(LIST) as (keyof Item)[]).flatMap((k) => [LIST[k], ...(AFTER[k] ?? [])]);
export const EXPORT_HEADERS = EXPORT_COLUMNS.map((c) => c.zh);

/** The list's own order, so an export reads like the screen it came from; ties by id, as there. */
const ORDER: Record<ListQuery['sort'], [PgColumn, 'asc' | 'desc']> = {
  deadline: [t.suggestions.nextDueAt, 'asc'], '-deadline': [t.suggestions.nextDueAt, 'desc'],
  updated: [t.suggestions.updatedAt, 'asc'], '-updated': [t.suggestions.updatedAt, 'desc'], number: [t.suggestions.number, 'asc'],
};

/** The list's columns, by key: the compiler holds this to the list's item type. */
const s = t.suggestions;
const SELECT: { [K in keyof Item]-?: PgColumn } = {
  id: s.id, number: s.number, title: s.title, categoryCode: s.categoryCode, source: s.source, status: s.status, step: s.step,
  leadDeputyId: s.leadDeputyId, delegationId: s.delegationId, assignMode: s.assignMode, isKey: s.isKey, committeeId: s.committeeId,
  resultClass: s.resultClass, attitude: s.attitude, satisfaction: s.satisfaction, nextDueAt: s.nextDueAt, replyDueAt: s.replyDueAt,
  overdueLevel: s.overdueLevel, submittedAt: s.submittedAt, assignedAt: s.assignedAt, repliedAt: s.repliedAt, closedAt: s.closedAt,
  updatedAt: s.updatedAt, version: s.version,
};

/**
 * Every row the list holds for this filter and scope (listFilter, the list's own), as cells.
 * One query for the rows and one each for their units and deputies: 9,203 rows without a body
 * are a few megabytes.
 */
export async function exportRows(db: Db, user: User, q: ListQuery): Promise<Cell[][]> {
  const where = listFilter(user, q);
  const [col, dir] = ORDER[q.sort];
  const inExport = db.select({ id: s.id }).from(s).where(where);
  const [items, assigned, deputies, [congress], delegations, committees, allUnits] = await Promise.all([
    db.select(SELECT).from(s).where(where).orderBy(dir === 'asc' ? sql`${col} asc nulls last` : sql`${col} desc nulls last`, asc(s.id)) as unknown as Promise<Item[]>,
    db.select({ suggestionId: t.assignments.suggestionId, unitId: t.assignments.unitId, role: t.assignments.role })
      // A unit whose return was approved no longer handles the item.
      .from(t.assignments).where(and(inArray(t.assignments.suggestionId, inExport), ne(t.assignments.status, 'returned'))),
    db.select({ id: t.deputies.id, name: t.deputies.name }).from(t.deputies)
      .where(inArray(t.deputies.id, db.select({ id: s.leadDeputyId }).from(s).where(where))),
    db.select({ timezone: t.congresses.timezone }).from(t.congresses).where(eq(t.congresses.id, user.congressId)),
    db.select({ id: t.delegations.id, name: t.delegations.nameZh }).from(t.delegations).where(eq(t.delegations.congressId, user.congressId)),
    db.select({ id: t.committees.id, name: t.committees.nameZh }).from(t.committees).where(eq(t.committees.congressId, user.congressId)),
    db.select({ id: t.handlingUnits.id, name: t.handlingUnits.nameZh }).from(t.handlingUnits).where(eq(t.handlingUnits.congressId, user.congressId)),
  ]);
  const units = new Map(allUnits.map((u) => [u.id, u.name]));
  const handling = new Map<string, Record<string, string[]>>();
  for (const a of assigned) {
    const roles = handling.get(a.suggestionId) ?? {};
    (roles[a.role] ??= []).push(units.get(a.unitId) ?? a.unitId);
    handling.set(a.suggestionId, roles);
  }
  const names: Names = {
    zone: congress?.timezone ?? 'Asia/Shanghai', units, handling,
    deputies: new Map(deputies.map((d) => [d.id, d.name])),
    delegations: new Map(delegations.map((d) => [d.id, d.name])),
    committees: new Map(committees.map((c) => [c.id, c.name])),
  };
  return items.map((item) => EXPORT_COLUMNS.map((c) => c.cell(item, names)));
}
