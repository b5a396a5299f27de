// The process-mining exports and the process endpoints over HTTP. A real process-mining tool (PM4Py,
// installed into .venv by scripts/setup-pm4py.mjs) reads the XES and OCEL 2.0 files; what it counts
// must be what the database holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { apiHarness, type ApiHarness } from './support/api-harness';

const ROOT = path.resolve(__dirname, '..');
const PYTHON = path.join(ROOT, '.venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
const dir = mkdtempSync(path.join(tmpdir(), 'huying-mining-'));
let api: ApiHarness;
let closed: string; // lead MCA + co MOF, key (SAC), co-signer d2, replied, rated, closed
let running: string; // single MOE, assigned
let rejected: string;

function pm4py(script: string, file: string): any {
  const out = execFileSync(PYTHON, ['-c', `import json, sys, warnings\nwarnings.filterwarnings('ignore')\nimport pm4py\n${script}`, file], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function download(p: string, who: keyof ApiHarness['as'], name: string): Promise<string> {
  const s = api.as[who];
  const res = await fetch(`${api.base}${p}`, { headers: { cookie: s.cookie! } });
  expect(res.status).toBe(200);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'setup-pm4py.mjs')], { stdio: 'inherit', timeout: 600_000 });
  api = await apiHarness('mining');
  const { as } = api;
  const ok = (r: { status: number; body: any }) => {
    expect({ status: r.status, error: r.body?.error }).toEqual({ status: 200, error: undefined });
    return r.body;
  };
  closed = (await as.dep1.post('/api/v1/suggestions', { title: '关于完善社区养老的建议', body: '正文', cosignerIds: ['d2'], submit: true })).body.id;
  ok(await as.dep2.post(`/api/v1/suggestions/${closed}/cosign`, { agree: true }));
  ok(await as.sec.post(`/api/v1/suggestions/${closed}/review`, { decision: 'accept' }));
  ok(await as.sec.post(`/api/v1/suggestions/${closed}/key`, { committeeId: 'SAC', decision: '主任会议确定' }));
  ok(await as.sec.post(`/api/v1/suggestions/${closed}/assignment`, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] }));
  ok(await as.mca.post(`/api/v1/suggestions/${closed}/acknowledge`, {}));
  ok(await as.mof.post(`/api/v1/suggestions/${closed}/opinions`, { body: '协办意见' }));
  ok(await as.mca.post(`/api/v1/suggestions/${closed}/reply`, { resultClass: 'A', body: '已解决', signedBy: '张三' }));
  ok(await as.dep1.post(`/api/v1/suggestions/${closed}/evaluation`, { attitude: 'satisfied', result: 'satisfied' }));
  running = (await as.dep3.post('/api/v1/suggestions', { title: '关于职业教育的建议', body: '正文', submit: true })).body.id;
  ok(await as.sec.post(`/api/v1/suggestions/${running}/review`, { decision: 'accept' }));
  ok(await as.sec.post(`/api/v1/suggestions/${running}/assignment`, { mode: 'single', leadUnitId: 'MOE' }));
  rejected = (await as.dep1.post('/api/v1/suggestions', { title: '关于个人事项的建议', body: '正文', submit: true })).body.id;
  ok(await as.sec.post(`/api/v1/suggestions/${rejected}/review`, { decision: 'reject', reason: '属于个人事项' }));
}, 900_000);
afterAll(async () => { await api?.teardown(); });

const dbEvents = () => api.h.db.db.select().from(t.caseEvents).where(eq(t.caseEvents.congressId, 'npc14')).orderBy(asc(t.caseEvents.suggestionId), asc(t.caseEvents.seq));

test('PM4Py reads the XES export: traces, events and activity names are those in the database', async () => {
  const file = await download('/api/v1/exports/xes', 'sec', 'all.xes');
  const log = pm4py(`df = pm4py.read_xes(sys.argv[1])
print(json.dumps({"traces": int(df["case:concept:name"].nunique()), "events": int(len(df)),
  "activities": sorted(df["concept:name"].unique().tolist()), "resources": sorted(df["org:resource"].unique().tolist()),
  "cases": sorted(df["case:concept:name"].unique().tolist()), "lifecycle": sorted(df["lifecycle:transition"].unique().tolist())}))`, file);
  const events = await dbEvents();
  expect(log.events).toBe(events.length);
  expect(log.traces).toBe(new Set(events.map((e) => e.suggestionId)).size);
  expect(log.cases).toEqual([closed, rejected, running].sort());
  expect(log.activities).toEqual([...new Set(events.map((e) => e.step))].sort());
  expect(log.activities).toEqual(expect.arrayContaining(['Task_Reply', 'Task_Evaluate', 'End_Closed', 'End_Rejected', 'Task_MarkKey']));
  expect(log.resources).toEqual(expect.arrayContaining(['MCA', 'MOF', 'secretariat', 'deputy']));
  expect(log.lifecycle).toEqual(['complete']);
  // No personal data by default: deputies' names are not in the file.
  expect(require('node:fs').readFileSync(file, 'utf8')).not.toMatch(/代表1/);

  const one = await download('/api/v1/exports/xes?unitId=MOE', 'sec', 'moe.xes');
  expect(pm4py('df = pm4py.read_xes(sys.argv[1])\nprint(json.dumps(sorted(df["case:concept:name"].unique().tolist())))', one)).toEqual([running]);
  const none = await download('/api/v1/exports/xes?from=2001-01-01&to=2001-12-31', 'sec', 'none.xes');
  expect(require('node:fs').readFileSync(none, 'utf8')).toMatch(/<\/log>\s*$/);
});

test('PM4Py reads the OCEL 2.0 export: events, activities, object types and qualified links match the database', async () => {
  const file = await download('/api/v1/exports/ocel', 'sec', 'all.ocel.json');
  const ocel = pm4py(`o = pm4py.read_ocel2_json(sys.argv[1])
objs = o.objects
print(json.dumps({"events": int(len(o.events)), "activities": sorted(o.events["ocel:activity"].unique().tolist()),
  "types": sorted(objs["ocel:type"].unique().tolist()), "objects": int(len(objs)),
  "qualifiers": sorted(o.relations["ocel:qualifier"].dropna().unique().tolist()),
  "o2o": sorted(o.o2o["ocel:qualifier"].dropna().unique().tolist()),
  "byType": objs["ocel:type"].value_counts().to_dict(),
  "deputyNames": int(objs[objs["ocel:type"] == "deputy"]["name"].notna().sum()) if "name" in objs.columns else 0}))`, file);
  const events = await dbEvents();
  expect(ocel.events).toBe(events.length);
  expect(ocel.activities).toEqual([...new Set(events.map((e) => e.step))].sort());
  expect(ocel.types).toEqual(['committee', 'deputy', 'evaluation', 'reply', 'suggestion', 'unit']);
  // 3 suggestions, deputies d1 d2 d3, units MCA MOF MOE, 1 reply, 1 evaluation, committee SAC.
  expect(ocel.byType).toEqual({ suggestion: 3, deputy: 3, unit: 3, reply: 1, evaluation: 1, committee: 1 });
  expect(ocel.objects).toBe(3 + 3 + 3 + 1 + 1 + 1);
  expect(ocel.qualifiers).toEqual(expect.arrayContaining(['case', 'lead', 'co-handler', 'co-signer', 'lead deputy', 'reply', 'evaluation', 'supervising committee']));
  expect(ocel.o2o).toEqual(expect.arrayContaining(['lead deputy', 'co-signer', 'lead', 'co-handler', 'supervising committee', 'answers', 'rates reply']));
  expect(ocel.deputyNames).toBe(0);
});

test('personal data only for an admin who asks, and the export is audited; others are turned away', async () => {
  const personal = await download('/api/v1/exports/ocel?includePersonal=true', 'admin', 'personal.ocel.json');
  const names = pm4py(`o = pm4py.read_ocel2_json(sys.argv[1])
d = o.objects[o.objects["ocel:type"] == "deputy"]
print(json.dumps(sorted(d["name"].dropna().tolist())))`, personal);
  expect(names).toEqual(['代表1', '代表2', '代表3']);
  const refused = await api.as.sec.get('/api/v1/exports/ocel?includePersonal=true');
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'forbidden', field: 'includePersonal' });
  const audit = (await api.as.admin.get('/api/v1/audit?limit=100')).body.items as any[];
  const exports = audit.filter((a) => String(a.action).startsWith('export.'));
  expect(exports.some((a) => a.action === 'export.ocel' && a.outcome === 'ok' && a.detail?.includePersonal === true)).toBe(true);
  expect(exports.some((a) => a.action === 'export.ocel' && a.outcome === 'refused')).toBe(true);

  expect((await api.anonymous.get('/api/v1/exports/xes')).status).toBe(401);
  for (const who of ['dep1', 'mca', 'cmt'] as const) expect((await api.as[who].get('/api/v1/exports/xes')).status).toBe(403);
  const bad = await api.as.sec.get('/api/v1/exports/xes?from=yesterday');
  expect(bad.status).toBe(422);
  expect(bad.body.error.field).toBe('from');
  expect((await api.as.sec.get('/api/v1/exports/ocel?colour=red')).status).toBe(422);
});

test('the model is served as BPMN XML, and each case\'s position and conformance within its reader\'s scope', async () => {
  const model = await api.as.dep1.get('/api/v1/process/suggestion');
  expect(model.status).toBe(200);
  expect(model.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(model.body).toMatch(/<bpmn:definitions[\s\S]*<bpmndi:BPMNDiagram/);

  const done = await api.as.dep1.get(`/api/v1/suggestions/${closed}/process`);
  expect(done.status).toBe(200);
  expect(done.body.conformance).toEqual({ ok: true });
  expect(done.body.completed).toEqual(expect.arrayContaining(['Start_Draft', 'Task_Submit', 'Task_ConfirmCosign', 'Task_Reply', 'Task_Evaluate', 'End_Closed']));
  expect(done.body.active).toEqual(expect.arrayContaining(['Task_DecideDisclosure']));
  expect(done.body.timers.map((x: any) => x.elementId)).toEqual(expect.arrayContaining(['Timer_Publication_Reminder']));

  const live = await api.as.moe.get(`/api/v1/suggestions/${running}/process`);
  expect(live.status).toBe(200);
  expect(live.body.conformance.ok).toBe(true);
  expect(live.body.active).toEqual(expect.arrayContaining(['Task_Acknowledge', 'Task_Reply']));
  expect(live.body.active).not.toContain('Task_Evaluate');
  const reminder = live.body.timers.find((x: any) => x.elementId === 'Timer_Reply_Reminder');
  expect(reminder).toMatchObject({ alarm: 'remind', unitId: 'MOE' });
  expect(Date.parse(reminder.dueAt)).toBeGreaterThan(Date.now());
  expect(live.body.timers.map((x: any) => x.elementId)).toContain('Timer_ReturnWindow_Expired');

  // Out of scope reads as absent, like the case itself.
  expect((await api.as.mca.get(`/api/v1/suggestions/${running}/process`)).status).toBe(404);
  expect((await api.as.dep2.get(`/api/v1/suggestions/${running}/process`)).status).toBe(404);
  expect((await api.as.sec.get('/api/v1/suggestions/no%00such/process')).status).toBe(404);
  expect((await api.anonymous.get(`/api/v1/suggestions/${running}/process`)).status).toBe(401);
  const ended = await api.as.sec.get(`/api/v1/suggestions/${rejected}/process`);
  expect(ended.body).toMatchObject({ conformance: { ok: true }, timers: [], timersSource: 'none' });
});
