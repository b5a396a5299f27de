// Keeps the read model current from the workflow's state. Every write is idempotent: the case row
// only moves forward in version, events and notices are keyed by deterministic ids.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/common';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as t from '../schema/tables';
import { trackLevel, type CaseState, type Projection } from '../schema/case';
import { renderNotice } from './notices';
import type { Db } from './db';

const date = (ms?: number) => (ms === undefined ? null : new Date(ms));

/** ON CONFLICT DO UPDATE of every column, so a re-sent row converges on the latest values. */
function excludedAll(table: PgTable): Record<string, SQL> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([k, c]) => [k, sql.raw(`excluded."${c.name}"`)]));
}

function suggestionRow(s: CaseState): typeof t.suggestions.$inferInsert {
  const open = s.tracks.filter((x) => x.open && x.ladder !== 'none' && x.dueAt > 0);
  const replyDue = open.filter((x) => x.kind === 'reply' || x.kind === 'rehandling').map((x) => x.dueAt);
  const latest = new Map(s.evaluations.filter((e) => !e.unevaluated).map((e) => [e.unitId, e]));
  const worst = (k: 'attitude' | 'result') => {
    const order = ['unsatisfied', 'basically_satisfied', 'satisfied'];
    const vals = [...latest.values()].map((e) => e[k]!).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return vals[0] ?? (s.evaluations.length && s.evaluations.every((e) => e.unevaluated) ? 'unevaluated' : null);
  };
  return {
    id: s.id, congressId: s.congressId, sessionId: s.sessionId ?? null, number: s.number ?? null, title: s.title, body: s.body,
    categoryCode: s.categoryCode ?? null, source: s.source, leadDeputyId: s.leadDeputyId, delegationId: s.delegationId ?? null,
    proposedUnitIds: s.proposedUnitIds ?? [], status: s.status, step: s.step, assignMode: s.assignMode ?? null,
    resultClass: s.replies.at(-1)?.resultClass ?? null, attitude: worst('attitude'), satisfaction: worst('result'),
    evaluationRound: Math.max(0, ...s.evaluations.map((e) => e.round)),
    rehandlingCount: s.assignments.reduce((n, a) => n + a.round - 1, 0),
    isKey: !!s.key, committeeId: s.key?.committeeId ?? null, mergedInto: s.mergedInto ?? null,
    disclosure: s.disclosure ? (s.disclosure.publish ? 'published' : 'withheld') : null, closure: s.closure?.kind ?? null,
    profileVersion: s.profileVersion, nextDueAt: open.length ? new Date(Math.min(...open.map((x) => x.dueAt))) : null,
    replyDueAt: replyDue.length ? new Date(Math.min(...replyDue)) : null,
    overdueLevel: Math.max(0, ...s.tracks.map(trackLevel)),
    createdAt: new Date(s.createdAt), submittedAt: date(s.submittedAt), acceptedAt: date(s.acceptedAt), assignedAt: date(s.assignedAt),
    repliedAt: date(s.repliedAt), closedAt: date(s.closedAt), updatedAt: new Date(s.updatedAt), version: s.version,
  };
}

function dueOf(s: CaseState, id: string): Date | null {
  const tr = s.tracks.find((x) => x.id === id);
  return tr && tr.dueAt > 0 ? new Date(tr.dueAt) : null;
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity): retrying the same write cannot help. */
// drizzle wraps the driver's error, which carries the SQLSTATE.
const isDataError = (err: any): boolean => !!err && ((typeof err.code === 'string' && /^2[23]/.test(err.code)) || isDataError(err.cause));

export async function projectCase(db: Db, p: Projection): Promise<void> {
  try {
    await writeProjection(db, p);
  } catch (err) {
    if (isDataError(err)) throw ApplicationFailure.create({ type: 'DataError', message: String((err as Error).message), cause: err as Error });
    throw err;
  }
}

async function writeProjection(db: Db, { state: s, events, notices }: Projection): Promise<void> {
  await db.transaction(async (tx) => {
    const row = suggestionRow(s);
    const moved = await tx.insert(t.suggestions).values(row)
      .onConflictDoUpdate({ target: t.suggestions.id, set: excludedAll(t.suggestions), setWhere: sql`${t.suggestions.version} < excluded.version` })
      .returning({ id: t.suggestions.id });
    // An older snapshot that arrives late must not overwrite a newer one; its events still count.
    if (moved.length) await writeChildren(tx as unknown as Db, s);
    if (events.length) {
      await tx.insert(t.caseEvents).values(events.map((e) => ({
        id: e.id, suggestionId: s.id, congressId: s.congressId, seq: e.seq, type: e.type, step: e.step, actorRole: e.actor.role,
        actorId: e.actor.id, unitId: e.unitId ?? null, at: new Date(e.at), before: e.before ?? null, after: e.after ?? null, data: e.data ?? null,
      }))).onConflictDoNothing();
    }
    if (notices.length) {
      await tx.insert(t.outbox).values(notices.map((n) => ({
        id: n.key, congressId: s.congressId, suggestionId: s.id, kind: n.kind, recipientType: n.recipientType, recipientId: n.recipientId,
        ...renderNotice(n, s), dueAt: typeof n.data?.dueAt === 'number' ? new Date(n.data.dueAt) : null,
      }))).onConflictDoNothing();
    }
  });
}

async function upsert(db: Db, table: PgTable, rows: Record<string, unknown>[], target: any): Promise<void> {
  if (rows.length) await db.insert(table).values(rows as any).onConflictDoUpdate({ target, set: excludedAll(table) });
}

async function writeChildren(db: Db, s: CaseState): Promise<void> {
  await upsert(db, t.cosigners, s.cosigners.map((c) => ({ suggestionId: s.id, deputyId: c.deputyId, status: c.status, answeredAt: date(c.answeredAt) })),
    [t.cosigners.suggestionId, t.cosigners.deputyId]);
  await upsert(db, t.assignments, s.assignments.map((a) => ({
    suggestionId: s.id, unitId: a.unitId, role: a.role, status: a.status, assignedAt: new Date(a.assignedAt),
    acknowledgedAt: date(a.acknowledgedAt), returnReason: a.returnReason ?? null, firstContactAt: date(a.firstContactAt),
    opinionAt: date(a.opinionAt), repliedAt: date(a.repliedAt), returnUntil: dueOf(s, `return:${a.unitId}`),
    firstContactDueAt: dueOf(s, `contact:${a.unitId}`), opinionDueAt: dueOf(s, `opinion:${a.unitId}`),
    replyDueAt: a.round > 1 ? dueOf(s, `rehandle:${a.unitId}:${a.round}`) : dueOf(s, `reply:${a.unitId}`),
    overdueLevel: Math.max(0, ...s.tracks.filter((x) => x.unitId === a.unitId).map(trackLevel)),
  })), [t.assignments.suggestionId, t.assignments.unitId]);
  await upsert(db, t.communications, s.communications.map((c) => ({ ...c, suggestionId: s.id, unitId: c.unitId ?? null,
    participants: c.participants ?? null, occurredAt: new Date(c.occurredAt) })), t.communications.id);
  await upsert(db, t.opinions, s.opinions.map((o) => ({ ...o, suggestionId: s.id, body: o.body ?? null, waiverReason: o.waiverReason ?? null, at: new Date(o.at) })), t.opinions.id);
  await upsert(db, t.extensionRequests, s.extensions.map((e) => ({ id: e.id, suggestionId: s.id, unitId: e.unitId, reason: e.reason,
    requestedDueAt: new Date(e.requestedDueAt), status: e.status, decisionNote: e.decisionNote ?? null, requestedAt: new Date(e.requestedAt),
    decidedAt: date(e.decidedAt) })), t.extensionRequests.id);
  await upsert(db, t.replies, s.replies.map((r) => ({ ...r, suggestionId: s.id, commitments: r.commitments ?? null, repliedAt: new Date(r.repliedAt) })), t.replies.id);
  await upsert(db, t.evaluations, s.evaluations.map((e) => ({ id: e.id, suggestionId: s.id, unitId: e.unitId, round: e.round, deputyId: e.deputyId ?? null,
    attitude: e.attitude ?? null, result: e.result ?? null, reasons: e.reasons ?? null, unevaluated: e.unevaluated, at: new Date(e.at) })), t.evaluations.id);
  await upsert(db, t.supervisionNotes, (s.supervisionNotes ?? []).map((n) => ({ ...n, suggestionId: s.id, at: new Date(n.at) })), t.supervisionNotes.id);
  await upsert(db, t.progressRequests, (s.progressRequests ?? []).map((r) => ({ id: r.id, suggestionId: s.id, unitId: r.unitId,
    committeeId: r.requestedBy.committeeId ?? s.key?.committeeId ?? null, requestedByRole: r.requestedBy.role, requestedById: r.requestedBy.id,
    note: r.note, dueAt: new Date(r.dueAt), status: r.status, requestedAt: new Date(r.requestedAt), report: r.report ?? null,
    reportedAt: date(r.reportedAt) })), t.progressRequests.id);
  if (s.key) {
    await upsert(db, t.keySupervisions, [{ suggestionId: s.id, committeeId: s.key.committeeId, decision: s.key.decision,
      supervisingLeader: s.key.supervisingLeader ?? null, governmentLeader: s.key.governmentLeader ?? null, markedAt: new Date(s.key.markedAt) }],
    t.keySupervisions.suggestionId);
  }
}
