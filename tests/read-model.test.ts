// The read model on PostgreSQL: migrations are safe to race, and projection writes are idempotent
// (a retried activity writes nothing twice; a late, older snapshot never overwrites a newer one).
import { eq } from 'drizzle-orm';
import { openDatabase } from '../activities/db';
import { projectCase } from '../activities/projection';
import * as t from '../schema/tables';
import { nationalProfile } from '../schema/profile';
import type { CaseState, Projection } from '../schema/case';
import { freshDatabase, type TestDatabase } from './support/pg';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('readmodel');
  await db.db.insert(t.congresses).values({ id: 'npc14', name: '第十四届全国人民代表大会', level: 'national' });
});
afterAll(async () => { await db?.drop(); });

test('two processes migrating the same database at once both come up', async () => {
  const [a, b] = await Promise.all([openDatabase({ url: db.url }), openDatabase({ url: db.url })]);
  await Promise.all([a.close(), b.close()]);
});

function state(version: number, status: CaseState['status']): CaseState {
  return {
    id: 'rm1', congressId: 'npc14', title: '关于加强基层医疗卫生服务能力建设的建议', body: '正文', source: 'session', leadDeputyId: 'd1',
    proposedUnitIds: [], status, step: 'Task_Review', profile: nationalProfile, profileVersion: 1,
    cosigners: [{ deputyId: 'd2', status: 'confirmed' }], assignments: [], communications: [], opinions: [], extensions: [], replies: [],
    evaluations: [], escalations: [], mergedCases: [], supervisionNotes: [], progressRequests: [], tracks: [], createdAt: 1_780_000_000_000, updatedAt: 1_780_000_000_000 + version,
    version, eventSeq: version,
  };
}
const projection = (version: number, status: CaseState['status']): Projection => ({
  state: state(version, status),
  events: [{ id: `rm1:${version}`, seq: version, type: status, step: 'Task_Review', actor: { role: 'secretariat', id: 's1' }, at: 1_780_000_000_000 + version }],
  notices: [{ key: `rm1:${version}:n`, kind: 'accepted', recipientType: 'deputy', recipientId: 'd1' }],
});

test('a retried projection writes nothing twice, and an older snapshot arriving late is ignored', async () => {
  await projectCase(db.db, projection(1, 'submitted'));
  await projectCase(db.db, projection(2, 'accepted'));
  await projectCase(db.db, projection(2, 'accepted'));
  await projectCase(db.db, projection(1, 'submitted'));
  const [row] = await db.db.select().from(t.suggestions).where(eq(t.suggestions.id, 'rm1'));
  expect(row).toMatchObject({ status: 'accepted', version: 2 });
  expect(await db.db.select().from(t.caseEvents).where(eq(t.caseEvents.suggestionId, 'rm1'))).toHaveLength(2);
  expect(await db.db.select().from(t.outbox).where(eq(t.outbox.suggestionId, 'rm1'))).toHaveLength(2);
  expect(await db.db.select().from(t.cosigners).where(eq(t.cosigners.suggestionId, 'rm1'))).toHaveLength(1);
});
