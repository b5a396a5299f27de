// The permission matrix: every role (and no sign-in) against every endpoint. A role outside an
// item's scope gets 404 (its existence does not leak), a role without the right gets 403 (or 409
// where the case's state speaks first), nobody gets through by accident, and a refusal writes nothing.
import { COMMAND_ROUTES } from '../api/routes/suggestions';
import type { CommandName } from '../schema/commands';
import { apiHarness, ACCOUNTS, type AccountName, type ApiHarness, type Session } from './support/api-harness';

let api: ApiHarness;
let id: string; // a key suggestion in handling: lead MCA, co-handler MOF, lead deputy d1, co-signer d2, committee SAC
beforeAll(async () => {
  api = await apiHarness('perm');
  const { as } = api;
  id = (await as.dep1.post('/api/v1/suggestions', { title: '关于权限矩阵的建议', body: '正文', cosignerIds: ['d2'], submit: true })).body.id;
  await as.dep2.post(`/api/v1/suggestions/${id}/cosign`, { agree: true });
  await as.sec.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept' });
  await as.sec.post(`/api/v1/suggestions/${id}/key`, { committeeId: 'SAC', decision: '主任会议确定' });
  const r = await as.sec.post(`/api/v1/suggestions/${id}/assignment`, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  expect(r.status).toBe(200);
});
afterAll(async () => { await api?.teardown(); });

const ROLES = Object.keys(ACCOUNTS) as AccountName[];
const SEES_CASE: AccountName[] = ['admin', 'sec', 'dep1', 'dep2', 'mca', 'mof', 'cmt'];
const session = (who: AccountName | 'anonymous'): Session => (who === 'anonymous' ? api.anonymous : api.as[who]);

/** Who may issue each command on this case at all (the workflow's rule, seen from outside). */
const MAY: Record<CommandName, AccountName[]> = {
  editDraft: ['dep1'], submit: ['dep1'], cosign: ['dep2'], withdraw: ['dep1'],
  review: ['sec'], assign: ['sec'], decideReturn: ['sec'], reassign: ['sec'], waiveOpinion: ['sec'], decideExtension: ['sec'],
  decideRehandling: ['sec'], escalate: ['sec'], disclosure: ['sec'], markKey: ['sec'],
  acknowledge: ['mca', 'mof'], requestReturn: ['mca', 'mof'], opinion: ['mof'], requestExtension: ['mca'], reply: ['mca'],
  communicate: ['sec', 'dep1', 'dep2', 'mca', 'mof'], evaluate: ['dep1'], superviseNote: ['cmt'],
  requestProgress: ['sec', 'cmt'], progressReport: ['mca', 'mof'],
};
const BODY: Record<CommandName, unknown> = {
  editDraft: { title: '关于某事的建议', body: '正文' }, submit: {}, cosign: { agree: true }, withdraw: { reason: '撤回' },
  review: { decision: 'accept' }, assign: { mode: 'single', leadUnitId: 'MOE' }, acknowledge: {}, requestReturn: { reason: '不属于本单位' },
  decideReturn: { unitId: 'MOF', approve: true }, reassign: { unitId: 'MOE', role: 'co' }, communicate: { phase: 'during', channel: 'phone', summary: '沟通' },
  opinion: { body: '意见' }, waiveOpinion: { unitId: 'MOF', reason: '免除' }, requestExtension: { reason: '调研', until: '2099-01-01' },
  decideExtension: { requestId: 'x', approve: true }, reply: { resultClass: 'A', body: '答复', signedBy: '张三' },
  evaluate: { attitude: 'satisfied', result: 'satisfied' }, decideRehandling: { decision: 'close', note: '办结' },
  escalate: { unitId: 'MCA', measure: 'joint_meeting', note: '会商' }, disclosure: { publish: true }, markKey: { committeeId: 'EAC', decision: '调整' }, superviseNote: { body: '请加快办理' },
  requestProgress: { unitId: 'MCA', note: '请报告进展' }, progressReport: { body: '进展' },
};

describe.each(COMMAND_ROUTES)('$method /suggestions/:id$path ($command)', ({ method, path, command }) => {
  test.each(['anonymous', ...ROLES] as const)('as %s', async (who) => {
    if (MAY[command].includes(who as AccountName)) return; // the permitted role is exercised by the case-flow suites
    const before = (await api.as.sec.get(`/api/v1/suggestions/${id}`)).body.version;
    const r = await session(who).request(method.toUpperCase(), `/api/v1/suggestions/${id}${path}`, BODY[command]);
    const expected = who === 'anonymous' ? [401] : SEES_CASE.includes(who) ? [403, 409] : [404];
    expect({ who, status: r.status, expected: expected.includes(r.status) }).toEqual({ who, status: r.status, expected: true });
    expect(r.body.error.code).toBeDefined();
    expect((await api.as.sec.get(`/api/v1/suggestions/${id}`)).body.version).toBe(before);
  });
});

test('reads of the case follow scope: parties and the supervising committee see it, others get 404', async () => {
  for (const who of ROLES) {
    const r = await session(who).get(`/api/v1/suggestions/${id}`);
    expect({ who, status: r.status }).toEqual({ who, status: SEES_CASE.includes(who) ? 200 : 404 });
    const process = await session(who).get(`/api/v1/suggestions/${id}/process`);
    expect({ who, process: process.status }).toEqual({ who, process: SEES_CASE.includes(who) ? 200 : 404 });
    const list = await session(who).get('/api/v1/suggestions?limit=500');
    expect({ who, listed: list.body.items.some((i: any) => i.id === id) }).toEqual({ who, listed: SEES_CASE.includes(who) });
  }
  expect((await api.anonymous.get(`/api/v1/suggestions/${id}`)).status).toBe(401);
  expect((await api.anonymous.get(`/api/v1/suggestions/${id}/process`)).status).toBe(401);
});

/** Every other endpoint: who gets in (2xx, or a 4xx about the input rather than the caller) and who is turned away. */
const ALL = ['anonymous', ...ROLES] as const;
const SIGNED_IN = ROLES;
const ENDPOINTS: { method: string; path: string; body?: unknown; allowed: readonly (AccountName | 'anonymous')[] }[] = [
  { method: 'GET', path: '/api/v1/suggestions', allowed: SIGNED_IN },
  { method: 'POST', path: '/api/v1/suggestions', body: { title: '关于矩阵的建议', body: '正文' }, allowed: ['dep1', 'dep2', 'dep3'] },
  { method: 'GET', path: '/api/v1/units', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/deputies', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/delegations', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/committees', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/sessions', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/categories', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/calendar?year=2026', allowed: SIGNED_IN },
  { method: 'PUT', path: '/api/v1/calendar/2099-03-02', body: { kind: 'holiday', name: '测试' }, allowed: ['admin'] },
  { method: 'DELETE', path: '/api/v1/calendar/2099-03-02', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/profile', allowed: SIGNED_IN },
  { method: 'POST', path: '/api/v1/profile', body: { nonsense: true }, allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/audit', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/tokens', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/tokens', body: { userId: 'user:mca', name: '对接系统' }, allowed: ['admin'] },
  { method: 'DELETE', path: '/api/v1/tokens/nope', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/boards/overdue', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/boards/units', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/boards/trends', allowed: ['admin', 'sec'] },
  { method: 'POST', path: '/api/v1/imports?sessionId=s1', body: {}, allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/imports/template.xlsx', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/exports/suggestions.csv', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/exports/suggestions.xlsx', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/public/replies', allowed: ALL },
  { method: 'GET', path: '/api/v1/auth/me', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/notifications', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/notifications/unread-count', allowed: SIGNED_IN },
  { method: 'POST', path: '/api/v1/notifications/nope/read', allowed: SIGNED_IN },
  { method: 'POST', path: '/api/v1/notifications/read-all', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/notifications/preferences', allowed: SIGNED_IN },
  { method: 'PUT', path: '/api/v1/notifications/preferences', body: {}, allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/admin/deliveries', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/admin/webhooks', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/admin/webhooks', body: { nonsense: true }, allowed: ['admin'] },
  { method: 'DELETE', path: '/api/v1/admin/webhooks/nope', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/bulletins', allowed: SIGNED_IN },
  { method: 'POST', path: '/api/v1/bulletins', body: { month: '2099-01' }, allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/bulletins/npc14-2026-01', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/bulletins/npc14-2026-01/html', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/bulletins/npc14-2026-01/xlsx', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/reports/appraisal?sessionId=s1', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/reports/annual?sessionId=s1', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/reports/committee', allowed: ['admin', 'sec', 'cmt', 'cmt2'] },
  { method: 'GET', path: '/api/v1/process/suggestion', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/exports/xes', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/v1/exports/ocel', allowed: ['admin', 'sec'] },
  { method: 'GET', path: '/api/openapi.json', allowed: ALL },
  { method: 'GET', path: '/api/docs', allowed: ALL },
  { method: 'GET', path: '/healthz', allowed: ALL },
];

describe.each(ENDPOINTS)('$method $path', ({ method, path, body, allowed }) => {
  test.each(ALL)('as %s', async (who) => {
    const r = await session(who).request(method, path, body);
    if (allowed.includes(who)) {
      expect({ who, status: r.status, turnedAway: [401, 403].includes(r.status) || r.status >= 500 }).toEqual({ who, status: r.status, turnedAway: false });
    } else {
      expect({ who, status: r.status }).toEqual({ who, status: who === 'anonymous' ? 401 : 403 });
    }
  });
});
