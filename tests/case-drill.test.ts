// The ladder end to end on the dev server, with a drill profile whose durations are seconds, as an
// operator would watch it on a live system; and a worker restarted in the middle of it.
import { profileSchema } from '../schema/profile';
import { harness, caseInput, unit, SECRETARIAT, type Harness } from './support/harness';
import { eventsOf, noticesOf, rowOf } from './support/read';

const drill = profileSchema.parse({
  name: '测试演练',
  deadlines: { assignment: 'PT60S', returnWindow: 'PT60S', reassignment: 'PT60S', firstContact: 'PT60S', coHandlerOpinion: 'PT60S',
    reply: 'PT6S', replyMax: 'PT60S', evaluation: 'PT60S', rehandling: 'PT60S', publication: 'PT60S' },
  ladder: { remindBefore: ['PT3S'], chaseAfter: 'PT1S', superviseAfter: 'PT2S', repeatEvery: 'PT3S' },
});

let h: Harness;
beforeAll(async () => { h = await harness('drill', 'dev'); });
afterAll(async () => { await h?.teardown(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ladder = async (id: string) => (await eventsOf(h.db.db, id))
  .filter((e) => (e.data as any)?.track === 'reply:MCA').map((e) => e.type);

test('with a worker restarted twice, the reminder, chase and supervision each go out once, and the weekly repeat keeps going', async () => {
  const input = caseInput({ submitNow: true }, drill);
  await h.cases.start(input);
  await h.cases.command(input.id, 'review', SECRETARIAT, { decision: 'accept' });
  await h.cases.command(input.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });

  await h.stopWorker(); // the deadline passes while no worker runs
  await sleep(8_000);
  await h.restartWorker();
  await sleep(2_500);
  await h.stopWorker();
  await h.restartWorker();
  await sleep(5_000);

  const types = await ladder(input.id);
  expect(types.filter((t) => t === 'remind')).toHaveLength(1);
  expect(types.filter((t) => t === 'chase')).toHaveLength(1);
  expect(types.filter((t) => t === 'supervise')).toHaveLength(1);
  expect(types.filter((t) => t === 'repeat').length).toBeGreaterThanOrEqual(1);
  const notices = (await noticesOf(h.db.db, input.id)).filter((n) => n.id.includes(':reply:MCA:'));
  const keys = notices.map((n) => n.id);
  expect(new Set(keys).size).toBe(keys.length);
  expect(notices.filter((n) => n.kind === 'chase')).toHaveLength(1);
  const events = await eventsOf(h.db.db, input.id);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect((await rowOf(h.db.db, input.id)).overdueLevel).toBe(2);

  // The reply stops the ladder for good.
  await h.cases.command(input.id, 'reply', unit('MCA'), { resultClass: 'B', body: '正在解决', signedBy: '赵六' });
  const after = (await ladder(input.id)).length;
  await sleep(4_000);
  expect((await ladder(input.id)).length).toBe(after);
}, 60_000);
