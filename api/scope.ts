// Least privilege for reads: a deputy sees their own and co-signed items, a unit what is assigned
// to it, a committee its key items, the secretariat and admins their whole congress. Anything
// outside the scope answers 404, so its existence does not leak.
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { assignments, cosigners, suggestions } from '../schema/tables';
import type { User } from './context';

export function visibleTo(user: User): SQL {
  const inCongress = eq(suggestions.congressId, user.congressId);
  switch (user.role) {
    case 'secretariat':
    case 'admin':
      return inCongress;
    case 'deputy':
      return and(inCongress, or(
        eq(suggestions.leadDeputyId, user.deputyId ?? '-'),
        sql`exists (select 1 from ${cosigners} where ${cosigners.suggestionId} = ${suggestions.id} and ${cosigners.deputyId} = ${user.deputyId ?? '-'} and ${cosigners.status} <> 'declined')`,
      ))!;
    case 'unit':
      return and(inCongress, ne(suggestions.status, 'draft'),
        sql`exists (select 1 from ${assignments} where ${assignments.suggestionId} = ${suggestions.id} and ${assignments.unitId} = ${user.unitId ?? '-'} and ${assignments.status} <> 'returned')`)!;
    case 'committee':
      return and(inCongress, eq(suggestions.isKey, true), eq(suggestions.committeeId, user.committeeId ?? '-'))!;
    default:
      return sql`false`;
  }
}
