// The read model as it stood at one instant: every fact is filtered by its own timestamp (and the
// case_events of returns, re-handling orders and chases), so a past month can be reported later.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../db';

export interface Snapshot {
  congress: { id: string; name: string; timezone: string };
  units: { id: string; code: string; name: string; kind: string | null }[];
  delegations: { id: string; name: string }[];
  committees: { id: string; name: string }[];
  suggestions: {
    id: string; number: string | null; title: string; categoryCode: string | null; delegationId: string | null; leadDeputyId: string;
    isKey: boolean; committeeId: string | null; closedAt: Date | null;
  }[];
  assignments: {
    suggestionId: string; unitId: string; role: string; status: string; assignedAt: Date; acknowledgedAt: Date | null;
    firstContactAt: Date | null; opinionAt: Date | null; firstContactDueAt: Date | null; opinionDueAt: Date | null; replyDueAt: Date | null;
  }[];
  replies: { suggestionId: string; unitId: string; round: number; repliedAt: Date }[];
  evaluations: { suggestionId: string; unitId: string; round: number; result: string | null; unevaluated: boolean; at: Date }[];
  extensions: { suggestionId: string; unitId: string; status: string; decidedAt: Date | null }[];
  opinions: { suggestionId: string; unitId: string }[];
  events: { suggestionId: string; unitId: string | null; type: string; track: string | null; at: Date }[];
  cosigners: { suggestionId: string; deputyId: string }[];
}

/** Events that change what a unit owes as of a date: chases and supervision, returns, re-handling orders. */
const EVENT_TYPES = ['chase', 'repeat', 'supervise', 'return_approved', 'rehandling_ordered'];

export async function loadSnapshot(db: Db, congressId: string, asOf: Date): Promise<Snapshot> {
  const s = t.suggestions;
  const a = t.assignments;
  const inCongress = eq(s.congressId, congressId);
  // A raw fragment's parameter is not mapped by a column, so the instant goes as text.
  const at = sql`${asOf.toISOString()}::timestamptz`;
  // A suggestion is in the bulletin once a unit was assigned to it by the snapshot instant.
  const assignedBy = sql`${s.congressId} = ${congressId} and ${a.assignedAt} <= ${at}`;
  const ofAssigned = <T extends { suggestionId: any }>(table: T) => sql`${table.suggestionId} in (select ${a.suggestionId} from ${a} join ${s} on ${s.id} = ${a.suggestionId} where ${assignedBy})`;
  const [congress] = await db.select({ id: t.congresses.id, name: t.congresses.name, timezone: t.congresses.timezone }).from(t.congresses).where(eq(t.congresses.id, congressId));
  if (!congress) throw new Error(`no congress ${congressId}`);
  const [units, delegations, committees, suggestions, assignments, replies, evaluations, extensions, opinions, events, cosigners] = await Promise.all([
    db.select({ id: t.handlingUnits.id, code: t.handlingUnits.code, name: t.handlingUnits.nameZh, kind: t.handlingUnits.kind })
      .from(t.handlingUnits).where(eq(t.handlingUnits.congressId, congressId)),
    db.select({ id: t.delegations.id, name: t.delegations.nameZh }).from(t.delegations).where(eq(t.delegations.congressId, congressId)),
    db.select({ id: t.committees.id, name: t.committees.nameZh }).from(t.committees).where(eq(t.committees.congressId, congressId)),
    db.select({ id: s.id, number: s.number, title: s.title, categoryCode: s.categoryCode, delegationId: s.delegationId, leadDeputyId: s.leadDeputyId,
      isKey: s.isKey, committeeId: s.committeeId, closedAt: s.closedAt }).from(s)
      .where(and(inCongress, sql`exists (select 1 from ${a} where ${a.suggestionId} = ${s.id} and ${a.assignedAt} <= ${at})`)),
    db.select({ suggestionId: a.suggestionId, unitId: a.unitId, role: a.role, status: a.status, assignedAt: a.assignedAt, acknowledgedAt: a.acknowledgedAt,
      firstContactAt: a.firstContactAt, opinionAt: a.opinionAt, firstContactDueAt: a.firstContactDueAt, opinionDueAt: a.opinionDueAt, replyDueAt: a.replyDueAt })
      .from(a).innerJoin(s, eq(s.id, a.suggestionId)).where(assignedBy),
    db.select({ suggestionId: t.replies.suggestionId, unitId: t.replies.unitId, round: t.replies.round, repliedAt: t.replies.repliedAt })
      .from(t.replies).where(and(lte(t.replies.repliedAt, asOf), ofAssigned(t.replies))),
    db.select({ suggestionId: t.evaluations.suggestionId, unitId: t.evaluations.unitId, round: t.evaluations.round, result: t.evaluations.result,
      unevaluated: t.evaluations.unevaluated, at: t.evaluations.at }).from(t.evaluations).where(and(lte(t.evaluations.at, asOf), ofAssigned(t.evaluations))),
    db.select({ suggestionId: t.extensionRequests.suggestionId, unitId: t.extensionRequests.unitId, status: t.extensionRequests.status, decidedAt: t.extensionRequests.decidedAt })
      .from(t.extensionRequests).where(and(lte(t.extensionRequests.requestedAt, asOf), ofAssigned(t.extensionRequests))),
    db.select({ suggestionId: t.opinions.suggestionId, unitId: t.opinions.unitId }).from(t.opinions).where(and(lte(t.opinions.at, asOf), ofAssigned(t.opinions))),
    db.select({ suggestionId: t.caseEvents.suggestionId, unitId: t.caseEvents.unitId, type: t.caseEvents.type, track: sql<string | null>`${t.caseEvents.data}->>'track'`, at: t.caseEvents.at })
      .from(t.caseEvents).where(and(eq(t.caseEvents.congressId, congressId), inArray(t.caseEvents.type, EVENT_TYPES), lte(t.caseEvents.at, asOf))),
    db.select({ suggestionId: t.cosigners.suggestionId, deputyId: t.cosigners.deputyId }).from(t.cosigners)
      .where(and(eq(t.cosigners.status, 'confirmed'), ofAssigned(t.cosigners))),
  ]);
  return { congress, units, delegations, committees, suggestions, assignments, replies, evaluations, extensions, opinions, events, cosigners };
}
