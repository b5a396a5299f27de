// Replays a case's recorded path (the BPMN ids of its case events, in order) over the model: a token
// game with sub-processes, event sub-processes (one instance per handling unit in SubProcess_Unit),
// boundary events, parallel, inclusive, exclusive and event-based gateways.
//
// Only the elements the workflow records are observed; everything else (gateways, throw events, the
// model's own end events, message catches) moves silently, and only as far as the next recorded step
// needs. A recorded task is active from when a token reaches it; it may finish unseen only once it has
// been recorded, so no recorded step can be skipped. When several silent routes fit, later steps decide
// (depth-first search with backtracking), and the first step no route explains is the deviation.
import type { ModelNode, ProcessModel } from './model';
import { recordableSteps } from './steps';

export const UNIT_SCOPE = 'SubProcess_Unit';
/** Silent moves allowed between two recorded steps, and the routes tried per step before giving up on it. */
const MAX_SILENT = 24;
const MAX_ROUTES = 6;

export interface TraceEvent { step: string; unitId?: string | null; /** The case event's type (entered vs. done, for the live view). */ type?: string }

/** Event types recorded when a task is entered rather than done: the task is still open after them. */
const ENTRY_TYPES = new Set(['accepted', 'awaiting_review', 'all_replied', 'merged_reply_received', 'unsatisfied', 'returned_for_revision', 'reopened', 'absorbed']);
/** What the read model knows about the case; unknown facts leave both branches open. */
export interface CaseFacts {
  motion?: boolean; merged?: boolean; mode?: string; closure?: string; roles?: Record<string, string>;
  /** Units whose return was approved. */
  returned?: string[];
  /** Every unit ever given a part; a step of any other unit cannot conform. */
  units?: string[];
}
export interface Deviation { index: number; step: string; unitId?: string; reason: string; expected: string[] }
export interface Replay {
  ok: boolean;
  deviation?: Deviation;
  /** Recorded elements, first occurrence order. */
  completed: string[];
  /** Elements holding a token after the last step: running tasks, waiting events, open sub-processes. */
  active: string[];
  /** Sequence flows the accepted route took (for coverage). */
  flows: string[];
}

interface Act { node: string; w: boolean; child?: Inst; /** Type of the last event recorded on it (not part of the state's identity). */ last?: string }
interface Inst {
  scope: string | null; key?: string; tokens: Record<string, number>; acts: Act[]; evs: Inst[]; started?: boolean;
  /** Messages thrown in this scope that start its event sub-processes (the units of an assignment). */
  armed?: string[];
  taken?: Record<string, 1>;
  /** An escalation that left this (drained) instance uncaught. */
  escaped?: string;
}
type Path = ['a' | 'e', number][];

interface Compiled {
  m: ProcessModel;
  /** The sub-processes each element sits in, innermost first. */
  scopes: Map<string, string[]>;
  observable: Set<string>;
  reach: Map<string, Set<string>>;
  autoComplete: Set<string>;
  evsubs: Map<string | null, ModelNode[]>;
  inUnit: Set<string>;
  /** Messages the process sends itself: event sub-processes they start wait for the throw. */
  internal: Set<string>;
}

const compiledCache = new WeakMap<ProcessModel, Compiled>();

function compile(m: ProcessModel): Compiled {
  const hit = compiledCache.get(m);
  if (hit) return hit;
  const node = (id: string) => m.nodes.get(id)!;
  const targets = (n: ModelNode) => n.outgoing.map((f) => m.flows.get(f)!.target);
  const observable = new Set(recordableSteps().filter((s) => m.nodes.has(s)));
  const evsubs = new Map<string | null, ModelNode[]>();
  for (const n of m.nodes.values()) {
    if (n.type === 'subProcess' && n.eventSubProcess) evsubs.set(n.parent ?? null, [...(evsubs.get(n.parent ?? null) ?? []), n]);
  }
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = node(id).parent; p; p = node(p).parent) out.push(p);
    return out;
  };
  const inUnit = new Set([...m.nodes.keys()].filter((id) => id === UNIT_SCOPE || ancestors(id).includes(UNIT_SCOPE)));
  // Static successor relation for relevance: what a token at a node can go on to enable.
  // Leaving a sub-process: its outgoing flows; an event sub-process's end lets its parent finish.
  const exits = (scope: string): string[] => {
    const c = node(scope);
    return c.eventSubProcess ? (c.parent ? exits(c.parent) : []) : [...targets(c)];
  };
  const next = new Map<string, string[]>();
  for (const n of m.nodes.values()) {
    const out = [...targets(n), ...n.boundaries];
    if (n.type === 'subProcess') out.push(...n.children.filter((c) => node(c).type === 'startEvent'), ...(evsubs.get(n.id) ?? []).flatMap((e) => e.children.filter((c) => node(c).type === 'startEvent')));
    if (n.type === 'endEvent' && n.parent) out.push(...exits(n.parent));
    if (n.event === 'escalation' && n.type !== 'boundaryEvent') {
      for (const a of ancestors(n.id)) for (const b of node(a).boundaries) if (node(b).event === 'escalation' && node(b).ref === n.ref) out.push(b);
    }
    if (n.event === 'signal' && n.type === 'intermediateThrowEvent') {
      for (const s of m.nodes.values()) if (s.type === 'startEvent' && s.event === 'signal' && s.ref === n.ref) out.push(s.id);
    }
    next.set(n.id, out);
  }
  const reach = new Map<string, Set<string>>();
  for (const id of m.nodes.keys()) {
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length) for (const t of next.get(stack.pop()!) ?? []) if (!seen.has(t)) (seen.add(t), stack.push(t));
    reach.set(id, seen);
  }
  // A recorded task followed only by silent, choice-free steps to an end finishes as soon as it is recorded.
  const autoComplete = new Set<string>();
  for (const id of observable) {
    const n = node(id);
    if (!['userTask', 'receiveTask', 'task'].includes(n.type) || n.boundaries.length) continue;
    let cur: ModelNode | undefined = n;
    for (let i = 0; cur && i < 10; i++) {
      const ts = targets(cur);
      if (ts.length !== 1) break;
      const t = node(ts[0]);
      if (observable.has(t.id)) break;
      if (t.type === 'endEvent') {
        autoComplete.add(id);
        break;
      }
      if (!(t.type === 'intermediateThrowEvent' || (t.type === 'exclusiveGateway' && targets(t).length === 1))) break;
      cur = t;
    }
  }
  const scopes = new Map([...m.nodes.keys()].map((id) => [id, ancestors(id)]));
  const internal = new Set([...m.nodes.values()].filter((n) => n.type === 'intermediateThrowEvent' && n.event === 'message').map((n) => n.ref!));
  const c = { m, scopes, observable, reach, autoComplete, evsubs, inUnit, internal };
  compiledCache.set(m, c);
  return c;
}

// ---------------------------------------------------------------- state helpers

const emptyInst = (scope: string | null, key?: string): Inst => ({ scope, key, tokens: {}, acts: [], evs: [] });
const alive = (i: Inst) => i.acts.length > 0 || i.evs.length > 0 || Object.keys(i.tokens).length > 0;
const clone = (s: Inst): Inst => structuredClone(s);

function canon(i: Inst): string {
  const toks = Object.keys(i.tokens).sort().map((k) => `${k}*${i.tokens[k]}`).join(',');
  const acts = i.acts.map((a) => `${a.node}${a.w ? '!' : ''}${a.child ? `{${canon(a.child)}}` : ''}`).sort().join(',');
  const evs = i.evs.map(canon).sort().join(',');
  return `${i.scope ?? ''}#${i.key ?? ''}[${toks}|${acts}|${evs}]${i.started ? 's' : ''}${i.armed ? i.armed.join('+') : ''}`;
}

function resolve(root: Inst, path: Path): Inst {
  let cur = root;
  for (const [k, idx] of path) cur = k === 'a' ? cur.acts[idx].child! : cur.evs[idx];
  return cur;
}

function* walk(i: Inst, path: Path = []): Generator<[Inst, Path]> {
  yield [i, path];
  for (let a = 0; a < i.acts.length; a++) if (i.acts[a].child) yield* walk(i.acts[a].child!, [...path, ['a', a]]);
  for (let e = 0; e < i.evs.length; e++) yield* walk(i.evs[e], [...path, ['e', e]]);
}

/** Flows a path took, collected on the root state being built (not part of its identity). */
let taken: Record<string, 1> | undefined;
function addToken(i: Inst, flow: string, n = 1): void {
  i.tokens[flow] = (i.tokens[flow] ?? 0) + n;
  if (taken) taken[flow] = 1;
}
function mark(flow: string): void {
  if (taken) taken[flow] = 1;
}
function takeToken(i: Inst, flow: string): void {
  if (--i.tokens[flow] <= 0) delete i.tokens[flow];
}

class Game {
  constructor(readonly c: Compiled, readonly facts: CaseFacts) {}

  node(id: string): ModelNode {
    return this.c.m.nodes.get(id)!;
  }
  target(flow: string): ModelNode {
    return this.node(this.c.m.flows.get(flow)!.target);
  }

  /** A flow's condition against the case facts; what the facts do not settle stays possible. */
  allowed(flow: string, inst: Inst): boolean {
    return this.holds(this.c.m.flows.get(flow)!.condition, inst);
  }

  holds(condition: string | undefined, inst: Inst): boolean {
    const cond = condition?.trim();
    if (!cond) return true;
    const f = this.facts;
    const value = (name: string): unknown => {
      if (name === 'role') return inst.key ? f.roles?.[inst.key] : undefined;
      if (name === 'returned') return inst.key && f.returned ? f.returned.includes(inst.key) : undefined;
      return (f as Record<string, unknown>)[name];
    };
    return cond.replace(/^\$\{/, '').replace(/\}$/, '').split('&&').every((atom) => {
      const body = atom.trim();
      let m = body.match(/^(!?)([A-Za-z]+)$/);
      if (m) {
        const v = value(m[2]);
        return v === undefined ? true : m[1] ? !v : !!v;
      }
      m = body.match(/^([A-Za-z]+)\s*(==|!=)\s*'([^']*)'$/);
      if (m) {
        const v = value(m[1]);
        return v === undefined || v === null ? true : m[2] === '==' ? v === m[3] : v !== m[3];
      }
      return true;
    });
  }

  startInst(scope: string, key?: string): Inst {
    const inst = emptyInst(scope, key);
    const start = this.node(scope).children.map((c) => this.node(c)).find((n) => n.type === 'startEvent');
    if (start) for (const f of start.outgoing) addToken(inst, f);
    return inst;
  }

  enter(inst: Inst, n: ModelNode): void {
    inst.acts.push(n.type === 'subProcess' ? { node: n.id, w: false, child: this.startInst(n.id) } : { node: n.id, w: false });
  }

  leave(inst: Inst, n: ModelNode): void {
    for (const f of n.outgoing) addToken(inst, f);
  }

  /** End event semantics: terminate empties its scope; an escalation goes up to a catching boundary. */
  end(root: Inst, path: Path, n: ModelNode): void {
    const inst = resolve(root, path);
    if (n.event === 'terminate') {
      inst.tokens = {};
      inst.acts = [];
      inst.evs = [];
    }
    if (n.event === 'escalation') this.escalate(root, path, n.ref);
  }

  escalate(root: Inst, path: Path, ref?: string): void {
    for (let d = path.length - 1; d >= 0; d--) {
      const [k, idx] = path[d];
      if (k !== 'a') continue;
      const parent = resolve(root, path.slice(0, d));
      const act = parent.acts[idx];
      const b = this.node(act.node).boundaries.map((x) => this.node(x)).find((x) => x.event === 'escalation' && x.ref === ref);
      if (!b) continue;
      if (b.interrupting) parent.acts.splice(idx, 1);
      this.leave(parent, b);
      return;
    }
    // Uncaught here: a drained instance hands it to its parent.
    root.escaped = ref ?? '';
  }

  signal(root: Inst, ref?: string): void {
    for (const [inst] of [...walk(root)]) {
      for (const e of this.c.evsubs.get(inst.scope) ?? []) {
        const s = e.children.map((x) => this.node(x)).find((x) => x.type === 'startEvent');
        if (s?.event === 'signal' && s.ref === ref) inst.evs.push(this.startInst(e.id));
      }
    }
  }

  /** Deterministic moves, applied until nothing changes: they never close off a possibility. */
  normalize(root: Inst): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const [inst, path] of [...walk(root)]) {
        for (const flow of Object.keys(inst.tokens)) {
          const t = this.target(flow);
          const activity = ['userTask', 'receiveTask', 'task', 'subProcess'].includes(t.type);
          if (this.c.observable.has(t.id) && !activity) continue;
          if (activity) {
            takeToken(inst, flow);
            this.enter(inst, t);
          } else if (t.type === 'intermediateThrowEvent') {
            takeToken(inst, flow);
            this.leave(inst, t);
            if (t.event === 'signal') this.signal(root, t.ref);
            if (t.event === 'message' && !(inst.armed ??= []).includes(t.ref!)) inst.armed.push(t.ref!);
            if (t.event === 'escalation') this.escalate(root, path, t.ref);
          } else if (t.type === 'endEvent') {
            takeToken(inst, flow);
            this.end(root, path, t);
          } else if (t.type === 'exclusiveGateway') {
            const ok = t.outgoing.filter((o) => this.allowed(o, inst));
            if (ok.length !== 1) continue;
            takeToken(inst, flow);
            addToken(inst, ok[0]);
          } else if (t.type === 'parallelGateway') {
            if (!t.incoming.every((f) => inst.tokens[f])) continue;
            for (const f of t.incoming) takeToken(inst, f);
            this.leave(inst, t);
          } else continue;
          changed = true;
          break;
        }
        if (changed) break;
        for (let a = 0; a < inst.acts.length; a++) {
          const act = inst.acts[a];
          const done = act.child ? !alive(act.child) : act.w && this.c.autoComplete.has(act.node);
          if (!done) continue;
          inst.acts.splice(a, 1);
          this.leave(inst, this.node(act.node));
          changed = true;
          break;
        }
        if (changed) break;
        const before = inst.evs.length;
        inst.evs = inst.evs.filter(alive);
        if (inst.evs.length !== before) {
          changed = true;
          break;
        }
      }
    }
  }

  /** Instances an event may happen in: a unit's step in that unit's instance (or any, if unnamed). */
  eligible(root: Inst, path: Path, step: string, unit?: string): boolean {
    if (!this.c.inUnit.has(step) || !unit) return true;
    // The nearest unit-scope instance on the path decides.
    let key: string | undefined;
    let found = false;
    for (let d = path.length; d >= 0 && !found; d--) {
      const i = resolve(root, path.slice(0, d));
      if (i.scope === UNIT_SCOPE) {
        key = i.key;
        found = true;
      }
    }
    return found && key === unit;
  }

  relevant(node: string, goal: string): boolean {
    return node === goal || !!this.c.reach.get(node)?.has(goal);
  }

  /** An instance the goal lives in (or leads out of): its tokens move one by one. Others move as a whole (drain). */
  onPath(inst: Inst, root: Inst, goal: string, unit?: string): boolean {
    if (inst === root) return true;
    if (!inst.scope || !this.c.scopes.get(goal)!.includes(inst.scope)) return false;
    return !(inst.scope === UNIT_SCOPE && unit && this.c.inUnit.has(goal) && inst.key !== unit);
  }

  /** Silent moves that can bring `goal` closer: choices at gateways, unseen events, finishing recorded tasks. */
  silentMoves(root: Inst, goal: string, unit?: string): Inst[] {
    const out: Inst[] = [];
    const goalInUnit = this.c.inUnit.has(goal);
    const relevant = (id: string) => this.relevant(id, goal);
    for (const [inst, path] of walk(root)) {
      if (!this.onPath(inst, root, goal, unit)) continue;
      out.push(...this.localMoves(root, path, inst, relevant));
      // Sibling instances the goal needs finished (a sub-process completes when everything in it has).
      inst.acts.forEach((act, a) => {
        if (act.child && !this.onPath(act.child, root, goal, unit) && relevant(act.node)) out.push(...this.drainMoves(root, [...path, ['a', a]]));
      });
      inst.evs.forEach((ev, e) => {
        if (!this.onPath(ev, root, goal, unit) && ev.scope && relevant(ev.scope) && !this.c.scopes.get(goal)!.includes(ev.scope)) {
          out.push(...this.drainMoves(root, [...path, ['e', e]]));
        }
      });
      if (inst === root && (!inst.started || !alive(inst))) continue;
      if (inst !== root && !alive(inst)) continue;
      // A new event sub-process instance, only when the goal is inside it.
      for (const e of this.c.evsubs.get(inst.scope) ?? []) {
        const s = e.children.map((x) => this.node(x)).find((x) => x.type === 'startEvent')!;
        if (this.c.observable.has(s.id) || s.event === 'signal' || !this.c.scopes.get(goal)!.includes(e.id)) continue;
        if (s.event === 'message' && this.c.internal.has(s.ref!) && !inst.armed?.includes(s.ref!)) continue;
        const key = e.id === UNIT_SCOPE && goalInUnit ? unit : undefined;
        if (e.id === UNIT_SCOPE && key && (inst.evs.some((x) => x.key === key) || (this.facts.units && !this.facts.units.includes(key)))) continue;
        // A step that names no unit belongs to a running unit; only the first (a merged case's replies) may start one.
        if (e.id === UNIT_SCOPE && !key && inst.evs.some((x) => x.scope === UNIT_SCOPE)) continue;
        out.push(this.applied(root, path, (i) => {
          if (s.interrupting) {
            i.tokens = {};
            i.acts = [];
            i.evs = [];
          }
          i.evs.push(this.startInst(e.id, key));
        }));
      }
    }
    return out;
  }

  applied(root: Inst, path: Path, fn: (inst: Inst, root: Inst) => void): Inst {
    const r = clone(root);
    const outer = taken;
    taken = r.taken ??= {};
    try {
      fn(resolve(r, path), r);
      this.normalize(r);
    } finally {
      taken = outer;
    }
    return r;
  }

  /** Moves of one instance's own tokens and activities. */
  localMoves(root: Inst, path: Path, inst: Inst, relevant: (id: string) => boolean): Inst[] {
    const out: Inst[] = [];
    const apply = (fn: (i: Inst, r: Inst) => void) => out.push(this.applied(root, path, fn));
    for (const flow of Object.keys(inst.tokens)) {
      const t = this.target(flow);
      if (!relevant(t.id)) continue;
      if (t.type === 'exclusiveGateway') {
        for (const o of t.outgoing) if (this.allowed(o, inst)) apply((i) => (takeToken(i, flow), addToken(i, o)));
      } else if (t.type === 'inclusiveGateway') {
        if (t.incoming.length > 1) {
          apply((i) => {
            for (const f of t.incoming) while (i.tokens[f]) takeToken(i, f);
            this.leave(i, t);
          });
        } else {
          const outs = t.outgoing.filter((o) => this.allowed(o, inst));
          for (let mask = 1; mask < 1 << outs.length; mask++) {
            apply((i) => {
              takeToken(i, flow);
              outs.forEach((o, k) => mask & (1 << k) && addToken(i, o));
            });
          }
        }
      } else if (t.type === 'eventBasedGateway') {
        for (const o of t.outgoing) {
          const ev = this.target(o);
          if (!this.c.observable.has(ev.id) && relevant(ev.id) && this.holds(ev.condition, inst)) apply((i) => (takeToken(i, flow), mark(o), this.leave(i, ev)));
        }
      } else if (t.type === 'intermediateCatchEvent' && !this.c.observable.has(t.id) && this.holds(t.condition, inst)) {
        apply((i) => (takeToken(i, flow), this.leave(i, t)));
      }
    }
    inst.acts.forEach((act, a) => {
      const n = this.node(act.node);
      if (!act.child && (act.w || !this.c.observable.has(n.id)) && relevant(n.id)) apply((i) => (i.acts.splice(a, 1), this.leave(i, n)));
      // An unrecorded message on a recorded task cannot be told from the task's own end: it only interrupts work not yet done.
      for (const b of n.boundaries.map((x) => this.node(x))) {
        if (act.w || this.c.observable.has(b.id) || b.event === 'timer' || b.event === 'escalation' || !relevant(b.id)) continue;
        apply((i) => {
          if (b.interrupting) i.acts.splice(a, 1);
          this.leave(i, b);
        });
      }
    });
    return out;
  }

  private drains = new Map<string, { outcome: string; flows: string[] }[]>();

  /** How an instance can finish on its own: emptied, or by an escalation its parent catches. */
  drainOutcomes(inst: Inst): { outcome: string; flows: string[] }[] {
    const key = canon(inst);
    const hit = this.drains.get(key);
    if (hit) return hit;
    const outcomes = new Map<string, string[]>();
    const start: Inst = { ...clone(inst), taken: {}, escaped: undefined };
    let frontier: Inst[] = [start];
    const seen = new Set([key]);
    let work = 4000;
    while (frontier.length && work > 0) {
      const next: Inst[] = [];
      for (const s of frontier) {
        const moves = this.localMoves(s, [], s, () => true);
        s.acts.forEach((act, a) => act.child && moves.push(...this.drainMoves(s, [['a', a]])));
        s.evs.forEach((_, e) => moves.push(...this.drainMoves(s, [['e', e]])));
        for (const r of moves) {
          work--;
          const flows = Object.keys(r.taken ?? {});
          if (r.escaped !== undefined) {
            if (!outcomes.has(`esc:${r.escaped}`)) outcomes.set(`esc:${r.escaped}`, flows);
            continue;
          }
          if (!alive(r) && !outcomes.has('empty')) outcomes.set('empty', flows);
          const k = canon(r);
          if (!seen.has(k)) {
            seen.add(k);
            next.push(r);
          }
        }
      }
      frontier = next;
    }
    const result = [...outcomes].map(([outcome, flows]) => ({ outcome, flows }));
    this.drains.set(key, result);
    return result;
  }

  /** The instance at `path` finishing as a whole, in each way it can. */
  drainMoves(root: Inst, path: Path): Inst[] {
    const outcomes = this.drainOutcomes(resolve(root, path));
    const [k, idx] = path.at(-1)!;
    const parentPath = path.slice(0, -1);
    return outcomes.map(({ outcome: o, flows }) => this.applied(root, parentPath, (parent, r) => {
      for (const f of flows) (r.taken ??= {})[f] = 1;
      if (o === 'empty') {
        if (k === 'a') parent.acts[idx].child = emptyInst(parent.acts[idx].child!.scope);
        else parent.evs.splice(idx, 1);
      } else {
        if (k === 'e') parent.evs.splice(idx, 1);
        this.escalate(r, k === 'a' ? path : parentPath, o.slice(4));
      }
    }));
  }

  /** The recorded step happening now, in every way the state allows. */
  fire(root: Inst, step: string, unit?: string, type?: string): Inst[] {
    const out: Inst[] = [];
    const n = this.c.m.nodes.get(step);
    if (!n) return out;
    const apply = (path: Path, fn: (inst: Inst, root: Inst) => void) => out.push(this.applied(root, path, fn));
    if (n.type === 'startEvent' && !n.parent) {
      if (!root.started && !alive(root)) apply([], (i) => ((i.started = true), this.leave(i, n)));
      return out;
    }
    for (const [inst, path] of walk(root)) {
      if (!this.eligible(root, path, step, unit)) continue;
      if (['userTask', 'receiveTask', 'task'].includes(n.type)) {
        const seen = new Set<boolean>();
        inst.acts.forEach((act, a) => {
          if (act.node !== step || seen.has(act.w)) return;
          seen.add(act.w);
          apply(path, (i) => ((i.acts[a].w = true), (i.acts[a].last = type)));
        });
      } else if (n.type === 'boundaryEvent') {
        const seen = new Set<boolean>();
        inst.acts.forEach((act, a) => {
          if (act.node !== n.attachedTo || seen.has(act.w)) return;
          seen.add(act.w);
          apply(path, (i) => {
            if (n.interrupting) i.acts.splice(a, 1);
            this.leave(i, n);
          });
        });
      } else if (n.type === 'startEvent') {
        // The start of an event sub-process: its parent scope must be running.
        const parentScope = this.node(n.parent!).parent ?? null;
        if (inst.scope === parentScope && alive(inst) && (inst !== root || root.started)) {
          apply(path, (i) => {
            if (n.interrupting) {
              i.tokens = {};
              i.acts = [];
              i.evs = [];
            }
            const child = emptyInst(n.parent!);
            i.evs.push(child);
            this.leave(child, n);
          });
        }
      } else {
        for (const flow of n.incoming) {
          if (!inst.tokens[flow]) continue;
          apply(path, (i, r) => {
            takeToken(i, flow);
            if (n.type === 'endEvent') this.end(r, path, n);
            else this.leave(i, n);
          });
        }
        // A catch event after an event-based gateway: the gateway's token is the one that waits.
        if (n.type === 'intermediateCatchEvent') {
          for (const flow of Object.keys(inst.tokens)) {
            const g = this.target(flow);
            if (g.type !== 'eventBasedGateway' || !g.outgoing.some((o) => this.c.m.flows.get(o)!.target === n.id)) continue;
            const via = g.outgoing.find((o) => this.c.m.flows.get(o)!.target === n.id)!;
            apply(path, (i) => (takeToken(i, flow), mark(via), this.leave(i, n)));
          }
        }
      }
    }
    return out;
  }

  /** States right after `step`, nearest first: breadth-first over the silent moves that lead towards it. */
  *successors(root: Inst, step: string, unit: string | undefined, budget: { left: number }, type?: string): Generator<Inst> {
    if (!this.c.m.nodes.has(step)) return;
    let frontier = [root];
    const seen = new Set([canon(root)]);
    const yielded = new Set<string>();
    for (let depth = 0; depth <= MAX_SILENT && frontier.length && budget.left > 0; depth++) {
      for (const s of frontier) {
        budget.left--;
        for (const r of this.fire(s, step, unit, type)) {
          const k = canon(r);
          if (!yielded.has(k)) {
            yielded.add(k);
            yield r;
          }
        }
      }
      const next: Inst[] = [];
      for (const s of frontier) {
        for (const r of this.silentMoves(s, step, unit)) {
          budget.left--;
          const k = canon(r);
          if (!seen.has(k)) {
            seen.add(k);
            next.push(r);
          }
        }
      }
      frontier = next;
    }
  }
}

/** For the live view: tasks whose last event finished them move on where the facts leave one way,
 * and every assigned unit not yet heard from shows where it waits. */
function settle(g: Game, root: Inst): Inst {
  const r = clone(root);
  taken = undefined;
  for (const [inst] of [...walk(r)]) {
    for (let a = inst.acts.length - 1; a >= 0; a--) {
      const act = inst.acts[a];
      if (act.child || !act.w || (act.last && ENTRY_TYPES.has(act.last))) continue;
      inst.acts.splice(a, 1);
      g.leave(inst, g.node(act.node));
    }
  }
  g.normalize(r);
  for (const [inst] of [...walk(r)]) {
    const unitSub = (g.c.evsubs.get(inst.scope) ?? []).find((e) => e.id === UNIT_SCOPE);
    const start = unitSub && g.node(unitSub.children.find((c) => g.node(c).type === 'startEvent')!);
    if (!start || !inst.armed?.includes(start.ref!)) continue;
    for (const u of g.facts.units ?? []) {
      if (!inst.evs.some((x) => x.key === u) && !g.facts.returned?.includes(u)) inst.evs.push(g.startInst(UNIT_SCOPE, u));
    }
  }
  g.normalize(r);
  return r;
}

function activeOf(g: Game, root: Inst): string[] {
  const out = new Set<string>();
  for (const [inst] of walk(root)) {
    if (inst.scope && alive(inst)) out.add(inst.scope);
    for (const a of inst.acts) out.add(a.node);
    for (const f of Object.keys(inst.tokens)) out.add(g.target(f).id);
  }
  return [...out];
}

/** Observable steps that could come next from any of these states (for the deviation's explanation). */
function expectedFrom(g: Game, states: Inst[]): string[] {
  const out = new Set<string>();
  // Only an explanation: bounded in time so that a deviant case still answers quickly.
  const until = Date.now() + 300;
  for (const step of g.c.observable) {
    if (Date.now() > until) break;
    for (const s of states.slice(0, 1)) {
      const it = g.successors(s, step, undefined, { left: 25 });
      if (!it.next().done) {
        out.add(step);
        break;
      }
    }
  }
  return [...out].sort();
}

export function replay(model: ProcessModel, trace: TraceEvent[], facts: CaseFacts = {}, maxWork = 50_000): Replay {
  const g = new Game(compile(model), facts);
  const completed = [...new Set(trace.map((e) => e.step))];
  const budget = { left: maxWork };
  const failed = new Set<string>();
  let deepest = { index: 0, states: [] as Inst[] };
  let final: Inst | undefined;

  const go = (i: number, state: Inst): boolean => {
    if (i === trace.length) {
      final = state;
      return true;
    }
    const k = `${i}:${canon(state)}`;
    if (failed.has(k)) return false;
    const e = trace[i];
    let routes = 0;
    for (const next of g.successors(state, e.step, e.unitId ?? undefined, budget, e.type)) {
      if (go(i + 1, next)) return true;
      if (budget.left <= 0 || ++routes >= MAX_ROUTES) break;
    }
    if (i > deepest.index || (i === deepest.index && deepest.states.length < 3)) deepest = { index: i, states: i > deepest.index ? [state] : [...deepest.states, state] };
    failed.add(k);
    return false;
  };

  const root: Inst = emptyInst(null);
  if (go(0, root) && final) return { ok: true, completed, active: activeOf(g, settle(g, final)), flows: Object.keys(final.taken ?? {}).sort() };
  const e = trace[deepest.index];
  const known = model.nodes.has(e.step);
  const exhausted = budget.left <= 0;
  const reason = !known
    ? `模型中没有该元素 / the model has no element ${e.step}`
    : exhausted
      ? `路径过于复杂，无法在限定步数内判定 / too many possible routes to decide within the search budget`
      : `此时不可能发生：前面的步骤没有到达 ${e.step} / ${e.step} cannot happen here: the preceding steps do not lead to it`;
  return {
    ok: false,
    completed,
    active: deepest.states[0] ? activeOf(g, deepest.states[0]) : [],
    flows: [],
    deviation: { index: deepest.index, step: e.step, unitId: e.unitId ?? undefined, reason, expected: known ? expectedFrom(g, deepest.states) : [] },
  };
}
