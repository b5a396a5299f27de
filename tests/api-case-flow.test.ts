// One whole case driven only through HTTP, each step by the role that does it in real life; every
// read after a command already shows it.
import { apiHarness, type ApiHarness } from './support/api-harness';

let api: ApiHarness;
beforeAll(async () => { api = await apiHarness('apiflow'); });
afterAll(async () => { await api?.teardown(); });

test('submit → review → assign → acknowledge → contact → opinion → reply → evaluate → disclose, all over HTTP', async () => {
  const { as } = api;
  const created = await as.dep1.post('/api/v1/suggestions', { title: '关于加强农村养老服务的建议', body: '现状……建议……', categoryCode: 'SOC', cosignerIds: ['d2'] });
  expect(created.status).toBe(201);
  const id = created.body.id;
  expect(created.body).toMatchObject({ status: 'draft', leadDeputyId: 'd1' });

  const step = async (who: keyof ApiHarness['as'], path: string, body: unknown, status: string) => {
    const r = await as[who].post(`/api/v1/suggestions/${id}${path}`, body);
    expect({ path, status: r.status, body: r.body }).toMatchObject({ path, status: 200 });
    expect(r.body.status).toBe(status);
    const read = await as[who].get(`/api/v1/suggestions/${id}`);
    expect(read.body.status).toBe(status);
    return r.body;
  };
  await step('dep1', '/submit', {}, 'cosigning');
  await step('dep2', '/cosign', { agree: true }, 'submitted');
  await step('sec', '/review', { decision: 'accept' }, 'accepted');
  await step('sec', '/assignment', { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] }, 'handling');
  await step('mca', '/acknowledge', {}, 'handling');
  const contact = await step('mca', '/communications', { phase: 'before', channel: 'phone', summary: '电话沟通' }, 'handling');
  expect(contact.communications).toHaveLength(1);
  await step('mof', '/opinions', { body: '协办意见' }, 'handling');
  await step('mca', '/reply', { resultClass: 'A', body: '已解决', signedBy: '张三' }, 'replied');
  await step('dep1', '/evaluation', { attitude: 'satisfied', result: 'satisfied' }, 'closed');
  const done = await step('sec', '/disclosure', { publish: true }, 'closed');
  expect(done.disclosure).toBe('published');
  expect(done.timeline.map((e: any) => e.type)).toEqual(expect.arrayContaining(['created', 'submitted', 'accepted', 'assigned', 'replied', 'evaluated', 'closed', 'published']));

  const list = await as.mca.get('/api/v1/suggestions?status=closed');
  expect(list.body.items.map((i: any) => i.id)).toContain(id);
});

test('another unit, another deputy and a committee without the key item cannot see it (404, not 403)', async () => {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title: '关于某事的建议', body: '正文', submit: true })).body.id;
  await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' });
  await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' });
  for (const who of ['moe', 'dep3', 'cmt'] as const) {
    expect((await as[who].get(`/api/v1/suggestions/${id}`)).status).toBe(404);
    expect((await as[who].post(`/api/v1/suggestions/${id}/acknowledge`, {})).status).toBe(404);
  }
  expect((await as.mca.get(`/api/v1/suggestions/${id}`)).status).toBe(200);
  expect((await as.moe.get('/api/v1/suggestions')).body.items.map((i: any) => i.id)).not.toContain(id);
});

test('an illegal transition is a 409 with the workflow\'s reason; bad input is a 422 naming the field', async () => {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title: '关于某事的建议', body: '正文', submit: true })).body.id;
  const early = await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' });
  expect(early.status).toBe(409);
  expect(early.body.error).toMatchObject({ code: 'illegal_transition' });
  expect(early.body.error.zh).toMatch(/[\u4e00-\u9fa5]/);
  const bad = await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'maybe' });
  expect(bad.status).toBe(422);
  expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'decision' });
  const malformed = await as.sec.request('POST', `/api/v1/suggestions/${id}/review`, '{"decision":');
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.code).toBe('malformed_json');
});

test('the supervising committee follows its key suggestion and adds supervision notes; no other committee can', async () => {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title: '关于重点督办的建议', body: '正文', submit: true })).body.id;
  await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' });
  await as.sec.post(`/api/v1/suggestions/${id}/key`, { committeeId: 'SAC', decision: '委员长会议确定为重点督办建议', supervisingLeader: '副委员长' });
  await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'single', leadUnitId: 'MCA' });
  expect((await as.cmt.get('/api/v1/suggestions?isKey=true')).body.items.map((i: any) => i.id)).toContain(id);
  const note = await as.cmt.post(`/api/v1/suggestions/${id}/supervision-notes`, { body: '请主办单位于月底前报送办理进展' });
  expect(note.status).toBe(200);
  expect(note.body.supervisionNotes).toEqual([expect.objectContaining({ committeeId: 'SAC', body: '请主办单位于月底前报送办理进展' })]);
  expect((await as.mca.get(`/api/v1/suggestions/${id}`)).body.supervisionNotes).toHaveLength(1);
  expect((await as.cmt2.post(`/api/v1/suggestions/${id}/supervision-notes`, { body: '越权' })).status).toBe(404);
  expect((await as.mca.post(`/api/v1/suggestions/${id}/supervision-notes`, { body: '越权' })).status).toBe(403);

  // It asks the unit for a progress report by a date; the unit reports; each sees it at once.
  const asked = await as.cmt.post(`/api/v1/suggestions/${id}/progress-requests`, { unitId: 'MCA', note: '请报告调研进展', dueDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10) });
  expect(asked.status).toBe(200);
  expect(asked.body.progressRequests).toEqual([expect.objectContaining({ unitId: 'MCA', status: 'pending', committeeId: 'SAC' })]);
  expect((await as.mca.get(`/api/v1/suggestions/${id}`)).body.progressRequests[0].status).toBe('pending');
  expect((await as.mof.post(`/api/v1/suggestions/${id}/progress-reports`, { body: '越权' })).status).toBe(404);
  const reported = await as.mca.post(`/api/v1/suggestions/${id}/progress-reports`, { body: '已完成专题调研' });
  expect(reported.status).toBe(200);
  expect((await as.cmt.get(`/api/v1/suggestions/${id}`)).body.progressRequests[0]).toMatchObject({ status: 'reported', report: '已完成专题调研' });
  const again = await as.mca.post(`/api/v1/suggestions/${id}/progress-reports`, { body: '再报一次' });
  expect(again.status).toBe(409);
});
