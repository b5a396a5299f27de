// A whole case, submission to disclosure, on real Temporal and PostgreSQL: what the workflow did
// is exactly what the read model and the case-event log say.
import { eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { eventsOf, rowOf, noticesOf, assignmentsOf } from './support/read';

let h: Harness;
beforeAll(async () => { h = await harness('lifecycle'); });
afterAll(async () => { await h?.teardown(); });

test('a joint suggestion goes from submission through lead + co-handling, reply and evaluation to closure', async () => {
  const input = caseInput({ cosignerIds: ['d2', 'd3'] });
  const { cases } = h;
  const created = await cases.start(input);
  expect(created.status).toBe('draft');
  expect((await rowOf(h.db.db, input.id)).status).toBe('draft');

  await cases.command(input.id, 'submit', deputy('d1'), {});
  expect((await rowOf(h.db.db, input.id)).status).toBe('cosigning');
  await cases.command(input.id, 'cosign', deputy('d2'), { agree: true });
  await cases.command(input.id, 'cosign', deputy('d3'), { agree: false, note: '另行提出' });
  expect((await rowOf(h.db.db, input.id)).status).toBe('submitted');

  await cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
  await cases.command(input.id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF', 'NHC'] });
  let asg = await assignmentsOf(h.db.db, input.id);
  expect(asg.map((a) => [a.unitId, a.role, a.status]).sort()).toEqual([['MCA', 'lead', 'pending'], ['MOF', 'co', 'pending'], ['NHC', 'co', 'pending']]);
  expect(asg.every((a) => a.returnUntil && a.replyDueAt !== undefined)).toBe(true);

  await cases.command(input.id, 'acknowledge', unit('MCA'), {});
  await cases.command(input.id, 'acknowledge', unit('MOF'), {});
  await cases.command(input.id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: '电话联系领衔代表，了解具体诉求' });
  await expect(cases.command(input.id, 'reply', unit('MCA'), { resultClass: 'B', body: '答复正文', signedBy: '张三' }))
    .rejects.toMatchObject({ refusal: { code: 'illegal_transition' } });
  await cases.command(input.id, 'opinion', unit('MOF'), { body: '财政部协办意见' });
  await cases.command(input.id, 'waiveOpinion', SECRETARIAT, { unitId: 'NHC', reason: '该单位职责已调整' });
  await cases.command(input.id, 'reply', unit('MCA'), { resultClass: 'B', body: '逐条答复……', signedBy: '张三', commitments: '2027年出台实施意见' });
  expect((await rowOf(h.db.db, input.id)).status).toBe('replied');

  await expect(cases.command(input.id, 'evaluate', unit('MCA'), { attitude: 'satisfied', result: 'satisfied' }))
    .rejects.toMatchObject({ refusal: { code: 'forbidden' } });
  await expect(cases.command(input.id, 'evaluate', deputy('d2'), { attitude: 'satisfied', result: 'satisfied' }))
    .rejects.toMatchObject({ refusal: { code: 'forbidden' } });
  await cases.command(input.id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'basically_satisfied' });
  await cases.command(input.id, 'disclosure', SECRETARIAT, { publish: true });

  const state = await cases.state(input.id);
  const row = await rowOf(h.db.db, input.id);
  expect(row).toMatchObject({ status: 'closed', resultClass: 'B', attitude: 'satisfied', satisfaction: 'basically_satisfied', disclosure: 'published', closure: 'evaluated', version: state.version });

  // The log is the workflow's own record, one row per event, in order.
  const events = await eventsOf(h.db.db, input.id);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: state.eventSeq }, (_, i) => i + 1));
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'submitted', 'cosign_confirmed', 'cosign_declined', 'accepted', 'assigned',
    'acknowledged', 'communication', 'opinion_given', 'opinion_waived', 'replied', 'all_replied', 'evaluated', 'closed', 'published']));
  expect(events.find((e) => e.type === 'accepted')).toMatchObject({ actorRole: 'secretariat', before: { status: 'submitted' }, after: { status: 'accepted' } });

  const [replies, evals, comms, opinions, cosigners] = await Promise.all([
    h.db.db.select().from(t.replies).where(eq(t.replies.suggestionId, input.id)),
    h.db.db.select().from(t.evaluations).where(eq(t.evaluations.suggestionId, input.id)),
    h.db.db.select().from(t.communications).where(eq(t.communications.suggestionId, input.id)),
    h.db.db.select().from(t.opinions).where(eq(t.opinions.suggestionId, input.id)),
    h.db.db.select().from(t.cosigners).where(eq(t.cosigners.suggestionId, input.id)),
  ]);
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ unitId: 'MCA', resultClass: 'B', commitments: '2027年出台实施意见' });
  expect(evals).toHaveLength(1);
  expect(comms).toHaveLength(1);
  expect(opinions.map((o) => [o.unitId, o.waived]).sort()).toEqual([['MOF', false], ['NHC', true]]);
  expect(cosigners.map((c) => [c.deputyId, c.status]).sort()).toEqual([['d2', 'confirmed'], ['d3', 'declined']]);
  asg = await assignmentsOf(h.db.db, input.id);
  expect(asg.find((a) => a.unitId === 'MCA')).toMatchObject({ status: 'replied', overdueLevel: 0 });
  expect(asg.find((a) => a.unitId === 'NHC')).toMatchObject({ status: 'pending' });

  // Deputies hear of the reply; the co-signer who declined does not.
  const notices = await noticesOf(h.db.db, input.id);
  const replied = notices.filter((n) => n.kind === 'replied').map((n) => n.recipientId).sort();
  expect(replied).toEqual(['d1', 'd2']);
  expect(notices.find((n) => n.kind === 'replied')!.subject).toContain('关于加强农村养老服务体系建设的建议');

  // Closed and disclosed: the workflow has nothing left to wait for.
  const handle = h.env.client.workflow.getHandle(`suggestion-${input.id}`);
  const final = await handle.result();
  expect(final.status).toBe('closed');
});

test('the same submission sent twice starts one case', async () => {
  const input = caseInput({ submitNow: true });
  const [a, b] = await Promise.all([h.cases.start(input), h.cases.start(input)]);
  expect(a.id).toBe(b.id);
  await h.cases.start(input);
  const events = await eventsOf(h.db.db, input.id);
  expect(events.filter((e) => e.type === 'created')).toHaveLength(1);
  expect((await h.cases.state(input.id)).status).toBe('submitted');
});

test('a motion converted into a suggestion enters as accepted, keeping its origin', async () => {
  const input = caseInput({ source: 'motion' });
  const r = await h.cases.start(input);
  expect(r.status).toBe('accepted');
  expect(await rowOf(h.db.db, input.id)).toMatchObject({ status: 'accepted', source: 'motion' });
});
