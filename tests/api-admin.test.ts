// Administration over HTTP: the working-day calendar (and re-planning running cases when it changes),
// the policy profile, the audit trail and API tokens; and who may touch each.
import * as t from '../schema/tables';
import { nationalProfile } from '../schema/profile';
import { WorkCalendar, datasetDays, localDate } from '../activities/calendar';
import { apiHarness, PASSWORD, Session, type ApiHarness } from './support/api-harness';

const ZONE = 'Asia/Shanghai';
let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness('apiadmin');
  // A district congress under the national one: its admin may correct only its own calendar.
  await api.h.db.db.insert(t.congresses).values({ id: 'dist', name: '某区人民代表大会', level: 'county', parentId: 'npc14' });
  const [admin] = await api.h.db.db.select().from(t.users).limit(1);
  await api.h.db.db.insert(t.users).values({ id: 'user:distadmin', congressId: 'dist', username: 'distadmin', displayName: '区管理员', passwordHash: admin.passwordHash, role: 'admin' });
});
afterAll(async () => { await api?.teardown(); });

async function until<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function assignedToMca(): Promise<string> {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title: '关于社区养老的建议', body: '正文', submit: true })).body.id;
  expect((await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' })).status).toBe(200);
  expect((await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' })).status).toBe(200);
  return id;
}
const contactDue = async (id: string) => (await api.h.cases.state(id)).tracks.find((x) => x.id === 'contact:MCA')!.dueAt;
const lastDay = (dueAt: number) => localDate(dueAt - 1, ZONE);

describe('calendar', () => {
  test('anyone signed in reads a whole year: national make-up workdays and holidays, weekends off', async () => {
    const r = await api.as.mca.get('/api/v1/calendar?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.days).toHaveLength(365);
    const day = (d: string) => r.body.days.find((x: any) => x.date === d);
    expect(day('2026-02-14')).toMatchObject({ weekday: 6, working: true, kind: 'workday', source: 'dataset', scope: 'national' });
    expect(day('2026-10-01')).toMatchObject({ working: false, kind: 'holiday', scope: 'national' });
    expect(day('2026-03-07')).toMatchObject({ weekday: 6, working: false, kind: null, scope: null });
    expect(r.body.coveredUntil).toMatch(/^\d{4}-12-31$/);
    expect((await api.anonymous.get('/api/v1/calendar?year=2026')).status).toBe(401);
    expect((await api.as.mca.get('/api/v1/calendar?year=1900')).body.error).toMatchObject({ field: 'year' });
  });

  test('only admins change it, with a real date and kind; a lower congress may not change the national rows', async () => {
    for (const who of ['sec', 'dep1', 'mca'] as const) {
      expect((await api.as[who].put('/api/v1/calendar/2026-12-28', { kind: 'holiday' })).status).toBe(403);
    }
    expect((await api.anonymous.put('/api/v1/calendar/2026-12-28', { kind: 'holiday' })).status).toBe(401);
    const badDate = await api.as.admin.put('/api/v1/calendar/2026-02-30', { kind: 'holiday' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error).toMatchObject({ code: 'invalid_input', field: 'date' });
    expect((await api.as.admin.put('/api/v1/calendar/2026-12-28', { kind: 'party' })).body.error).toMatchObject({ field: 'kind' });
    const district = new Session(api.base);
    expect((await district.signIn('distadmin', PASSWORD)).status).toBe(200);
    const national = await district.put('/api/v1/calendar/2026-12-28', { kind: 'holiday', scope: 'national' });
    expect(national.status).toBe(403);
    expect(national.body.error.zh).toMatch(/全国/);
    const own = await district.put('/api/v1/calendar/2026-12-28', { kind: 'holiday', name: '区庆' });
    expect(own.body).toMatchObject({ date: '2026-12-28', kind: 'holiday', scope: 'congress', recalculated: 0 });
    // The district's own correction is not the national congress's.
    const npc = await api.as.admin.get('/api/v1/calendar?year=2026');
    expect(npc.body.days.find((x: any) => x.date === '2026-12-28')).toMatchObject({ working: true, scope: null });
  });

  test('a holiday added inside a running deadline moves it one working day later; removing it moves it back', async () => {
    const id = await assignedToMca();
    const before = await contactDue(id);
    const cal = new WorkCalendar(datasetDays());
    const holiday = cal.addWorkingDays(localDate(await api.h.env.currentTimeMs(), ZONE), 3);
    expect(holiday < lastDay(before)).toBe(true);

    const put = await api.as.admin.put(`/api/v1/calendar/${holiday}`, { kind: 'holiday', name: '地方休假' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ date: holiday, kind: 'holiday', scope: 'congress' });
    expect(put.body.recalculated).toBeGreaterThanOrEqual(1);
    const moved = await until(async () => { const d = await contactDue(id); return d !== before ? d : undefined; });
    expect(lastDay(moved)).toBe(cal.addWorkingDays(lastDay(before), 1));
    const row = await api.as.dep1.get(`/api/v1/suggestions/${id}`);
    expect(new Date(row.body.assignments[0].firstContactDueAt).getTime()).toBe(moved);

    const year = await api.as.mca.get(`/api/v1/calendar?year=${holiday.slice(0, 4)}`);
    expect(year.body.days.find((x: any) => x.date === holiday)).toMatchObject({ working: false, kind: 'holiday', name: '地方休假', source: 'admin', scope: 'congress' });

    const removed = await api.as.admin.request('DELETE', `/api/v1/calendar/${holiday}`);
    expect(removed.status).toBe(200);
    expect(removed.body.recalculated).toBeGreaterThanOrEqual(1);
    expect(await until(async () => { const d = await contactDue(id); return d === before ? d : undefined; })).toBe(before);
    expect((await api.as.admin.request('DELETE', `/api/v1/calendar/${holiday}`)).status).toBe(404);
  });
});

describe('policy profile', () => {
  test('admins publish a new version; bad profiles are refused naming the field; running cases keep their version', async () => {
    const { as } = api;
    const first = await as.dep1.get('/api/v1/profile');
    expect(first.body).toMatchObject({ version: 1, profile: { deadlines: { reply: 'P3M' } } });
    const running = (await as.dep1.post('/api/v1/suggestions', { title: '关于旧规则的建议', body: '正文' })).body.id;

    const next = { ...nationalProfile, name: '试行规则', deadlines: { ...nationalProfile.deadlines, reply: 'P2M' }, note: '答复期限缩短为两个月' };
    expect((await as.sec.post('/api/v1/profile', next)).status).toBe(403);
    const bad = await as.admin.post('/api/v1/profile', { ...next, deadlines: { ...next.deadlines, reply: '3 months' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'deadlines.reply' });
    expect((await as.admin.post('/api/v1/profile', { ...next, rollToWorkingDays: false })).status).toBe(422);

    const published = await as.admin.post('/api/v1/profile', next);
    expect(published.status).toBe(201);
    const now = await as.mca.get('/api/v1/profile');
    expect(now.body).toMatchObject({ version: 2, note: '答复期限缩短为两个月', publishedBy: 'user:admin', profile: { name: '试行规则', deadlines: { reply: 'P2M' } } });
    expect(now.body.versions.map((v: any) => v.version)).toEqual([2, 1]);

    const fresh = (await as.dep1.post('/api/v1/suggestions', { title: '关于新规则的建议', body: '正文' })).body.id;
    expect((await as.dep1.get(`/api/v1/suggestions/${fresh}`)).body.profileVersion).toBe(2);
    expect((await as.dep1.get(`/api/v1/suggestions/${running}`)).body.profileVersion).toBe(1);
    expect((await api.h.cases.state(running)).profile.deadlines.reply).toBe('P3M');
  });
});

describe('audit trail', () => {
  test('only admins read it; calendar, profile and sign-in entries are there with old → new, and filter', async () => {
    const { as } = api;
    expect((await as.sec.get('/api/v1/audit')).status).toBe(403);
    expect((await as.dep1.get('/api/v1/audit')).status).toBe(403);
    expect((await api.anonymous.get('/api/v1/audit')).status).toBe(401);
    expect((await new Session(api.base).signIn('admin', 'wrong-password')).status).toBe(401);

    const calendar = (await as.admin.get('/api/v1/audit?action=calendar.')).body.items;
    expect(calendar.map((e: any) => e.action)).toEqual(expect.arrayContaining(['calendar.set', 'calendar.remove']));
    const set = calendar.find((e: any) => e.action === 'calendar.set' && e.after.name === '地方休假');
    expect(set).toMatchObject({ userId: 'user:admin', username: 'admin', role: 'admin', outcome: 'ok', before: null, after: { kind: 'holiday' } });
    // The district's entries belong to the district.
    expect(calendar.some((e: any) => e.after?.name === '区庆')).toBe(false);

    const profile = (await as.admin.get('/api/v1/audit?action=profile.publish')).body.items;
    expect(profile).toHaveLength(1);
    expect(profile[0]).toMatchObject({ before: { version: 1 }, after: { version: 2, profile: { deadlines: { reply: 'P2M' } } } });

    const signIns = (await as.admin.get('/api/v1/audit?action=auth.sign_in&target=admin')).body.items;
    expect(signIns.map((e: any) => e.outcome).sort()).toEqual(['ok', 'refused']);
    expect((await as.admin.get('/api/v1/audit?action=auth.&outcome=refused')).body.items.map((e: any) => e.target)).toEqual(['admin']);
    const mine = (await as.admin.get('/api/v1/audit?userId=user:sec')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: any) => e.userId === 'user:sec')).toBe(true);

    const today = localDate(Date.now(), ZONE);
    expect((await as.admin.get(`/api/v1/audit?from=${today}&to=${today}`)).body.items.length).toBeGreaterThan(0);
    expect((await as.admin.get('/api/v1/audit?to=2020-01-01')).body.items).toEqual([]);
    expect((await as.admin.get('/api/v1/audit?from=yesterday')).body.error).toMatchObject({ field: 'from' });
  });

  test('pages walk the whole trail newest first without gaps or repeats', async () => {
    const all = (await api.as.admin.get('/api/v1/audit?limit=500')).body.items.map((e: any) => e.id);
    expect(all.length).toBeGreaterThan(5);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await api.as.admin.get(`/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...r.body.items.map((e: any) => e.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    // Reads are not audited, so the walk and the single page see the same trail.
    expect(walked).toEqual(all);
    expect((await api.as.admin.get('/api/v1/audit?cursor=nonsense')).body.error).toMatchObject({ field: 'cursor' });
  });
});

describe('API tokens', () => {
  test('an admin issues a token once; it signs calls in as its user until revoked', async () => {
    const { as } = api;
    expect((await as.sec.post('/api/v1/tokens', { userId: 'user:mca', name: 'OA' })).status).toBe(403);
    expect((await as.admin.post('/api/v1/tokens', { userId: 'user:distadmin', name: 'OA' })).body.error).toMatchObject({ field: 'userId' });
    expect((await as.admin.post('/api/v1/tokens', { userId: 'user:mca', name: 'OA' }, { 'idempotency-key': 'k1' })).status).toBe(422);

    const issued = await as.admin.post('/api/v1/tokens', { userId: 'user:mca', name: '办公系统对接' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^hy_/);
    const bearer = { authorization: `Bearer ${issued.body.token}` };
    const me = await api.anonymous.get('/api/v1/auth/me', bearer);
    expect(me.body.user).toMatchObject({ id: 'user:mca', role: 'unit' });
    expect((await api.anonymous.get('/api/v1/units', bearer)).status).toBe(200);
    const listed = (await as.admin.get('/api/v1/tokens')).body.items;
    expect(listed.find((k: any) => k.id === issued.body.id)).toMatchObject({ userId: 'user:mca', name: '办公系统对接', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(issued.body.token);

    expect((await as.admin.request('DELETE', `/api/v1/tokens/${issued.body.id}`)).status).toBe(200);
    expect((await api.anonymous.get('/api/v1/units', bearer)).status).toBe(401);
    expect((await as.admin.request('DELETE', `/api/v1/tokens/${issued.body.id}`)).status).toBe(404);
    const trail = (await as.admin.get('/api/v1/audit?action=token.')).body.items;
    expect(trail.map((e: any) => e.action)).toEqual(['token.revoke', 'token.issue']);
    expect(JSON.stringify(trail)).not.toContain(issued.body.token);
  });
});
