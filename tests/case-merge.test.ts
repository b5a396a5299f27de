// Merged suggestions are handled once, yet every deputy still gets an answer and rates it.
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { noticesOf, rowOf } from './support/read';

let h: Harness;
beforeAll(async () => { h = await harness('merge'); });
afterAll(async () => { await h?.teardown(); });

test('a merged suggestion receives the primary\'s reply, and its own deputy rates it', async () => {
  const primary = caseInput({ submitNow: true, leadDeputyId: 'd1' });
  const twin = caseInput({ submitNow: true, leadDeputyId: 'd7', title: '关于完善农村养老服务设施的建议' });
  await h.cases.start(primary);
  await h.cases.start(twin);
  await h.cases.command(primary.id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(twin.id, 'review', SECRETARIAT, { decision: 'merge', intoId: primary.id, reason: '内容相同，并案办理' });
  expect((await rowOf(h.db.db, twin.id))).toMatchObject({ status: 'merged', mergedInto: primary.id });
  await h.cases.command(primary.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });
  await h.cases.command(primary.id, 'reply', unit('MCA'), { resultClass: 'A', body: '已出台政策', signedBy: '张三' });

  await h.env.sleep(2000);
  const twinState = await h.cases.state(twin.id);
  expect(twinState.status).toBe('replied');
  expect(twinState.replies.map((r) => r.unitId)).toEqual(['MCA']);
  await expect(h.cases.command(twin.id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' }))
    .rejects.toMatchObject({ refusal: { code: 'forbidden' } });
  await h.cases.command(twin.id, 'evaluate', deputy('d7'), { attitude: 'satisfied', result: 'basically_satisfied' });
  expect(await rowOf(h.db.db, twin.id)).toMatchObject({ status: 'closed', satisfaction: 'basically_satisfied' });
  expect((await noticesOf(h.db.db, twin.id)).filter((n) => n.kind === 'replied').map((n) => n.recipientId)).toEqual(['d7']);
});
