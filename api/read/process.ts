// Where a case stands in the BPMN model: its recorded path replayed over bpmn/suggestion.bpmn,
// the elements it has passed and those holding a token now, and the deadlines still running.
import { and, asc, eq } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { timerStep, TRACK_STEP } from '../../schema/steps';
import type { CaseState } from '../../schema/case';
import type { Db } from '../../activities/db';
import { loadModel } from '../../bpmn/model';
import { replay, type CaseFacts, type TraceEvent } from '../../bpmn/conformance';
import { notFound } from '../errors';
import { visibleTo } from '../scope';
import type { User } from '../context';

export interface PendingTimer { elementId: string; dueAt: string; alarm: string; unitId: string | null }
export interface CaseProcess {
  completed: string[];
  active: string[];
  timers: PendingTimer[];
  /** Where the timers came from: the case itself, or nothing when it could not be asked. */
  timersSource: 'workflow' | 'none' | 'unavailable';
  conformance: { ok: boolean; deviation?: { index: number; step: string; unitId?: string; reason: string; expected: string[] } };
}

/** The recorded path of a case and the facts its gateways depend on, from the read model. */
export async function caseTrace(db: Db, id: string): Promise<{ trace: TraceEvent[]; facts: CaseFacts }> {
  const [row] = await db.select({ source: t.suggestions.source, mergedInto: t.suggestions.mergedInto, assignMode: t.suggestions.assignMode, closure: t.suggestions.closure })
    .from(t.suggestions).where(eq(t.suggestions.id, id));
  const events = await db.select({ step: t.caseEvents.step, unitId: t.caseEvents.unitId, type: t.caseEvents.type })
    .from(t.caseEvents).where(eq(t.caseEvents.suggestionId, id)).orderBy(asc(t.caseEvents.seq));
  const units = await db.select({ unitId: t.assignments.unitId, role: t.assignments.role, status: t.assignments.status }).from(t.assignments).where(eq(t.assignments.suggestionId, id));
  // A merged suggestion's units are the primary's, so it has none of its own to bound them.
  // A unit reassigned in a new role played the old one first: its role is a fact only when it never changed.
  const reassigned = new Set(events.filter((e) => e.type === 'reassigned' && e.unitId).map((e) => e.unitId!));
  const roles = Object.fromEntries(units.filter((u) => !reassigned.has(u.unitId)).map((u) => [u.unitId, u.role]));
  return {
    trace: events.map((e) => ({ step: e.step, unitId: e.unitId, type: e.type })),
    facts: row ? {
      motion: row.source === 'motion', merged: !!row.mergedInto, mode: row.assignMode ?? undefined, closure: row.closure ?? undefined, roles,
      returned: units.filter((u) => u.status === 'returned').map((u) => u.unitId), units: row.mergedInto ? undefined : units.map((u) => u.unitId) } : {},
  };
}

/** The alarms a case still has to fire, each named by its timer element in the model. */
export function pendingTimers(state: CaseState): PendingTimer[] {
  const out: PendingTimer[] = [];
  for (const track of state.tracks) {
    if (!track.open) continue;
    const kind = track.kind === 'replyMax' ? 'reply' : track.kind;
    if (!(kind in TRACK_STEP)) continue;
    let repeatShown = false;
    for (const a of [...track.alarms].sort((x, y) => x.at - y.at)) {
      if (a.fired) continue;
      // Weekly repeats are planned a quarter ahead; the next one is what anyone needs to see.
      if (a.kind === 'repeat') {
        if (repeatShown) continue;
        repeatShown = true;
      }
      out.push({ elementId: timerStep(kind as keyof typeof TRACK_STEP, a.kind), dueAt: new Date(a.at).toISOString(), alarm: a.kind, unitId: track.unitId ?? null });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export async function caseProcess(db: Db, user: User, id: string, stateOf: (id: string) => Promise<CaseState>): Promise<CaseProcess> {
  const [row] = await db.select({ id: t.suggestions.id, nextDueAt: t.suggestions.nextDueAt, status: t.suggestions.status })
    .from(t.suggestions).where(and(eq(t.suggestions.id, id), visibleTo(user)));
  if (!row) throw notFound('建议', 'suggestion');
  const model = await loadModel();
  const { trace, facts } = await caseTrace(db, id);
  const r = replay(model, trace, facts);
  let timers: PendingTimer[] = [];
  let timersSource: CaseProcess['timersSource'] = 'none';
  // Only a case with an open deadline has timers; it is asked itself, since only it knows its alarms.
  if (row.nextDueAt) {
    try {
      timers = pendingTimers(await stateOf(id));
      timersSource = 'workflow';
    } catch {
      timersSource = 'unavailable';
    }
  }
  return { completed: r.completed, active: r.active, timers, timersSource, conformance: r.ok ? { ok: true } : { ok: false, deviation: r.deviation } };
}
