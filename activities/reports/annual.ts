// 办理情况报告: the annual handling report to the standing committee for one session (domain.md §4):
// counts by source, category and unit type; multi-unit share; A/B/C/D; satisfaction; re-handling;
// key suggestions; commitments. Public by nature, so it names no deputy.
import { categoryName } from '../../api/transfer/directory';
import { STATUS_ZH, type Status } from '../../schema/case';
import type { Db } from '../db';
import type { ReportDocument } from './document';
import { loadSession, pct } from './session';

const SOURCE_ZH: Record<string, string> = { session: '大会期间', inter_session: '闭会期间', delegation: '代表团', motion: '议案转建议' };
const KIND_ZH: Record<string, string> = {
  state_council_ministry: '国务院组成部门', state_council_agency: '国务院直属机构和办事机构', state_council_institution: '国务院直属事业单位',
  central_party_organ: '中央党群工作部门', central_soe: '中央企业', provincial_government: '省级人民政府', court_procuratorate: '最高人民法院、最高人民检察院',
  mass_organization: '人民团体', npc_organ: '全国人大机关', other: '其他单位',
};
const RATING_ZH: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unevaluated: '未评价' };
const NOT_HANDLED = ['withdrawn', 'rejected', 'converted', 'submitted', 'cosigning', 'revising'];

const tally = <T>(xs: T[], key: (x: T) => string | null | undefined) => {
  const m = new Map<string, number>();
  for (const x of xs) { const k = key(x) ?? '-'; m.set(k, (m.get(k) ?? 0) + 1); }
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => ({ key: k, count: n }));
};

export async function annualReport(db: Db, congressId: string, sessionId: string, now = Date.now()) {
  const f = await loadSession(db, congressId, sessionId);
  if (!f) return undefined;
  const handled = f.suggestions.filter((s) => !NOT_HANDLED.includes(s.status));
  const units = new Map(f.units.map((u) => [u.id, u]));
  const asg = new Map<string, typeof f.assignments>();
  for (const a of f.assignments) asg.set(a.suggestionId, [...(asg.get(a.suggestionId) ?? []), a]);
  const assigned = f.suggestions.filter((s) => asg.has(s.id));
  const multi = assigned.filter((s) => asg.get(s.id)!.length > 1).length;
  // An item counts once under each kind of unit that handles it.
  const byKind = new Map<string, number>();
  for (const s of assigned) for (const k of new Set(asg.get(s.id)!.map((a) => units.get(a.unitId)?.kind ?? '-'))) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  const replied = f.suggestions.filter((s) => s.resultClass);
  const rated = f.suggestions.filter((s) => s.satisfaction);
  const withCommitments = f.replies.filter((r) => r.commitments && r.commitments.trim());
  const committeeName = new Map(f.committees.map((c) => [c.id, c.name]));
  const keyBy = tally(f.keys, (k) => k.committeeId).map((x) => ({ ...x, name: committeeName.get(x.key) ?? x.key }));
  return {
    session: { id: f.session.id, name: f.session.name, kind: f.session.kind }, generatedAt: new Date(now).toISOString(),
    total: f.suggestions.length,
    byStatus: tally(f.suggestions, (s) => s.status).map((x) => ({ ...x, name: STATUS_ZH[x.key as Status] ?? x.key })),
    bySource: tally(f.suggestions, (s) => s.source).map((x) => ({ ...x, name: SOURCE_ZH[x.key] ?? x.key })),
    byCategory: tally(f.suggestions, (s) => s.categoryCode).map((x) => ({ ...x, name: x.key === '-' ? '未分类' : categoryName(x.key) ?? x.key })),
    byUnitKind: [...byKind].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, count]) => ({ key, count, name: KIND_ZH[key] ?? (key === '-' ? '其他' : key) })),
    handled: handled.length,
    assigned: assigned.length, multiUnit: multi, multiUnitShare: pct(multi, assigned.length),
    resultClasses: ['A', 'B', 'C', 'D'].map((c) => ({ key: c, count: replied.filter((s) => s.resultClass === c).length, share: pct(replied.filter((s) => s.resultClass === c).length, replied.length) })),
    satisfaction: ['satisfied', 'basically_satisfied', 'unsatisfied', 'unevaluated'].map((k) => ({ key: k, name: RATING_ZH[k], count: rated.filter((s) => s.satisfaction === k).length })),
    satisfactionRate: pct(rated.filter((s) => s.satisfaction === 'satisfied' || s.satisfaction === 'basically_satisfied').length,
      rated.filter((s) => s.satisfaction !== 'unevaluated').length),
    rehandled: f.suggestions.filter((s) => s.rehandlingCount > 0).length,
    key: { count: f.suggestions.filter((s) => s.isKey).length, byCommittee: keyBy },
    commitments: { replies: withCommitments.length, suggestions: new Set(withCommitments.map((r) => r.suggestionId)).size,
      byClass: ['B', 'C'].map((c) => ({ key: c, count: withCommitments.filter((r) => r.resultClass === c).length })) },
  };
}

type Annual = NonNullable<Awaited<ReturnType<typeof annualReport>>>;

export function annualDocument(r: Annual): ReportDocument {
  const list = (sheet: string, title: string, head: string, rows: { name?: string; key: string; count: number }[], total: number) =>
    ({ sheet, title, headers: [head, '件数', '占比%'], rows: rows.map((x) => [x.name ?? x.key, x.count, pct(x.count, total)]) });
  return {
    title: `关于${r.session.name}代表建议办理情况的报告`,
    subtitle: `统计生成于 ${r.generatedAt.slice(0, 10)}`,
    lines: [
      `本次共收到代表建议 ${r.total} 件，已交办 ${r.assigned} 件，其中由多个单位承办的 ${r.multiUnit} 件（占 ${r.multiUnitShare ?? '—'}%）。`,
      `已答复的建议中，A类（所提问题已解决或基本解决）${r.resultClasses[0].count} 件，B类 ${r.resultClasses[1].count} 件，C类 ${r.resultClasses[2].count} 件，D类 ${r.resultClasses[3].count} 件；代表满意率 ${r.satisfactionRate ?? '—'}%。`,
      `重新办理 ${r.rehandled} 件；重点督办建议 ${r.key.count} 件；答复中作出承诺事项的 ${r.commitments.suggestions} 件，将逐项跟踪落实。`,
    ],
    sections: [
      list('按来源', '一、按提出时间和方式', '来源', r.bySource, r.total),
      list('按类别', '二、按建议类别', '类别', r.byCategory, r.total),
      list('按单位类型', '三、按承办单位类型（一件建议可计入多类）', '单位类型', r.byUnitKind, r.assigned),
      { sheet: '答复分类', title: '四、答复分类', headers: ['类别', '件数', '占已答复%'], rows: r.resultClasses.map((c) => [c.key, c.count, c.share]) },
      list('代表评价', '五、代表评价（办理结果）', '评价', r.satisfaction, r.satisfaction.reduce((n, x) => n + x.count, 0)),
      { sheet: '重点督办', title: '六、重点督办建议', headers: ['督办委员会', '件数'], rows: r.key.byCommittee.map((c) => [c.name, c.count]) },
      { sheet: '办理状态', title: '七、办理状态', headers: ['状态', '件数'], rows: r.byStatus.map((s) => [s.name, s.count]) },
      { sheet: '承诺事项', title: '八、承诺事项', headers: ['答复类别', '含承诺的答复'], rows: r.commitments.byClass.map((c) => [c.key, c.count]) },
    ],
  };
}
