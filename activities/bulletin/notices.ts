// The bulletin's notices in the outbox: each unit its own figures and overdue items, the
// secretariat the whole bulletin, each deputy the progress of their items, each supervising
// committee its key items. Ids are `bulletin:<congress>:<month>:<recipient>`, so a retried activity
// or a re-run month never queues a notice twice.
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ApplicationFailure } from '@temporalio/common';
import * as t from '../../schema/tables';
import { bulletins } from '../../schema/tables-bulletins';
import type { Db } from '../db';
import { COLOUR_ZH, DEADLINE_ZH, STAGE_ZH, type Change, type Figures, type Item, type OverdueRow, type UnitRow } from './types';

type OutboxRow = typeof t.outbox.$inferInsert;

export const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
export const asOfZh = (asOf: string, zone: string) => DateTime.fromISO(asOf, { zone }).toFormat('yyyy年M月d日 HH:mm');
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);
const num = (n: string | null) => (n ? `${n}号` : '');
const LEVEL_ZH = ['已逾期', '已催办', '已督办'];
const ROLE_ZH: Record<string, string> = { lead: '主办', co: '协办', separate: '分办' };
const LIST_MAX = 50;

export const htmlPath = (id: string) => `/api/v1/bulletins/${id}/html`;

function changeZh(c: Change | null): string {
  if (!c) return '';
  const signed = (n: number | null, unit = '') => (n === null ? '—' : `${n > 0 ? '+' : ''}${n}${unit}`);
  return `较上月：答复 ${signed(c.replied, ' 件')}，逾期 ${signed(c.overdue, ' 件')}，满意率 ${signed(c.satisfactionRate, ' 个百分点')}。`;
}

export function overdueLines(rows: OverdueRow[], withUnit: boolean): string[] {
  const lines = rows.slice(0, LIST_MAX).map((r, i) =>
    `${i + 1}. ${num(r.number)}《${r.title}》${withUnit ? ` ${r.unit}` : ''} ${DEADLINE_ZH[r.deadline]}期限 ${r.dueAt?.slice(0, 10) ?? '—'}，逾期 ${r.daysOverdue} 天（${LEVEL_ZH[r.level]}）`);
  if (rows.length > LIST_MAX) lines.push(`……另有 ${rows.length - LIST_MAX} 项，详见通报全文。`);
  return lines;
}

export function unitNotice(f: Figures, u: UnitRow, asOf: string): { subject: string; body: string } {
  const mine = f.overdue.filter((r) => r.unitId === u.unitId);
  const lines = [
    `${u.unit}：`,
    `截至 ${asOf}，贵单位承办建议 ${u.assigned} 件（主办或分办 ${u.toReply} 件，协办 ${u.opinionsDue} 件）：已签收 ${u.acknowledged} 件，已联系代表 ${u.contacted} 件，已答复 ${u.replied} 件（答复率 ${rate(u.replyRate)}），协办意见已提出 ${u.opinionsGiven} 件；逾期 ${u.overdue} 件；申请延期 ${u.extensionsRequested} 件（已同意 ${u.extensionsApproved} 件）；平均答复用时 ${u.avgDaysToReply ?? '—'} 天；代表满意率 ${rate(u.satisfaction.rate)}（满意 ${u.satisfaction.satisfied}、基本满意 ${u.satisfaction.basicallySatisfied}、不满意 ${u.satisfaction.unsatisfied}）。`,
    `办理状态：${COLOUR_ZH[u.colour]}${u.rank ? `；综合排名第 ${u.rank} 位（共 ${f.ranking.length} 个单位）` : ''}。${changeZh(u.change)}`,
  ];
  if (mine.length) lines.push('', '逾期未办结事项（请抓紧办理并反馈）：', ...overdueLines(mine, false));
  return { subject: `【月度通报】${monthZh(f.month)}建议办理进度通报（${u.unit}）`, body: lines.join('\n') };
}

export function secretariatNotice(f: Figures, id: string, asOf: string): { subject: string; body: string } {
  const o = f.overall;
  const red = f.units.filter((u) => u.colour === 'red').length;
  const lines = [
    `截至 ${asOf}，已交办建议 ${o.items} 件：已全部签收 ${o.acknowledged} 件，已联系代表 ${o.contacted} 件，已答复 ${o.replied} 件（答复率 ${rate(o.replyRate)}），已办结 ${o.closed} 件；逾期 ${o.overdue} 件，临近期限或存在问题 ${o.atRisk} 件；延期申请 ${o.extensions} 件；平均答复用时 ${o.avgDaysToReply ?? '—'} 天；满意率 ${rate(o.satisfaction.rate)}。${changeZh(o.change)}`,
    `承办单位 ${f.ranking.length} 个，其中红色（有逾期）${red} 个。`,
  ];
  if (f.overdue.length) lines.push('', `逾期清单（${f.overdue.length} 项）：`, ...overdueLines(f.overdue, true));
  lines.push('', `通报全文：${htmlPath(id)}，表格：/api/v1/bulletins/${id}/xlsx`);
  return { subject: `【月度通报】${monthZh(f.month)}建议办理进度通报`, body: lines.join('\n') };
}

function itemLine(i: Item, unitName: (id: string) => string): string {
  const units = i.units.map((u) => `${unitName(u.unitId)}（${ROLE_ZH[u.role] ?? u.role}${u.overdue ? `，${DEADLINE_ZH[u.overdue]}已逾期` : u.replied ? '，已答复' : u.contacted ? '，已联系' : u.acknowledged ? '，已签收' : ''}）`);
  return `${num(i.number)}《${i.title}》：${STAGE_ZH[i.stage]}；承办单位：${units.join('、')}`;
}

export function deputyNotice(f: Figures, items: Item[], asOf: string, unitName: (id: string) => string): { subject: string; body: string } {
  const lines = [`截至 ${asOf}，您领衔或联名的建议办理进度如下：`, ...items.slice(0, LIST_MAX).map((i, n) => `${n + 1}. ${itemLine(i, unitName)}`)];
  if (items.length > LIST_MAX) lines.push(`……另有 ${items.length - LIST_MAX} 件。`);
  lines.push('', '如对办理情况有意见，可通过系统与承办单位沟通或向秘书处反映。');
  return { subject: `【办理进度】${monthZh(f.month)}您的建议办理进度`, body: lines.join('\n') };
}

export function committeeNotice(f: Figures, name: string, items: Item[], asOf: string, unitName: (id: string) => string): { subject: string; body: string } {
  const red = items.filter((i) => i.colour === 'red').length;
  const lines = [`${name}：`, `截至 ${asOf}，贵委员会督办的重点建议 ${items.length} 件，已答复或办结 ${items.filter((i) => i.stage === 'replied' || i.stage === 'closed').length} 件，逾期 ${red} 件：`,
    ...items.slice(0, LIST_MAX).map((i, n) => `${n + 1}. ${itemLine(i, unitName)}`)];
  return { subject: `【重点督办】${monthZh(f.month)}重点建议办理进度（${name}）`, body: lines.join('\n') };
}

export async function queueBulletinNotices(db: Db, id: string): Promise<number> {
  const [b] = await db.select().from(bulletins).where(eq(bulletins.id, id));
  if (!b) throw ApplicationFailure.nonRetryable(`no bulletin ${id}`, 'NotFound');
  const [congress] = await db.select({ timezone: t.congresses.timezone }).from(t.congresses).where(eq(t.congresses.id, b.congressId));
  const f = b.figures as Figures;
  const items = b.items as Item[];
  const asOf = asOfZh(f.asOf, congress?.timezone ?? 'Asia/Shanghai');
  const names = new Map(f.units.map((u) => [u.unitId, u.unit]));
  const unitName = (uid: string) => names.get(uid) ?? uid;
  const base = (recipient: string) => ({ id: `bulletin:${b.congressId}:${b.month}:${recipient}`, congressId: b.congressId, suggestionId: null, kind: 'bulletin' });
  const rows: OutboxRow[] = [];
  rows.push({ ...base('secretariat'), recipientType: 'secretariat', recipientId: b.congressId, ...secretariatNotice(f, id, asOf) });
  for (const u of f.units) {
    if (u.assigned > 0) rows.push({ ...base(`unit:${u.unitId}`), recipientType: 'unit', recipientId: u.unitId, ...unitNotice(f, u, asOf) });
  }
  const byDeputy = new Map<string, Item[]>();
  for (const i of items) for (const d of new Set(i.deputyIds)) byDeputy.set(d, [...(byDeputy.get(d) ?? []), i]);
  for (const [deputyId, mine] of [...byDeputy].sort(([x], [y]) => x.localeCompare(y))) {
    rows.push({ ...base(`deputy:${deputyId}`), recipientType: 'deputy', recipientId: deputyId, ...deputyNotice(f, mine, asOf, unitName) });
  }
  for (const c of f.committees) {
    const mine = items.filter((i) => i.isKey && i.committeeId === c.committeeId);
    rows.push({ ...base(`committee:${c.committeeId}`), recipientType: 'committee', recipientId: c.committeeId, ...committeeNotice(f, c.name, mine, asOf, unitName) });
  }
  let queued = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await db.insert(t.outbox).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: t.outbox.id });
    queued += done.length;
  }
  return queued;
}
