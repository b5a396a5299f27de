// Bulk import and export over HTTP: a secretariat uploads a session's suggestions as CSV or XLSX
// and every good file starts its cases once; a file with any bad row starts nothing and says
// which rows and fields are wrong; exports hold exactly what the caller's list holds.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import * as t from '../schema/tables';
import { caseWorkflowId } from '../schema/case';
import { apiHarness, type ApiHarness, type Session } from './support/api-harness';

let api: ApiHarness;
const S1 = 'npc14-s1';
const I1 = 'npc14-i1';
const S2 = 'npc14-s2';
const HEADER = '编号,标题,正文,类别,领衔代表,附议代表,来源,建议承办单位';

beforeAll(async () => {
  api = await apiHarness('transfer');
  const db = api.h.db.db;
  await db.insert(t.congressSessions).values([
    { id: S1, congressId: 'npc14', name: '第一次会议', kind: 'session', startsOn: '2026-03-05' },
    { id: I1, congressId: 'npc14', name: '一次会议闭会期间', kind: 'inter_session', startsOn: '2026-03-12' },
    { id: S2, congressId: 'npc14', name: '第二次会议', kind: 'session', startsOn: '2027-03-05' },
  ]);
  await db.insert(t.delegations).values({ id: 'dlg-BJ', congressId: 'npc14', code: 'BJ', nameZh: '北京市' });
  await db.update(t.deputies).set({ delegationId: 'dlg-BJ' }).where(eq(t.deputies.id, 'd1'));
  // Two deputies whose names differ only by the padding lists use: a name alone cannot pick one.
  await db.insert(t.deputies).values([{ id: 'd8', congressId: 'npc14', name: '王伟' }, { id: 'd9', congressId: 'npc14', name: '王　伟' }]);
});
afterAll(async () => { await api?.teardown(); });

interface Upload { status: number; body: any }
async function upload(who: Session, file: Blob, filename: string, fields: Record<string, string>): Promise<Upload> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, filename);
  const headers: Record<string, string> = who.cookie ? { cookie: who.cookie, 'x-csrf-token': who.csrf ?? '' } : {};
  const res = await fetch(`${api.base}/api/v1/imports`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const csvFile = (text: string) => new Blob([text], { type: 'text/csv' });
const xlsxFile = (buf: ArrayBuffer | Buffer) => new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function download(who: Session, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${api.base}${path}`, { headers: { cookie: who.cookie! } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
async function listIds(who: Session, query: string): Promise<string[]> {
  const r = await who.get(`/api/v1/suggestions?limit=500&${query}`);
  expect(r.status).toBe(200);
  expect(r.body.nextCursor).toBeNull();
  return r.body.items.map((i: any) => i.id);
}
const auditRows = (action: string) => api.h.db.db.select().from(t.auditLog).where(eq(t.auditLog.action, action));

test('a good CSV starts every case, submitted, resolving deputies, units and categories by name; importing it again starts none', async () => {
  const { as } = api;
  const csv = `${HEADER}
C-001,关于加强农村养老服务的建议,"现状……
建议……",SOC,d1,,大会,MCA
C-002,关于完善职业教育体系的建议,正文二,教育,代表2,d3、代表4,,MOE;MOF 单位
C-003,关于某议案转为建议的办理,正文三,,代表3,,议案转建议,
`;
  const first = await upload(as.sec, csvFile(csv), '一次会议建议.csv', { sessionId: S1 });
  expect(first).toMatchObject({ status: 201, body: { dryRun: false, imported: 3, skippedExisting: 0, ids: ['npc14-no-C-001', 'npc14-no-C-002', 'npc14-no-C-003'] } });

  expect(await listIds(as.sec, `sessionId=${S1}`)).toEqual(expect.arrayContaining(first.body.ids));
  const c1 = (await as.sec.get('/api/v1/suggestions/npc14-no-C-001')).body;
  expect(c1).toMatchObject({ number: 'C-001', sessionId: S1, status: 'submitted', leadDeputyId: 'd1', delegationId: 'dlg-BJ', categoryCode: 'SOC', source: 'session', proposedUnitIds: ['MCA'] });
  expect(c1.body).toBe('现状……\n建议……');
  const c2 = (await as.sec.get('/api/v1/suggestions/npc14-no-C-002')).body;
  expect(c2).toMatchObject({ status: 'cosigning', leadDeputyId: 'd2', categoryCode: 'EDU', proposedUnitIds: ['MOE', 'MOF'] });
  expect(c2.cosigners.map((c: any) => c.deputyId).sort()).toEqual(['d3', 'd4']);
  expect((await as.sec.get('/api/v1/suggestions/npc14-no-C-003')).body).toMatchObject({ status: 'accepted', source: 'motion' });

  const again = await upload(as.sec, csvFile(csv), '一次会议建议.csv', { sessionId: S1 });
  expect(again).toMatchObject({ status: 200, body: { imported: 0, skippedExisting: 3, ids: first.body.ids } });
  expect((await as.sec.get(`/api/v1/suggestions?sessionId=${S1}`)).body.total).toBe(3);
  const audits = (await auditRows('import.suggestions')).filter((a) => a.outcome === 'ok' && (a.detail as any).sessionId === S1);
  expect(audits.map((a) => a.detail)).toEqual([
    expect.objectContaining({ file: '一次会议建议.csv', format: 'csv', rows: 3, imported: 3, skippedExisting: 0 }),
    expect.objectContaining({ imported: 0, skippedExisting: 3 }),
  ]);
  expect(audits[0].userId).toBe('user:sec');
});

test('a CSV saved by Chinese Excel (GB18030, no BOM) imports with its Chinese intact', async () => {
  // iconv-lite comes with Express; Node itself can decode GB18030 but not encode it.
  const iconv = require('iconv-lite') as { encode(s: string, enc: string): Buffer };
  const bytes = iconv.encode(`${HEADER}\r\nG-001,关于规范农村集体经济组织管理的建议,正文,农业农村,代表1,,闭会,\r\n`, 'gb18030');
  const r = await upload(api.as.admin, new Blob([bytes]), 'gbk.csv', { sessionId: S1 });
  expect(r).toMatchObject({ status: 201, body: { imported: 1 } });
  expect((await api.as.sec.get('/api/v1/suggestions/npc14-no-G-001')).body).toMatchObject({
    title: '关于规范农村集体经济组织管理的建议', categoryCode: 'AGR', source: 'inter_session', leadDeputyId: 'd1',
  });
});

test('an XLSX filled in on the downloaded template imports 40 rows (more than one round of concurrent starts)', async () => {
  const { as } = api;
  const tpl = await download(as.sec, '/api/v1/imports/template.xlsx');
  expect(tpl.status).toBe(200);
  expect(tpl.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('建议导入模板.xlsx')}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.bytes as any);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['建议', '说明', '类别', '承办单位']);
  const sheet = wb.getWorksheet('建议')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '标题', '正文', '类别', '领衔代表', '附议代表', '来源', '建议承办单位']);
  expect(wb.getWorksheet('承办单位')!.rowCount).toBe(1 + 4);

  for (let i = 1; i <= 40; i++) {
    // Numbers typed into Excel arrive as numeric cells; units by their Chinese names.
    sheet.addRow([2000 + i, `关于闭会期间第${i}件事项的建议`, `正文${i}`, 'CIV', '代表1', i % 2 ? '代表2' : '', '', 'MCA 单位、NHC']);
  }
  const r = await upload(as.sec, xlsxFile(await wb.xlsx.writeBuffer()), '闭会期间建议.xlsx', { sessionId: I1 });
  expect(r).toMatchObject({ status: 201, body: { imported: 40, skippedExisting: 0 } });
  expect(r.body.ids[0]).toBe('npc14-no-2001');
  const ids = await listIds(as.sec, `sessionId=${I1}`);
  expect(ids.sort()).toEqual([...r.body.ids].sort());
  expect((await as.sec.get('/api/v1/suggestions/npc14-no-2002')).body).toMatchObject({
    number: '2002', source: 'inter_session', status: 'submitted', categoryCode: 'CIV', proposedUnitIds: ['MCA', 'NHC'],
  });
});

test('a file with bad rows is refused whole (422) naming every bad row and field, and starts nothing — not even its good rows', async () => {
  const { as } = api;
  // A number already held by a case from elsewhere (an earlier system, say) is taken.
  const now = new Date();
  await api.h.db.db.insert(t.suggestions).values({ id: 'legacy-1', congressId: 'npc14', number: 'Z-999', title: '旧系统建议', body: '正文', source: 'session',
    leadDeputyId: 'd1', status: 'closed', step: 'End_Closed', profileVersion: 1, createdAt: now, updatedAt: now, version: 1 });
  const csv = [HEADER,
    'B-001,关于好建议的建议,正文,SOC,d1,,,MCA', // 2: good
    'B-002,关于某事的建议,正文,SOC,不存在的代表,,,', // 3
    'B-003,,正文,SOC,d1,,,', // 4
    'B-001,关于重复编号的建议,正文,SOC,d2,,,', // 5
    'B-005,关于某事的建议,正文,SOC,d1,,,MCA;NOPE', // 6
    'Z-999,关于占用编号的建议,正文,SOC,d1,,,', // 7
    'B-006,关于重名代表的建议,正文,SOC,王伟,,,', // 8
    'B-007,关于某事的建议,正文,XYZ,d1,,路过,', // 9
    'B-008,关于某事的建议,,SOC,d1,d2、查无此人,,', // 10
  ].join('\n');
  for (const dryRun of ['true', 'false']) {
    const r = await upload(as.sec, csvFile(csv), 'bad.csv', { sessionId: S1, dryRun });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'invalid_rows', field: 'file' });
    const byRow = Object.fromEntries(r.body.error.details.map((d: any) => [d.row, d.errors.map((e: any) => e.field)]));
    expect(byRow).toEqual({
      3: ['leadDeputyId'], 4: ['title'], 5: ['number'], 6: ['proposedUnitIds'], 7: ['number'], 8: ['leadDeputyId'],
      9: ['categoryCode', 'source'], 10: ['body', 'cosignerIds'],
    });
    for (const e of r.body.error.details.flatMap((d: any) => d.errors)) {
      expect(e.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.en).toMatch(/[a-z]/);
      expect(e.column).toMatch(/[\u4e00-\u9fa5]/);
    }
    const reasons = JSON.stringify(r.body.error.details);
    for (const word of ['不存在的代表', 'NOPE', '第 2 行', '查无此人', 'XYZ']) expect(reasons).toContain(word);
  }
  expect((await as.sec.get('/api/v1/suggestions/npc14-no-B-001')).status).toBe(404);
  await expect(api.h.env.client.workflow.getHandle(caseWorkflowId('npc14-no-B-001')).describe()).rejects.toThrow();
  const refused = (await auditRows('import.suggestions')).filter((a) => a.outcome === 'refused');
  expect(refused.map((a) => a.detail)).toEqual([expect.objectContaining({ badRows: 8, dryRun: true }), expect.objectContaining({ badRows: 8, dryRun: false })]);
});

test('in an XLSX, reported rows are the rows Excel shows, past a title block and blank rows', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  ws.addRow(['第一次会议代表建议汇总表']);
  ws.addRow(['编号', '标题', '正文', '领衔代表', '建议承办单位']);
  ws.addRow(['R-001', '关于某事的建议', '正文', 'd1', 'MCA']);
  ws.addRow([]);
  ws.addRow(['R-002', '关于某事的建议', '正文', 'd1', '不存在的单位']);
  const r = await upload(api.as.sec, xlsxFile(await wb.xlsx.writeBuffer()), 'r.xlsx', { sessionId: S1 });
  expect(r.status).toBe(422);
  expect(r.body.error.details).toEqual([expect.objectContaining({ row: 5, number: 'R-002', errors: [expect.objectContaining({ field: 'proposedUnitIds', column: '建议承办单位' })] })]);
});

test('a dry run of a good file reports what it would do and starts nothing', async () => {
  const csv = `${HEADER}\nD-001,关于试导入的建议,正文,,d1,,,\nC-001,关于加强农村养老服务的建议,正文,,d1,,,\n`;
  const r = await upload(api.as.sec, csvFile(csv), 'dry.csv', { sessionId: S1, dryRun: 'true' });
  expect(r).toMatchObject({ status: 200, body: { dryRun: true, imported: 0, skippedExisting: 1, ids: ['npc14-no-D-001', 'npc14-no-C-001'] } });
  expect((await api.as.sec.get('/api/v1/suggestions/npc14-no-D-001')).status).toBe(404);
});

test('only the secretariat and admins may import: units, deputies and committees get 403, strangers 401', async () => {
  const csv = csvFile(`${HEADER}\nU-001,关于某事的建议,正文,,d1,,,\n`);
  for (const who of ['mca', 'dep1', 'cmt'] as const) expect((await upload(api.as[who], csv, 'x.csv', { sessionId: S1 })).status).toBe(403);
  expect((await upload(api.anonymous, csv, 'x.csv', { sessionId: S1 })).status).toBe(401);
  expect((await api.as.sec.get('/api/v1/suggestions/npc14-no-U-001')).status).toBe(404);
});

test('what cannot be an import is refused before any row is read: no session, an unknown session, an .xls, a file over 10 MB', async () => {
  const { as } = api;
  const csv = csvFile(`${HEADER}\nV-001,关于某事的建议,正文,,d1,,,\n`);
  expect((await upload(as.sec, csv, 'x.csv', {})).body.error).toMatchObject({ field: 'sessionId' });
  expect((await upload(as.sec, csv, 'x.csv', { sessionId: 'nope' })).body.error).toMatchObject({ field: 'sessionId' });
  expect((await upload(as.sec, new Blob([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])]), 'old.xls', { sessionId: S1 })).status).toBe(415);
  expect((await upload(as.sec, new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 0x61)]), 'big.csv', { sessionId: S1 })).status).toBe(413);
});

test('a 9,203-row XLSX (a national year) fits the upload limit and passes a dry run', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('建议');
  ws.addRow(['编号', '标题', '正文', '类别', '领衔代表', '附议代表', '来源', '建议承办单位']);
  const body = '当前存在的主要问题：……。具体建议：一是加强统筹协调，二是完善配套政策，三是加大资金投入，四是强化督促检查。'.repeat(3);
  for (let i = 1; i <= 9203; i++) ws.addRow([`N-${i}`, `关于第${i}件事项的建议`, body, 'SOC', `d${(i % 4) + 1}`, '代表1、代表2', '大会', 'MCA、MOF']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  expect(buf.length).toBeLessThan(10 * 1024 * 1024);
  const r = await upload(api.as.sec, xlsxFile(buf), 'national.xlsx', { sessionId: S2, dryRun: 'true' });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ dryRun: true, imported: 0, skippedExisting: 0 });
  expect(r.body.ids).toHaveLength(9203);
});

describe('exports', () => {
  beforeAll(async () => {
    const { as } = api;
    const csv = [HEADER, ...[1, 2, 3, 4].map((i) => `E-00${i},关于导出测试第${i}件的建议,正文,SOC,d${i},,,`)].join('\n');
    expect((await upload(as.sec, csvFile(csv), 'e.csv', { sessionId: S2 })).body.imported).toBe(4);
    for (const [n, assignment] of [[1, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] }], [2, { mode: 'single', leadUnitId: 'MOF' }]] as const) {
      expect((await as.sec.post(`/api/v1/suggestions/npc14-no-E-00${n}/review`, { decision: 'accept' })).status).toBe(200);
      expect((await as.sec.post(`/api/v1/suggestions/npc14-no-E-00${n}/assignment`, assignment)).status).toBe(200);
    }
  });

  const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][];
  async function xlsxRows(bytes: Buffer): Promise<string[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as any);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  }

  test('CSV and XLSX exports of a filtered list hold exactly its rows, in order, with Chinese headers and values and local times', async () => {
    const { as } = api;
    const filter = `sessionId=${S2}&status=handling`;
    const expected = await listIds(as.sec, filter);
    expect(expected.sort()).toEqual(['npc14-no-E-001', 'npc14-no-E-002']);
    const listed = (await as.sec.get(`/api/v1/suggestions?limit=500&${filter}`)).body.items;

    const csv = await download(as.sec, `/api/v1/exports/suggestions.csv?${filter}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="suggestions-\d{8}-\d{4}\.csv"; filename\*=UTF-8''%E5%BB%BA%E8%AE%AE%E6%B8%85%E5%8D%95-\d{8}-\d{4}\.csv$/);

    const xlsx = await download(as.sec, `/api/v1/exports/suggestions.xlsx?${filter}&limit=1`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");

    for (const [header, ...rows] of [csvRows(csv.bytes), await xlsxRows(xlsx.bytes)]) {
      for (const h of header) expect(h).toMatch(/[\u4e00-\u9fa5]/);
      const col = (name: string) => header.indexOf(name);
      expect(rows.map((r) => r[col('系统编号')])).toEqual(listed.map((i: any) => i.id));
      const e1 = rows.find((r) => r[col('建议编号')] === 'E-001')!;
      expect(e1[col('状态')]).toBe('办理中');
      expect(e1[col('主办单位')]).toBe('MCA 单位');
      expect(e1[col('协办单位')]).toBe('MOF 单位');
      expect(e1[col('交办方式')]).toBe('主办+协办');
      expect(e1[col('领衔代表')]).toBe('代表1');
      expect(e1[col('类别')]).toBe('社会保障和就业');
      const item = listed.find((i: any) => i.id === 'npc14-no-E-001');
      for (const [zh, key] of [['提交时间', 'submittedAt'], ['交办时间', 'assignedAt'], ['答复期限', 'replyDueAt'], ['更新时间', 'updatedAt']]) {
        expect(e1[col(zh)]).toBe(DateTime.fromISO(item[key]).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm'));
      }
    }
  });

  test('a unit exports only what is assigned to it', async () => {
    const { as } = api;
    const expected = await listIds(as.mca, `sessionId=${S2}`);
    expect(expected).toEqual(['npc14-no-E-001']);
    const [header, ...rows] = csvRows((await download(as.mca, `/api/v1/exports/suggestions.csv?sessionId=${S2}`)).bytes);
    expect(rows.map((r) => r[header.indexOf('系统编号')])).toEqual(expected);
    const mof = csvRows((await download(as.mof, `/api/v1/exports/suggestions.csv?sessionId=${S2}`)).bytes);
    expect(mof.slice(1).map((r) => r[0]).sort()).toEqual(['npc14-no-E-001', 'npc14-no-E-002']);
    const dep = csvRows((await download(as.dep2, `/api/v1/exports/suggestions.csv?sessionId=${S2}`)).bytes);
    expect(dep.slice(1).map((r) => r[0])).toEqual(['npc14-no-E-002']);
  });

  test('bad filters are a 422 like the list\'s; every export is audited with its filters and row count', async () => {
    const { as } = api;
    expect((await as.sec.get('/api/v1/exports/suggestions.csv?status=nope')).status).toBe(422);
    await download(as.moe, `/api/v1/exports/suggestions.xlsx?sessionId=${S2}`);
    const rows = await api.h.db.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'export.suggestions'), eq(t.auditLog.userId, 'user:moe')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'ok', role: 'unit', detail: { format: 'xlsx', filters: { sessionId: S2 }, rows: 0 } });
    const all = await auditRows('export.suggestions');
    expect(all.map((a) => [a.userId, (a.detail as any).format, (a.detail as any).rows])).toEqual(expect.arrayContaining([
      ['user:sec', 'csv', 2], ['user:sec', 'xlsx', 2], ['user:mca', 'csv', 1], ['user:mof', 'csv', 2], ['user:dep2', 'csv', 1],
    ]));
  });
});
