// The suggestion workflow: one per suggestion, owner of its state and of every deadline.
// Commands are Updates whose validators refuse illegal transitions before anything is written;
// a handler returns only after the projection committed, so the caller reads its own write.
import {
  ActivityFailure, allHandlersFinished, ApplicationFailure, condition, continueAsNew, defineQuery, defineSignal, defineUpdate, getExternalWorkflowHandle,
  log, patched, proxyLocalActivities, setHandler, workflowInfo,
} from '@temporalio/workflow';
import type { Actor, CommandEnvelope, CommandName } from '../../schema/commands';
import { caseWorkflowId, FINAL_STATUSES, type CaseActivities, type CaseInput, type CaseState, type CommandResult, type Reply, type TrackPlan, type TrackRequest } from '../../schema/case';
import { STEPS } from '../../schema/steps';
import { refuse } from './refuse';
import { intake, submit, accept } from './intake';
import { handling } from './handling';
import { answer, receiveMergedReplies } from './answer';
import { progress, settleProgress } from './progress';
import { fireAlarm } from './timers';
import { installPlans, nextAlarm, replanOpen } from './tracks';
import { Tx } from './tx';
import { commands } from './schemas';

// Timers keep retrying until the database is back: an alarm must not be lost.
const forAlarms = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
});
// A person's command gives up after ~10 s, so they get an answer (and can retry) instead of a hang;
// data the database refuses is not retried at all.
const forCommands = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '2s', maximumAttempts: 8, nonRetryableErrorTypes: ['DataError'] },
});

type Handler = {
  check(s: CaseState, actor: Actor, args: any, now: number): void;
  /** A command whose deadline comes from a date the person gave: planned first, checked, then applied with the plan. */
  track?(s: CaseState, actor: Actor, args: any): Omit<TrackRequest, 'startAt'>;
  afterPlan?(s: CaseState, actor: Actor, args: any, dueAt: number, now: number): void;
  apply(tx: Tx, args: any, actor: Actor, plan?: TrackPlan): void;
};
const COMMANDS: Record<CommandName, Handler> = { ...intake, ...handling, ...answer, ...progress } as Record<CommandName, Handler>;
export const COMMAND_NAMES = Object.keys(commands().commandSchemas) as CommandName[];

export const commandUpdates = Object.fromEntries(
  COMMAND_NAMES.map((n) => [n, defineUpdate<CommandResult, [CommandEnvelope<CommandName>]>(n)]),
) as { [C in CommandName]: ReturnType<typeof defineUpdate<CommandResult, [CommandEnvelope<C>]>> };
export const stateQuery = defineQuery<CaseState>('state');
/** Returns once the case exists in the read model: a creation the caller can read back at once. */
export const ensureUpdate = defineUpdate<CommandResult, []>('ensure');
export const recalculateSignal = defineSignal<[]>('recalculate');
export const absorbSignal = defineSignal<[{ id: string; leadDeputyId: string }]>('absorb');
export const mergedReplySignal = defineSignal<[Reply[]]>('mergedReply');

const SYSTEM: Actor = { role: 'system', id: 'system' };

// Timer loop behaviour added after cases were already running (re-arm only when the earliest alarm
// moves; compact a quiet run): histories recorded before it replay unchanged.
const PATCH_LEAN_TIMER_LOOP = 'lean-timer-loop';
/** A run this long (two commands or so) continues as new once its timer has been quiet for QUIET_MS. */
const COMPACT_AFTER_EVENTS = 16;
const QUIET_MS = 10_000;

function initialState(input: CaseInput, now: number): CaseState {
  const { cosignerIds, submitNow: _s, createdAt, ...rest } = input;
  return {
    ...rest,
    status: 'draft', step: STEPS.draft, cosigners: cosignerIds.filter((d) => d !== input.leadDeputyId).map((deputyId) => ({ deputyId, status: 'pending' })),
    assignments: [], communications: [], opinions: [], extensions: [], replies: [], evaluations: [], escalations: [],
    mergedCases: [], supervisionNotes: [], progressRequests: [], tracks: [], createdAt: createdAt ?? now, updatedAt: now, version: 0, eventSeq: 0,
  };
}

function parse<C extends CommandName>(name: C, env: CommandEnvelope<C>): { actor: Actor; args: any } {
  const { actorSchema, commandSchemas } = commands();
  const actor = actorSchema.safeParse(env?.actor);
  if (!actor.success) refuse('forbidden', '缺少或无效的操作人', 'missing or invalid actor', 'actor');
  const args = commandSchemas[name].safeParse(env?.input ?? {});
  if (!args.success) {
    const issue = args.error.issues[0];
    const field = issue.path.join('.') || undefined;
    refuse('invalid_input', `输入有误：${issue.message}`, `invalid input: ${issue.message}`, field);
  }
  return { actor: actor.data, args: args.data };
}

export async function suggestionWorkflow(input: CaseInput | { resume: CaseState }): Promise<CaseState> {
  const state: CaseState = 'resume' in input ? input.resume : initialState(input, Date.now());
  state.supervisionNotes ??= []; // states carried over from before supervision notes existed
  state.progressRequests ??= []; // ... and from before progress reports
  let tail: Promise<unknown> = Promise.resolve();
  // Handlers run one at a time, so a check made at the start of a handler still holds when it commits.
  const locked = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };

  async function commit(tx: Tx, acts: CaseActivities = forAlarms): Promise<void> {
    while (tx.plans.length) {
      const requests = tx.plans.splice(0);
      installPlans(state, requests, await acts.planTracks(state.congressId, state.profile, requests), tx.now);
    }
    settleProgress(state);
    state.version += 1;
    state.updatedAt = tx.now;
    await acts.project({ state, events: tx.events, notices: tx.notices });
    for (const s of tx.signals) {
      try {
        await getExternalWorkflowHandle(caseWorkflowId(s.caseId)).signal(s.name, s.payload);
      } catch (err) {
        log.warn('signal to another case failed', { to: s.caseId, name: s.name, err: String(err) });
      }
    }
  }

  async function runCommand(name: CommandName, env: CommandEnvelope<CommandName>): Promise<CommandResult> {
    const { actor, args } = parse(name, env);
    const handler = COMMANDS[name];
    handler.check(state, actor, args, Date.now());
    const tx = new Tx(state, actor, Date.now());
    // If the change cannot be committed, the case must be exactly as before: nothing half-written.
    const backup = JSON.stringify(state);
    try {
      if (handler.track) {
        const [plan] = await forCommands.planTracks(state.congressId, state.profile, [{ ...handler.track(state, actor, args), startAt: tx.now }]);
        handler.afterPlan?.(state, actor, args, plan.dueAt, tx.now);
        handler.apply(tx, args, actor, plan);
      } else handler.apply(tx, args, actor);
      await commit(tx, forCommands);
    } catch (err) {
      for (const k of Object.keys(state)) delete (state as unknown as Record<string, unknown>)[k];
      Object.assign(state, JSON.parse(backup));
      const ours = err instanceof ApplicationFailure && (err.details?.[0] as { code?: string } | undefined)?.code;
      if (!ours) {
        const root = err instanceof ActivityFailure ? err.cause : err;
        const data = root instanceof ApplicationFailure && root.type === 'DataError';
        refuse(data ? 'invalid_input' : 'unavailable', data ? '数据无法保存，请检查输入' : '暂时无法保存，请稍后重试',
          data ? 'the data could not be stored; check the input' : 'the change could not be stored right now; try again shortly');
      }
      throw err;
    }
    return { id: state.id, status: state.status, version: state.version, data: tx.events.length ? { events: tx.events.map((e) => e.type) } : undefined };
  }

  for (const name of COMMAND_NAMES) {
    setHandler(commandUpdates[name] as any, (env: CommandEnvelope<CommandName>) => locked(() => runCommand(name, env)), {
      validator: (env: CommandEnvelope<CommandName>) => {
        const { actor, args } = parse(name, env);
        COMMANDS[name].check(state, actor, args, Date.now());
      },
    });
  }
  setHandler(stateQuery, () => state);
  let created = 'resume' in input;
  setHandler(ensureUpdate, async () => {
    await condition(() => created);
    return { id: state.id, status: state.status, version: state.version };
  });
  const systemChange = (type: string, fn: (tx: Tx) => void) => locked(async () => {
    const tx = new Tx(state, SYSTEM, Date.now());
    fn(tx);
    if (tx.changed) {
      if (!tx.events.length) tx.event(type, state.step);
      await commit(tx);
    }
  });
  setHandler(recalculateSignal, () => systemChange('deadlines_recalculated', (tx) => {
    replanOpen(tx);
    if (tx.plans.length) tx.event('deadlines_recalculated', STEPS.recalculate);
  }));
  setHandler(absorbSignal, (m) => systemChange('absorbed', (tx) => {
    if (state.mergedCases.some((x) => x.id === m.id)) return;
    state.mergedCases.push(m);
    tx.event('absorbed', STEPS.merge, { data: { mergedId: m.id } });
    if (state.repliedAt) tx.signal(m.id, 'mergedReply', state.replies);
  }));
  setHandler(mergedReplySignal, (replies) => systemChange('merged_reply', (tx) => receiveMergedReplies(tx, replies)));

  if (!('resume' in input)) {
    await locked(async () => {
      const tx = new Tx(state, { role: 'deputy', id: input.leadDeputyId }, Date.now());
      tx.event('created', STEPS.start, { data: { source: input.source } });
      if (input.source === 'motion') {
        state.submittedAt = tx.now;
        accept(tx);
      } else if (input.submitNow) submit(tx);
      await commit(tx);
      created = true;
    });
  }

  const finished = () => FINAL_STATUSES.includes(state.status) && state.tracks.every((t) => !t.open);
  while (!finished()) {
    const seen = state.version;
    const next = nextAlarm(state);
    const wait = next ? next.alarm.at - Date.now() : undefined;
    if ((wait === undefined || wait > 0) && patched(PATCH_LEAN_TIMER_LOOP)) {
      // The timer is re-armed only when a change moves the earliest alarm, not after every command.
      const at = next?.alarm.at;
      const quiet = workflowInfo().historyLength >= COMPACT_AFTER_EVENTS
        && (wait === undefined || wait > QUIET_MS);
      const changed = () => nextAlarm(state)?.alarm.at !== at || finished();
      const timeout = quiet ? QUIET_MS : wait;
      const moved = timeout === undefined ? (await condition(changed), true) : await condition(changed, timeout);
      if (!moved && quiet) {
        // Quiet, with a long history: carry the state into a fresh run. A case woken later outside
        // the worker's cache (a deadline day wakes thousands at once) replays a few events, not all it did.
        await condition(allHandlersFinished);
        return continueAsNew<typeof suggestionWorkflow>({ resume: state });
      }
    } else if (wait === undefined) await condition(() => state.version !== seen || finished());
    else if (wait > 0) await condition(() => state.version !== seen, wait);
    await locked(async () => {
      const now = Date.now();
      const tx = new Tx(state, SYSTEM, now);
      for (let due = nextAlarm(state); due && due.alarm.at <= now; due = nextAlarm(state)) fireAlarm(tx, due.track, due.alarm);
      if (tx.changed) await commit(tx);
    });
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof suggestionWorkflow>({ resume: state });
    }
  }
  await condition(allHandlersFinished);
  return state;
}


