// Deterministic demo data: deputies and suggestions with the stage each case should be driven
// to. Pure apart from reading the reference CSVs once; the driver that pushes cases through the
// workflows lives elsewhere and only consumes this output.
import type { AssignMode, Rating, ResultClass } from '../../schema/commands';
import { CHANNELS } from '../../schema/commands';
import type { CaseInput } from '../../schema/case';
import type { deputies } from '../../schema/tables';
import {
  CONGRESS_ID, INTER_SESSION_ID, SESSION_ID, committeeId, delegationId, reference, unitId, type Reference,
} from './reference';

export type DeputyRow = typeof deputies.$inferInsert;
export type Channel = (typeof CHANNELS)[number];

export const DEMO_TARGETS = [
  'draft', 'submitted', 'rejected', 'withdrawn', 'accepted', 'assigned', 'acknowledged', 'contacted', 'replied',
  'evaluated', 'unsatisfied', 'closed',
] as const;
/**
 * The stage a case is driven to. `evaluated`: rated satisfied or basically satisfied;
 * `unsatisfied`: rated unsatisfied and left for the secretariat's review; `closed`: evaluated and
 * closed, some of them after one round of re-handling (see `rehandling`).
 */
export type DemoTarget = (typeof DEMO_TARGETS)[number];

export interface DemoCase {
  input: Omit<CaseInput, 'profile' | 'profileVersion'>;
  target: DemoTarget;
  /** The planned assignment, given for every case so a later stage can reuse it. */
  mode: AssignMode;
  leadUnitId?: string;
  coUnitIds: string[];
  separateUnitIds: string[];
  /** First reply and first evaluation; for a re-handled case the first rating is unsatisfied. */
  resultClass: ResultClass;
  attitude: Rating;
  result: Rating;
  reasons?: string;
  rehandling?: { note: string; resultClass: ResultClass; attitude: Rating; result: Rating };
  key?: { committeeId: string; topic: string; decision: string; supervisingLeader: string; governmentLeader: string };
  contact: { channel: Channel; summary: string };
  opinionBody: string;
  reply: { body: string; signedBy: string; commitments?: string };
  reviewNote?: string;
  withdrawReason?: string;
}

export interface DemoOptions {
  scale: 'demo' | 'national';
  seed?: number;
  /** Anchors creation times: session items fall 12 to 2 days before it, inter-session ones after. */
  now: number;
  /** Defaults to the shared CSVs, read once per process. */
  reference?: Reference;
}
export interface DemoData { deputies: DeputyRow[]; cases: DemoCase[] }

// ---- randomness --------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for fixtures; Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number { return Math.floor(this.next() * n); }
  range(lo: number, hi: number): number { return lo + this.int(hi - lo + 1); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let r = this.next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][0];
  }
  sample<T>(xs: readonly T[], k: number): T[] {
    const a = [...xs];
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + this.int(a.length - i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, n);
  }
  shuffle<T>(xs: readonly T[]): T[] { return this.sample(xs, xs.length); }
}

// ---- scale -------------------------------------------------------------------------------

interface Plan {
  cases: number; deputies: number; minPerDelegation: number; statutorySeats: boolean;
  interSession: number; delegationItems: number; cosignShare: number; sampleShare: number;
  /** Of items with a generated title; sample titles always have their several units. */
  modeShares: { single: number; separate: number };
  /** Every n-th closed item went through one round of re-handling. */
  rehandleEvery: number;
  keyPerTopic: [number, number];
  /** How many key topics to use; all of them when absent. */
  keyTopics?: number;
  targets: (n: number, rng: Rng) => DemoTarget[];
}

// National: a mid-year snapshot of the 2022 figures. 146 inter-session items is the real 2022
// count (domain.md §5), kept inside the 9,203 so the headline number stays exact.
const NATIONAL_TARGETS: [DemoTarget, number][] = [
  ['draft', 4], ['submitted', 6], ['rejected', 4], ['withdrawn', 3], ['accepted', 8], ['assigned', 30],
  ['acknowledged', 70], ['contacted', 200], ['replied', 150], ['evaluated', 250], ['unsatisfied', 15], ['closed', 260],
];
// Demo: every stage present with enough items to click through.
const DEMO_COUNTS: Record<DemoTarget, number> = {
  draft: 6, submitted: 8, rejected: 5, withdrawn: 4, accepted: 8, assigned: 10, acknowledged: 10, contacted: 15,
  replied: 14, evaluated: 14, unsatisfied: 8, closed: 18,
};

const PLANS: Record<DemoOptions['scale'], Plan> = {
  national: {
    cases: 9203, deputies: 2900, minPerDelegation: 1, statutorySeats: true,
    interSession: 146, delegationItems: 30, cosignShare: 0.06, sampleShare: 0.05, rehandleEvery: 8,
    // ~15% of items carry a sample title (drawn, or a generated topic that equals one), all
    // multi-unit; 17.5% single among the rest lands the total near the real 85% multi-unit.
    modeShares: { single: 0.175, separate: 0.07 }, keyPerTopic: [10, 13],
    targets: (n, rng) => Array.from({ length: n }, () => rng.weighted(NATIONAL_TARGETS)),
  },
  demo: {
    cases: 120, deputies: 150, minPerDelegation: 2, statutorySeats: false,
    interSession: 6, delegationItems: 2, cosignShare: 0.1, sampleShare: 0.45, rehandleEvery: 3,
    modeShares: { single: 0.15, separate: 0.15 }, keyPerTopic: [2, 2], keyTopics: 3,
    targets: (_n, rng) => rng.shuffle(DEMO_TARGETS.flatMap((t) => Array<DemoTarget>(DEMO_COUNTS[t]).fill(t))),
  },
};

/** Largest-remainder split of `total` in proportion to `weights`, each share at least `min`. */
export function allocate(total: number, weights: number[], min = 0): number[] {
  const rest = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const out = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = rest - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k][1]]++;
  return out.map((x) => x + min);
}

// ---- deputies ----------------------------------------------------------------------------

interface Deputy { row: DeputyRow; code: string; name: string }

function makeDeputies(rng: Rng, ref: Reference, plan: Plan): Deputy[] {
  const codes = ref.delegations.map((d) => d.code);
  // Hong Kong, Macao and Taiwan have seat numbers fixed by the NPC's election decisions.
  const fixed = (c: string) => plan.statutorySeats && c in STATUTORY_SEATS;
  const free = codes.filter((c) => !fixed(c));
  const freeTotal = plan.deputies - codes.filter(fixed).reduce((s, c) => s + STATUTORY_SEATS[c], 0);
  const shares = allocate(freeTotal, free.map((c) => SEATS[c] ?? 50), plan.minPerDelegation);
  const counts = codes.map((c) => (fixed(c) ? STATUTORY_SEATS[c] : shares[free.indexOf(c)]));
  return codes.flatMap((code, i) => Array.from({ length: counts[i] }, (_, k) => {
    const name = personName(rng, code);
    const n = String(k + 1).padStart(3, '0');
    return {
      code, name,
      row: {
        id: `${CONGRESS_ID}:dep:${code}:${n}`, congressId: CONGRESS_ID, delegationId: delegationId(code), name,
        occupation: occupation(rng, code),
        // 10x prefixes are not allocated to mobile networks, so these numbers reach nobody.
        phone: `10${rng.int(10)}-${String(rng.int(10000)).padStart(4, '0')}-${String(rng.int(10000)).padStart(4, '0')}`,
        email: `${code.toLowerCase()}${n}@deputies.example.org`,
      },
    };
  }));
}

// ---- cases -------------------------------------------------------------------------------

const ASSIGNED_OR_LATER: readonly DemoTarget[] = ['assigned', 'acknowledged', 'contacted', 'replied', 'evaluated', 'unsatisfied', 'closed'];
const NON_PROVINCIAL = new Set(['HK', 'MO', 'TW', 'PLA']);

interface Ctx {
  rng: Rng; ref: Reference; codes: Set<string>; shortOf: Map<string, string>; deputies: Deputy[];
  byDelegation: Map<string, Deputy[]>; cosignShare: number; rehandleEvery: number; closedSeen: number;
  sampleByTitle: Map<string, Reference['sampleTitles'][number]>;
  modeShares: Plan['modeShares'];
}

function categoryFor(rng: Rng, dlg: string): string {
  if (dlg === 'PLA' && rng.chance(0.6)) return 'DEF';
  if ((dlg === 'HK' || dlg === 'MO' || dlg === 'TW') && rng.chance(0.5)) return 'HMT';
  if (['XZ', 'XJ', 'NX', 'GX', 'NM', 'QH'].includes(dlg) && rng.chance(0.12)) return 'ETH';
  return rng.weighted(CATEGORY_WEIGHTS);
}

interface Units { mode: AssignMode; lead?: string; co: string[]; separate: string[] }

function chooseUnits(c: Ctx, spec: CategorySpec, dlg: string, local: boolean, sample?: string[]): Units {
  const { rng } = c;
  if (sample) return sample.length > 1 ? { mode: 'lead_co', lead: sample[0], co: sample.slice(1), separate: [] } : { mode: 'single', lead: sample[0], co: [], separate: [] };
  const gov = local && spec.gov && !NON_PROVINCIAL.has(dlg) ? `GOV_${dlg}` : undefined;
  const lead = rng.weighted(spec.leads);
  const roll = rng.next();
  if (roll < c.modeShares.single) return { mode: 'single', lead, co: [], separate: [] };
  if (roll > 1 - c.modeShares.separate) {
    const candidates = [...spec.leads.map(([u]) => u), ...spec.cos].filter((u, i, a) => u !== lead && a.indexOf(u) === i);
    const others = gov ? [gov] : rng.sample(candidates, rng.chance(0.75) ? 1 : 2);
    return { mode: 'separate', co: [], separate: [lead, ...others] };
  }
  const n = rng.weighted([[1, 50], [2, 33], [3, 14], [4, 3]] as const);
  const pool = spec.cos.filter((u) => u !== lead && u !== gov);
  const co = gov && rng.chance(0.7) ? [gov, ...rng.sample(pool, n - 1)] : rng.sample(pool, n);
  return { mode: 'lead_co', lead, co, separate: [] };
}

function ratings(rng: Rng, target: DemoTarget, rehandled: boolean): Pick<DemoCase, 'resultClass' | 'attitude' | 'result' | 'reasons' | 'rehandling'> {
  const firstUnsatisfied = target === 'unsatisfied' || rehandled;
  const resultClass = firstUnsatisfied
    ? rng.weighted<ResultClass>([['A', 10], ['B', 30], ['C', 35], ['D', 25]])
    : rng.weighted<ResultClass>([['A', 70], ['B', 18], ['C', 7], ['D', 5]]);
  const fine = (pSat: number): Rating => (rng.chance(pSat) ? 'satisfied' : 'basically_satisfied');
  if (!firstUnsatisfied) return { resultClass, attitude: fine(0.88), result: fine(resultClass === 'A' ? 0.8 : 0.45) };
  const attitude = rng.weighted<Rating>([['satisfied', 30], ['basically_satisfied', 40], ['unsatisfied', 30]]);
  const out = { resultClass, attitude, result: 'unsatisfied' as Rating, reasons: rng.pick(UNSATISFIED_REASONS) };
  if (target !== 'closed') return out;
  return { ...out, rehandling: { note: rng.pick(REHANDLE_NOTES), resultClass: rng.chance(0.6) ? 'A' : 'B', attitude: fine(0.7), result: fine(0.5) } };
}

function body(rng: Rng, spec: CategorySpec, focus: string, place: string | undefined): string {
  const [p1, p2, p3] = rng.sample(spec.problems, 3);
  const [c1, c2] = rng.sample(CAUSES, 2);
  const [m1, m2, m3] = rng.sample(spec.measures, 3);
  const where = place ? `在${place}调研中发现` : '在基层调研中发现';
  return [
    `一、现状与问题。近年来，各地区各部门围绕${focus}做了大量工作，取得积极成效。但${where}，仍存在一些突出问题：一是${p1}；二是${p2}；三是${p3}。这些问题${rng.pick(IMPACTS)}。`,
    `二、原因分析。一方面，${c1}；另一方面，${c2}。同时，${focus}涉及多个部门和层级，统筹协调和政策衔接有待加强。`,
    `三、具体建议。一是${m1}。二是${m2}。三是${m3}。以上建议，恳请有关部门研究采纳。`,
  ].join('\n\n');
}

const CLASS_TEXT: Record<ResultClass, string> = {
  A: '您提出的建议已经采纳，所反映的问题已解决或基本解决。',
  B: '您提出的建议已列入工作计划，正在推进落实。',
  C: '受现有条件限制，所提问题需在今后逐步解决，我们将积极创造条件。',
  D: '您提出的建议对改进工作具有参考价值，我们将在研究制定相关政策时予以参考。',
};

interface CaseOpts { source: 'session' | 'inter_session' | 'delegation'; lead: Deputy; sample: boolean; createdAt: number }

function makeCase(c: Ctx, i: number, target: DemoTarget, opts: CaseOpts): DemoCase {
  const { rng, shortOf } = c;
  const { lead, source } = opts;
  const rejectable = target === 'rejected' ? rng.pick(REJECTABLE) : undefined;
  const samples = opts.sample && !rejectable ? c.ref.sampleTitles : [];
  let sample = samples.length ? rng.pick(samples) : undefined;
  let categoryCode = sample?.categoryCode ?? categoryFor(rng, lead.code);
  let spec = CATEGORY_SPECS[categoryCode];
  const place = placeOf(c.ref, lead.code);
  const local = !sample && !rejectable && !!place && spec.local.length > 0 && rng.chance(source === 'delegation' ? 0.9 : 0.22);
  let title: string;
  if (rejectable) title = rejectable[0];
  else if (sample) title = sample.title;
  else if (local) title = `关于${rng.pick(spec.local).replace('{P}', place!)}的建议`;
  else title = `关于${topicTitle(rng, spec, rng.pick(spec.topics))}的建议`;
  // A generated topic may coincide with a sample title; the sample's category and units win.
  if (!sample && c.sampleByTitle.has(title)) {
    sample = c.sampleByTitle.get(title)!;
    categoryCode = sample.categoryCode;
    spec = CATEGORY_SPECS[categoryCode];
  }
  const focus = focusOf(title);
  const u = chooseUnits(c, spec, lead.code, local, sample?.unitCodes);
  const all = [...(u.lead ? [u.lead] : []), ...u.co, ...u.separate];
  for (const code of all) if (!c.codes.has(code)) throw new Error(`category ${categoryCode}: unknown unit ${code}`);
  const cosignerIds = source !== 'delegation' && rng.chance(c.cosignShare) ? cosigners(c, lead) : [];
  const replier = u.lead ?? u.separate[0];
  const r = ratings(rng, target, target === 'closed' && c.closedSeen++ % c.rehandleEvery === 0);
  const channel = rng.weighted<Channel>([['message', 35], ['phone', 25], ['meeting', 15], ['visit', 15], ['video', 10]]);
  const measure = rng.pick(spec.measures);
  return {
    input: {
      id: `${CONGRESS_ID}-${String(i + 1).padStart(5, '0')}`, congressId: CONGRESS_ID,
      sessionId: source === 'inter_session' ? INTER_SESSION_ID : SESSION_ID, source,
      title, body: rejectable ? `${rejectable[2]}\n\n请予以支持。` : body(rng, spec, focus, local ? place : undefined),
      categoryCode, leadDeputyId: lead.row.id, delegationId: delegationId(lead.code), cosignerIds,
      proposedUnitIds: rng.chance(0.3) ? [unitId(replier)] : [], createdAt: opts.createdAt, submitNow: target !== 'draft',
    },
    target, mode: u.mode, ...(u.lead ? { leadUnitId: unitId(u.lead) } : {}), coUnitIds: u.co.map(unitId), separateUnitIds: u.separate.map(unitId),
    ...r,
    contact: {
      channel,
      summary: `通过${CHANNEL_ZH[channel]}与${lead.name}代表沟通，了解建议的背景和具体诉求，介绍了${shortOf.get(replier)}在${focus}方面的工作情况，双方就下一步落实措施交换了意见。`,
    },
    opinionBody: `关于《${title}》的协办意见：我单位高度重视，结合职责认真研究，拟${measure}。请主办单位在答复中统筹考虑。`,
    reply: {
      body: `${lead.name}代表：\n您提出的《${title}》收悉，经认真研究，现答复如下。\n一、关于${focus}。近年来，我们会同有关方面出台了一系列政策措施，相关工作取得积极进展。\n二、关于您提出的具体建议。${CLASS_TEXT[r.resultClass]}\n三、下一步工作。我们将${measure}，持续推动有关工作落地见效。\n感谢您对${shortOf.get(replier)}工作的关心和支持。`,
      signedBy: personName(rng),
      ...(r.resultClass === 'B' || r.resultClass === 'C' ? { commitments: `${measure}，${r.resultClass === 'B' ? '2026年底前' : '2027年底前'}报告进展。` } : {}),
    },
    ...(rejectable ? { reviewNote: rejectable[1] } : {}),
    ...(target === 'withdrawn' ? { withdrawReason: rng.pick(WITHDRAW_REASONS) } : {}),
  };
}

// Joint suggestions are mostly signed within one delegation; the count is skewed to a few names.
function cosigners(c: Ctx, lead: Deputy): string[] {
  const { rng } = c;
  const n = rng.weighted<[number, number]>([[[2, 5], 70], [[6, 12], 20], [[13, 30], 10]]);
  const k = rng.range(n[0], n[1]);
  const own = (c.byDelegation.get(lead.code) ?? []).filter((d) => d !== lead);
  const pool = own.length >= k && rng.chance(0.85) ? own : c.deputies.filter((d) => d !== lead);
  return rng.sample(pool, k).map((d) => d.row.id);
}

// ---- key suggestions and unit coverage ---------------------------------------------------

function markKeys(c: Ctx, cases: DemoCase[], plan: Plan): void {
  const { rng } = c;
  const eligible = cases.filter((k) => ASSIGNED_OR_LATER.includes(k.target));
  const pools = KEY_TOPICS.map((t) => ({ t, pool: eligible.filter((k) => t.categories.includes(k.input.categoryCode ?? '')) }))
    .filter((x) => x.pool.length > 0);
  for (const { t, pool } of plan.keyTopics === undefined ? pools : rng.sample(pools, plan.keyTopics)) {
    const committee = c.ref.committees.find((x) => x.code === t.committee);
    if (!committee) throw new Error(`key topic ${t.topic}: unknown committee ${t.committee}`);
    for (const k of rng.sample(pool.filter((x) => !x.key), rng.range(...plan.keyPerTopic))) {
      k.key = {
        committeeId: committeeId(t.committee), topic: t.topic,
        decision: `委员长会议确定为2026年重点督办建议（${t.topic}）`,
        supervisingLeader: `${committee.nameZh}主任委员`, governmentLeader: t.government,
      };
    }
  }
}

// At national scale every one of the 208 units handles something, as in the real lists.
function coverUnits(c: Ctx, cases: DemoCase[]): void {
  const used = new Set(cases.flatMap((k) => [k.leadUnitId, ...k.coUnitIds, ...k.separateUnitIds]));
  for (const code of c.codes) {
    if (used.has(unitId(code))) continue;
    const host = cases.find((k) => {
      const spec = CATEGORY_SPECS[k.input.categoryCode ?? ''];
      const own = spec.gov && k.input.delegationId === delegationId(code.replace(/^GOV_/, ''));
      return k.mode === 'lead_co' && k.coUnitIds.length < 3 && !c.sampleByTitle.has(k.input.title) && (spec.cos.includes(code) || own);
    });
    if (!host) throw new Error(`unit ${code} is in no category's pool`);
    host.coUnitIds.push(unitId(code));
  }
}

// ---- entry point -------------------------------------------------------------------------

export function generateDemo(opts: DemoOptions): DemoData {
  const ref = opts.reference ?? reference();
  const plan = PLANS[opts.scale];
  const rng = new Rng(mulberry32(opts.seed ?? 20260305));
  const people = makeDeputies(rng, ref, plan);
  const byDelegation = new Map<string, Deputy[]>();
  for (const d of people) {
    if (!byDelegation.has(d.code)) byDelegation.set(d.code, []);
    byDelegation.get(d.code)!.push(d);
  }
  // Some deputies write many suggestions and most a few; a skewed activity weight models that.
  const activity: number[] = [];
  let acc = 0;
  for (const d of people) activity.push((acc += d.code === 'PLA' ? 0.4 : 0.2 + rng.next() ** 3 * 4));
  const drawDeputy = () => {
    const r = rng.next() * acc;
    let lo = 0;
    let hi = activity.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (activity[mid] > r) hi = mid; else lo = mid + 1; }
    return people[lo];
  };
  const c: Ctx = {
    rng, ref, deputies: people, byDelegation, cosignShare: plan.cosignShare, rehandleEvery: plan.rehandleEvery, closedSeen: 0,
    codes: new Set(ref.handlingUnits.map((u) => u.code)),
    shortOf: new Map(ref.handlingUnits.map((u) => [u.code, u.shortZh ?? u.nameZh])),
    sampleByTitle: new Map(ref.sampleTitles.map((t) => [t.title, t])),
    modeShares: plan.modeShares,
  };
  const targets = plan.targets(plan.cases, rng);
  const sessionCount = plan.cases - plan.interSession;
  const delegationAt = new Set(rng.sample(Array.from({ length: sessionCount }, (_, i) => i), plan.delegationItems));
  const delegationCodes = rng.shuffle(ref.delegations.map((d) => d.code).filter((d) => d !== 'PLA'));
  // Session items in the 12 to 2 days before `now`, inter-session ones after them; one slot per
  // index keeps creation order equal to number order.
  const day = 86_400_000;
  const slot = (i: number) => (i < sessionCount
    ? opts.now - 12 * day + ((i + rng.next()) * 10 * day) / sessionCount
    : opts.now - 2 * day + ((i - sessionCount + rng.next()) * (2 * day - 3_600_000)) / plan.interSession);
  const numbers = { session: 0, inter: 0 };
  let d = 0;
  const cases = targets.map((target, i) => {
    const source = i >= sessionCount ? 'inter_session' : delegationAt.has(i) ? 'delegation' : 'session';
    // A delegation's own item is led by its head, who is listed first.
    const lead = source === 'delegation' ? byDelegation.get(delegationCodes[d++ % delegationCodes.length])![0] : drawDeputy();
    const k = makeCase(c, i, target, { source, lead, sample: rng.chance(plan.sampleShare), createdAt: Math.round(slot(i)) });
    if (target !== 'draft') {
      k.input.number = source === 'inter_session'
        ? `闭${String(++numbers.inter).padStart(4, '0')}号`
        : `第${String(++numbers.session).padStart(4, '0')}号`;
    }
    return k;
  });
  markKeys(c, cases, plan);
  if (opts.scale === 'national') coverUnits(c, cases);
  return { deputies: people.map((p) => p.row), cases };
}

// ---- wording ------------------------------------------------------------------------------
// Pools for titles, bodies and people. Titles are 关于<topic>的建议; a topic is a verb phrase, and
// a `local` topic names the lead deputy's province ({P}), which also brings in its government.
// A `*` after a topic lets it take a scope (加强县域…); unmarked topics would read oddly with one.

export interface CategorySpec {
  leads: [string, number][]; cos: string[]; gov: boolean;
  topics: string[]; local: string[]; problems: string[]; measures: string[];
  /** Topics that read well with a scope such as 县域 or 中西部地区 (marked `*` in the pools). */
  scopable: Set<string>;
}

const list = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
const codes = (s: string) => s.split(/\s+/).filter(Boolean);
function spec(leads: string, cos: string, gov: boolean, t: { topics: string; local: string; problems: string; measures: string }): CategorySpec {
  return {
    leads: codes(leads).map((x) => { const [c, w] = x.split('*'); return [c, Number(w ?? 1)] as [string, number]; }),
    cos: codes(cos), gov, topics: list(t.topics).map((x) => x.replace(/\*$/, '')),
    scopable: new Set(list(t.topics).filter((x) => x.endsWith('*')).map((x) => x.slice(0, -1))), local: list(t.local), problems: list(t.problems), measures: list(t.measures),
  };
}

export const CATEGORY_SPECS: Record<string, CategorySpec> = {
  DEV: spec('NDRC*6 SASAC SAMR', 'MOF SAMR MIIT ACFIC NBS DRC SC_RO MOST SASAC NDA CFC_O NPCSC_BAC', true, {
    topics: '加快培育发展新质生产力|深化国资国企改革|完善产权保护制度|激发民间投资活力|健全宏观经济治理体系|完善统计监测和数据质量管理|持续优化营商环境|推动平台经济规范健康发展|完善社会信用体系|深化要素市场化配置改革|加强经济运行监测预警|推动国有企业聚焦主责主业',
    local: '支持{P}开展营商环境创新试点|将{P}纳入国家重大生产力布局|加大对{P}重大项目的支持力度',
    problems: '部分领域市场准入隐性壁垒仍然存在|民营企业融资难融资贵问题尚未根本缓解|政策落地存在“最后一公里”梗阻|要素市场化配置程度不高|涉企政策的稳定性和可预期性有待增强',
    measures: '建立涉企政策统一发布和解读平台，提高政策透明度|全面清理妨碍统一市场和公平竞争的政策规定|建立重大项目向民间资本推介的常态化机制|完善政策评估机制，把企业评价作为重要依据|加强宏观政策取向一致性评估，强化政策协同',
  }),
  FIN: spec('MOF*4 PBOC*2 NFRA*2 CSRC STA*2', 'NDRC SAFE CDB ADBC CEXIM NAO CFC_O NSSF NFRA PBOC STA', false, {
    topics: '完善地方政府债务风险防控机制|加大对制造业中长期贷款支持力度|深化资本市场投融资综合改革|完善个人养老金制度|加强金融消费者权益保护|优化增值税留抵退税政策|稳妥推进中小银行风险处置|扩大农业保险覆盖面|发展科技金融支持创新型企业|完善财政转移支付制度|加强县级财政运行保障|推进绿色金融发展',
    local: '加大对{P}财力性转移支付支持力度|支持{P}开展区域性股权市场创新试点|支持{P}化解地方政府债务风险',
    problems: '县级财政收支矛盾较为突出，“三保”压力较大|中小微企业首贷难、信用贷款难问题仍然存在|金融产品和服务与实体经济需求的匹配度不高|部分地区金融风险隐患仍需关注|税费优惠政策的精准性和便利性有待提高',
    measures: '加大中央财政对欠发达地区的转移支付力度|完善政府性融资担保体系，扩大担保覆盖面|推动金融机构落实尽职免责机制，提高小微企业信用贷款比重|健全地方政府债务风险监测预警和化解机制|加强财政政策与金融政策协同，形成政策合力',
  }),
  IND: spec('MIIT*6 NDA SASTIND', 'NDRC MOST MOF SAMR SASAC CAC COMAC CASC FAW CMCC CTC CUC BAOWU CRRC CNSA CAEA STMA SAC CETC CICT AVIC NORINCO CSSC CHINALCO SINOMACH MINMETALS SINOCHEM', false, {
    topics: '推动制造业高端化智能化绿色化发展|加快工业互联网创新发展|支持专精特新中小企业发展|推进传统产业技术改造和设备更新|加快5G和千兆光网建设|提升产业链供应链韧性和安全水平|加快发展商业航天|推动新能源汽车产业高质量发展|加强工业领域数据安全管理|推进钢铁行业超低排放改造|支持先进制造业集群发展|推动生物制造产业发展|加快人形机器人产业发展',
    local: '支持{P}打造国家先进制造业集群|支持{P}建设工业互联网示范区|支持{P}老工业基地转型升级',
    problems: '关键核心技术和零部件对外依存度较高|中小企业数字化转型“不敢转、不会转”问题突出|产业链上下游协同不够，配套能力不强|高技能人才和复合型人才短缺|部分行业低水平重复建设和无序竞争问题仍然存在',
    measures: '加大关键核心技术攻关支持力度，完善“揭榜挂帅”机制|设立中小企业数字化转型专项资金，推广低成本轻量化解决方案|支持龙头企业牵头组建产业链创新联合体|完善首台（套）重大技术装备保险补偿政策|加强产业工人队伍建设，健全技能人才评价体系',
  }),
  COM: spec('MOFCOM*5 GACC*2', 'NDRC STA SAFE CCPIT SAMR SPB CPG ACFSMC PBOC NIA CMHK CRH COSCO CEXIM', true, {
    topics: '促进对外贸易高质量发展|完善县域商业体系建设|促进消费扩容提质|加快发展服务贸易和数字贸易|实施自由贸易试验区提升战略|支持跨境电商海外仓建设|提升口岸通关便利化水平|推动老字号创新发展|加强农产品冷链物流体系建设*|扩大优质商品进口|支持外贸企业拓展多元化市场',
    local: '支持{P}自由贸易试验区扩区|在{P}设立综合保税区|支持{P}建设国际消费中心城市',
    problems: '外贸企业面临订单减少、成本上升等压力|农村流通网络存在“最后一公里”短板|通关物流成本仍然偏高|消费新场景新业态培育不足',
    measures: '加大出口信用保险支持力度，扩大承保覆盖面|完善县乡村三级物流配送体系|深化国际贸易“单一窗口”建设，压缩整体通关时间|支持举办各类促消费活动，培育消费新增长点|加强贸易摩擦应对和合规指导服务',
  }),
  REG: spec('NDRC*6', 'MOF MOT MNR MARA XPCC SC_GO MWR NRRA', true, {
    topics: '支持革命老区振兴发展|推动东北全面振兴|推进西部大开发形成新格局|促进中部地区加快崛起|推动黄河流域生态保护和高质量发展|推进长江经济带高质量发展|支持资源型城市转型发展|深化对口支援和东西部协作|支持边境地区高质量发展|促进县域经济高质量发展|推进以县城为重要载体的城镇化建设',
    local: '支持{P}融入国家重大区域战略|将{P}列入国家区域协调发展重点支持范围|支持{P}建设区域性中心城市',
    problems: '区域发展差距依然较大，部分地区内生动力不足|跨区域协调机制不够健全|欠发达地区基础设施和公共服务短板明显|产业转移承接能力有待提升',
    measures: '加大中央预算内投资对欠发达地区的倾斜支持|建立健全跨区域利益共享和成本分担机制|支持东部产业有序向中西部转移，完善承接配套政策|推进区域间基本公共服务均等化|在重大项目布局上给予适当倾斜',
  }),
  ENE: spec('NEA*5 NDRC*2', 'SGCC CSG CNPC SINOPEC CNOOC CHN_ENERGY CTG CNNC CHNG CDT CHD SPIC CGN POWERCHINA MNR MEE NNSA CAEA MOF', true, {
    topics: '促进农村分布式光伏并网消纳|加快新型储能规模化发展|推进大型风电光伏基地建设|加快构建新型电力系统|加强煤炭清洁高效利用|推进抽水蓄能电站建设|完善新能源汽车充电基础设施布局*|加快氢能产业发展|加大油气勘探开发力度|推进农村电网巩固提升|完善电力市场化交易机制|积极安全有序发展核电',
    local: '支持{P}建设国家清洁能源基地|支持{P}开展新型电力系统建设试点|加快{P}特高压输电通道建设',
    problems: '新能源消纳和电网接入能力不足|储能成本偏高，商业模式尚不成熟|农村电网基础仍然薄弱|能源价格形成机制还不完善',
    measures: '加快配套电网建设，提升新能源接网和消纳能力|完善储能参与电力市场的价格机制|加大农村电网改造升级投资|统筹能源安全保供和绿色低碳转型|支持能源领域关键技术装备攻关',
  }),
  AGR: spec('MARA*6 NFSRA', 'MOF NDRC NFSRA SINOGRAIN COFCO ADBC NFRA MNR MWR ACFSMC NRRA CMA SINOCHEM MOST SAMR', true, {
    topics: '加快推进高标准农田建设*|加快推进种业振兴|健全防止返贫致贫监测帮扶机制|完善种粮农民收益保障机制|发展壮大新型农村集体经济|推进农业机械化全程全面发展*|加强动物疫病防控体系建设*|促进乡村特色产业发展|加强农村人居环境整治|支持家庭农场和农民合作社发展*|完善粮食主产区利益补偿机制|推进设施农业现代化*',
    local: '支持{P}建设国家粮食安全产业带|支持{P}创建国家现代农业产业园|加大对{P}脱贫地区产业帮扶力度',
    problems: '种粮比较效益偏低，农民种粮积极性受到影响|农业基础设施建设标准不高、管护不到位|农村青壮年劳动力外流，农业经营主体老龄化|农业社会化服务体系不健全',
    measures: '提高高标准农田建设亩均投资标准|完善农业补贴政策，健全种粮农民收益保障机制|加大对新型农业经营主体的金融保险支持|健全农业社会化服务体系|加强农业科技推广和高素质农民培育',
  }),
  NRW: spec('MNR*4 MWR*4 NFGA', 'MOF NDRC MARA MEE SOA NFGA CMA POWERCHINA MINMETALS', true, {
    topics: '严格落实耕地占补平衡制度|加强地下水超采综合治理|加快推进国家水网建设|加强中小河流治理和山洪灾害防治*|完善自然资源资产有偿使用制度|加强战略性矿产资源勘查开发|推进国土空间生态修复|加强海洋生态保护和海域管理|推进农村供水工程规模化建设|加强森林草原防火能力建设*|推进全域土地综合整治',
    local: '支持{P}重大水利工程建设|将{P}纳入国家水网骨干工程规划|支持{P}开展全域土地综合整治试点',
    problems: '水资源时空分布不均，部分地区供需矛盾突出|耕地“非农化”“非粮化”问题仍需警惕|中小水利工程老化失修现象较为普遍|矿产资源勘查投入不足',
    measures: '加大中央财政对水利基础设施建设的投入|完善耕地保护补偿机制，压实地方耕地保护责任|建立小型水利工程长效管护机制|加强战略性矿产资源勘查和储备|推进自然资源调查监测数据共享',
  }),
  ENV: spec('MEE*6', 'NDRC MOF NFGA MNR MWR MOHURD MARA NNSA MPS NGOA', true, {
    topics: '健全横向生态保护补偿机制|巩固长江十年禁渔成效|持续深入打好蓝天保卫战|加强新污染物治理|推进农村生活污水治理|建设完善全国碳排放权交易市场|加强生物多样性保护*|推进“无废城市”建设|加强土壤污染源头防控|完善生态环境损害赔偿制度|推进重点流域水生态保护修复',
    local: '支持{P}创建国家生态文明建设示范区|支持{P}开展生态产品价值实现机制试点|加大对{P}重点生态功能区转移支付力度',
    problems: '部分地区环境基础设施建设滞后|生态保护补偿标准偏低、渠道单一|农村生活污水治理率不高、运维困难|生态环境执法能力与任务不相适应',
    measures: '提高重点生态功能区转移支付标准|建立多元化、市场化的生态保护补偿机制|加大农村环境整治资金支持，完善运维长效机制|加强基层生态环境执法队伍和装备建设|完善生态环境监测网络',
  }),
  TRA: spec('MOT*5 CR CAAC', 'NDRC CR NRA CAAC SPB MOF CCCG CREC CRCC COSCO CMHK MPS CPG', true, {
    topics: '加快西部陆海新通道建设|提升农村公路管护水平|加快推进沿江高铁建设|完善国家综合立体交通网|推进城市公共交通优先发展|加快支线机场和通用机场建设*|有效降低全社会物流成本|推进多式联运发展|保障货车司机合法权益|推动农村客货邮融合发展|推动内河航运高质量发展',
    local: '将{P}铁路项目纳入国家中长期铁路网规划|支持{P}高速公路扩容改造|支持{P}建设国际性综合交通枢纽',
    problems: '部分地区综合交通网络布局不完善，断头路问题突出|农村公路养护资金不足，管护机制不健全|物流成本偏高，多式联运衔接不畅|交通运输从业人员权益保障不够',
    measures: '在国家规划中优先布局欠发达地区交通项目|加大车购税资金对农村公路养护的支持|推进铁水、公铁联运，完善多式联运标准|优化交通运输领域执法方式，保障从业人员合法权益|加快交通基础设施数字化改造',
  }),
  URB: spec('MOHURD*6', 'NDRC MOF MNR PBOC MCA MEM CSCEC POWERCHINA SAMR NFRA', true, {
    topics: '稳步推进超大特大城市城中村改造|支持既有住宅加装电梯|完善住房公积金缴存使用政策|加快保障性住房建设|推进城市老旧小区改造|加强城市地下管网建设改造|推进海绵城市建设|加强历史文化名城名镇名村保护|推进传统村落保护利用*|完善“好房子”建设标准|促进房地产市场平稳健康发展|加强城市排水防涝体系建设',
    local: '支持{P}开展城市更新试点|加大对{P}老旧小区改造的支持力度|支持{P}开展城市体检工作',
    problems: '老旧小区基础设施老化，居民改造意愿和出资能力不一|城市地下管网老化，安全隐患较多|保障性住房供给与需求结构不匹配|城市更新资金来源单一',
    measures: '加大中央财政对城市更新的支持力度，鼓励社会资本参与|建立老旧管网普查和更新改造长效机制|因地制宜扩大保障性住房供给|完善住房公积金提取使用政策|健全房屋全生命周期安全管理制度',
  }),
  SCI: spec('MOST*5 CAS', 'MOF NSFC CAS CAE MIIT MOE CNIPA CAST NDRC SAFEA CNSA MOHRSS', true, {
    topics: '加大基础研究长期稳定支持力度|促进高校和科研院所科技成果转化|推动人工智能与实体经济深度融合|强化企业科技创新主体地位|完善科研经费管理制度|加强青年科技人才培养|加强知识产权保护和运用|深化科技评价体系改革|加强科学普及工作|支持建设国家技术创新中心|推动大型科研仪器开放共享',
    local: '支持{P}建设区域科技创新中心|在{P}布局建设全国重点实验室|支持{P}创建国家自主创新示范区',
    problems: '基础研究投入占研发经费的比重偏低|科技成果转化率不高，产学研结合不紧密|青年科技人员承担重大项目的机会较少|科研评价“唯论文”倾向尚未完全扭转',
    measures: '建立基础研究投入稳定增长机制|赋予科研人员职务科技成果所有权或长期使用权|设立青年科学家专项，提高青年人才项目资助比例|完善以创新价值、能力、贡献为导向的评价体系|加强科技金融支持，发展耐心资本',
  }),
  EDU: spec('MOE*6', 'MOF MOHRSS NDRC CYL CIOC_O SLC CDPF ACWF CPS', true, {
    topics: '深化职业教育产教融合|加强乡村教师队伍建设|推进学前教育普及普惠发展*|推动义务教育优质均衡发展*|切实减轻中小学教师非教学负担|加强学生心理健康教育*|完善特殊教育保障机制*|推进高等教育分类发展|加强中小学科学教育*|健全家校社协同育人机制|推进县域普通高中振兴|加强学生体质健康促进工作*',
    local: '支持{P}高水平大学建设|支持{P}建设国家产教融合试点城市|加大对{P}农村学校的支持力度',
    problems: '城乡、区域之间教育资源配置不均衡|乡村教师引不进、留不住问题仍较突出|中小学教师非教学负担过重|职业教育吸引力不强，产教融合不够深入',
    measures: '提高乡村教师生活补助标准，完善职称评聘倾斜政策|建立中小学教师非教学任务清单制度|加大对中西部和农村地区的教育投入|深化校企合作，推广现代学徒制|配齐配强学校心理健康教师',
  }),
  CUL: spec('MCT*4 NCHA*2 GASC*2 NRTA', 'MOF NCHA GASC NRTA CPC_PD NPPA CFA CFLAC CWA CMG XINHUA ACJA IPHL CASS NAAC', true, {
    topics: '加强非物质文化遗产系统性保护*|加强石窟寺保护利用|加快建设社区全民健身场地设施|推动文化和旅游深度融合发展|加强革命文物保护利用|推进现代公共文化服务体系建设*|发展冰雪运动和冰雪经济|加强网络视听内容管理|深入推进全民阅读|促进乡村旅游提质升级|加强青少年体育工作*|推进国家文化公园建设',
    local: '支持{P}创建国家级文化生态保护区|支持{P}建设世界级旅游目的地|将{P}重要遗址列入国家考古遗址公园',
    problems: '基层文物保护力量薄弱，部分文物保存状况堪忧|公共文化设施利用率不高|文旅融合产品同质化较为严重|群众身边的健身场地设施不足',
    measures: '加大文物保护专项资金投入，充实基层文物保护力量|推动公共文化设施延时错时开放|支持开发具有地方特色的文旅融合产品|利用城市闲置空间建设嵌入式体育设施|加强非遗传承人培养',
  }),
  HEA: spec('NHC*5 NHSA*2 NMPA NATCM', 'NHSA NMPA NATCM NDCPA MOF NDRC SINOPHARM MOHRSS RCSC CFPA MOE', true, {
    topics: '推动优质医疗资源扩容下沉|促进中医药传承创新发展|完善罕见病用药保障机制|加强基层医疗卫生服务能力建设|推进紧密型县域医共体建设|加强儿科和精神卫生服务体系建设*|深化医保支付方式改革|加强疾病预防控制体系建设*|加强乡村医生队伍建设|完善生育支持政策体系|支持创新药和医疗器械研发应用|推动公立医院高质量发展',
    local: '支持{P}建设国家区域医疗中心|支持{P}建设中医药综合改革示范区|加大对{P}基层医疗机构的支持力度',
    problems: '优质医疗资源总量不足、分布不均|基层医疗机构服务能力弱，群众信任度不高|乡村医生待遇偏低、队伍老化|部分创新药和罕见病药物可及性不高',
    measures: '推进国家区域医疗中心建设，推动优质资源下沉|提高乡村医生补助标准，解决其养老保障问题|完善医保目录动态调整机制|加强医联体和远程医疗建设|加大对中医药人才培养和传承的支持',
  }),
  SOC: spec('MOHRSS*6 NHSA', 'MOF NHSA STA MCA ACFTU NSSF MOE CDPF SAFEA CYL MVA', true, {
    topics: '加快建立长期护理保险制度|完善灵活就业人员参加社会保险政策|进一步做好高校毕业生就业工作|加强新就业形态劳动者权益保障|稳步提高城乡居民基础养老金|推进全国统一的社会保险公共服务平台建设|根治拖欠农民工工资问题|加强职业技能培训*|完善失业保险政策|促进农村劳动力转移就业|支持残疾人就业创业*',
    local: '加大对{P}就业补助资金的支持力度|支持{P}建设国家级高技能人才培训基地|支持{P}开展新就业形态劳动者职业伤害保障试点',
    problems: '结构性就业矛盾突出，“招工难”“就业难”并存|灵活就业人员参保率偏低|城乡居民基础养老金水平较低|新就业形态劳动者权益保障制度不健全',
    measures: '放开灵活就业人员在就业地参保的户籍限制|扩大职业伤害保障试点范围|建立城乡居民基础养老金正常调整机制|加强就业服务和职业技能培训|完善拖欠农民工工资问题长效治理机制',
  }),
  CIV: spec('MCA*5 NHC', 'NHC MOF CPC_SWD ACWF CDPF MPS MOJ CAC CYL NPCPA CFPA NDRC', true, {
    topics: '健全社区居家养老服务网络|加快发展普惠托育服务*|加强未成年人网络保护|加强和完善基层社会治理|切实减轻社区工作者负担|完善困难群众救助帮扶机制*|加强农村留守儿童和困境儿童关爱保护|稳妥推进殡葬改革|加强社会组织规范管理|推进无障碍环境建设*|发展老年助餐服务',
    local: '支持{P}开展居家和社区养老服务改革试点|支持{P}建设基层治理示范县|加大对{P}困难群众救助资金的支持力度',
    problems: '养老服务供给不足，社区居家养老服务质量不高|基层社区“小马拉大车”现象仍然存在|托育服务价格偏高、供给不足|农村留守儿童关爱服务体系不健全',
    measures: '加大对社区嵌入式养老服务设施建设的支持|全面清理规范社区工作事项和考核评比|对普惠托育机构给予建设补贴和运营补助|健全农村留守儿童关爱服务体系|推进社会救助信息化和精准化',
  }),
  SAF: spec('MEM*5 FIRE NMSA', 'FIRE NMSA MOHURD MPS MOT CMA MWR MIIT MOF RCSC NFGA', true, {
    topics: '加快城市燃气管道老化更新改造|加强基层应急救援能力建设|加强电动自行车全链条安全监管|完善自然灾害综合风险监测预警*|加强高层建筑消防安全管理|推进矿山安全生产治本攻坚|加强危险化学品安全监管|完善应急物资储备体系|加强防汛抗旱能力建设*|推动社会应急力量规范发展',
    local: '支持{P}建设区域应急救援中心|加大对{P}地质灾害防治的支持力度|支持{P}提升防汛抗旱能力',
    problems: '基层应急力量薄弱，装备保障不足|城镇燃气、电动自行车等领域安全隐患仍然较多|自然灾害监测预警“最后一公里”不够畅通|企业安全生产主体责任落实不到位',
    measures: '加大对基层应急救援队伍建设的投入|开展重点行业领域安全隐患排查整治|完善预警信息直达基层责任人的机制|推进安全生产责任保险扩面|加强应急科普宣传和实战演练',
  }),
  MKT: spec('SAMR*5 NMPA', 'NMPA NHC MARA CAC MOFCOM GACC CNIPA SAC CNCA MPS STMA', false, {
    topics: '加强预制菜食品安全监管|规范网络直播营销行为|加强校园食品安全管理|整治医疗美容行业乱象|加强价格监管和反垄断执法|加强儿童用品质量安全监管|完善计量标准体系|加强农村假冒伪劣产品治理|规范预付式消费|加强网络交易平台监管|推进质量认证体系建设',
    local: '支持{P}建设国家级质量标准实验室|支持{P}创建国家食品安全示范城市|加强{P}特色农产品地理标志保护',
    problems: '新业态监管规则滞后于发展|基层市场监管力量不足，监管手段单一|消费者维权成本高、举证难|农村市场假冒伪劣产品时有出现',
    measures: '加快完善新业态监管规则和标准|推进“互联网+监管”，提升智慧监管能力|建立消费纠纷在线解决机制|加强农村市场专项执法检查|加大违法行为公开曝光和惩戒力度',
  }),
  LAW: spec('SPC*3 SPP*3 MOJ*3 MPS*2 NPCSC_LAC', 'CPC_PLAC NCS MOJ CLS MPS MSS NPCSC_LAC SPC SPP ACWF CYL', false, {
    topics: '加大电信网络诈骗打击治理力度|完善检察公益诉讼制度|深化矛盾纠纷多元化解机制建设|加强未成年人司法保护|完善法律援助制度|加强涉外法治建设|规范涉企行政执法|加强知识产权司法保护|推进诉源治理|完善社区矫正制度|加强公共法律服务体系建设|严厉打击养老诈骗',
    local: '支持{P}建设涉外法律服务中心|在{P}设立知识产权法庭|支持{P}开展基层法治建设示范创建',
    problems: '新型违法犯罪手段不断翻新，打击治理难度大|基层法律服务资源不足|行政执法不规范问题仍然存在|诉讼案件数量居高不下，基层法院人案矛盾突出',
    measures: '完善跨部门、跨行业、跨地域协同治理机制|加强基层公共法律服务站点建设|全面推行行政执法三项制度|加强诉调对接，推动矛盾纠纷源头化解|加快相关领域立法和司法解释工作',
  }),
  ETH: spec('NEAC*6 NRAA', 'NRAA CPC_UFWD MOF NDRC MOE MCT SLC', true, {
    topics: '支持民族地区特色优势产业发展|推进各民族广泛交往交流交融|加强国家通用语言文字教育|加强民族地区人才队伍建设|支持人口较少民族地区发展|加强少数民族特色村寨保护|推动民族地区基本公共服务均等化|依法加强宗教事务管理',
    local: '支持{P}建设铸牢中华民族共同体意识示范区|加大对{P}民族地区的财政支持力度|支持{P}少数民族特色村寨保护与发展',
    problems: '民族地区产业基础薄弱，发展内生动力不足|民族地区人才引进难、留住难|基本公共服务水平与全国平均水平还有差距',
    measures: '加大对民族地区特色产业的政策支持|实施民族地区人才专项计划|推进各民族互嵌式社会结构和社区环境建设|加强国家通用语言文字推广|加大对口支援力度',
  }),
  DEF: spec('MVA*3 CMC_PWD CMC_LSD CMC_NDMD*2 MND', 'MOHRSS MOF MOE CMC_PWD CMC_LSD CMC_EDD CMC_TAD CMC_NDMD CAPF SASTIND MND MVA NORINCO CSSC AVIC CETC', false, {
    topics: '完善退役军人就业创业扶持政策|加强全民国防教育|加强军人军属优待保障|推进军民融合深度发展|加强国防动员能力建设|完善随军家属就业安置政策|加强退役军人服务保障体系建设|加强烈士纪念设施保护管理|做好大学生征兵工作',
    local: '支持{P}创建全国双拥模范城|加大对{P}烈士纪念设施保护的支持力度',
    problems: '退役军人就业创业服务体系不够完善|部分优待政策落实不到位|国防教育形式单一、覆盖面不广',
    measures: '完善退役军人教育培训和就业服务|细化落实军人军属优待措施|将国防教育纳入国民教育体系并加强考核|拓宽随军家属就业渠道|加强军地协同',
  }),
  HMT: spec('HKMAO*3 TAO*2 MFA*2 OCAO', 'MOHRSS MOE CYL ACFROC ACFTC NIA MOFCOM GOV_GD GOV_FJ CPAFFC CIDCA NPCSC_HKBLC NPCSC_MBLC CPC_ID CCPIT CPC_UFWD', false, {
    topics: '支持港澳青年到内地创新创业|深化闽台融合发展|推进粤港澳大湾区规则机制衔接|便利港澳居民在内地发展|加强海外侨胞权益保护|扩大对外人文交流|完善领事保护和协助机制|便利台湾同胞在大陆就业就学|支持澳门经济适度多元发展|推进横琴粤澳深度合作区建设|支持香港巩固提升国际金融中心地位',
    local: '支持{P}建设海外侨胞创新创业基地|支持{P}扩大对港澳台交流合作',
    problems: '港澳台居民在内地就业创业仍面临规则衔接障碍|侨务资源整合利用不够|对外人文交流渠道有待拓宽',
    measures: '推进职业资格互认和社保衔接|完善港澳台居民在内地办事便利措施|加强海外侨胞服务平台建设|扩大青少年交流项目|优化出入境便利政策',
  }),
  OTH: spec('NPCSC_DAC*3 SC_GO*2 NPCSC_GO NPCPA', 'NPCSC_BAC NGOA NPCPA NAO NBS CIOC_O CPC_OD NCSA SC_CO CPC_GO NAAC CASS DRC SC_RO CPS CMA XINHUA SC_GO NPCSC_GO', false, {
    topics: '进一步提升代表建议办理质量|加强代表履职服务保障|完善政务服务“一网通办”|持续推进基层减负|加强政府网站和政务新媒体建设|推进信访工作法治化|加强档案数字化建设|完善公务员考核激励机制|加强公共机构节能降耗',
    local: '支持{P}开展政务服务效能提升试点',
    problems: '部分工作中形式主义问题仍然存在|信息化平台多头建设、数据共享不畅|基层工作负担较重',
    measures: '统筹整合各类政务信息系统|建立基层减负常态化监测机制|完善代表联系群众制度|加强工作督查和结果运用|推动跨部门数据共享',
  }),
};

// Rough shares of the NPC's annual reports: agriculture, education, health and the economy lead.
export const CATEGORY_WEIGHTS: [string, number][] = codes(
  'DEV:6 FIN:6 IND:6 COM:4 REG:5 ENE:3 AGR:9 NRW:4 ENV:5 TRA:6 URB:4 SCI:5 EDU:8 CUL:4 HEA:8 SOC:6 CIV:5 SAF:2 MKT:3 LAW:4 ETH:1.5 DEF:1.5 HMT:1.5 OTH:1',
).map((x) => { const [c, w] = x.split(':'); return [c, Number(w)]; });

export const CAUSES = list('相关法规政策和标准体系还不够健全|财政投入和要素保障与实际需求相比仍有差距|部门之间信息共享和工作协同不够顺畅|基层人才和专业力量相对薄弱|考核评价和激励约束机制有待完善|区域之间发展不平衡，中西部和农村地区基础较弱|社会资本参与的渠道不够畅通|政策宣传解读不够到位，群众知晓率不高');
const IMPACTS = list('影响了政策效果的充分发挥|影响了群众的获得感|制约了相关领域的高质量发展|亟需引起高度重视');
const UNSATISFIED_REASONS = list('答复内容较为笼统，未针对建议逐条回应|答复提出的措施缺乏时间表，落实情况不明确|办理过程中未与代表进行实质性沟通|答复所述情况与基层实际不符');
const REHANDLE_NOTES = list('代表不满意的理由成立，责成承办单位重新办理并加强与代表沟通|请承办单位上级主管部门督促重新办理，逐条回应代表关切');
const WITHDRAW_REASONS = list('经与有关部门沟通，所提问题已得到解决|拟进一步调研后重新提出|与其他代表提出的建议内容重复');
const CHANNEL_ZH: Record<Channel, string> = { visit: '登门走访', phone: '电话', meeting: '座谈会', message: '“一建议一群组”', video: '视频连线', letter: '书面函件' };
/** Inadmissible items (domain.md §2.2): title, the secretariat's note, the body. */
const REJECTABLE: [string, string, string][] = [
  ['关于协调解决本人亲属工作调动问题的建议', '所提事项属于代表本人及其亲属的个人事务，不予受理。', '本人亲属现在外地工作，希望有关部门协调调回本地工作。'],
  ['关于依法改判某民事纠纷案件的建议', '所提事项涉及人民法院正在审理的具体案件，不宜作为代表建议办理。', '某民事纠纷案件正在审理中，当事人对一审判决不服，请求有关部门干预改判。'],
  ['关于在全国推广某品牌净水设备的建议', '内容属于产品推介，不予受理。', '某品牌净水设备性能优良，建议在全国各级学校统一采购使用。'],
  ['关于转交群众来信反映问题的建议', '属于转交的群众来信，请按信访工作程序办理。', '现将收到的群众来信转上，请有关部门研究处理。'],
  ['关于做好各方面工作的建议', '内容空泛，没有具体建议事项，不予受理。', '建议各有关部门进一步做好各方面工作。'],
];

/** Key topics (domain.md §2, national 19–22 a year), each supervised by one special committee. */
export const KEY_TOPICS: { topic: string; categories: string[]; committee: string; government: string }[] = [
  { topic: '加快发展新质生产力', categories: ['IND', 'SCI'], committee: 'FEAC', government: '国务院分管负责同志' },
  { topic: '促进民营经济发展壮大', categories: ['DEV'], committee: 'FEAC', government: '国务院分管负责同志' },
  { topic: '深化财税金融体制改革', categories: ['FIN'], committee: 'FEAC', government: '国务院分管负责同志' },
  { topic: '促进区域协调发展', categories: ['REG'], committee: 'FEAC', government: '国务院分管负责同志' },
  { topic: '构建现代化综合交通运输体系', categories: ['TRA'], committee: 'FEAC', government: '国务院分管负责同志' },
  { topic: '推进乡村全面振兴', categories: ['AGR'], committee: 'ARAC', government: '国务院分管负责同志' },
  { topic: '加强耕地保护和水资源节约集约利用', categories: ['NRW'], committee: 'ARAC', government: '国务院分管负责同志' },
  { topic: '深入推进美丽中国建设', categories: ['ENV'], committee: 'EPRCC', government: '国务院分管负责同志' },
  { topic: '加快能源绿色低碳转型', categories: ['ENE'], committee: 'EPRCC', government: '国务院分管负责同志' },
  { topic: '加快建设教育强国', categories: ['EDU'], committee: 'ESCPHC', government: '国务院分管负责同志' },
  { topic: '推进健康中国建设', categories: ['HEA'], committee: 'ESCPHC', government: '国务院分管负责同志' },
  { topic: '繁荣发展文化事业和文化产业', categories: ['CUL'], committee: 'ESCPHC', government: '国务院分管负责同志' },
  { topic: '加强食品药品安全监管', categories: ['MKT'], committee: 'ESCPHC', government: '国务院分管负责同志' },
  { topic: '促进高质量充分就业', categories: ['SOC'], committee: 'SDAC', government: '国务院分管负责同志' },
  { topic: '发展养老托育服务', categories: ['CIV'], committee: 'SDAC', government: '国务院分管负责同志' },
  { topic: '推进城市更新和住房保障', categories: ['URB'], committee: 'SDAC', government: '国务院分管负责同志' },
  { topic: '提升防灾减灾救灾和安全生产能力', categories: ['SAF'], committee: 'SDAC', government: '国务院分管负责同志' },
  { topic: '推进法治中国建设', categories: ['LAW'], committee: 'SJAC', government: '最高人民法院、最高人民检察院有关负责同志' },
  { topic: '铸牢中华民族共同体意识', categories: ['ETH'], committee: 'EAC', government: '国家民委主要负责同志' },
  { topic: '推进高水平对外开放', categories: ['COM'], committee: 'FAC', government: '国务院分管负责同志' },
  { topic: '做好新时代侨务和港澳台工作', categories: ['HMT'], committee: 'OCAC', government: '有关部门主要负责同志' },
];

/** Approximate seats of the 35 electoral units (14th NPC); deputies are drawn in proportion. */
const SEATS: Record<string, number> = {
  BJ: 54, TJ: 42, HE: 124, SX: 69, NM: 58, LN: 100, JL: 62, HL: 89, SH: 57, JS: 146, ZJ: 99, AH: 112, FJ: 69, JX: 81,
  SD: 174, HA: 171, HB: 112, HN: 117, GD: 165, GX: 90, HI: 28, CQ: 61, SC: 148, GZ: 73, YN: 91, XZ: 20, SN: 70,
  GS: 53, QH: 21, NX: 22, XJ: 61, HK: 36, MO: 12, TW: 13, PLA: 281,
};

const STATUTORY_SEATS: Record<string, number> = { HK: 36, MO: 12, TW: 13 };

// Weights are roughly per mille of the population (2020 census order).
const SURNAMES: [string, number][] = codes(
  '王71 李70 张67 刘54 陈45 杨31 黄22 赵20 吴19 周19 徐13 孙13 马11 朱11 胡10 郭10 何9 高9 林9 罗8 郑8 梁7 谢6 宋6 唐6 许5 韩5 冯5 邓5 曹5 彭5 曾5 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程3 苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖2 贾2 夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 黎1 贺1 顾1 毛1 郝1 龚1 邵1 万1 钱1 覃1 武1 戴1 孔1 欧阳0.5 司马0.2 上官0.2 诸葛0.1',
).map((x) => { const m = /^(\D+)([\d.]+)$/.exec(x)!; return [m[1], Number(m[2])]; });
const GIVEN = {
  male2: list('建国|建华|志强|志明|国强|国庆|海涛|海峰|晓明|晓东|文杰|俊杰|伟民|卫东|永刚|振华|新民|立新|光明|德胜|学军|宏伟|春生|浩然|明辉|家豪|嘉伟|思远|子健|天宇|泽宇|勇军|红兵|金龙|志刚|建军|晓峰|云飞|鹏飞|东升'),
  female2: list('秀英|桂英|玉兰|秀兰|丽娟|红梅|海燕|雪梅|晓燕|丽华|淑华|美玲|静怡|婷婷|欣怡|慧敏|佳琪|雨婷|春燕|晓丽|凤英|秀珍|金凤|玉梅|丽萍|雅琴|晓红|文静|艳华|思琪'),
  male1: [...'伟强军磊涛斌勇杰峰建国明华平辉刚波鹏林志文海东宇超亮新春生德成俊飞龙福荣祥金永庆学忠振光宏松锋'],
  female1: [...'丽芳娟敏静燕艳霞秀英玲红梅婷雪慧琳萍莉颖丹玉兰凤洁琴云佳晶倩莹欣月'],
};
const TIBETAN = list('扎西|次仁|达瓦|多吉|格桑|卓玛|央金|拉姆|德吉|尼玛|平措|旦增|索朗|白玛|曲珍|普布|边巴|罗布');
const UYGHUR = { first: list('阿不都|买买提|艾力|热合曼|吐尔逊|玉素甫|艾尔肯|阿依古丽|古丽米拉|热依拉|迪丽努尔|帕提古丽'), last: list('艾买提|吐尔逊|阿不来提|热合曼|卡德尔|依明|托合提|买买提') };
const MONGOLIAN = list('巴特尔|乌兰图雅|其其格|额尔敦巴雅尔|朝鲁门|萨仁高娃|斯琴|宝音德力格尔|那顺乌日图|格日勒图|阿拉坦仓|包金山|白音');

function personName(rng: Rng, dlg = ''): string {
  if (dlg === 'XZ' && rng.chance(0.6)) return rng.pick(TIBETAN) + rng.pick(TIBETAN);
  if (dlg === 'XJ' && rng.chance(0.4)) return `${rng.pick(UYGHUR.first)}·${rng.pick(UYGHUR.last)}`;
  if (dlg === 'NM' && rng.chance(0.15)) return rng.pick(MONGOLIAN);
  const female = rng.chance(0.27);
  const roll = rng.next();
  const given = roll < 0.55 ? rng.pick(female ? GIVEN.female2 : GIVEN.male2)
    : roll < 0.8 ? rng.pick(female ? GIVEN.female1 : GIVEN.male1) + rng.pick(female ? GIVEN.female1 : GIVEN.male1)
      : rng.pick(female ? GIVEN.female1 : GIVEN.male1);
  return rng.weighted(SURNAMES) + given;
}

const OCCUPATIONS = {
  general: list('农业合作社理事长|中学教师|小学校长|民营企业董事长|集团公司董事长|医院院长|社区党委书记|村党支部书记|律师事务所主任|乡村医生|工程师|高级工程师|技术工人|车间主任|大学校长|大学教授|研究所研究员|市长|县委书记|乡镇党委书记|副省长|人民法院院长|人民检察院检察长|护士长|快递员|环卫工人|非物质文化遗产代表性传承人|种粮大户|养殖专业户|公交车驾驶员|银行行长|作家|幼儿园园长|街道办事处主任|妇联主席|总工会副主席|工商联主席|博物馆馆长|煤矿工人|铁路机车司机'),
  PLA: list('某集团军军长|某部政治委员|某旅旅长|某部参谋长|某部医院院长|某研究所研究员|武警某总队司令员|某舰舰长|某飞行团团长|某部士官|某军事院校校长'),
  SAR: list('立法会议员|企业集团主席|律师|大学校长|会计师事务所合伙人|社团会长|医生|商会会长'),
  TW: list('台资企业董事长|大学教授|医院主任医师|台联会副会长|律师事务所合伙人'),
};

function occupation(rng: Rng, dlg: string): string {
  if (dlg === 'PLA') return rng.pick(OCCUPATIONS.PLA);
  if (dlg === 'HK' || dlg === 'MO') return rng.pick(OCCUPATIONS.SAR);
  if (dlg === 'TW') return rng.pick(OCCUPATIONS.TW);
  return rng.pick(OCCUPATIONS.general);
}

/** The short place name used in titles (河南, 广西); none for units that are not provinces. */
function placeOf(ref: Reference, dlg: string): string | undefined {
  if (NON_PROVINCIAL.has(dlg)) return undefined;
  const d = ref.delegations.find((x) => x.code === dlg);
  return d?.nameZh.replace(/(壮族|回族|维吾尔)?(自治区|省|市)$/, '');
}

const SCOPES = list('中西部地区|农村地区|县域|革命老区|边疆地区|欠发达地区|山区|民族地区');

/** Varies a topic: 加强X → 进一步加强X, or 加强<scope>X for topics marked scopable. */
function topicTitle(rng: Rng, spec: CategorySpec, topic: string): string {
  const m = /^((?:加强|完善|健全|推进|推动|加快|深化|优化|提升|加大|支持|促进)(?:推进|推动)?)(.+)$/.exec(topic);
  if (!m) return topic;
  const roll = rng.next();
  if (spec.scopable.has(topic) && roll < 0.45) return `${m[1]}${rng.pick(SCOPES)}${m[2]}`;
  return roll > 0.75 ? `进一步${topic}` : topic;
}

/** What a title is about, for use inside sentences: the title without 关于/的建议 and its verb. */
function focusOf(title: string): string {
  const t = title.replace(/^关于/, '').replace(/的建议$/, '').replace(/^进一步/, '').replace(/^(加大对|对)/, '');
  const stripped = t.replace(/^(加强|完善|健全|推进|推动|加快|支持|促进|提升|优化|深化|加大|规范|强化|做好|实施|发展|建设|持续|稳步|积极|深入|切实|严格|有效|依法|将|在|对)/, '')
    .replace(/^(推进|推动|打好|落实|安全有序)/, '').replace(/^对/, '').replace(/(的)?(支持)?力度$/, '');
  return stripped.length >= 4 ? stripped : t;
}
