// The process model itself: it loads with no warnings, names every step the workflow records,
// refuses broken variants, and the replay catches a hand-made deviant path at the right step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { buildXml } from '../bpmn/build';
import { loadModel, missingSteps, MODEL_FILE, parseModel } from '../bpmn/model';
import { replay } from '../bpmn/conformance';
import { LADDER_ALARMS, recordableSteps, TRACK_LADDERS, timerSteps } from '../bpmn/steps';
import { STEPS } from '../schema/steps';

const xml = readFileSync(MODEL_FILE, 'utf8');

/** The committed model with one change made through bpmn-moddle, serialised again. */
async function variant(change: (byId: Record<string, any>, process: any) => void): Promise<string> {
  const moddle = new BpmnModdle();
  const { rootElement, elementsById } = await moddle.fromXML(xml);
  change(elementsById, rootElement.rootElements.find((e: any) => e.$type === 'bpmn:Process'));
  return (await moddle.toXML(rootElement)).xml;
}
const drop = (list: any[] | undefined, el: any) => list && list.splice(list.indexOf(el), 1);

test('the committed model loads with no warnings and holds every step and timer the workflow records', async () => {
  const { model, problems } = await parseModel(xml);
  expect(problems).toEqual([]);
  expect(missingSteps(model!)).toEqual([]);
  for (const s of [...Object.values(STEPS), 'Timer_Reply_Chase', 'Timer_ProgressReport_Repeat', 'Timer_Evaluation_Expired']) expect(model!.nodes.has(s)).toBe(true);
  const m = await loadModel();
  // Lanes per role, user tasks for people's steps, boundary timers that name their policy entry.
  expect(xml).toMatch(/<bpmn:lane id="Lane_Deputy" name="代表">/);
  expect(m.nodes.get('Task_Reply')!.type).toBe('userTask');
  expect(m.nodes.get('Timer_Reply_Chase')).toMatchObject({ type: 'boundaryEvent', attachedTo: 'Task_Reply', interrupting: false, event: 'timer' });
  expect(m.nodes.get('Timer_Reply_Chase')!.timer).toBe('${profile.deadlines.reply + profile.ladder.chaseAfter}');
  expect(m.nodes.get('Timer_Evaluation_Expired')!.timer).toBe('${profile.deadlines.evaluation}');
});

test('the committed file is what bpmn/build.ts writes from bpmn/spec.ts', async () => {
  expect(await buildXml()).toBe(xml);
});

test('every track the workflow opens has the ladder bpmn/steps.ts expects, so the timer list is complete', () => {
  const dir = path.join(__dirname, '..', 'workflows', 'suggestion');
  const src = ['intake.ts', 'handling.ts', 'answer.ts', 'progress.ts'].map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const opened = [...src.matchAll(/kind: '(\w+)'(?: as const)?, ladder: '(\w+)'/g)].map((m) => [m[1], m[2]]);
  expect(opened.length).toBeGreaterThan(8);
  for (const [kind, ladder] of opened) {
    if (kind === 'replyMax' || (kind === 'reply' && ladder === 'none')) continue; // caps and extensions fire nothing
    expect([kind, TRACK_LADDERS[kind as keyof typeof TRACK_LADDERS]]).toEqual([kind, ladder]);
  }
  expect(LADDER_ALARMS.none).toEqual([]);
  expect(timerSteps()).toContain('Timer_ProgressReport_Supervision');
  expect(timerSteps()).not.toContain('Timer_Assignment_Supervision');
});

test('removing an element the workflow uses fails the check', async () => {
  const broken = await variant((byId) => {
    const task = byId.Task_Reply;
    drop(task.$parent.flowElements, task);
  });
  const { model, problems } = await parseModel(broken);
  expect(missingSteps(model!)).toContain('Task_Reply');
  expect(problems.join('\n')).toMatch(/Task_Reply|unknown elements/);
});

test('unreachable nodes, dead ends, unknown elements and timers naming unknown policy entries are refused', async () => {
  const orphan = await variant((_byId, process) => {
    process.flowElements.push(new BpmnModdle().create('bpmn:UserTask', { id: 'Task_Orphan', name: '孤立任务' }));
  });
  expect((await parseModel(orphan)).problems.join('\n')).toMatch(/unreachable: Task_Orphan/);

  const deadEnd = await variant((byId) => {
    const flow = byId.Flow_Escalate_Escalated;
    drop(flow.$parent.flowElements, flow);
    drop(byId.Task_Escalate.outgoing, flow);
    drop(byId.End_Escalated.incoming, flow);
  });
  const dead = (await parseModel(deadEnd)).problems.join('\n');
  expect(dead).toMatch(/dead end: Task_Escalate has no outgoing flow/);
  expect(dead).toMatch(/unreachable: End_Escalated/);

  const unknownTimer = await variant((byId) => {
    byId.Timer_Reply_Chase.eventDefinitions[0].timeDuration.body = '${profile.deadlines.replyy + profile.ladder.chaseAfter}';
  });
  expect((await parseModel(unknownTimer)).problems).toContain('timer Timer_Reply_Chase refers to unknown policy entry profile.deadlines.replyy');

  const unnamed = await variant((byId) => {
    byId.Timer_Reply_Chase.eventDefinitions[0].timeDuration.body = 'P3M';
  });
  expect((await parseModel(unnamed)).problems.join('\n')).toMatch(/Timer_Reply_Chase names no policy-profile entry/);

  const unknown = xml.replace('<bpmn:userTask id="Task_Draft"', '<bpmn:choreographyTask id="Task_Choreo" /><bpmn:userTask id="Task_Draft"');
  expect((await parseModel(unknown)).problems.join('\n')).toMatch(/parser: unparsable content <bpmn:choreographyTask>|unsupported element/);
  expect((await parseModel('<nope/>')).problems.length).toBeGreaterThan(0);
});

const E = (step: string, unitId?: string) => ({ step, unitId });
const handled = [
  E('Start_Draft'), E('Task_Draft'), E('Task_Submit'), E('Task_Review'), E('Task_Assign'), E('Task_Assign'),
  E('Task_Acknowledge', 'MOF'), E('Task_Acknowledge', 'MCA'), E('Task_ContactDeputy', 'MCA'), E('Timer_Opinion_Reminder', 'MOF'),
  E('Task_CoHandlerOpinion', 'MOF'), E('Timer_Reply_Reminder', 'MCA'), E('Task_Reply', 'MCA'), E('Task_Evaluate'),
  E('Task_Evaluate', 'MCA'), E('End_Closed'), E('Task_DecideDisclosure'),
];
const facts = { roles: { MCA: 'lead', MOF: 'co' }, units: ['MCA', 'MOF'], mode: 'lead_co', merged: false, motion: false };

test('a conforming path replays, and hand-made deviations are caught at the step that breaks it', async () => {
  const m = await loadModel();
  const ok = replay(m, handled, facts);
  expect(ok).toMatchObject({ ok: true });
  expect(ok.active).toEqual(expect.arrayContaining([]));

  // The lead replies before anyone assigned the suggestion.
  const early = [...handled.slice(0, 4), E('Task_Reply', 'MCA'), ...handled.slice(4)];
  expect(replay(m, early, facts).deviation).toMatchObject({ index: 4, step: 'Task_Reply', unitId: 'MCA' });
  // The deputy rates a reply that was never given.
  const noReply = handled.filter((e) => e.step !== 'Task_Reply');
  expect(replay(m, noReply, facts).deviation).toMatchObject({ index: 12, step: 'Task_Evaluate' });
  // A co-handler replies to the deputy: its role has no such step.
  const coReply = [...handled.slice(0, 11), E('Task_Reply', 'MOF'), ...handled.slice(11)];
  expect(replay(m, coReply, facts).deviation).toMatchObject({ index: 11, step: 'Task_Reply', unitId: 'MOF' });
  // A reminder for a unit that was never assigned, and a step the model does not know.
  expect(replay(m, [...handled.slice(0, 6), E('Timer_Reply_Chase', 'NHC')], facts).deviation).toMatchObject({ index: 6 });
  const unknown = replay(m, [...handled.slice(0, 3), E('Task_Teleport')], facts);
  expect(unknown.deviation).toMatchObject({ index: 3, step: 'Task_Teleport' });
  expect(unknown.deviation!.reason).toMatch(/模型中没有该元素/);
  // Nothing happens after a rejection.
  const rejected = [E('Start_Draft'), E('Task_Submit'), E('Task_Review'), E('End_Rejected'), E('Task_Assign')];
  const r = replay(m, rejected, {});
  expect(r.deviation).toMatchObject({ index: 4, step: 'Task_Assign' });
  expect(r.deviation!.reason).toMatch(/cannot happen here/);
  expect(recordableSteps().length).toBeGreaterThan(50);
});
