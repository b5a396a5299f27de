// The monthly Schedule on a real dev server (the time-skipping server has no Schedules): created
// once however often workers start, it runs the bulletin workflow when triggered, and a month run
// twice queues each notice once.
import { like, sql } from 'drizzle-orm';
import * as t from '../schema/tables';
import { bulletins } from '../schema/tables-bulletins';
import { ensureBulletinSchedule } from '../activities/bulletin/schedule';
import { defaultMonth } from '../activities/bulletin/issue';
import type { BulletinRef } from '../activities/bulletin/types';
import { harness, type Harness } from './support/harness';
import { CONGRESS, seedCases, seedReference } from './bulletin-seed';

let h: Harness;
const scheduleId = `bulletin-test-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  h = await harness('bulletin_schedule', 'dev');
  await seedReference(h.db.db, { congress: false });
  await seedCases(h.db.db);
});
afterAll(async () => {
  await h?.env.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
  await h?.teardown();
});

async function until<T>(what: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the schedule is created once, fires on the 1st at 09:00 Beijing time, and updating it is a no-op', async () => {
  expect(await ensureBulletinSchedule(h.env.client, h.taskQueue, scheduleId)).toBe(true);
  expect(await ensureBulletinSchedule(h.env.client, h.taskQueue, scheduleId)).toBe(false);
  const d = await h.env.client.schedule.getHandle(scheduleId).describe();
  expect(d.spec.timezone).toBe('Asia/Shanghai');
  expect(d.spec.calendars).toEqual([expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 9, end: 9, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
  expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'bulletinWorkflow', taskQueue: h.taskQueue });
  // The next runs are 01:00 UTC on the 1st.
  for (const next of d.info.nextActionTimes.slice(0, 3)) expect(next.toISOString()).toMatch(/-01T01:00:00\.000Z$/);
  const ours: string[] = [];
  for await (const s of h.env.client.schedule.list()) if (s.scheduleId === scheduleId) ours.push(s.scheduleId);
  expect(ours).toHaveLength(1);
});

test('triggering the schedule produces the bulletin of the month just ended, with its notices', async () => {
  const month = defaultMonth(Date.now(), 'Asia/Shanghai', 'schedule');
  await h.env.client.schedule.getHandle(scheduleId).trigger();
  const row = await until(async () => (await h.db.db.select().from(bulletins).where(sql`${bulletins.month} = ${month}`))[0]);
  expect(row).toMatchObject({ id: `${CONGRESS}-${month}`, trigger: 'schedule' });
  expect(row.workflowId).toMatch(/^bulletin-scheduled-/);
  const notices = await until(async () => {
    const rows = await h.db.db.select({ id: t.outbox.id }).from(t.outbox).where(like(t.outbox.id, `bulletin:${CONGRESS}:${month}:%`));
    return rows.length >= 8 ? rows : undefined;
  });
  expect(notices.map((n) => n.id)).toContain(`bulletin:${CONGRESS}:${month}:secretariat`);
});

test('a month run twice as a workflow queues each notice once and replaces its figures', async () => {
  const runOnce = (n: number) => h.env.client.workflow.execute('bulletinWorkflow', {
    taskQueue: h.taskQueue, workflowId: `bulletin-twice-${n}-${scheduleId}`, args: [{ congressId: CONGRESS, month: '2026-04', trigger: 'api' }],
  }) as Promise<BulletinRef[]>;
  const [first] = await runOnce(1);
  const [second] = await runOnce(2);
  expect(first).toMatchObject({ id: 'npc14-2026-04', items: 5, overdue: 2, notices: 8 });
  expect(second).toMatchObject({ id: 'npc14-2026-04', items: 5, overdue: 2, notices: 0 });
  const rows = await h.db.db.select({ id: t.outbox.id }).from(t.outbox).where(like(t.outbox.id, `bulletin:${CONGRESS}:2026-04:%`));
  expect(rows).toHaveLength(8);
  const stored = await h.db.db.select().from(bulletins).where(sql`${bulletins.month} = '2026-04'`);
  expect(stored).toHaveLength(1);
  expect(stored[0].workflowId).toBe(`bulletin-twice-2-${scheduleId}`);
});
