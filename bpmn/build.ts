// Writes bpmn/suggestion.bpmn from bpmn/spec.ts: BPMN 2.0 semantics plus diagram interchange
// (shapes, edges, one pool with a lane per role). Run `npx tsx bpmn/build.ts` after editing the spec;
// tests/bpmn-model.test.ts fails if the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { ESCALATIONS, LANES, MESSAGES, SIGNALS, spec, type EventDef, type FlowSpec, type NodeSpec } from './spec';

const COL = 120;
const ROW = 100;
const X0 = 160;
const Y0 = 110;
const PAD = 28;

interface Box { x: number; y: number; width: number; height: number }
const cx = (b: Box) => b.x + b.width / 2;
const cy = (b: Box) => b.y + b.height / 2;

function size(n: NodeSpec): [number, number] {
  if (n.kind === 'userTask' || n.kind === 'receiveTask') return [n.width ?? 100, 80];
  if (['xor', 'and', 'or', 'eventGateway'].includes(n.kind)) return [50, 50];
  return [36, 36];
}

/** Shapes: leaves from the grid, boundary events on their activity's edge, containers around their children. */
export function layout(nodes: NodeSpec[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (!n.at) continue;
    const [w, h] = size(n);
    boxes.set(n.id, { x: X0 + n.at[0] * COL - w / 2, y: Y0 + n.at[1] * ROW - h / 2, width: w, height: h });
  }
  const depth = (id: string): number => (byId.get(id)?.parent ? 1 + depth(byId.get(id)!.parent!) : 0);
  const containers = nodes.filter((n) => n.kind === 'subProcess' || n.kind === 'eventSubProcess').sort((a, b) => depth(b.id) - depth(a.id));
  const placeBoundaries = (on: string) => {
    const host = boxes.get(on)!;
    const isContainer = containers.some((c) => c.id === on);
    for (const b of nodes.filter((x) => x.attachedTo === on)) {
      const slot = b.slot ?? 0;
      const x = isContainer ? host.x + host.width - 80 - slot * 44 : host.x + 4 + slot * 31;
      const y = b.side === 'top' ? host.y - 18 : host.y + host.height - 18;
      boxes.set(b.id, { x, y, width: 36, height: 36 });
    }
  };
  for (const n of nodes) if (n.at && (n.kind === 'userTask' || n.kind === 'receiveTask')) placeBoundaries(n.id);
  for (const c of containers) {
    const inner = nodes.filter((x) => x.parent === c.id).map((x) => boxes.get(x.id)!).filter(Boolean);
    const x1 = Math.min(...inner.map((b) => b.x)) - PAD;
    const y1 = Math.min(...inner.map((b) => b.y)) - PAD - 14;
    const x2 = Math.max(...inner.map((b) => b.x + b.width)) + PAD;
    const y2 = Math.max(...inner.map((b) => b.y + b.height)) + PAD;
    boxes.set(c.id, { x: x1, y: y1, width: x2 - x1, height: y2 - y1 });
    placeBoundaries(c.id);
  }
  return boxes;
}

type Pt = { x: number; y: number };
const grid = ([c, r]: [number, number]): Pt => ({ x: X0 + c * COL, y: Y0 + r * ROW });

function anchorToward(b: Box, p: Pt, side?: 'top' | 'bottom'): [Pt, 'h' | 'v'] {
  if (side === 'top') return [{ x: cx(b), y: b.y }, 'v'];
  if (side === 'bottom') return [{ x: cx(b), y: b.y + b.height }, 'v'];
  const dx = p.x - cx(b);
  const dy = p.y - cy(b);
  if (Math.abs(dx) >= Math.abs(dy) && Math.abs(dx) > b.width / 2) return [{ x: dx > 0 ? b.x + b.width : b.x, y: cy(b) }, 'h'];
  return [{ x: cx(b), y: dy > 0 ? b.y + b.height : b.y }, 'v'];
}

/** Orthogonal waypoints: out of the source towards the first bend, through the given bends, into the target. */
export function route(src: Box, dst: Box, via: Pt[], srcSide?: 'top' | 'bottom'): Pt[] {
  const first = via[0] ?? { x: cx(dst), y: cy(dst) };
  const last = via.at(-1) ?? { x: cx(src), y: cy(src) };
  const [a, aDir] = anchorToward(src, first, srcSide);
  const [b, bDir] = anchorToward(dst, last);
  const pts: Pt[] = [a];
  const push = (p: Pt, dir: 'h' | 'v') => {
    const prev = pts.at(-1)!;
    if (prev.x !== p.x && prev.y !== p.y) pts.push(dir === 'h' ? { x: p.x, y: prev.y } : { x: prev.x, y: p.y });
    pts.push(p);
  };
  if (via.length === 0) {
    if (aDir === 'h' && bDir === 'h' && a.y !== b.y) {
      const mx = Math.round((a.x + b.x) / 2);
      pts.push({ x: mx, y: a.y }, { x: mx, y: b.y });
    } else if (aDir === 'v' && bDir === 'v' && a.x !== b.x) {
      const my = Math.round((a.y + b.y) / 2);
      pts.push({ x: a.x, y: my }, { x: b.x, y: my });
    } else if (aDir === 'v' && bDir === 'h') pts.push({ x: a.x, y: b.y });
    else if (aDir === 'h' && bDir === 'v') pts.push({ x: b.x, y: a.y });
    pts.push(b);
    return pts;
  }
  via.forEach((p, i) => push(p, i === 0 ? (aDir === 'h' ? 'h' : 'v') : 'h'));
  push(b, bDir === 'h' ? 'v' : 'h');
  return pts.filter((p, i) => i === 0 || p.x !== pts[i - 1].x || p.y !== pts[i - 1].y);
}

const TYPES: Record<NodeSpec['kind'], string> = {
  start: 'bpmn:StartEvent', end: 'bpmn:EndEvent', userTask: 'bpmn:UserTask', receiveTask: 'bpmn:ReceiveTask',
  xor: 'bpmn:ExclusiveGateway', and: 'bpmn:ParallelGateway', or: 'bpmn:InclusiveGateway', eventGateway: 'bpmn:EventBasedGateway',
  catch: 'bpmn:IntermediateCatchEvent', throw: 'bpmn:IntermediateThrowEvent', boundary: 'bpmn:BoundaryEvent',
  subProcess: 'bpmn:SubProcess', eventSubProcess: 'bpmn:SubProcess',
};

export async function buildXml(nodes: NodeSpec[] = spec.nodes, flows: FlowSpec[] = spec.flows): Promise<string> {
  const moddle = new BpmnModdle();
  const c = (type: string, attrs: Record<string, unknown> = {}) => moddle.create(type, attrs);
  const expr = (body: string) => c('bpmn:FormalExpression', { body });
  const roots: Record<string, any> = {};
  for (const [id, name] of Object.entries(MESSAGES)) roots[id] = c('bpmn:Message', { id, name });
  for (const [id, name] of Object.entries(SIGNALS)) roots[id] = c('bpmn:Signal', { id, name });
  for (const [id, e] of Object.entries(ESCALATIONS)) roots[id] = c('bpmn:Escalation', { id, name: e.name, escalationCode: e.code });

  const definition = (d: EventDef) => {
    switch (d.type) {
      case 'timer': return c('bpmn:TimerEventDefinition', d.cycle ? { timeCycle: expr(d.cycle) } : { timeDuration: expr(d.duration!) });
      case 'message': return c('bpmn:MessageEventDefinition', { messageRef: roots[d.ref] });
      case 'signal': return c('bpmn:SignalEventDefinition', { signalRef: roots[d.ref] });
      case 'escalation': return c('bpmn:EscalationEventDefinition', { escalationRef: roots[d.ref] });
      case 'conditional': return c('bpmn:ConditionalEventDefinition', { condition: expr(d.condition) });
      case 'terminate': return c('bpmn:TerminateEventDefinition');
    }
  };

  const process = c('bpmn:Process', { id: 'Process_Suggestion', name: '人大代表建议办理', isExecutable: false, flowElements: [] });
  process.documentation = [c('bpmn:Documentation', { text:
    '计时事件以 ${profile.<路径>} 引用政策配置（schema/profile.ts）中的期限与提醒阶梯；' +
    '条件 ${motion}、${merged}、${mode == …}、${role == …} 为案件事实。' +
    ' Timers name the policy-profile entries they are computed from as ${profile.<path>}.' })];
  const els = new Map<string, any>();
  const containerOf = (n: NodeSpec) => (n.parent ? els.get(n.parent) : process);
  const ordered = [...nodes].sort((a, b) => Number(!!b.kind.endsWith('ubProcess')) - Number(!!a.kind.endsWith('ubProcess')));
  // Containers first (parents before children), so every element has somewhere to go.
  const depth = (n: NodeSpec): number => (n.parent ? 1 + depth(nodes.find((x) => x.id === n.parent)!) : 0);
  ordered.sort((a, b) => depth(a) - depth(b));
  for (const n of ordered.filter((x) => x.kind.endsWith('ubProcess'))) {
    const el = c('bpmn:SubProcess', { id: n.id, name: n.name, flowElements: [], triggeredByEvent: n.kind === 'eventSubProcess' });
    els.set(n.id, el);
  }
  for (const n of ordered.filter((x) => x.kind.endsWith('ubProcess'))) containerOf(n).flowElements.push(els.get(n.id));
  for (const n of nodes.filter((x) => !x.kind.endsWith('ubProcess'))) {
    const attrs: Record<string, unknown> = { id: n.id, name: n.name };
    if (n.def) attrs.eventDefinitions = [definition(n.def)];
    if (n.kind === 'boundary') attrs.cancelActivity = n.interrupting !== false;
    if (n.kind === 'start' && n.interrupting === false) attrs.isInterrupting = false;
    const el = c(TYPES[n.kind], attrs);
    if (n.kind === 'receiveTask') el.messageRef = roots.Message_Contact;
    els.set(n.id, el);
    containerOf(n).flowElements.push(el);
  }
  for (const n of nodes.filter((x) => x.attachedTo)) els.get(n.id).attachedToRef = els.get(n.attachedTo!);
  const flowEls: any[] = [];
  flows.forEach((fl, i) => {
    const src = els.get(fl.from);
    const dst = els.get(fl.to);
    if (!src || !dst) throw new Error(`flow ${fl.from} → ${fl.to}: unknown element`);
    const id = `Flow_${fl.from.replace(/^[A-Za-z]+_/, '')}_${fl.to.replace(/^[A-Za-z]+_/, '')}${flows.slice(0, i).some((g) => g.from === fl.from && g.to === fl.to) ? `_${i}` : ''}`;
    const el = c('bpmn:SequenceFlow', { id, name: fl.name, sourceRef: src, targetRef: dst });
    if (fl.condition) el.conditionExpression = expr(fl.condition);
    (src.outgoing ??= []).push(el);
    (dst.incoming ??= []).push(el);
    const srcNode = nodes.find((x) => x.id === fl.from)!;
    containerOf(srcNode.kind === 'boundary' && !srcNode.parent ? srcNode : srcNode).flowElements.push(el);
    flowEls.push(el);
  });

  // Diagram: one pool, a lane per role, shapes and edges.
  const boxes = layout(nodes);
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x)) - 40;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + 40;
  const laneY = LANES.map((l) => [Y0 + l.rows[0] * ROW, Y0 + l.rows[1] * ROW]);
  laneY[0][0] = Math.min(laneY[0][0], Math.min(...all.map((b) => b.y)) - 20);
  laneY[laneY.length - 1][1] = Math.max(laneY.at(-1)![1], Math.max(...all.map((b) => b.y + b.height)) + 20);
  const laneOf = (b: Box) => Math.max(0, laneY.findIndex(([a, z]) => cy(b) >= a && cy(b) < z));
  const lanes = LANES.map((l) => c('bpmn:Lane', { id: l.id, name: l.name, flowNodeRef: [] as any[] }));
  for (const n of nodes) if (n.kind !== 'boundary') lanes[laneOf(boxes.get(n.id)!)].flowNodeRef.push(els.get(n.id));
  process.laneSets = [c('bpmn:LaneSet', { id: 'LaneSet_Roles', lanes })];
  const participant = c('bpmn:Participant', { id: 'Participant_Huying', name: '呼应：人大代表建议办理', processRef: process });
  const collaboration = c('bpmn:Collaboration', { id: 'Collaboration_Huying', participants: [participant] });

  const bounds = (b: Box) => c('dc:Bounds', { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });
  const plane: any[] = [];
  const poolX = minX - 30;
  plane.push(c('bpmndi:BPMNShape', { id: 'Participant_Huying_di', bpmnElement: participant, isHorizontal: true,
    bounds: bounds({ x: poolX, y: laneY[0][0], width: maxX - poolX, height: laneY.at(-1)![1] - laneY[0][0] }) }));
  lanes.forEach((l, i) => plane.push(c('bpmndi:BPMNShape', { id: `${l.id}_di`, bpmnElement: l, isHorizontal: true,
    bounds: bounds({ x: minX, y: laneY[i][0], width: maxX - minX, height: laneY[i][1] - laneY[i][0] }) })));
  const depthOf = (n: NodeSpec): number => depth(n) + (n.kind.endsWith('ubProcess') ? 0 : 0.5) + (n.kind === 'boundary' ? 0.5 : 0);
  for (const n of [...nodes].sort((a, b) => depthOf(a) - depthOf(b))) {
    const attrs: Record<string, unknown> = { id: `${n.id}_di`, bpmnElement: els.get(n.id), bounds: bounds(boxes.get(n.id)!) };
    if (n.kind.endsWith('ubProcess')) attrs.isExpanded = true;
    if (n.kind === 'xor') attrs.isMarkerVisible = true;
    plane.push(c('bpmndi:BPMNShape', attrs));
  }
  flows.forEach((fl, i) => {
    const src = nodes.find((x) => x.id === fl.from)!;
    const pts = route(boxes.get(fl.from)!, boxes.get(fl.to)!, (fl.via ?? []).map(grid), src.kind === 'boundary' ? src.side ?? 'bottom' : undefined);
    plane.push(c('bpmndi:BPMNEdge', { id: `${flowEls[i].id}_di`, bpmnElement: flowEls[i],
      waypoint: pts.map((p) => c('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) })) }));
  });
  const diagram = c('bpmndi:BPMNDiagram', { id: 'Diagram_Suggestion', name: '建议办理流程',
    plane: c('bpmndi:BPMNPlane', { id: 'Plane_Suggestion', bpmnElement: collaboration, planeElement: plane }) });
  const definitions = c('bpmn:Definitions', {
    id: 'Definitions_Huying', targetNamespace: 'https://huying.example/bpmn', exporter: 'huying bpmn/build.ts', exporterVersion: '1',
    rootElements: [collaboration, process, ...Object.values(roots)], diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;
}

export const MODEL_PATH = path.join(__dirname, 'suggestion.bpmn');

if (require.main === module) {
  buildXml().then((xml) => {
    writeFileSync(MODEL_PATH, xml);
    console.log(`wrote ${MODEL_PATH} (${xml.length} bytes)`);
  });
}
