// Lists, details and boards are answered from memory (api/read/cache.ts). What a user must never
// notice: a change, by them or anyone, through this API or written by another process, is in the
// next read; answers that depend on the clock are never older than their stated bound.
import { eq, sql } from 'drizzle-orm';
import * as t from '../schema/tables';
import { DUE_WINDOW_STALE_MS } from '../api/routes/suggestions';
import { readCache } from '../api/read/cache';
import { apiHarness, type ApiHarness } from './support/api-harness';

const V1 = '/api/v1';
const DAY = 86_400_000;
let api: ApiHarness;
let n = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = (r: { body: any }) => r.body.items.map((x: any) => x.id);

/** A case row written straight into the read model, as another process (or an operator) would. */
async function rowFor(over: Partial<typeof t.suggestions.$inferInsert>): Promise<string> {
  const id = `npc14-cache-${++n}`;
  const now = new Date();
  await api.h.db.db.insert(t.suggestions).values({ id, congressId: 'npc14', title: `缓存测试${n}`, body: '正文', source: 'session', leadDeputyId: 'd4',
    status: 'handling', step: 'Task_Reply', profileVersion: 1, createdAt: now, updatedAt: now, version: 1, ...over });
  return id;
}

/** Asks until the answer satisfies `done`, and says how long it took. */
async function until(ask: () => Promise<boolean>, limitMs = 2_000): Promise<number> {
  const t0 = Date.now();
  while (!(await ask())) {
    if (Date.now() - t0 > limitMs) throw new Error(`not seen within ${limitMs} ms`);
    await sleep(10);
  }
  return Date.now() - t0;
}

beforeAll(async () => {
  api = await apiHarness('apireadcache');
  // The cache listens for the database's notices from the app's first use; until then it stands aside.
  await api.as.sec.get(`${V1}/suggestions`);
  await until(async () => readCache(api.h.db.db).live);
});
afterAll(async () => { await api?.teardown(); });

test('a command is in the next read of whoever sent it and of everyone else', async () => {
  const { as } = api;
  const before = await as.sec.get(`${V1}/suggestions`);
  const created = await as.dep1.post(`${V1}/suggestions`, { title: '关于完善社区食堂的建议', body: '正文', submit: true });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const listed = await as.sec.get(`${V1}/suggestions`);
  expect(ids(listed)).toContain(id);
  expect(listed.body.total).toBe(before.body.total + 1);
  expect(listed.headers.get('etag')).not.toBe(before.headers.get('etag'));

  // Both read the detail first, so each has it cached; then one of them changes the case.
  expect((await as.sec.get(`${V1}/suggestions/${id}`)).body.status).toBe('submitted');
  expect((await as.dep1.get(`${V1}/suggestions/${id}`)).body.status).toBe('submitted');
  expect((await as.mca.get(`${V1}/suggestions/${id}`)).status).toBe(404);
  expect((await as.sec.post(`${V1}/suggestions/${id}/review`, { decision: 'accept' })).body.status).toBe('accepted');
  expect((await as.sec.get(`${V1}/suggestions/${id}`)).body.status).toBe('accepted');
  expect((await as.dep1.get(`${V1}/suggestions/${id}`)).body.status).toBe('accepted');
  expect((await as.dep1.get(`${V1}/suggestions?status=accepted`)).body.items.map((x: any) => x.id)).toContain(id);

  // The unit's scope follows the assignment at once, in its list and its detail.
  expect(ids(await as.mca.get(`${V1}/suggestions`))).not.toContain(id);
  await as.sec.post(`${V1}/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' });
  expect(ids(await as.mca.get(`${V1}/suggestions`))).toContain(id);
  const seen = await as.mca.get(`${V1}/suggestions/${id}`);
  expect(seen.status).toBe(200);
  expect(seen.body.assignments.map((a: any) => a.unitId)).toEqual(['MCA']);
  expect(seen.body.timeline.at(-1).type).toBe('assigned');
});

test('a change written by another process is read as soon as the database announces it', async () => {
  const id = await rowFor({ title: '另一进程写入的建议' });
  await until(async () => ids(await api.as.sec.get(`${V1}/suggestions`)).includes(id));
  const cached = await api.as.sec.get(`${V1}/suggestions/${id}`);
  expect(cached.body.title).toBe('另一进程写入的建议');
  await api.h.db.db.update(t.suggestions).set({ title: '改过的标题' }).where(eq(t.suggestions.id, id));
  const ms = await until(async () => (await api.as.sec.get(`${V1}/suggestions/${id}`)).body.title === '改过的标题');
  expect(ms).toBeLessThan(1_000);
  await until(async () => (await api.as.sec.get(`${V1}/suggestions?q=${encodeURIComponent('改过的')}`)).body.total === 1);
});

test('answers are served from memory until a notice says otherwise; an unchanged one answers 304', async () => {
  const id = await rowFor({ title: '未通知的修改' });
  await until(async () => (await api.as.sec.get(`${V1}/suggestions/${id}`)).status === 200);
  const first = await api.as.sec.get(`${V1}/suggestions/${id}`);
  const etag = first.headers.get('etag')!;
  // (fetch would send "Cache-Control: no-cache" with If-None-Match, which asks for a full answer.)
  expect((await api.as.sec.get(`${V1}/suggestions/${id}`, { 'if-none-match': etag, 'cache-control': 'max-age=0' })).status).toBe(304);
  // With its trigger off, a write sends no notice: the cached answer stays (this is what the triggers are for).
  await api.h.db.db.transaction(async (tx) => {
    await tx.execute(sql`alter table suggestions disable trigger huying_changed`);
    await tx.update(t.suggestions).set({ title: '悄悄改了' }).where(eq(t.suggestions.id, id));
    await tx.execute(sql`alter table suggestions enable trigger huying_changed`);
  });
  await sleep(100);
  expect((await api.as.sec.get(`${V1}/suggestions/${id}`)).body.title).toBe('未通知的修改');
  await api.h.db.db.update(t.suggestions).set({ version: 2 }).where(eq(t.suggestions.id, id));
  await until(async () => (await api.as.sec.get(`${V1}/suggestions/${id}`)).body.title === '悄悄改了');
});

test(`"due within N days" drops an item at most ${DUE_WINDOW_STALE_MS} ms after its deadline passes, with no write in between`, async () => {
  const dueAt = Date.now() + 1_500;
  const id = await rowFor({ nextDueAt: new Date(dueAt), title: '临近期限' });
  const inWindow = async () => {
    const asked = Date.now();
    const listed = ids(await api.as.sec.get(`${V1}/suggestions?dueWithinDays=1&limit=500`)).includes(id);
    return { asked, answered: Date.now(), listed };
  };
  await until(async () => (await inWindow()).listed);
  // Asked over and over (so from memory), it is listed until its deadline and gone within the bound after.
  for (;;) {
    const r = await inWindow();
    if (r.answered < dueAt) expect(r.listed).toBe(true);
    if (r.asked > dueAt + DUE_WINDOW_STALE_MS) {
      expect(r.listed).toBe(false);
      break;
    }
    await sleep(20);
  }
});

test('the red list counts days overdue to the moment of each request', async () => {
  // Late since almost a day: 0 whole days overdue, becoming 1 in 1.5 s with nothing written.
  const dueAt = Date.now() - DAY + 1_500;
  const id = await rowFor({ overdueLevel: 1, replyDueAt: new Date(dueAt), nextDueAt: new Date(dueAt), title: '逾期测试' });
  await api.h.db.db.insert(t.assignments).values({ suggestionId: id, unitId: 'MOE', role: 'lead', status: 'acknowledged',
    assignedAt: new Date(dueAt - 90 * DAY), replyDueAt: new Date(dueAt), overdueLevel: 1 });
  const item = async () => {
    const asked = Date.now();
    const r = await api.as.sec.get(`${V1}/boards/overdue`);
    const asOf = new Date(r.body.asOf).getTime();
    expect(asOf).toBeGreaterThanOrEqual(asked);
    expect(asOf).toBeLessThanOrEqual(Date.now());
    return { asOf, item: r.body.items.find((x: any) => x.suggestionId === id) };
  };
  await until(async () => !!(await item()).item);
  for (;;) {
    const r = await item();
    expect(r.item).toMatchObject({ unitId: 'MOE', deadline: 'reply', daysOverdue: r.asOf < dueAt + DAY ? 0 : 1 });
    if (r.asOf > dueAt + DAY) break;
    await sleep(20);
  }
});
