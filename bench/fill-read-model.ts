// Fills the read model with a national session's worth of cases directly, for read benchmarks:
// reads only ever touch these tables, so rows shaped as the projection writes them are enough.
import * as t from '../schema/tables';
import type { Db } from '../activities/db';
import type { DemoCase } from '../scripts/demo/generate';

const STATUS: Record<string, string> = {
  draft: 'draft', submitted: 'submitted', rejected: 'rejected', withdrawn: 'withdrawn', accepted: 'accepted', assigned: 'handling',
  acknowledged: 'handling', contacted: 'handling', replied: 'replied', evaluated: 'closed', unsatisfied: 'reviewing', closed: 'closed',
};

export async function fillReadModel(db: Db, cases: DemoCase[], now = Date.now()): Promise<void> {
  const DAY = 86_400_000;
  const rows: (typeof t.suggestions.$inferInsert)[] = [];
  const asg: (typeof t.assignments.$inferInsert)[] = [];
  cases.forEach((c, i) => {
    const status = STATUS[c.target];
    const handled = ['handling', 'replied', 'closed', 'reviewing'].includes(status);
    const assignedAt = new Date(now - 60 * DAY);
    const due = new Date(now + ((i % 120) - 20) * DAY); // some overdue, most due within four months
    const overdue = handled && status === 'handling' && due.getTime() < now ? 1 + (i % 2) : 0;
    rows.push({
      id: c.input.id, congressId: c.input.congressId, sessionId: c.input.sessionId, number: c.input.number, title: c.input.title, body: c.input.body,
      categoryCode: c.input.categoryCode, source: c.input.source, leadDeputyId: c.input.leadDeputyId, delegationId: c.input.delegationId,
      status, step: 'Task_Reply', assignMode: handled ? c.mode : null, resultClass: ['replied', 'closed', 'reviewing'].includes(status) ? c.resultClass : null,
      satisfaction: status === 'closed' ? c.result : null, attitude: status === 'closed' ? c.attitude : null, isKey: !!c.key,
      committeeId: c.key?.committeeId ?? null, profileVersion: 1, nextDueAt: handled ? due : null, replyDueAt: handled ? due : null,
      overdueLevel: overdue, createdAt: new Date(c.input.createdAt ?? now), submittedAt: new Date(now - 70 * DAY), assignedAt: handled ? assignedAt : null,
      repliedAt: ['replied', 'closed', 'reviewing'].includes(status) ? new Date(now - 5 * DAY) : null, updatedAt: new Date(now - (i % 1000) * 60_000), version: 5,
    });
    if (!handled) return;
    const units = c.mode === 'separate' ? c.separateUnitIds.map((u) => [u, 'separate']) : [[c.leadUnitId!, 'lead'], ...c.coUnitIds.map((u) => [u, 'co'])];
    for (const [unitId, role] of units) {
      asg.push({ suggestionId: c.input.id, unitId, role, status: status === 'handling' ? 'acknowledged' : role === 'co' ? 'acknowledged' : 'replied',
        assignedAt, acknowledgedAt: assignedAt, replyDueAt: role === 'co' ? null : due, overdueLevel: role === 'co' ? 0 : overdue,
        firstContactAt: i % 3 ? assignedAt : null, repliedAt: status !== 'handling' && role !== 'co' ? new Date(now - 5 * DAY) : null });
    }
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(t.suggestions).values(rows.slice(i, i + 500));
  for (let i = 0; i < asg.length; i += 1000) await db.insert(t.assignments).values(asg.slice(i, i + 1000));
}
