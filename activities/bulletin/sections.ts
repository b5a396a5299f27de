// A bulletin as titled tables, one per level (overall, units, overdue, ranking, delegations,
// categories, key items, items), so the printable page and the workbook show the same columns.
import type { Cell, ReportDocument, Section } from '../reports/document';
import { asOfZh, monthZh } from './notices';
import { COLOUR_ZH, DEADLINE_ZH, STAGE_ZH, type Change, type Figures, type GroupRow, type Item, type Satisfaction } from './types';

/** What a reader may see of a bulletin: everything for the secretariat, one part for a unit, deputy or committee. */
export interface BulletinView {
  id: string; month: string; asOf: string; generatedAt: string; trigger: string;
  scope: 'all' | 'unit' | 'deputy' | 'committee';
  figures: Omit<Figures, 'overall'> & { overall: GroupRow | null };
  items: Item[];
  /** Names of the units its items mention, also of units whose figures the reader may not see. */
  unitNames: Record<string, string>;
}

const RATING_ZH: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unevaluated: '未评价' };
const ROLE_ZH: Record<string, string> = { lead: '主办', co: '协办', separate: '分办' };
const LEVEL_ZH = ['已逾期', '已催办', '已督办'];
const signed = (n: number | null | undefined) => (n === null || n === undefined ? null : n > 0 ? `+${n}` : String(n));
const satisfied = (s: Satisfaction) => [s.satisfied, s.basicallySatisfied, s.unsatisfied, s.rate];
const changeCells = (c: Change | null) => [signed(c?.replied), signed(c?.overdue), signed(c?.satisfactionRate)];

const GROUP_HEADERS = ['件数', '已签收', '已联系代表', '已答复', '已办结', '逾期', '临近期限', '延期申请', '平均答复天数', '答复率%', '联系率%',
  '满意', '基本满意', '不满意', '满意率%', '状态', '答复较上月', '逾期较上月', '满意率较上月'];
const groupCells = (g: GroupRow): Cell[] => [g.items, g.acknowledged, g.contacted, g.replied, g.closed, g.overdue, g.atRisk, g.extensions, g.avgDaysToReply,
  g.replyRate, g.contactRate, ...satisfied(g.satisfaction), COLOUR_ZH[g.colour], ...changeCells(g.change)];

export function sections(v: BulletinView): Section[] {
  const f = v.figures;
  const out: Section[] = [];
  const unitName = new Map(Object.entries(v.unitNames));
  if (f.overall) out.push({ sheet: '总体', title: '一、总体情况', headers: ['范围', ...GROUP_HEADERS], rows: [[f.overall.name, ...groupCells(f.overall)]], colours: [f.overall.colour] });
  // Units with nothing assigned only lengthen the printed table; the JSON keeps them.
  const units = f.units.filter((u) => u.assigned > 0).sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || x.code.localeCompare(y.code));
  if (units.length) {
    out.push({
      sheet: '承办单位', title: '二、各承办单位办理情况',
      headers: ['单位', '承办件数', '主办/分办', '已签收', '已联系代表', '已答复', '协办意见（已提/应提）', '逾期', '其中督办', '临近期限', '延期申请', '延期同意',
        '平均答复天数', '答复率%', '联系率%', '满意', '基本满意', '不满意', '满意率%', '状态', '排名', '答复较上月', '逾期较上月', '满意率较上月'],
      rows: units.map((u) => [u.unit, u.assigned, u.toReply, u.acknowledged, u.contacted, u.replied, `${u.opinionsGiven}/${u.opinionsDue}`, u.overdue, u.supervised,
        u.atRisk, u.extensionsRequested, u.extensionsApproved, u.avgDaysToReply, u.replyRate, u.contactRate, ...satisfied(u.satisfaction), COLOUR_ZH[u.colour], u.rank,
        ...changeCells(u.change)]),
      colours: units.map((u) => u.colour),
    });
  }
  if (v.scope === 'all' || v.scope === 'unit') {
    out.push({
      sheet: '逾期清单', title: '三、逾期未办结建议（点名通报）', headers: ['序号', '建议编号', '建议标题', '承办单位', '承办方式', '逾期事项', '期限', '逾期天数', '督办情况', '重点督办'],
      rows: f.overdue.map((o, i) => [i + 1, o.number, o.title, o.unit, ROLE_ZH[o.role] ?? o.role, DEADLINE_ZH[o.deadline], o.dueAt?.slice(0, 10) ?? null, o.daysOverdue,
        LEVEL_ZH[o.level], o.isKey ? '是' : '']),
    });
  }
  if (f.ranking.length) {
    out.push({
      sheet: '单位排名', title: '四、承办单位综合排名', headers: ['排名', '单位', '逾期', '答复率%', '满意率%', '平均答复天数', '状态', '名次变化'],
      rows: f.ranking.map((r) => [r.rank, r.unit, r.overdue, r.replyRate, r.satisfactionRate, r.avgDaysToReply, COLOUR_ZH[r.colour], signed(r.rankChange)]),
      colours: f.ranking.map((r) => r.colour),
    });
  }
  if (f.delegations.length) out.push({ sheet: '代表团', title: '五、按代表团', headers: ['代表团', ...GROUP_HEADERS], rows: f.delegations.map((g) => [g.name, ...groupCells(g)]), colours: f.delegations.map((g) => g.colour) });
  if (f.categories.length) out.push({ sheet: '类别', title: '六、按建议类别', headers: ['类别', ...GROUP_HEADERS], rows: f.categories.map((g) => [g.name, ...groupCells(g)]), colours: f.categories.map((g) => g.colour) });
  if (f.committees.length) {
    out.push({ sheet: '重点督办', title: '七、重点督办建议', headers: ['督办委员会', '重点建议', '已答复或办结', '逾期'],
      rows: f.committees.map((c) => [c.name, c.items, c.replied, c.overdue]) });
  }
  if (v.scope !== 'all' && v.items.length) {
    out.push({
      sheet: '建议进度', title: v.scope === 'deputy' ? '您的建议办理进度' : v.scope === 'committee' ? '重点督办建议办理进度' : '本单位承办建议办理进度',
      headers: ['建议编号', '建议标题', '办理阶段', '承办单位', '逾期事项', '评价', '状态'],
      rows: v.items.map((i) => [i.number, i.title, STAGE_ZH[i.stage],
        i.units.map((u) => `${unitName.get(u.unitId) ?? u.unitId}（${ROLE_ZH[u.role] ?? u.role}）`).join('、'),
        i.units.filter((u) => u.overdue).map((u) => `${unitName.get(u.unitId) ?? u.unitId}${DEADLINE_ZH[u.overdue!]}`).join('、') || null,
        i.satisfaction ? RATING_ZH[i.satisfaction] ?? i.satisfaction : null, COLOUR_ZH[i.colour]]),
      colours: v.items.map((i) => i.colour),
    });
  }
  return out;
}

const SCOPE_ZH: Record<BulletinView['scope'], string> = { all: '', unit: '（本单位部分）', deputy: '（本人建议部分）', committee: '（本委员会督办部分）' };

export function bulletinDocument(v: BulletinView, zone = 'Asia/Shanghai'): ReportDocument {
  const o = v.figures.overall;
  const lines = o ? [
    `截至 ${asOfZh(v.asOf, zone)}，已交办建议 ${o.items} 件，已答复 ${o.replied} 件（答复率 ${o.replyRate ?? '—'}%），已办结 ${o.closed} 件，逾期 ${o.overdue} 件，`
      + `代表满意率 ${o.satisfaction.rate ?? '—'}%。状态：绿色为已办结且代表满意，蓝色为正常推进，黄色为临近期限或存在问题，红色为逾期或受阻。`,
  ] : [];
  return {
    title: `${monthZh(v.month)}人大代表建议办理进度通报${SCOPE_ZH[v.scope]}`,
    subtitle: `${v.figures.congress} · 截至 ${asOfZh(v.asOf, zone)} · 生成于 ${asOfZh(v.generatedAt, zone)}`,
    lines,
    sections: sections(v),
  };
}
