// Each illegal transition and each wrong role is refused by the update's validator: a reason in
// Chinese and English, and nothing written (no event, no version change, no notice).
import { harness, caseInput, deputy, unit, SECRETARIAT, type Harness } from './support/harness';
import { eventsOf, noticesOf, rowOf } from './support/read';
import type { Actor, CommandName } from '../schema/commands';
import { sql } from 'drizzle-orm';

let h: Harness;
beforeAll(async () => { h = await harness('refusals'); });
afterAll(async () => { await h?.teardown(); });

type Stage = 'draft' | 'submitted' | 'accepted' | 'assigned' | 'replied' | 'closed';
async function caseAt(stage: Stage): Promise<string> {
  const input = caseInput({ cosignerIds: [] });
  const id = input.id;
  await h.cases.start(input);
  if (stage === 'draft') return id;
  await h.cases.command(id, 'submit', deputy('d1'), {});
  if (stage === 'submitted') return id;
  await h.cases.command(id, 'review', SECRETARIAT, { decision: 'accept' });
  if (stage === 'accepted') return id;
  await h.cases.command(id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  if (stage === 'assigned') return id;
  await h.cases.command(id, 'opinion', unit('MOF'), { body: '意见' });
  await h.cases.command(id, 'reply', unit('MCA'), { resultClass: 'A', body: '答复', signedBy: '张三' });
  if (stage === 'replied') return id;
  await h.cases.command(id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' });
  return id;
}

const OTHER_UNIT = unit('MOE');
const cases: [string, Stage, CommandName, Actor, Record<string, unknown>, string][] = [
  ['a unit cannot submit a deputy\'s draft', 'draft', 'submit', unit('MCA'), {}, 'forbidden'],
  ['another deputy cannot submit it', 'draft', 'submit', deputy('d9'), {}, 'forbidden'],
  ['the secretariat cannot review a draft', 'draft', 'review', SECRETARIAT, { decision: 'accept' }, 'illegal_transition'],
  ['a deputy cannot review', 'submitted', 'review', deputy('d1'), { decision: 'accept' }, 'forbidden'],
  ['a submitted item cannot be submitted again', 'submitted', 'submit', deputy('d1'), {}, 'illegal_transition'],
  ['no assignment before acceptance', 'submitted', 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' }, 'illegal_transition'],
  ['a unit cannot assign', 'accepted', 'assign', unit('MCA'), { mode: 'single', leadUnitId: 'MCA' }, 'forbidden'],
  ['single handling takes no co-handlers', 'accepted', 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA', coUnitIds: ['MOF'] }, 'invalid_input'],
  ['lead + co needs a co-handler', 'accepted', 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA' }, 'invalid_input'],
  ['separate handling needs two units', 'accepted', 'assign', SECRETARIAT, { mode: 'separate', separateUnitIds: ['MCA'] }, 'invalid_input'],
  ['no reply before assignment', 'accepted', 'reply', unit('MCA'), { resultClass: 'A', body: 'x', signedBy: 'y' }, 'illegal_transition'],
  ['a unit not assigned cannot acknowledge', 'assigned', 'acknowledge', OTHER_UNIT, {}, 'forbidden'],
  ['a unit not assigned cannot reply', 'assigned', 'reply', OTHER_UNIT, { resultClass: 'A', body: 'x', signedBy: 'y' }, 'forbidden'],
  ['a co-handler does not reply to the deputy', 'assigned', 'reply', unit('MOF'), { resultClass: 'A', body: 'x', signedBy: 'y' }, 'forbidden'],
  ['the lead cannot reply before the co-handler\'s opinion', 'assigned', 'reply', unit('MCA'), { resultClass: 'A', body: 'x', signedBy: 'y' }, 'illegal_transition'],
  ['the lead unit gives no co-handler opinion', 'assigned', 'opinion', unit('MCA'), { body: 'x' }, 'forbidden'],
  ['withdrawal after assignment is refused', 'assigned', 'withdraw', deputy('d1'), { reason: '不想办了' }, 'illegal_transition'],
  ['no evaluation before the reply', 'assigned', 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' }, 'illegal_transition'],
  ['a unit never rates its own reply', 'replied', 'evaluate', unit('MCA'), { attitude: 'satisfied', result: 'satisfied' }, 'forbidden'],
  ['the secretariat does not rate either', 'replied', 'evaluate', SECRETARIAT, { attitude: 'satisfied', result: 'satisfied' }, 'forbidden'],
  ['"unsatisfied" needs reasons', 'replied', 'evaluate', deputy('d1'), { attitude: 'unsatisfied', result: 'satisfied' }, 'invalid_input'],
  ['a reply is given once', 'replied', 'reply', unit('MCA'), { resultClass: 'A', body: 'x', signedBy: 'y' }, 'illegal_transition'],
  ['no re-handling without an unsatisfied rating', 'replied', 'decideRehandling', SECRETARIAT, { decision: 'rehandle', unitId: 'MCA', note: 'x' }, 'illegal_transition'],
  ['a result class must be A–D', 'assigned', 'reply', unit('MCA'), { resultClass: 'E', body: 'x', signedBy: 'y' }, 'invalid_input'],
  ['a closed case takes no second evaluation', 'closed', 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' }, 'illegal_transition'],
  ['withholding a reply needs a reason', 'closed', 'disclosure', SECRETARIAT, { publish: false }, 'invalid_input'],
  ['only the secretariat marks key suggestions', 'accepted', 'markKey', deputy('d1'), { committeeId: 'EAC', decision: '主任会议决定' }, 'forbidden'],
  ['an empty title is refused', 'draft', 'editDraft', deputy('d1'), { title: '  ', body: '正文' }, 'invalid_input'],
];

test.each(cases)('%s', async (_name, stage, command, actor, input, code) => {
  const id = await caseAt(stage);
  const before = await rowOf(h.db.db, id);
  const events = (await eventsOf(h.db.db, id)).length;
  const notices = (await noticesOf(h.db.db, id)).length;
  const err = await h.cases.command(id, command, actor, input as any).then(() => undefined, (e) => e);
  expect(err?.refusal).toMatchObject({ code });
  expect(err.refusal.zh).toMatch(/[\u4e00-\u9fa5]/);
  expect(err.refusal.en).toMatch(/[a-z]/);
  expect((await rowOf(h.db.db, id)).version).toBe(before.version);
  expect((await eventsOf(h.db.db, id)).length).toBe(events);
  expect((await noticesOf(h.db.db, id)).length).toBe(notices);
});

test('a refused field is named', async () => {
  const id = await caseAt('accepted');
  const err = await h.cases.command(id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MCA'] }).catch((e) => e);
  expect(err.refusal).toMatchObject({ code: 'invalid_input', field: 'coUnitIds' });
});

test('a change the database refuses is refused as a whole: the case stays exactly as it was', async () => {
  const id = await caseAt('assigned');
  // Stand-in for any write the database rejects: a constraint this one summary breaks.
  await h.db.db.execute(sql.raw(`alter table communications add constraint no_forbidden check (summary <> '不可保存')`));
  try {
    const before = await h.cases.state(id);
    const err = await h.cases.command(id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: '不可保存' }).catch((e) => e);
    expect(err.refusal).toMatchObject({ code: 'invalid_input' });
    const after = await h.cases.state(id);
    expect(after.version).toBe(before.version);
    expect(after.communications).toHaveLength(0);
    expect(after.assignments.find((a) => a.unitId === 'MCA')!.firstContactAt).toBeUndefined();
    // and the case still works
    await h.cases.command(id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: '电话沟通' });
    expect((await h.cases.state(id)).communications).toHaveLength(1);
  } finally {
    await h.db.db.execute(sql.raw('alter table communications drop constraint no_forbidden'));
  }
});

test('text the database cannot store is refused by the case itself, naming the field', async () => {
  const id = await caseAt('assigned');
  const err = await h.cases.command(id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: 'a\u0000b' }).catch((e) => e);
  expect(err.refusal).toMatchObject({ code: 'invalid_input', field: 'summary' });
  const bad = await h.cases.command(id, 'requestExtension', unit('MCA'), { reason: '调研', until: '2026-02-30' }).catch((e) => e);
  expect(bad.refusal).toMatchObject({ code: 'invalid_input', field: 'until' });
});
