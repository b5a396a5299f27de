// Reading the read model back in tests.
import { asc, eq } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';

export const eventsOf = (db: Db, id: string) =>
  db.select().from(t.caseEvents).where(eq(t.caseEvents.suggestionId, id)).orderBy(asc(t.caseEvents.seq));
export const rowOf = async (db: Db, id: string) => (await db.select().from(t.suggestions).where(eq(t.suggestions.id, id)))[0];
export const noticesOf = (db: Db, id: string) => db.select().from(t.outbox).where(eq(t.outbox.suggestionId, id));
export const assignmentsOf = (db: Db, id: string) => db.select().from(t.assignments).where(eq(t.assignments.suggestionId, id));
