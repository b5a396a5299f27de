// The bulletin's figures from a snapshot: pure, so a seeded dataset's known answers can be checked
// without a database, and the rules of "overdue", "at risk" and the colours live in one place.
import { categoryName } from '../../api/transfer/directory';
import type { Snapshot } from './snapshot';
import type {
  Change, Colour, Deadline, Figures, GroupRow, Item, ItemUnit, OverdueRow, RankRow, Satisfaction, UnitRow,
} from './types';

const DAY = 86_400_000;
/** A deadline this close (calendar days) that is not yet met turns an item yellow. */
export const AT_RISK_DAYS = 10;

export const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);
const mean = (xs: number[]) => (xs.length ? Math.round((10 * xs.reduce((x, y) => x + y, 0)) / xs.length) / 10 : null);
const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.round(10 * (x - y)) / 10);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const key = (sid: string, unitId: string | null) => `${sid}\u0000${unitId ?? ''}`;

function group<T>(rows: T[], by: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = by(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const RATING_ORDER = ['unsatisfied', 'basically_satisfied', 'satisfied'];
const agreed = (r: string | null) => r === 'satisfied' || r === 'basically_satisfied';

/** One unit's part in one suggestion, as it stood at the snapshot instant. */
interface Part {
  sid: string; unitId: string; role: string; replying: boolean; assignedAt: number;
  acknowledged: boolean; contacted: boolean; replied: boolean; opinionGiven: boolean; firstReplyAt: number | null;
  late: { deadline: Deadline; dueAt: Date | null; level: number }[];
  atRisk: boolean; rating: string | null; extensions: number; extensionsApproved: number;
}

function satisfactionOf(ratings: (string | null)[]): Satisfaction {
  const c = (r: string) => ratings.filter((x) => x === r).length;
  const s = { satisfied: c('satisfied'), basicallySatisfied: c('basically_satisfied'), unsatisfied: c('unsatisfied'), unevaluated: c('unevaluated') };
  return { ...s, rate: pct(s.satisfied + s.basicallySatisfied, s.satisfied + s.basicallySatisfied + s.unsatisfied) };
}

function parts(snap: Snapshot, asOf: number): Part[] {
  const replies = group(snap.replies, (r) => key(r.suggestionId, r.unitId));
  const evals = group(snap.evaluations, (e) => key(e.suggestionId, e.unitId));
  const events = group(snap.events, (e) => key(e.suggestionId, e.unitId));
  const exts = group(snap.extensions, (e) => key(e.suggestionId, e.unitId));
  const opinions = new Set(snap.opinions.map((o) => key(o.suggestionId, o.unitId)));
  const out: Part[] = [];
  for (const a of snap.assignments) {
    const k = key(a.suggestionId, a.unitId);
    const ev = events.get(k) ?? [];
    // A return approved by the snapshot instant takes the unit out; one approved later still counted then.
    if (a.status === 'returned' && ev.some((e) => e.type === 'return_approved')) continue;
    const replying = a.role !== 'co';
    const rs = (replies.get(k) ?? []).map((r) => r.repliedAt.getTime());
    const lastReply = rs.length ? Math.max(...rs) : null;
    const lastOrder = Math.max(0, ...ev.filter((e) => e.type === 'rehandling_ordered').map((e) => e.at.getTime()));
    const replied = replying && lastReply !== null && lastReply > lastOrder;
    const contacted = !!a.firstContactAt && a.firstContactAt.getTime() <= asOf;
    const opinionGiven = !replying && ((!!a.opinionAt && a.opinionAt.getTime() <= asOf) || opinions.has(k));
    const replyDeadline: Deadline = lastOrder ? 'rehandling' : 'reply';
    // Which deadlines are still unmet at the snapshot, with their due instants.
    const unmet: { deadline: Deadline; dueAt: Date | null; prefix: string }[] = [];
    if (replying && !replied) unmet.push({ deadline: replyDeadline, dueAt: a.replyDueAt, prefix: lastOrder ? 'rehandle' : 'reply' });
    if (replying && !replied && !contacted) unmet.push({ deadline: 'firstContact', dueAt: a.firstContactDueAt, prefix: 'contact' });
    if (!replying && !opinionGiven) unmet.push({ deadline: 'coHandlerOpinion', dueAt: a.opinionDueAt, prefix: 'opinion' });
    const escalations = ev.filter((e) => e.type === 'chase' || e.type === 'repeat' || e.type === 'supervise');
    const late = unmet.flatMap((u) => {
      const mine = escalations.filter((e) => e.track?.split(':')[0] === u.prefix);
      const passed = !!u.dueAt && u.dueAt.getTime() < asOf;
      // A chase on record counts even when an extension granted later has moved the due date on.
      if (!passed && !mine.length) return [];
      return [{ deadline: u.deadline, dueAt: u.dueAt, level: mine.some((e) => e.type === 'supervise') ? 2 : mine.length ? 1 : 0 }];
    });
    const latest = (evals.get(k) ?? []).sort((x, y) => x.round - y.round || x.at.getTime() - y.at.getTime()).at(-1);
    const rating = latest ? (latest.unevaluated ? 'unevaluated' : latest.result) : null;
    const soon = unmet.some((u) => u.dueAt && u.dueAt.getTime() >= asOf && u.dueAt.getTime() - asOf <= AT_RISK_DAYS * DAY);
    const x = exts.get(k) ?? [];
    out.push({
      sid: a.suggestionId, unitId: a.unitId, role: a.role, replying, assignedAt: a.assignedAt.getTime(),
      acknowledged: !!a.acknowledgedAt && a.acknowledgedAt.getTime() <= asOf, contacted, replied, opinionGiven,
      firstReplyAt: rs.length ? Math.min(...rs) : null, late, atRisk: !late.length && (soon || (rating === 'unsatisfied' && !replied)),
      rating, extensions: x.length, extensionsApproved: x.filter((e) => e.status === 'approved' && e.decidedAt && e.decidedAt.getTime() <= asOf).length,
    });
  }
  return out;
}

function itemsOf(snap: Snapshot, ps: Part[], asOf: number): (Item & { daysToReply: number | null; extensions: number; atRisk: boolean })[] {
  const bySid = group(ps, (p) => p.sid);
  const cosigners = group(snap.cosigners, (c) => c.suggestionId);
  const items = [];
  const ordered = [...snap.suggestions].sort((x, y) => String(x.number ?? '').localeCompare(String(y.number ?? '')) || x.id.localeCompare(y.id));
  for (const s of ordered) {
    const mine = bySid.get(s.id);
    if (!mine?.length) continue;
    const replying = mine.filter((p) => p.replying);
    const closed = !!s.closedAt && s.closedAt.getTime() <= asOf;
    const replied = replying.length > 0 && replying.every((p) => p.replied);
    const overdue = mine.some((p) => p.late.length);
    const rated = mine.filter((p) => p.replying && p.rating);
    const worst = rated.filter((p) => p.rating !== 'unevaluated').map((p) => p.rating!).sort((x, y) => RATING_ORDER.indexOf(x) - RATING_ORDER.indexOf(y))[0];
    const satisfaction = worst ?? (rated.length ? 'unevaluated' : null);
    const atRisk = !overdue && !closed && (mine.some((p) => p.atRisk) || satisfaction === 'unsatisfied');
    const colour: Colour = closed ? (agreed(satisfaction) ? 'green' : 'blue') : overdue ? 'red' : atRisk ? 'yellow' : 'blue';
    const firstAssigned = Math.min(...mine.map((p) => p.assignedAt));
    const units: ItemUnit[] = mine.map((p) => {
      const first = [...p.late].sort((x, y) => (x.dueAt?.getTime() ?? 0) - (y.dueAt?.getTime() ?? 0))[0];
      return { unitId: p.unitId, role: p.role, acknowledged: p.acknowledged, contacted: p.contacted, replied: p.replied || p.opinionGiven,
        overdue: first?.deadline ?? null, dueAt: iso(first?.dueAt ?? null) };
    });
    items.push({
      id: s.id, number: s.number, title: s.title, delegationId: s.delegationId, categoryCode: s.categoryCode, leadDeputyId: s.leadDeputyId,
      deputyIds: [s.leadDeputyId, ...(cosigners.get(s.id) ?? []).map((c) => c.deputyId)], isKey: s.isKey, committeeId: s.committeeId,
      stage: closed ? 'closed' as const : replied ? 'replied' as const : mine.some((p) => p.acknowledged) ? 'handling' as const : 'assigned' as const,
      satisfaction, colour, units,
      daysToReply: replied ? (Math.max(...replying.map((p) => p.firstReplyAt!)) - firstAssigned) / DAY : null,
      extensions: mine.reduce((n, p) => n + p.extensions, 0), atRisk,
    });
  }
  return items;
}

function groupRow(keyId: string, name: string, items: ReturnType<typeof itemsOf>): GroupRow {
  const count = (f: (i: (typeof items)[number]) => boolean) => items.filter(f).length;
  const colours = { green: count((i) => i.colour === 'green'), blue: count((i) => i.colour === 'blue'), yellow: count((i) => i.colour === 'yellow'), red: count((i) => i.colour === 'red') };
  const replied = count((i) => i.stage === 'replied' || i.stage === 'closed');
  const contacted = count((i) => i.units.some((u) => u.role !== 'co' && u.contacted));
  return {
    key: keyId, name, items: items.length, acknowledged: count((i) => i.units.every((u) => u.acknowledged)), contacted, replied,
    closed: count((i) => i.stage === 'closed'), overdue: colours.red, atRisk: colours.yellow,
    extensions: items.reduce((n, i) => n + i.extensions, 0), avgDaysToReply: mean(items.flatMap((i) => (i.daysToReply === null ? [] : [i.daysToReply]))),
    replyRate: pct(replied, items.length), contactRate: pct(contacted, items.length),
    satisfaction: satisfactionOf(items.map((i) => i.satisfaction)), colours,
    colour: !items.length ? 'none' : colours.red ? 'red' : colours.yellow ? 'yellow' : colours.green === items.length ? 'green' : 'blue',
    change: null,
  };
}

function changeOf(cur: { assigned: number; replied: number; overdue: number; replyRate: number | null; satisfaction: Satisfaction; avgDaysToReply: number | null },
  prev: typeof cur | undefined): Change | null {
  if (!prev) return null;
  return {
    assigned: cur.assigned - prev.assigned, replied: cur.replied - prev.replied, overdue: cur.overdue - prev.overdue,
    replyRate: diff(cur.replyRate, prev.replyRate), satisfactionRate: diff(cur.satisfaction.rate, prev.satisfaction.rate),
    avgDaysToReply: diff(cur.avgDaysToReply, prev.avgDaysToReply),
  };
}
const asUnitLike = (g: GroupRow) => ({ ...g, assigned: g.items });

/** Fewer overdue first, then more replied, more contacted, more satisfied, faster. */
function rankUnits(units: UnitRow[]): void {
  const nullLast = (x: number | null, y: number | null, desc: boolean) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : desc ? y - x : x - y);
  const ranked = units.filter((u) => u.assigned > 0).sort((x, y) => x.overdue - y.overdue || nullLast(x.replyRate, y.replyRate, true)
    || nullLast(x.contactRate, y.contactRate, true) || nullLast(x.satisfaction.rate, y.satisfaction.rate, true)
    || nullLast(x.avgDaysToReply, y.avgDaysToReply, false) || x.code.localeCompare(y.code));
  ranked.forEach((u, i) => { u.rank = i + 1; });
}

export interface BuildInput { snapshot: Snapshot; month: string; previousMonth: string; asOf: Date; previous?: Figures }

export function buildFigures({ snapshot: snap, month, previousMonth, asOf, previous }: BuildInput): { figures: Figures; items: Item[] } {
  const T = asOf.getTime();
  const ps = parts(snap, T);
  const items = itemsOf(snap, ps, T);
  const unitsById = new Map(snap.units.map((u) => [u.id, u]));
  const byUnit = group(ps, (p) => p.unitId);
  const sById = new Map(snap.suggestions.map((s) => [s.id, s]));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const prevUnits = new Map((previous?.units ?? []).map((u) => [u.unitId, u]));

  // Units the directory does not know (a read model filled by other means) still get their row.
  const unitIds = [...new Set([...snap.units.map((u) => u.id), ...byUnit.keys()])];
  const units: UnitRow[] = unitIds.map((unitId) => {
    const u = unitsById.get(unitId);
    const mine = byUnit.get(unitId) ?? [];
    const replying = mine.filter((p) => p.replying);
    const co = mine.filter((p) => !p.replying);
    const replied = replying.filter((p) => p.replied).length;
    const contacted = replying.filter((p) => p.contacted).length;
    const overdue = mine.filter((p) => p.late.length).length;
    const atRisk = mine.filter((p) => p.atRisk).length;
    const satisfaction = satisfactionOf(replying.map((p) => p.rating));
    const green = mine.filter((p) => itemById.get(p.sid)?.colour === 'green').length;
    const row: UnitRow = {
      unitId, code: u?.code ?? unitId, unit: u?.name ?? unitId, kind: u?.kind ?? null,
      assigned: mine.length, toReply: replying.length, acknowledged: mine.filter((p) => p.acknowledged).length, contacted, replied,
      opinionsDue: co.length, opinionsGiven: co.filter((p) => p.opinionGiven).length, overdue,
      supervised: mine.filter((p) => p.late.some((l) => l.level >= 2)).length, atRisk,
      extensionsRequested: mine.reduce((n, p) => n + p.extensions, 0), extensionsApproved: mine.reduce((n, p) => n + p.extensionsApproved, 0),
      avgDaysToReply: mean(replying.filter((p) => p.firstReplyAt !== null).map((p) => (p.firstReplyAt! - p.assignedAt) / DAY)),
      replyRate: pct(replied, replying.length), contactRate: pct(contacted, replying.length), satisfaction,
      colour: !mine.length ? 'none' : overdue ? 'red' : atRisk ? 'yellow' : green === mine.length ? 'green' : 'blue',
      rank: null, change: null,
    };
    row.change = changeOf(row, prevUnits.get(unitId));
    return row;
  });
  units.sort((x, y) => x.code.localeCompare(y.code) || x.unitId.localeCompare(y.unitId));
  rankUnits(units);

  const prevGroups = (rows: GroupRow[] | undefined) => new Map((rows ?? []).map((g) => [g.key, asUnitLike(g)]));
  const withChange = (g: GroupRow, prev: Map<string, ReturnType<typeof asUnitLike>>) => ({ ...g, change: changeOf(asUnitLike(g), prev.get(g.key)) });

  const delegationName = new Map(snap.delegations.map((d) => [d.id, d.name]));
  const prevDelegations = prevGroups(previous?.delegations);
  const delegations = [...group(items, (i) => i.delegationId ?? '-')].map(([k, list]) =>
    withChange(groupRow(k, k === '-' ? '（未列代表团）' : delegationName.get(k) ?? k, list), prevDelegations))
    .sort((x, y) => x.key.localeCompare(y.key));
  const prevCategories = prevGroups(previous?.categories);
  const categories = [...group(items, (i) => i.categoryCode ?? '-')].map(([k, list]) =>
    withChange(groupRow(k, k === '-' ? '（未分类）' : categoryName(k) ?? k, list), prevCategories))
    .sort((x, y) => x.key.localeCompare(y.key));
  const overall = groupRow('all', snap.congress.name, items);
  overall.change = changeOf(asUnitLike(overall), previous ? asUnitLike(previous.overall) : undefined);

  const overdue: OverdueRow[] = ps.flatMap((p) => p.late.map((l) => {
    const s = sById.get(p.sid)!;
    return {
      suggestionId: p.sid, number: s.number, title: s.title, unitId: p.unitId, unit: unitsById.get(p.unitId)?.name ?? p.unitId, role: p.role,
      deadline: l.deadline, dueAt: iso(l.dueAt), daysOverdue: l.dueAt ? Math.max(0, Math.floor((T - l.dueAt.getTime()) / DAY)) : 0, level: l.level, isKey: s.isKey,
    };
  }));
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || y.level - x.level || x.unit.localeCompare(y.unit) || String(x.number).localeCompare(String(y.number)));

  const prevRank = new Map((previous?.ranking ?? []).map((r) => [r.unitId, r.rank]));
  const ranking: RankRow[] = units.filter((u) => u.rank !== null).sort((x, y) => x.rank! - y.rank!).map((u) => ({
    rank: u.rank!, unitId: u.unitId, unit: u.unit, overdue: u.overdue, replyRate: u.replyRate, satisfactionRate: u.satisfaction.rate,
    avgDaysToReply: u.avgDaysToReply, colour: u.colour, rankChange: prevRank.has(u.unitId) ? prevRank.get(u.unitId)! - u.rank! : null,
  }));

  const committeeName = new Map(snap.committees.map((c) => [c.id, c.name]));
  const committees = [...group(items.filter((i) => i.isKey && i.committeeId), (i) => i.committeeId!)].map(([committeeId, list]) => ({
    committeeId, name: committeeName.get(committeeId) ?? committeeId, items: list.length,
    replied: list.filter((i) => i.stage === 'replied' || i.stage === 'closed').length, overdue: list.filter((i) => i.colour === 'red').length,
  })).sort((x, y) => x.committeeId.localeCompare(y.committeeId));

  const stored: Item[] = items.map(({ daysToReply: _d, extensions: _e, atRisk: _a, ...i }) => i);
  return {
    figures: {
      congressId: snap.congress.id, congress: snap.congress.name, month, asOf: asOf.toISOString(), previousMonth, hasPrevious: !!previous,
      overall, units, delegations, categories, overdue, ranking, committees,
    },
    items: stored,
  };
}
