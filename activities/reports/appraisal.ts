// 办理工作考核: each unit's yearly indicators for one session (domain.md §4) — on-time reply rate,
// contact rate, satisfaction first-round and final, solved (A) rate, co-handler timeliness, re-handling.
import type { Db } from '../db';
import type { ReportDocument } from './document';
import { agreed, k2, loadSession, pct, type SessionFacts } from './session';

export interface AppraisalRow {
  unitId: string; code: string; unit: string; kind: string | null;
  assigned: number; toReply: number; replied: number; dueOrReplied: number; onTime: number; onTimeRate: number | null;
  contacted: number; contactRate: number | null;
  firstRoundRated: number; firstRoundAgreed: number; firstRoundRate: number | null;
  finalRated: number; finalAgreed: number; finalRate: number | null;
  solved: number; solvedRate: number | null;
  coHandled: number; coDue: number; coOnTime: number; coTimeliness: number | null;
  rehandled: number;
}

export function appraisalRows(f: SessionFacts, now = Date.now()): AppraisalRow[] {
  const replies = new Map<string, typeof f.replies>();
  for (const r of f.replies) replies.set(k2(r.suggestionId, r.unitId), [...(replies.get(k2(r.suggestionId, r.unitId)) ?? []), r]);
  const evals = new Map<string, typeof f.evaluations>();
  for (const e of f.evaluations) evals.set(k2(e.suggestionId, e.unitId), [...(evals.get(k2(e.suggestionId, e.unitId)) ?? []), e]);
  const events = new Map<string, typeof f.events>();
  for (const e of f.events) events.set(k2(e.suggestionId, e.unitId), [...(events.get(k2(e.suggestionId, e.unitId)) ?? []), e]);
  const inSession = new Set(f.suggestions.map((s) => s.id));
  const byUnit = new Map<string, AppraisalRow>();
  const unitsById = new Map(f.units.map((u) => [u.id, u]));
  const row = (unitId: string): AppraisalRow => {
    let r = byUnit.get(unitId);
    if (!r) {
      const u = unitsById.get(unitId);
      r = { unitId, code: u?.code ?? unitId, unit: u?.name ?? unitId, kind: u?.kind ?? null, assigned: 0, toReply: 0, replied: 0, dueOrReplied: 0, onTime: 0, onTimeRate: null,
        contacted: 0, contactRate: null, firstRoundRated: 0, firstRoundAgreed: 0, firstRoundRate: null, finalRated: 0, finalAgreed: 0, finalRate: null,
        solved: 0, solvedRate: null, coHandled: 0, coDue: 0, coOnTime: 0, coTimeliness: null, rehandled: 0 };
      byUnit.set(unitId, r);
    }
    return r;
  };
  for (const a of f.assignments) {
    if (!inSession.has(a.suggestionId)) continue;
    const k = k2(a.suggestionId, a.unitId);
    const r = row(a.unitId);
    const ev = events.get(k) ?? [];
    const chased = (prefix: string) => ev.some((e) => e.type !== 'rehandling_ordered' && e.track?.split(':')[0] === prefix);
    r.assigned++;
    if (a.role === 'co') {
      r.coHandled++;
      const due = a.opinionDueAt && a.opinionDueAt.getTime() < now;
      if (a.opinionAt || due) {
        r.coDue++;
        if (a.opinionAt && !chased('opinion') && (!a.opinionDueAt || a.opinionAt <= a.opinionDueAt)) r.coOnTime++;
      }
      continue;
    }
    r.toReply++;
    if (a.firstContactAt) r.contacted++;
    const rs = (replies.get(k) ?? []).sort((x, y) => x.round - y.round || x.repliedAt.getTime() - y.repliedAt.getTime());
    const ordered = ev.some((e) => e.type === 'rehandling_ordered') || rs.some((x) => x.round > 1);
    if (ordered) r.rehandled++;
    const first = rs.find((x) => x.round === 1);
    // After a re-handling order the row's due date is the new one; then only a chase tells a late first reply.
    const lateFirst = chased('reply') || (!!first && !ordered && !!a.replyDueAt && first.repliedAt > a.replyDueAt);
    if (rs.length) {
      r.replied++;
      if (rs.at(-1)!.resultClass === 'A') r.solved++;
    }
    if (first || (a.replyDueAt && a.replyDueAt.getTime() < now)) {
      r.dueOrReplied++;
      if (first && !lateFirst) r.onTime++;
    }
    const es = (evals.get(k) ?? []).filter((e) => !e.unevaluated).sort((x, y) => x.round - y.round);
    const r1 = es.find((e) => e.round === 1);
    if (r1) { r.firstRoundRated++; if (agreed(r1.result)) r.firstRoundAgreed++; }
    const last = es.at(-1);
    if (last) { r.finalRated++; if (agreed(last.result)) r.finalAgreed++; }
  }
  const rows = [...byUnit.values()];
  for (const r of rows) {
    r.onTimeRate = pct(r.onTime, r.dueOrReplied);
    r.contactRate = pct(r.contacted, r.toReply);
    r.firstRoundRate = pct(r.firstRoundAgreed, r.firstRoundRated);
    r.finalRate = pct(r.finalAgreed, r.finalRated);
    r.solvedRate = pct(r.solved, r.replied);
    r.coTimeliness = pct(r.coOnTime, r.coDue);
  }
  return rows.sort((x, y) => x.code.localeCompare(y.code));
}

export async function appraisalReport(db: Db, congressId: string, sessionId: string, now = Date.now()) {
  const f = await loadSession(db, congressId, sessionId);
  if (!f) return undefined;
  return { session: { id: f.session.id, name: f.session.name, kind: f.session.kind }, generatedAt: new Date(now).toISOString(), units: appraisalRows(f, now) };
}

export function appraisalDocument(r: NonNullable<Awaited<ReturnType<typeof appraisalReport>>>): ReportDocument {
  return {
    title: `${r.session.name}代表建议办理工作考核`,
    subtitle: `按承办单位统计 · 生成于 ${r.generatedAt.slice(0, 10)}`,
    lines: ['按时答复率＝按期首次答复件数÷已到期或已答复件数；联系率＝已联系代表件数÷主办（分办）件数；满意率＝（满意＋基本满意）÷已评价件数；解决率＝A类答复÷已答复件数；协办及时率＝按期提出协办意见÷已到期或已提出件数。'],
    sections: [{
      sheet: '办理工作考核', title: '各承办单位考核指标',
      headers: ['单位', '承办件数', '主办/分办', '已答复', '按时答复', '按时答复率%', '已联系代表', '联系率%', '首轮已评价', '首轮满意率%', '最终已评价', '最终满意率%',
        'A类（解决）', '解决率%', '协办件数', '协办按期', '协办及时率%', '重新办理'],
      rows: r.units.map((u) => [u.unit, u.assigned, u.toReply, u.replied, u.onTime, u.onTimeRate, u.contacted, u.contactRate, u.firstRoundRated, u.firstRoundRate,
        u.finalRated, u.finalRate, u.solved, u.solvedRate, u.coHandled, u.coOnTime, u.coTimeliness, u.rehandled]),
    }],
  };
}
