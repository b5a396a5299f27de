// Bulletins over HTTP: the secretariat issues one (and again, queuing nothing twice); each reader
// sees only their part — a unit its own figures and overdue items, a deputy their items, a
// committee its key items; the printable page and the workbook parse; bad input is named.
import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import * as t from '../schema/tables';
import { apiHarness, type ApiHarness } from './support/api-harness';
import { seedCases, seedReference } from './bulletin-seed';

let api: ApiHarness;
const ID = 'npc14-2026-04';

beforeAll(async () => {
  api = await apiHarness('api_bulletins');
  await seedReference(api.h.db.db, { congress: false });
  await seedCases(api.h.db.db);
});
afterAll(async () => { await api?.teardown(); });

async function xlsx(path: string, who: keyof ApiHarness['as']) {
  const res = await fetch(`${api.base}${path}`, { headers: { cookie: api.as[who].cookie! } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb;
}
const sheetRows = (wb: ExcelJS.Workbook, name: string) => {
  const rows: unknown[][] = [];
  wb.getWorksheet(name)?.eachRow((r, n) => { if (n > 1) rows.push((r.values as unknown[]).slice(1)); });
  return rows;
};

test('the secretariat issues April; running it again replaces the figures and queues no notice twice', async () => {
  const r = await api.as.sec.post('/api/v1/bulletins', { month: '2026-04' });
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({ id: ID, month: '2026-04', scope: 'all', trigger: 'api', notices: 8 });
  expect(r.body.figures.overall).toMatchObject({ items: 5, replied: 2, overdue: 1 });
  expect(r.body.figures.overdue.map((o: any) => [o.number, o.unitId, o.deadline])).toEqual([['14002', 'MOF', 'firstContact'], ['14002', 'MOF', 'reply']]);
  const again = await api.as.sec.post('/api/v1/bulletins', { month: '2026-04' });
  expect(again.status).toBe(201);
  expect(again.body.notices).toBe(0);
  const queued = await api.h.db.db.select({ id: t.outbox.id }).from(t.outbox).where(like(t.outbox.id, 'bulletin:npc14:2026-04:%'));
  expect(queued).toHaveLength(8);
  const audited = await api.h.db.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'bulletin.issue'), eq(t.auditLog.target, ID)));
  expect(audited).toHaveLength(2);
  // Without a month: this month, as of now.
  const now = await api.as.sec.post('/api/v1/bulletins', { notify: false });
  expect(now.status).toBe(201);
  expect(Date.now() - Date.parse(now.body.asOf)).toBeLessThan(60_000);
  expect(now.body.notices).toBe(0);
});

test('only the secretariat and admins issue; bad months and fields are named', async () => {
  for (const who of ['mca', 'dep1', 'cmt'] as const) expect((await api.as[who].post('/api/v1/bulletins', { month: '2026-04' })).status).toBe(403);
  expect((await api.anonymous.post('/api/v1/bulletins', { month: '2026-04' })).status).toBe(401);
  const cases: [unknown, string][] = [[{ month: '2099-01' }, 'month'], [{ month: '2026-13' }, 'month'], [{ month: 202604 }, 'month'], [{ notify: 'yes' }, 'notify'], [{ extra: 1 }, 'extra']];
  for (const [body, field] of cases) {
    const r = await api.as.sec.post('/api/v1/bulletins', body);
    expect({ body, status: r.status, field: r.body.error.field }).toEqual({ body, status: 422, field });
    expect(r.body.error.zh).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect((await api.as.sec.get('/api/v1/bulletins/nope')).status).toBe(422);
  expect((await api.as.sec.get('/api/v1/bulletins/npc14-2031-01')).status).toBe(404);
  expect((await api.as.sec.get(`/api/v1/bulletins/${ID}?x=1`)).status).toBe(422);
});

test('everyone signed in sees the list, newest first', async () => {
  for (const who of ['sec', 'mca', 'dep1', 'cmt', 'admin'] as const) {
    const r = await api.as[who].get('/api/v1/bulletins');
    expect(r.status).toBe(200);
    expect(r.body.items.map((b: any) => b.id)).toContain(ID);
    expect(r.body.items[0].month >= r.body.items.at(-1).month).toBe(true);
  }
  expect((await api.anonymous.get('/api/v1/bulletins')).status).toBe(401);
});

test('a unit sees its own row, overdue items and rank, never another unit\'s', async () => {
  const mca = (await api.as.mca.get(`/api/v1/bulletins/${ID}`)).body;
  expect(mca.scope).toBe('unit');
  expect(mca.figures.overall).toBeNull();
  expect(mca.figures.units.map((u: any) => u.unitId)).toEqual(['MCA']);
  expect(mca.figures.overdue).toEqual([]);
  expect(mca.figures.ranking).toEqual([expect.objectContaining({ unitId: 'MCA', rank: 1 })]);
  expect(mca.figures.delegations).toEqual([]);
  expect(mca.items.map((i: any) => i.id)).toEqual(['S1', 'S3', 'S5']);
  const mof = (await api.as.mof.get(`/api/v1/bulletins/${ID}`)).body;
  expect(mof.figures.units.map((u: any) => [u.unitId, u.overdue, u.colour])).toEqual([['MOF', 1, 'red']]);
  expect(mof.figures.overdue.map((o: any) => o.suggestionId)).toEqual(['S2', 'S2']);
  expect(JSON.stringify(mof)).not.toContain('关于改善学前教育的建议'); // S5 is MCA's alone
  const moe = (await api.as.moe.get(`/api/v1/bulletins/${ID}`)).body;
  expect(moe.items).toEqual([]);
  expect(moe.figures.units.map((u: any) => [u.unitId, u.assigned])).toEqual([['MOE', 0]]);
});

test('a deputy sees the items they lead or co-signed; a committee only its key items', async () => {
  const ids = async (who: 'dep1' | 'dep2' | 'dep3' | 'cmt' | 'cmt2') => (await api.as[who].get(`/api/v1/bulletins/${ID}`)).body;
  const d1 = await ids('dep1');
  expect([d1.scope, d1.items.map((i: any) => i.id), d1.figures.units, d1.figures.overdue]).toEqual(['deputy', ['S1', 'S4'], [], []]);
  expect((await ids('dep2')).items.map((i: any) => i.id)).toEqual(['S1', 'S2']);
  expect((await ids('dep3')).items.map((i: any) => i.id)).toEqual(['S3', 'S5']);
  const sac = await ids('cmt');
  expect([sac.scope, sac.items.map((i: any) => i.id), sac.figures.committees.map((c: any) => c.committeeId)]).toEqual(['committee', ['S4'], ['SAC']]);
  const eac = await ids('cmt2');
  expect([eac.items, eac.figures.committees]).toEqual([[], []]);
});

test('the printable page is Chinese, A4, and shows each reader only their part', async () => {
  const page = await api.as.sec.get(`/api/v1/bulletins/${ID}/html`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const html = page.body as string;
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('2026年4月人大代表建议办理进度通报');
  expect(html).toMatch(/@page \{ size: A4/);
  expect(html).toContain('逾期未办结建议（点名通报）');
  expect(html).toContain('关于完善地方债务管理的建议');
  expect(html).not.toMatch(/<script/i);
  const mca = (await api.as.mca.get(`/api/v1/bulletins/${ID}/html`)).body as string;
  expect(mca).toContain('本单位部分');
  expect(mca).not.toContain('关于完善地方债务管理的建议');
  expect((await api.as.mof.get(`/api/v1/bulletins/${ID}/html`)).body).toContain('关于完善地方债务管理的建议');
  expect((await api.as.sec.get('/api/v1/bulletins/npc14-2031-01/html')).status).toBe(404);
});

test('the workbook has one sheet per level and reads back', async () => {
  const wb = await xlsx(`/api/v1/bulletins/${ID}/xlsx`, 'sec');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '承办单位', '逾期清单', '单位排名', '代表团', '类别', '重点督办']);
  expect(sheetRows(wb, '总体')[0].slice(0, 5)).toEqual(['第十四届全国人民代表大会', 5, 4, 3, 2]);
  expect(sheetRows(wb, '逾期清单').map((r) => [r[1], r[3], r[5], r[7]])).toEqual([['14002', 'MOF 单位', '首次联系代表', 23], ['14002', 'MOF 单位', '答复', 11]]);
  expect(sheetRows(wb, '单位排名').map((r) => [r[0], r[1]])).toEqual([[1, 'MCA 单位'], [2, 'NHC 单位'], [3, 'MOF 单位']]);
  const mine = await xlsx(`/api/v1/bulletins/${ID}/xlsx`, 'mca');
  expect(sheetRows(mine, '承办单位').map((r) => r[0])).toEqual(['MCA 单位']);
  expect(sheetRows(mine, '逾期清单')).toEqual([]);
  expect(sheetRows(mine, '建议进度').map((r) => r[0])).toEqual(['14001', '14003', '14005']);
  const exports = await api.h.db.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'export.bulletin'), eq(t.auditLog.target, ID)));
  expect(exports.length).toBeGreaterThanOrEqual(2);
});
