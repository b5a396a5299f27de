// 督办报告: a special committee's key suggestions — the decision, leaders, progress, supervision
// notes (督办意见) and the progress reports it asked units for — as of now.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { STATUS_ZH, type Status } from '../../schema/case';
import type { Db } from '../db';
import type { ReportDocument } from './document';

const ROLE_ZH: Record<string, string> = { lead: '主办', co: '协办', separate: '分办' };
const RATING_ZH: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unevaluated: '未评价' };
const PROGRESS_ZH: Record<string, string> = { pending: '待报告', reported: '已报告', cancelled: '已撤销' };
const LEVEL_ZH = ['', '已催办', '已督办'];

export async function committeeReport(db: Db, congressId: string, committeeId: string, now = Date.now()) {
  const [committee] = await db.select().from(t.committees).where(and(eq(t.committees.id, committeeId), eq(t.committees.congressId, congressId)));
  if (!committee) return undefined;
  const s = t.suggestions;
  const k = t.keySupervisions;
  const keyItems = await db.select({
    id: s.id, number: s.number, title: s.title, status: s.status, resultClass: s.resultClass, satisfaction: s.satisfaction, replyDueAt: s.replyDueAt,
    overdueLevel: s.overdueLevel, repliedAt: s.repliedAt, closedAt: s.closedAt, decision: k.decision, supervisingLeader: k.supervisingLeader,
    governmentLeader: k.governmentLeader, markedAt: k.markedAt,
  }).from(k).innerJoin(s, eq(s.id, k.suggestionId)).where(and(eq(k.committeeId, committeeId), eq(s.congressId, congressId))).orderBy(asc(s.number), asc(s.id));
  const ids = keyItems.map((i) => i.id);
  const none = Promise.resolve([]);
  const [assignments, notes, progress, units] = await Promise.all([
    ids.length ? db.select({ suggestionId: t.assignments.suggestionId, unitId: t.assignments.unitId, role: t.assignments.role, status: t.assignments.status })
      .from(t.assignments).where(inArray(t.assignments.suggestionId, ids)) : none,
    ids.length ? db.select().from(t.supervisionNotes).where(inArray(t.supervisionNotes.suggestionId, ids)).orderBy(asc(t.supervisionNotes.at)) : none,
    ids.length ? db.select().from(t.progressRequests).where(inArray(t.progressRequests.suggestionId, ids)).orderBy(asc(t.progressRequests.requestedAt)) : none,
    db.select({ id: t.handlingUnits.id, name: t.handlingUnits.nameZh }).from(t.handlingUnits).where(eq(t.handlingUnits.congressId, congressId)),
  ]) as [{ suggestionId: string; unitId: string; role: string; status: string }[], (typeof t.supervisionNotes.$inferSelect)[], (typeof t.progressRequests.$inferSelect)[], { id: string; name: string }[]];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const items = keyItems.map((i) => ({
    ...i,
    units: assignments.filter((a) => a.suggestionId === i.id && a.status !== 'returned').map((a) => ({ unitId: a.unitId, unit: unitName.get(a.unitId) ?? a.unitId, role: a.role, status: a.status })),
    notes: notes.filter((n) => n.suggestionId === i.id).map((n) => ({ id: n.id, body: n.body, at: n.at, authorId: n.authorId })),
    progressReports: progress.filter((p) => p.suggestionId === i.id).map((p) => ({
      id: p.id, unitId: p.unitId, unit: unitName.get(p.unitId) ?? p.unitId, note: p.note, dueAt: p.dueAt, status: p.status, report: p.report, reportedAt: p.reportedAt,
      overdue: p.status === 'pending' && p.dueAt.getTime() < now,
    })),
  }));
  return {
    committee: { id: committee.id, name: committee.nameZh }, generatedAt: new Date(now).toISOString(),
    summary: {
      items: items.length, replied: items.filter((i) => i.repliedAt).length, closed: items.filter((i) => i.status === 'closed').length,
      overdue: items.filter((i) => i.overdueLevel > 0).length, notes: notes.length, progressRequested: progress.length,
      progressReported: progress.filter((p) => p.status === 'reported').length,
    },
    items,
  };
}

type Committee = NonNullable<Awaited<ReturnType<typeof committeeReport>>>;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function committeeDocument(r: Committee): ReportDocument {
  const m = r.summary;
  return {
    title: `${r.committee.name}重点督办建议督办情况报告`,
    subtitle: `生成于 ${r.generatedAt.slice(0, 10)}`,
    lines: [`本委员会督办重点建议 ${m.items} 件，已答复 ${m.replied} 件，已办结 ${m.closed} 件，逾期 ${m.overdue} 件；提出督办意见 ${m.notes} 条，要求报告进展 ${m.progressRequested} 次，已报告 ${m.progressReported} 次。`],
    sections: [
      { sheet: '重点建议', title: '一、重点督办建议办理进度',
        headers: ['建议编号', '建议标题', '确定依据', '督办领导', '牵头政府领导', '承办单位', '办理状态', '答复期限', '督办情况', '答复类别', '代表评价'],
        rows: r.items.map((i) => [i.number, i.title, i.decision, i.supervisingLeader, i.governmentLeader, i.units.map((u) => `${u.unit}（${ROLE_ZH[u.role] ?? u.role}）`).join('、'),
          STATUS_ZH[i.status as Status] ?? i.status, day(i.replyDueAt), LEVEL_ZH[i.overdueLevel] || null, i.resultClass, i.satisfaction ? RATING_ZH[i.satisfaction] ?? i.satisfaction : null]),
        colours: r.items.map((i) => (i.overdueLevel > 0 ? 'red' : i.status === 'closed' ? 'green' : null)) },
      { sheet: '督办意见', title: '二、督办意见', headers: ['建议编号', '建议标题', '日期', '督办意见'],
        rows: r.items.flatMap((i) => i.notes.map((n) => [i.number, i.title, day(n.at), n.body])) },
      { sheet: '进展报告', title: '三、进展报告', headers: ['建议编号', '承办单位', '要求', '报告期限', '状态', '报告日期', '报告内容'],
        rows: r.items.flatMap((i) => i.progressReports.map((p) => [i.number, p.unit, p.note, day(p.dueAt), p.overdue ? '逾期未报' : PROGRESS_ZH[p.status] ?? p.status, day(p.reportedAt), p.report])),
        colours: r.items.flatMap((i) => i.progressReports.map((p) => (p.overdue ? 'red' : null))) },
    ],
  };
}
