// Loads bpmn/suggestion.bpmn with bpmn-moddle into a small graph the conformance check can walk,
// and says what is wrong with it: parser warnings, element types we do not model, nodes no token
// can reach, nodes from which no end can be reached, timers naming policy entries that do not exist,
// shapes missing from the diagram, and steps the workflow records that the model lacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { nationalProfile, type Profile } from '../schema/profile';
import { recordableSteps } from './steps';

export type NodeType =
  | 'startEvent' | 'endEvent' | 'userTask' | 'receiveTask' | 'task' | 'exclusiveGateway' | 'parallelGateway'
  | 'inclusiveGateway' | 'eventBasedGateway' | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent' | 'subProcess';
export type EventKind = 'timer' | 'message' | 'signal' | 'escalation' | 'conditional' | 'terminate' | 'none';

export interface ModelNode {
  id: string;
  type: NodeType;
  name?: string;
  /** The sub-process this node sits in; undefined at process level. */
  parent?: string;
  incoming: string[];
  outgoing: string[];
  event: EventKind;
  /** Message, signal or escalation code the event refers to. */
  ref?: string;
  /** Timer expressions, e.g. `${profile.deadlines.reply}`. */
  timer?: string;
  /** A conditional event's condition. */
  condition?: string;
  attachedTo?: string;
  interrupting?: boolean;
  /** Sub-processes: started by an event inside their parent rather than by a sequence flow. */
  eventSubProcess?: boolean;
  boundaries: string[];
  children: string[];
}
export interface ModelFlow { id: string; source: string; target: string; name?: string; condition?: string }
export interface ProcessModel { xml: string; processId: string; nodes: Map<string, ModelNode>; flows: Map<string, ModelFlow> }

const NODE_TYPES = new Set<string>([
  'StartEvent', 'EndEvent', 'UserTask', 'ReceiveTask', 'Task', 'ExclusiveGateway', 'ParallelGateway', 'InclusiveGateway',
  'EventBasedGateway', 'IntermediateCatchEvent', 'IntermediateThrowEvent', 'BoundaryEvent', 'SubProcess',
]);
const EVENT_KINDS: Record<string, EventKind> = {
  'bpmn:TimerEventDefinition': 'timer', 'bpmn:MessageEventDefinition': 'message', 'bpmn:SignalEventDefinition': 'signal',
  'bpmn:EscalationEventDefinition': 'escalation', 'bpmn:ConditionalEventDefinition': 'conditional', 'bpmn:TerminateEventDefinition': 'terminate',
};

export const MODEL_FILE = path.join(__dirname, 'suggestion.bpmn');

export class ModelError extends Error {
  constructor(readonly problems: string[]) {
    super(`BPMN model is invalid:\n- ${problems.join('\n- ')}`);
  }
}

/** Parse and check; problems are returned, not thrown, so a test can look at each. */
export async function parseModel(xml: string, profile: Profile = nationalProfile): Promise<{ model?: ProcessModel; problems: string[] }> {
  const problems: string[] = [];
  const moddle = new BpmnModdle();
  let parsed;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (err) {
    return { problems: [`not readable as BPMN 2.0: ${(err as Error).message}`] };
  }
  for (const w of parsed.warnings) problems.push(`parser: ${w.message.split('\n')[0]}`);
  const defs = parsed.rootElement;
  const processes = (defs.rootElements ?? []).filter((e: any) => e.$type === 'bpmn:Process');
  if (processes.length !== 1) return { problems: [...problems, `expected one process, found ${processes.length}`] };
  const proc = processes[0];
  const nodes = new Map<string, ModelNode>();
  const flows = new Map<string, ModelFlow>();

  const walk = (container: any, parent?: string) => {
    for (const el of container.flowElements ?? []) {
      const t = String(el.$type).replace(/^bpmn:/, '');
      if (t === 'SequenceFlow') {
        flows.set(el.id, { id: el.id, source: el.sourceRef?.id, target: el.targetRef?.id, name: el.name, condition: el.conditionExpression?.body });
        continue;
      }
      if (!NODE_TYPES.has(t)) {
        problems.push(`unsupported element ${el.$type} ${el.id}`);
        continue;
      }
      const def = el.eventDefinitions?.[0];
      if ((el.eventDefinitions?.length ?? 0) > 1) problems.push(`${el.id}: more than one event definition`);
      if (def && !EVENT_KINDS[def.$type]) problems.push(`${el.id}: unsupported event definition ${def.$type}`);
      const node: ModelNode = {
        id: el.id, type: (t[0].toLowerCase() + t.slice(1)) as NodeType, name: el.name, parent, incoming: [], outgoing: [],
        event: def ? EVENT_KINDS[def.$type] ?? 'none' : 'none',
        ref: def?.messageRef?.id ?? def?.signalRef?.id ?? def?.escalationRef?.escalationCode ?? def?.escalationRef?.id,
        timer: def?.$type === 'bpmn:TimerEventDefinition' ? [def.timeDuration?.body, def.timeCycle?.body, def.timeDate?.body].filter(Boolean).join(' ') : undefined,
        condition: def?.$type === 'bpmn:ConditionalEventDefinition' ? def.condition?.body : undefined,
        attachedTo: el.attachedToRef?.id,
        interrupting: t === 'BoundaryEvent' ? el.cancelActivity !== false : t === 'StartEvent' ? el.isInterrupting !== false : undefined,
        eventSubProcess: t === 'SubProcess' ? !!el.triggeredByEvent : undefined,
        boundaries: [], children: [],
      };
      if (nodes.has(el.id)) problems.push(`duplicate id ${el.id}`);
      nodes.set(el.id, node);
      if (parent) nodes.get(parent)!.children.push(el.id);
      if (t === 'SubProcess') walk(el, el.id);
    }
  };
  walk(proc);

  for (const f of flows.values()) {
    const s = nodes.get(f.source);
    const d = nodes.get(f.target);
    if (!s || !d) {
      problems.push(`flow ${f.id} connects unknown elements`);
      continue;
    }
    if (s.parent !== d.parent) problems.push(`flow ${f.id} crosses a sub-process boundary (${f.source} → ${f.target})`);
    s.outgoing.push(f.id);
    d.incoming.push(f.id);
  }
  for (const n of nodes.values()) {
    if (n.attachedTo) {
      const host = nodes.get(n.attachedTo);
      if (!host) problems.push(`${n.id} is attached to unknown ${n.attachedTo}`);
      else host.boundaries.push(n.id);
    }
  }
  const model: ProcessModel = { xml, processId: proc.id, nodes, flows };
  problems.push(...structureProblems(model), ...timerProblems(model, profile), ...diagramProblems(defs, model));
  return { model, problems };
}

const isActivity = (n: ModelNode) => ['userTask', 'receiveTask', 'task', 'subProcess'].includes(n.type);

/** Unreachable nodes and dead ends, scope by scope. */
function structureProblems(m: ProcessModel): string[] {
  const problems: string[] = [];
  const nodes = [...m.nodes.values()];
  const targetsOf = (n: ModelNode) => n.outgoing.map((f) => m.flows.get(f)!.target);
  // Reachable: from the process's start events, into sub-processes, onto boundary events, into event sub-processes.
  const reached = new Set<string>();
  const queue = nodes.filter((n) => !n.parent && n.type === 'startEvent').map((n) => n.id);
  // Event sub-processes of a scope start once the scope runs.
  const startEventSubs = (scope?: string) => {
    for (const n of nodes) if (n.parent === scope && n.eventSubProcess) queue.push(n.id);
  };
  startEventSubs(undefined);
  while (queue.length) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const n = m.nodes.get(id)!;
    if (n.type === 'subProcess') {
      for (const c of n.children) if (m.nodes.get(c)!.type === 'startEvent') queue.push(c);
      startEventSubs(n.id);
    }
    queue.push(...n.boundaries, ...targetsOf(n));
  }
  for (const n of nodes) if (!reached.has(n.id)) problems.push(`unreachable: ${n.id}`);

  // Dead ends: every node must lead to an end event of its own scope (a sub-process then carries on).
  const completes = new Set<string>(nodes.filter((n) => n.type === 'endEvent').map((n) => n.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of nodes) {
      if (completes.has(n.id)) continue;
      if (n.type === 'subProcess' && n.eventSubProcess) continue;
      if (targetsOf(n).some((t) => completes.has(t))) {
        completes.add(n.id);
        changed = true;
      }
    }
  }
  for (const n of nodes) {
    if (n.type === 'endEvent' || (n.type === 'subProcess' && n.eventSubProcess)) continue;
    if (n.outgoing.length === 0) problems.push(`dead end: ${n.id} has no outgoing flow`);
    else if (!completes.has(n.id)) problems.push(`dead end: no end event can be reached from ${n.id}`);
    if (n.type !== 'startEvent' && n.type !== 'boundaryEvent' && n.incoming.length === 0) problems.push(`${n.id} has no incoming flow`);
  }
  for (const n of nodes) {
    if (n.type === 'subProcess' && !n.children.some((c) => m.nodes.get(c)!.type === 'startEvent')) problems.push(`${n.id} has no start event`);
    if (n.type === 'boundaryEvent' && !isActivity(m.nodes.get(n.attachedTo!) ?? ({} as ModelNode))) problems.push(`${n.id} is not attached to an activity`);
    if (n.type === 'eventBasedGateway') {
      for (const t of targetsOf(n)) if (m.nodes.get(t)!.type !== 'intermediateCatchEvent') problems.push(`${n.id} must be followed by catch events, not ${t}`);
    }
  }
  return problems;
}

/** Each timer names the policy-profile entries it is computed from; each name must exist in the profile. */
function timerProblems(m: ProcessModel, profile: Profile): string[] {
  const problems: string[] = [];
  for (const n of m.nodes.values()) {
    if (n.event !== 'timer') continue;
    const refs = [...(n.timer ?? '').matchAll(/profile\.([A-Za-z0-9_.]+)/g)].map((x) => x[1]);
    if (!refs.length) problems.push(`timer ${n.id} names no policy-profile entry (\${profile.<path>})`);
    for (const r of refs) {
      let v: unknown = profile;
      for (const part of r.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
      if (v === undefined) problems.push(`timer ${n.id} refers to unknown policy entry profile.${r}`);
    }
  }
  return problems;
}

/** A model that opens in a modeler needs a shape for every node and an edge for every flow. */
function diagramProblems(defs: any, m: ProcessModel): string[] {
  const drawn = new Set<string>();
  for (const d of defs.diagrams ?? []) for (const e of d.plane?.planeElement ?? []) if (e.bpmnElement?.id) drawn.add(e.bpmnElement.id);
  const missing = [...m.nodes.keys(), ...m.flows.keys()].filter((id) => !drawn.has(id));
  return missing.length ? [`not in the diagram: ${missing.join(', ')}`] : [];
}

/** The workflow's recorded steps that the model lacks. */
export function missingSteps(m: ProcessModel, steps: string[] = recordableSteps()): string[] {
  return steps.filter((s) => !m.nodes.has(s));
}

let cached: Promise<ProcessModel> | undefined;

/** The committed model, checked once per process; an invalid model is an error, never half-used. */
export function loadModel(): Promise<ProcessModel> {
  cached ??= (async () => {
    const { model, problems } = await parseModel(readFileSync(MODEL_FILE, 'utf8'));
    const missing = model ? missingSteps(model) : [];
    if (!model || problems.length || missing.length) throw new ModelError([...problems, ...missing.map((s) => `step the workflow records is not in the model: ${s}`)]);
    return model;
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}
