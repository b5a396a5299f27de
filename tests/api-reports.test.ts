// Reports over HTTP: yearly figures for the secretariat and admins only; a committee reads its own
// supervision report and never another committee's (404); every report also as a printable page
// and a workbook that reads back; bad parameters are named.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { apiHarness, type AccountName, type ApiHarness } from './support/api-harness';
import { seedCases, seedReference } from './bulletin-seed';

let api: ApiHarness;

beforeAll(async () => {
  api = await apiHarness('api_reports');
  await seedReference(api.h.db.db, { congress: false });
  await seedCases(api.h.db.db);
});
afterAll(async () => { await api?.teardown(); });

async function workbook(path: string, who: AccountName) {
  const res = await fetch(`${api.base}${path}`, { headers: { cookie: api.as[who].cookie! } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="[\w.-]+\.xlsx"; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb;
}
const rows = (wb: ExcelJS.Workbook, sheet: string) => {
  const out: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((r, n) => { if (n > 1) out.push((r.values as unknown[]).slice(1)); });
  return out;
};

test('yearly figures are for the secretariat and admins only', async () => {
  for (const path of ['/api/v1/reports/appraisal?sessionId=s1', '/api/v1/reports/annual?sessionId=s1']) {
    for (const who of ['sec', 'admin'] as const) expect((await api.as[who].get(path)).status).toBe(200);
    for (const who of ['mca', 'dep1', 'cmt'] as const) expect((await api.as[who].get(path)).status).toBe(403);
    expect((await api.anonymous.get(path)).status).toBe(401);
  }
});

test('the appraisal as JSON, page and workbook', async () => {
  const r = await api.as.sec.get('/api/v1/reports/appraisal?sessionId=s1');
  expect(r.body.units.map((u: any) => [u.unitId, u.onTimeRate, u.contactRate, u.solvedRate])).toEqual([['MCA', 100, 100, 50], ['MOF', 0, 0, null], ['NHC', 0, 50, null]]);
  const html = (await api.as.sec.get('/api/v1/reports/appraisal?sessionId=s1&format=html')).body as string;
  expect(html).toContain('第十四届全国人大四次会议代表建议办理工作考核');
  expect(html).toContain('按时答复率');
  const wb = await workbook('/api/v1/reports/appraisal?sessionId=s1&format=xlsx', 'sec');
  expect(rows(wb, '办理工作考核').map((x) => [x[0], x[5], x[7]])).toEqual([['MCA 单位', 100, 100], ['MOF 单位', 0, 0], ['NHC 单位', 0, 50]]);
  const audited = await api.h.db.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'export.appraisal'));
  expect(audited.map((a) => (a.detail as any).format).sort()).toEqual(['html', 'xlsx']);
});

test('the annual report as JSON and workbook', async () => {
  const r = await api.as.admin.get('/api/v1/reports/annual?sessionId=s1');
  expect(r.body).toMatchObject({ total: 4, assigned: 4, multiUnit: 2, multiUnitShare: 50, satisfactionRate: 100, rehandled: 0 });
  const wb = await workbook('/api/v1/reports/annual?sessionId=s1&format=xlsx', 'admin');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['按来源', '按类别', '按单位类型', '答复分类', '代表评价', '重点督办', '办理状态', '承诺事项']);
  expect(rows(wb, '答复分类')).toEqual([['A', 1, 50], ['B', 1, 50], ['C', 0, 0], ['D', 0, 0]]);
  expect((await api.as.sec.get('/api/v1/reports/annual?sessionId=s1&format=html')).body).toContain('关于第十四届全国人大四次会议代表建议办理情况的报告');
});

test('a committee reads its own supervision report; another committee\'s answers 404', async () => {
  const own = await api.as.cmt.get('/api/v1/reports/committee');
  expect(own.status).toBe(200);
  expect(own.body.committee).toEqual({ id: 'SAC', name: '社会建设委员会' });
  expect(own.body.items.map((i: any) => [i.number, i.decision, i.notes.length, i.progressReports.length])).toEqual([['14004', '委员长会议确定', 1, 1]]);
  expect((await api.as.cmt.get('/api/v1/reports/committee?committeeId=SAC')).status).toBe(200);
  expect((await api.as.cmt.get('/api/v1/reports/committee?committeeId=EAC')).status).toBe(404);
  expect((await api.as.cmt.get('/api/v1/reports/committee?committeeId=EAC&format=xlsx')).status).toBe(404);
  expect((await api.as.cmt2.get('/api/v1/reports/committee')).body.items).toEqual([]);
  expect((await api.as.sec.get('/api/v1/reports/committee?committeeId=SAC')).body.items).toHaveLength(1);
  expect((await api.as.sec.get('/api/v1/reports/committee?committeeId=NOPE')).status).toBe(404);
  for (const who of ['mca', 'dep1'] as const) expect((await api.as[who].get('/api/v1/reports/committee?committeeId=SAC')).status).toBe(403);
  const html = (await api.as.cmt.get('/api/v1/reports/committee?format=html')).body as string;
  expect(html).toContain('社会建设委员会重点督办建议督办情况报告');
  expect(html).toContain('请加快签收并联系代表');
  expect(html).toContain('逾期未报');
  const wb = await workbook('/api/v1/reports/committee?format=xlsx', 'cmt');
  expect(rows(wb, '重点建议').map((x) => [x[0], x[2], x[5]])).toEqual([['14004', '委员长会议确定', 'NHC 单位（主办）']]);
  expect(rows(wb, '进展报告').map((x) => [x[1], x[4]])).toEqual([['NHC 单位', '逾期未报']]);
});

test('bad parameters are named', async () => {
  const cases: [string, string, number][] = [
    ['/api/v1/reports/appraisal', 'sessionId', 422], ['/api/v1/reports/annual?sessionId=', 'sessionId', 422],
    ['/api/v1/reports/annual?sessionId=s1&format=pdf', 'format', 422], ['/api/v1/reports/appraisal?sessionId=s1&x=1', 'x', 422],
    ['/api/v1/reports/committee', 'committeeId', 422],
  ];
  for (const [path, field, status] of cases) {
    const r = await api.as.sec.get(path);
    expect({ path, status: r.status, field: r.body.error.field }).toEqual({ path, status, field });
  }
  expect((await api.as.sec.get('/api/v1/reports/annual?sessionId=nope')).status).toBe(404);
});
