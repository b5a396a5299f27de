// The directory over HTTP: every signed-in role can look up units, deputies, delegations and
// committees of its own congress; only the secretariat and admins see deputies' contact details.
import { eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { apiHarness, type ApiHarness } from './support/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await apiHarness('apidir');
  const db = api.h.db.db;
  await db.insert(t.congresses).values({ id: 'zj', name: '浙江省人民代表大会', level: 'provincial' });
  await db.insert(t.delegations).values([
    { id: 'BJ', congressId: 'npc14', code: '01', nameZh: '北京市代表团' },
    { id: 'TJ', congressId: 'npc14', code: '02', nameZh: '天津市代表团' },
  ]);
  await db.insert(t.deputies).values([
    { id: 'd9', congressId: 'npc14', delegationId: 'TJ', name: '王小明', phone: '13812345678', email: 'wang.xm@example.com' },
    { id: 'zj1', congressId: 'zj', name: '外省代表', phone: '13900000000' },
  ]);
  await db.update(t.deputies).set({ delegationId: 'BJ', email: 'd1@example.com' }).where(eq(t.deputies.id, 'd1'));
  await db.insert(t.handlingUnits).values([
    { id: 'NDRC', congressId: 'npc14', code: 'A01', nameZh: '国家发展和改革委员会', shortZh: '国家发展改革委', kind: 'ministry' },
    { id: 'ZJGOV', congressId: 'zj', code: 'A01', nameZh: '浙江省人民政府' },
  ]);
});
afterAll(async () => { await api?.teardown(); });

test('anonymous callers get 401 on every directory endpoint', async () => {
  for (const path of ['/units', '/deputies', '/delegations', '/committees', '/sessions', '/categories']) {
    const r = await api.anonymous.get(`/api/v1${path}`);
    expect({ path, status: r.status, code: r.body.error.code }).toEqual({ path, status: 401, code: 'unauthorized' });
  }
});

test('units are sorted by code, filtered by name substring and kind, and never from another congress', async () => {
  const all = await api.as.dep1.get('/api/v1/units');
  expect(all.status).toBe(200);
  const codes = all.body.items.map((u: any) => u.code);
  expect(codes).toEqual([...codes].sort());
  expect(all.body.items.map((u: any) => u.id)).not.toContain('ZJGOV');
  expect(all.body.truncated).toBe(false);
  expect((await api.as.mca.get(`/api/v1/units?q=${encodeURIComponent('发展改革')}`)).body.items.map((u: any) => u.id)).toEqual(['NDRC']);
  expect((await api.as.cmt.get('/api/v1/units?kind=ministry')).body.items.map((u: any) => u.id)).toEqual(['NDRC']);
  const limited = await api.as.sec.get('/api/v1/units?limit=2');
  expect(limited.body).toMatchObject({ truncated: true });
  expect(limited.body.items).toHaveLength(2);
  const bad = await api.as.sec.get('/api/v1/units?limit=0');
  expect(bad.status).toBe(422);
  expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'limit' });
  expect((await api.as.sec.get('/api/v1/units?colour=red')).status).toBe(422);
});

test('phones and e-mails of deputies are whole for the secretariat and admins, masked for everyone else but the deputy', async () => {
  const row = (r: any, id: string) => r.body.items.find((d: any) => d.id === id);
  for (const who of ['sec', 'admin'] as const) {
    const r = await api.as[who].get('/api/v1/deputies');
    expect(row(r, 'd9')).toMatchObject({ name: '王小明', phone: '13812345678', email: 'wang.xm@example.com', delegationName: '天津市代表团' });
  }
  for (const who of ['dep2', 'mca', 'cmt'] as const) {
    const r = await api.as[who].get('/api/v1/deputies');
    expect(row(r, 'd9')).toMatchObject({ phone: '138****5678', email: 'w***@example.com' });
    expect(JSON.stringify(r.body)).not.toContain('13812345678');
  }
  const own = await api.as.dep1.get('/api/v1/deputies');
  expect(row(own, 'd1')).toMatchObject({ phone: '10100000000', email: 'd1@example.com' });
  expect(row(own, 'd2').phone).toBe('101****0001');
  expect(row(own, 'zj1')).toBeUndefined();
});

test('deputies filter by delegation and by name; delegations count their members; committees are listed', async () => {
  expect((await api.as.mca.get('/api/v1/deputies?delegationId=TJ')).body.items.map((d: any) => d.id)).toEqual(['d9']);
  expect((await api.as.mca.get(`/api/v1/deputies?q=${encodeURIComponent('小明')}`)).body.items.map((d: any) => d.id)).toEqual(['d9']);
  const delegations = await api.as.dep1.get('/api/v1/delegations');
  expect(delegations.body.items.map((d: any) => [d.id, d.deputies])).toEqual([['BJ', 1], ['TJ', 1]]);
  const committees = await api.as.mca.get('/api/v1/committees');
  expect(committees.body.items.map((c: any) => c.code)).toEqual(['EAC', 'SAC']);
});

test('sessions of the caller\'s congress, newest first; the category scheme with the codes in use', async () => {
  const db = api.h.db.db;
  await db.insert(t.congressSessions).values([
    { id: 'npc14-s3', congressId: 'npc14', name: '十四届全国人大三次会议', kind: 'session', startsOn: '2025-03-05' },
    { id: 'npc14-s4', congressId: 'npc14', name: '十四届全国人大四次会议', kind: 'session', startsOn: '2026-03-05' },
    { id: 'zj-s1', congressId: 'zj', name: '浙江省人大一次会议', kind: 'session', startsOn: '2026-01-10' },
  ]).onConflictDoNothing();
  const sessions = await api.as.mca.get('/api/v1/sessions');
  expect(sessions.status).toBe(200);
  expect(sessions.body.items.map((s: any) => s.id)).toEqual(['npc14-s4', 'npc14-s3']);
  const categories = await api.as.dep1.get('/api/v1/categories');
  expect(categories.status).toBe(200);
  expect(categories.body.items.length).toBeGreaterThanOrEqual(20);
  expect(categories.body.items.find((c: any) => c.code === 'FIN')).toEqual({ code: 'FIN', nameZh: '财政金融', nameEn: 'Public finance, taxation and finance' });
  expect((await api.as.dep1.get('/api/v1/categories?limit=x')).status).toBe(422);
});
