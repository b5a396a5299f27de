// The facts of one session's suggestions that the yearly reports count: the cases, each unit's part,
// replies, evaluations, co-handler opinions and the events that mark lateness and re-handling.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../db';

export async function loadSession(db: Db, congressId: string, sessionId: string) {
  const s = t.suggestions;
  const inSession = and(eq(s.congressId, congressId), eq(s.sessionId, sessionId));
  const ofSession = (col: any) => sql`${col} in (select ${s.id} from ${s} where ${s.congressId} = ${congressId} and ${s.sessionId} = ${sessionId})`;
  const [session] = await db.select().from(t.congressSessions).where(and(eq(t.congressSessions.id, sessionId), eq(t.congressSessions.congressId, congressId)));
  if (!session) return undefined;
  const [suggestions, assignments, replies, evaluations, events, units, keys, committees] = await Promise.all([
    db.select({ id: s.id, status: s.status, source: s.source, categoryCode: s.categoryCode, resultClass: s.resultClass, satisfaction: s.satisfaction,
      rehandlingCount: s.rehandlingCount, isKey: s.isKey, committeeId: s.committeeId }).from(s).where(and(inSession, ne(s.status, 'draft'))),
    db.select({ suggestionId: t.assignments.suggestionId, unitId: t.assignments.unitId, role: t.assignments.role, status: t.assignments.status,
      firstContactAt: t.assignments.firstContactAt, opinionAt: t.assignments.opinionAt, opinionDueAt: t.assignments.opinionDueAt, replyDueAt: t.assignments.replyDueAt })
      .from(t.assignments).where(and(ofSession(t.assignments.suggestionId), ne(t.assignments.status, 'returned'))),
    db.select({ suggestionId: t.replies.suggestionId, unitId: t.replies.unitId, round: t.replies.round, resultClass: t.replies.resultClass,
      commitments: t.replies.commitments, repliedAt: t.replies.repliedAt }).from(t.replies).where(ofSession(t.replies.suggestionId)),
    db.select({ suggestionId: t.evaluations.suggestionId, unitId: t.evaluations.unitId, round: t.evaluations.round, result: t.evaluations.result,
      unevaluated: t.evaluations.unevaluated }).from(t.evaluations).where(ofSession(t.evaluations.suggestionId)),
    db.select({ suggestionId: t.caseEvents.suggestionId, unitId: t.caseEvents.unitId, type: t.caseEvents.type, track: sql<string | null>`${t.caseEvents.data}->>'track'` })
      .from(t.caseEvents).where(and(ofSession(t.caseEvents.suggestionId), inArray(t.caseEvents.type, ['chase', 'repeat', 'supervise', 'rehandling_ordered']))),
    db.select({ id: t.handlingUnits.id, code: t.handlingUnits.code, name: t.handlingUnits.nameZh, kind: t.handlingUnits.kind }).from(t.handlingUnits)
      .where(eq(t.handlingUnits.congressId, congressId)),
    db.select({ suggestionId: t.keySupervisions.suggestionId, committeeId: t.keySupervisions.committeeId }).from(t.keySupervisions).where(ofSession(t.keySupervisions.suggestionId)),
    db.select({ id: t.committees.id, name: t.committees.nameZh }).from(t.committees).where(eq(t.committees.congressId, congressId)),
  ]);
  return { session, suggestions, assignments, replies, evaluations, events, units, keys, committees };
}
export type SessionFacts = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

export const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);
export const k2 = (sid: string, unitId: string | null) => `${sid}\u0000${unitId ?? ''}`;
export const agreed = (r: string | null | undefined) => r === 'satisfied' || r === 'basically_satisfied';
