// Whatever a client sends, the answer is a 4xx that names the field and the reason, in the one
// error shape, never a 500, and a refused request changes nothing.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../schema/tables';
import { commandSchemas, type CommandName } from '../schema/commands';
import { COMMAND_ROUTES } from '../api/routes/suggestions';
import { apiHarness, PASSWORD, type AccountName, type ApiHarness, type Reply } from './support/api-harness';

// Every refused sign-in below counts against the per-address limit; this suite is about input, not that limit.
process.env.HUYING_SIGNIN_PER_MINUTE = '10000';

let api: ApiHarness;
beforeAll(async () => { api = await apiHarness('apibad'); });
afterAll(async () => { await api?.teardown(); });

const V1 = '/api/v1';
const db = () => api.h.db.db;

function expectError(r: Reply, status: number, code?: string, field?: string): void {
  expect({ status: r.status, body: r.body }).toMatchObject({ status });
  expect(r.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), zh: expect.any(String), en: expect.any(String) }) });
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  if (code) expect(r.body.error.code).toBe(code);
  if (field !== undefined) expect(r.body.error.field).toBe(field);
}

/** Who sends each command in real life, so a refusal is about the input and not about the role. */
const SENDER: Record<CommandName, AccountName> = {
  editDraft: 'dep1', submit: 'dep1', cosign: 'dep2', withdraw: 'dep1', review: 'sec', assign: 'sec', acknowledge: 'mca',
  requestReturn: 'mca', decideReturn: 'sec', reassign: 'sec', communicate: 'mca', opinion: 'mof', waiveOpinion: 'sec',
  requestExtension: 'mca', decideExtension: 'sec', reply: 'mca', evaluate: 'dep1', decideRehandling: 'sec', escalate: 'sec',
  disclosure: 'sec', markKey: 'sec', superviseNote: 'cmt', requestProgress: 'cmt', progressReport: 'mca',
};

const routeOf = (command: CommandName) => COMMAND_ROUTES.find((r) => r.command === command)!;
const send = (id: string, command: CommandName, body: unknown, headers?: Record<string, string>, who: AccountName = SENDER[command]) => {
  const route = routeOf(command);
  return api.as[who].request(route.method.toUpperCase(), `${V1}/suggestions/${id}${route.path}`, body, headers);
};
const versionOf = async (id: string) => (await db().select({ v: t.suggestions.version }).from(t.suggestions).where(eq(t.suggestions.id, id)))[0]?.v;

async function create(body: Record<string, unknown> = {}, who: AccountName = 'dep1'): Promise<string> {
  const r = await api.as[who].post(`${V1}/suggestions`, { title: '关于输入校验的建议', body: '正文', ...body });
  expect(r.status).toBe(201);
  return r.body.id;
}
async function cmd(id: string, command: CommandName, body: unknown): Promise<void> {
  const r = await send(id, command, body);
  expect({ command, status: r.status, body: r.body }).toMatchObject({ status: 200 });
}
/** Co-signed by d2, accepted and assigned to MCA (lead) and MOF (co-handler). */
async function handlingCase(): Promise<string> {
  const id = await create({ submit: true, cosignerIds: ['d2'] });
  await cmd(id, 'cosign', { agree: true });
  await cmd(id, 'review', { decision: 'accept' });
  await cmd(id, 'markKey', { committeeId: 'SAC', decision: '重点督办' }); // so its committee can send notes
  await cmd(id, 'assign', { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  return id;
}

const oversizeJson = () => JSON.stringify({ title: '大', body: 'x'.repeat(1_100_000) });
const WRONG_CONTENT = [
  { 'content-type': 'text/plain' },
  { 'content-type': 'application/x-www-form-urlencoded' },
];

describe('create', () => {
  const post = (body: unknown, headers?: Record<string, string>) => api.as.dep1.request('POST', `${V1}/suggestions`, body, headers);

  test('missing fields, wrong types, unknown keys and ids: 422 naming the field', async () => {
    const before = (await db().select().from(t.suggestions)).length;
    const cases: [unknown, string | undefined][] = [
      [{}, 'title'],
      [{ title: '只有标题' }, 'body'],
      [{ title: 123, body: '正文' }, 'title'],
      [{ title: '   ', body: '正文' }, 'title'],
      [{ title: '标题', body: null }, 'body'],
      [{ title: '标题', body: '正文', cosignerIds: 'd2' }, 'cosignerIds'],
      [{ title: '标题', body: '正文', cosignerIds: [7] }, 'cosignerIds.0'],
      [{ title: '标题', body: '正文', submit: 'yes' }, 'submit'],
      [{ title: '标题', body: '正文', source: 'motion' }, 'source'],
      [{ title: '标题', body: '正文', leadDeputyId: 'd2' }, 'leadDeputyId'],
      [{ title: '标题', body: '正文', id: 'my-own-id' }, 'id'],
      [{ title: '标题', body: '正文', cosignerIds: ['nobody'] }, 'cosignerIds'],
      [{ title: '标题', body: '正文', proposedUnitIds: ['NOPE'] }, 'proposedUnitIds'],
      [{ title: '标题', body: '正文', sessionId: 'no-such-session' }, 'sessionId'],
      [{ title: 'x'.repeat(30_000), body: '正文' }, 'title'],
      [{ title: '标题', body: '长'.repeat(20_001) }, 'body'],
      [[], undefined],
    ];
    for (const [body, field] of cases) {
      const r = await post(body);
      expectError(r, 422, 'invalid_input', field);
    }
    expect((await db().select().from(t.suggestions)).length).toBe(before);
  });

  test('malformed JSON is a 400, a body over 1 MB a 413, a wrong content type a 415', async () => {
    expectError(await post('{"title": "半截'), 400, 'malformed_json');
    expectError(await post('{"title": "a",}'), 400, 'malformed_json');
    expectError(await post('"just a string"'), 400, 'malformed_json');
    expectError(await post(oversizeJson()), 413, 'too_large');
    for (const headers of WRONG_CONTENT) expectError(await post('title=a&body=b', headers), 415, 'unsupported_media_type');
    expectError(await post('{"title":"a","body":"b"}', { 'content-type': 'application/json; charset=latin1' }), 415);
    expectError(await post('{"title":"a","body":"b"}', { 'content-encoding': 'compress' }), 415);
    const garbage = await post('not gzip at all', { 'content-encoding': 'gzip' });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
  });

  test('text the database cannot store (NUL, lone surrogates) is a 422, not a stuck case', async () => {
    const before = (await db().select().from(t.suggestions)).length;
    expectError(await post({ title: 'a\u0000b', body: '正文' }), 422, 'invalid_input', 'title');
    expectError(await post({ title: '标题', body: '正文\ud800' }), 422, 'invalid_input', 'body');
    expectError(await post({ title: '标题', body: '正文', cosignerIds: ['d\u00002'] }), 422, 'invalid_input', 'cosignerIds.0');
    expect((await db().select().from(t.suggestions)).length).toBe(before);
  });
});

describe('commands', () => {
  let id: string;
  beforeAll(async () => { id = await handlingCase(); });

  /** For every command, a body that its schema or the directory refuses, and the field the answer must name. */
  const INVALID: Record<CommandName, [unknown, string | undefined][]> = {
    editDraft: [[{ title: 5, body: '正文' }, 'title'], [{ title: '标题', body: '正文', cosignerIds: ['nobody'] }, 'cosignerIds'], [{ title: '标题', body: '正文', proposedUnitIds: ['NOPE'] }, 'proposedUnitIds']],
    submit: [[[], undefined]],
    cosign: [[{ agree: 'yes' }, 'agree'], [{}, 'agree']],
    withdraw: [[{ reason: '' }, 'reason'], [{ reason: 'x'.repeat(30_000) }, 'reason']],
    review: [[{ decision: 'maybe' }, 'decision'], [{ decision: 'merge', reason: '并案' }, 'intoId'], [{ decision: 'merge', intoId: 'no-such-case', reason: '并案' }, 'intoId']],
    assign: [[{ mode: 'solo' }, 'mode'], [{ mode: 'single', leadUnitId: 'NOPE' }, 'leadUnitId'], [{ mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF', 'NOPE'] }, 'coUnitIds'],
      [{ mode: 'separate', separateUnitIds: ['MCA', 'NOPE'] }, 'separateUnitIds']],
    acknowledge: [[[], undefined]],
    requestReturn: [[{ reason: 'x'.repeat(2001) }, 'reason'], [{ reason: '不对口', suggestedUnitIds: 'MOE' }, 'suggestedUnitIds']],
    decideReturn: [[{ unitId: 'MCA', approve: 'no' }, 'approve']],
    reassign: [[{ unitId: 'NOPE', role: 'co' }, 'unitId'], [{ unitId: 'MOE', role: 'boss' }, 'role']],
    communicate: [[{ phase: 'before', channel: 'pigeon', summary: '沟通' }, 'channel'], [{ phase: 'before', channel: 'phone', summary: '沟通', occurredAt: 'yesterday' }, 'occurredAt'],
      [{ phase: 'before', channel: 'phone', summary: 'x'.repeat(30_000) }, 'summary']],
    opinion: [[{ body: 7 }, 'body']],
    waiveOpinion: [[{ unitId: 'MOF' }, 'reason']],
    requestExtension: [[{ reason: '复杂', until: '2026/12/01' }, 'until'], [{ reason: '复杂', until: '2026-13-45' }, 'until'], [{ reason: '复杂', until: '2026-02-30' }, 'until'], [{ reason: '复杂', until: '0001-01-01' }, 'until']],
    decideExtension: [[{ requestId: 5, approve: true }, 'requestId'], [{ requestId: 'no-such-request', approve: true }, 'requestId']],
    reply: [[{ resultClass: 'E', body: '答复', signedBy: '张三' }, 'resultClass'], [{ resultClass: 'A', body: 'x'.repeat(50_001), signedBy: '张三' }, 'body']],
    evaluate: [[{ attitude: 'unsatisfied', result: 'satisfied' }, 'reasons']],
    decideRehandling: [[{ decision: 'rehandle', note: '重办' }, 'unitId'], [{ decision: 'later' }, 'decision']],
    escalate: [[{ unitId: 'MCA', measure: 'shout', note: '升级' }, 'measure']],
    disclosure: [[{ publish: false }, 'reason'], [{ publish: 'yes' }, 'publish']],
    markKey: [[{ decision: '重点' }, 'committeeId'], [{ committeeId: 'NOPE', decision: '重点' }, 'committeeId']],
    superviseNote: [[{}, 'body'], [{ body: 7 }, 'body'], [{ body: '意'.repeat(5001) }, 'body']],
    requestProgress: [[{ note: '请报告' }, 'unitId'], [{ unitId: 'NOPE', note: '请报告' }, 'unitId'], [{ unitId: 'MCA', note: '请报告', dueDate: '2026-02-30' }, 'dueDate'], [{ unitId: 'MCA' }, 'note']],
    progressReport: [[{}, 'body'], [{ body: '进展', requestId: 9 }, 'requestId'], [{ body: '展'.repeat(20_001) }, 'body']],
  };

  test.each(COMMAND_ROUTES.map((r) => [r.command, r.method.toUpperCase(), r.path] as const))('%s (%s …%s): bad bodies are a 422 naming the field, and change nothing', async (command) => {
    const v = await versionOf(id);
    for (const [body, field] of INVALID[command]) {
      const r = await send(id, command, body);
      expectError(r, 422, undefined, field);
    }
    expect(await versionOf(id)).toBe(v);
  });

  test.each(COMMAND_ROUTES.map((r) => [r.command] as const))('%s: unknown case 404, malformed 400, oversize 413, wrong content type 415', async (command) => {
    const v = await versionOf(id);
    const route = routeOf(command);
    const method = route.method.toUpperCase();
    // The secretariat sees every case of its congress, so a 404 means the case does not exist.
    for (const missing of ['npc14-000000000000', 'bad%20id', 'x'.repeat(300), '%00', '..%2F..%2Fetc']) {
      expectError(await api.as.sec.request(method, `${V1}/suggestions/${missing}${route.path}`, {}), 404, 'not_found');
    }
    expectError(await send(id, command, '{"reason": '), 400, 'malformed_json');
    expectError(await send(id, command, oversizeJson()), 413, 'too_large');
    for (const headers of WRONG_CONTENT) expectError(await send(id, command, 'reason=x', headers), 415, 'unsupported_media_type');
    expect(await versionOf(id)).toBe(v);
  });

  test('an id in the body that names nothing is a 422 naming the field, not a 404 for the case', async () => {
    const r = await send(id, 'decideExtension', { requestId: 'no-such-request', approve: true });
    expectError(r, 422, undefined, 'requestId');
  });

  test('text the database cannot store is refused before it reaches the case', async () => {
    const v = await versionOf(id);
    expectError(await send(id, 'communicate', { phase: 'before', channel: 'phone', summary: '沟通\u0000' }), 422, 'invalid_input', 'summary');
    expectError(await send(id, 'communicate', { phase: 'before', channel: 'phone', summary: '沟通', participants: '\udc00张三' }), 422, 'invalid_input', 'participants');
    expectError(await send(id, 'opinion', { body: '意见\u0000' }), 422, 'invalid_input', 'body');
    expectError(await send(id, 'markKey', { committeeId: 'S\u0000AC', decision: '重点' }), 422, 'invalid_input', 'committeeId');
    expect(await versionOf(id)).toBe(v);
    // The case still answers afterwards.
    await cmd(id, 'acknowledge', {});
    expect(await versionOf(id)).toBe(v + 1);
  });
});

describe('reads', () => {
  test('the detail of an unknown or malformed id is a 404', async () => {
    for (const missing of ['npc14-000000000000', 'x'.repeat(300), '%00', 'a%00b', '%E4%B8']) {
      const r = await api.as.sec.get(`${V1}/suggestions/${missing}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expectError(r, r.status);
    }
    expectError(await api.as.sec.get(`${V1}/suggestions/npc14-000000000000`), 404, 'not_found');
  });

  test('list query: wrong types, oversize text and unknown params are a 422 naming the param', async () => {
    const cases: [string, string][] = [
      ['limit=abc', 'limit'], ['limit=0', 'limit'], ['limit=100000', 'limit'], ['status=nope', 'status'], ['overdue=yes', 'overdue'],
      ['dueWithinDays=-1', 'dueWithinDays'], [`q=${'长'.repeat(101)}`, 'q'], ['sort=sideways', 'sort'], ['cursor=%%%', 'cursor'],
      [`unitId=${'x'.repeat(65)}`, 'unitId'], ['colour=red', 'colour'], ['q=a%00b', 'q'], ['unitId=M%00CA', 'unitId'],
    ];
    for (const [query, field] of cases) expectError(await api.as.sec.get(`${V1}/suggestions?${query}`), 422, 'invalid_input', field);
  });
});

describe('sign-in', () => {
  const signIn = (body: unknown, headers?: Record<string, string>) => api.anonymous.request('POST', `${V1}/auth/sign-in`, body, headers);

  test('missing fields, wrong types, oversize and unknown keys: 422 naming the field; bad bodies 400/413/415', async () => {
    const cases: [unknown, string | undefined][] = [
      [{}, 'username'], [{ username: 'sec' }, 'password'], [{ username: 5, password: PASSWORD }, 'username'],
      [{ username: 'sec', password: ['x'] }, 'password'], [{ username: 'x'.repeat(30_000), password: PASSWORD }, 'username'],
      [{ username: 'sec', password: 'x'.repeat(201) }, 'password'], [{ username: 'sec', password: PASSWORD, role: 'admin' }, 'role'],
      [{ username: 's\u0000ec', password: PASSWORD }, 'username'], [[], undefined],
    ];
    for (const [body, field] of cases) {
      const r = await signIn(body);
      expectError(r, 422, 'invalid_input', field);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    expectError(await signIn('{"username":"sec","password":'), 400, 'malformed_json');
    expectError(await signIn(JSON.stringify({ username: 'sec', password: 'x'.repeat(1_100_000) })), 413, 'too_large');
    for (const headers of WRONG_CONTENT) expectError(await signIn(`username=sec&password=${PASSWORD}`, headers), 415, 'unsupported_media_type');
    // None of this locked the account.
    expect((await signIn({ username: 'sec', password: PASSWORD })).status).toBe(200);
  });
});

describe('property: random bodies never make a 500, and only a 200 changes the case', () => {
  const accounts = ['dep1', 'dep2', 'dep3', 'sec', 'mca', 'mof', 'moe', 'cmt', 'admin'] as const;
  let otherCase: string;
  beforeAll(async () => { otherCase = await handlingCase(); });

  /** Plausible values, so some random bodies get past the schema and reach the case's own rules. */
  const plausible = () => fc.constantFrom<unknown>(
    'MCA', 'MOF', 'MOE', 'NOPE', 'SAC', 'd1', 'd2', 'd9', true, false, 0, -1, 1.5, 1e21, '', ' ', null, [], {},
    'accept', 'return', 'reject', 'convert', 'merge', 'single', 'lead_co', 'separate', 'lead', 'co',
    'before', 'during', 'phone', 'visit', 'A', 'D', 'E', 'satisfied', 'basically_satisfied', 'unsatisfied',
    'rehandle', 'close', 'expert_assessment', 'joint_meeting', 'deputy_objection', 'other',
    '2026-12-31', '2027-04-30', '2099-02-29', '9999-99-99', '理由', '关于……的建议', otherCase, ['MOF'], ['MCA', 'MOF'], ['d2'],
  );
  const text = () => fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
  const value = () => fc.oneof({ weight: 4, arbitrary: plausible() }, { weight: 1, arbitrary: text() }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

  function keysOf(schema: z.ZodType): string[] {
    const s = schema as any;
    if (s.shape) return Object.keys(s.shape);
    if (s.options) return [...new Set((s.options as any[]).flatMap(keysOf))];
    return [];
  }
  /** A body each command accepts somewhere in a case's life: one field changed reaches the case's own rules. */
  const VALID: Record<CommandName, Record<string, unknown>> = {
    editDraft: { title: '改', body: '改' }, submit: {}, cosign: { agree: true }, withdraw: { reason: '撤回' }, review: { decision: 'accept' },
    assign: { mode: 'single', leadUnitId: 'MCA' }, acknowledge: {}, requestReturn: { reason: '不对口' }, decideReturn: { unitId: 'MCA', approve: true },
    reassign: { unitId: 'MOE', role: 'co' }, communicate: { phase: 'before', channel: 'phone', summary: '沟通' }, opinion: { body: '意见' },
    waiveOpinion: { unitId: 'MOF', reason: '免' }, requestExtension: { reason: '复杂', until: '2027-04-30' }, decideExtension: { requestId: 'x1', approve: true },
    reply: { resultClass: 'A', body: '答复', signedBy: '张三' }, evaluate: { attitude: 'satisfied', result: 'satisfied' },
    decideRehandling: { decision: 'close', note: '结' }, escalate: { unitId: 'MCA', measure: 'joint_meeting', note: '升' },
    disclosure: { publish: true }, markKey: { committeeId: 'SAC', decision: '重点' }, superviseNote: { body: '请加快' },
    requestProgress: { unitId: 'MCA', note: '请报告进展', dueDate: '2027-03-01' }, progressReport: { body: '已完成调研' },
  };
  /** A valid body with one field changed or dropped; the command's keys (any subset) with random values; or any JSON at all. */
  const bodyFor = (command: CommandName) => fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...keysOf(commandSchemas[command]), 'extra'), fc.option(value())).map(([k, v]) => {
      const body: Record<string, unknown> = { ...VALID[command] };
      if (v === null) delete body[k];
      else body[k] = v;
      return body;
    }) },
    { weight: 2, arbitrary: fc.record(Object.fromEntries(keysOf(commandSchemas[command]).map((k) => [k, value()])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  const step = fc.constantFrom(...COMMAND_ROUTES.map((r) => r.command)).chain((command) => fc.record({
    command: fc.constant(command),
    who: fc.oneof({ weight: 3, arbitrary: fc.constant(SENDER[command]) }, { weight: 1, arbitrary: fc.constantFrom<AccountName>(...accounts) }),
    body: bodyFor(command),
  }));

  /** Like the browser's request, with a deadline: a case stuck on bad input would otherwise hang the suite. */
  async function request(who: AccountName, method: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
    const s = api.as[who];
    const payload = JSON.stringify(body);
    const res = await fetch(`${api.base}${path}`, {
      method, body: payload, signal: AbortSignal.timeout(15_000),
      headers: { cookie: s.cookie!, 'x-csrf-token': s.csrf!, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function run(id: string): Promise<void> {
    await fc.assert(fc.asyncProperty(step, async ({ command, who, body }) => {
      const route = routeOf(command);
      const before = await versionOf(id);
      const r = await request(who, route.method.toUpperCase(), `${V1}/suggestions/${id}${route.path}`, body);
      const after = await versionOf(id);
      const seen = { command, who, body, status: r.status, answer: r.body };
      expect(seen.status === 200 || (seen.status >= 400 && seen.status < 500) ? 'ok' : seen).toBe('ok');
      if (r.status === 200) expect(after).toBeGreaterThan(before);
      else {
        expect(r.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), zh: expect.any(String), en: expect.any(String) }) });
        expect({ ...seen, after }).toMatchObject({ after: before });
      }
    }), { numRuns: 60 });
  }

  test('at a draft', async () => run(await create({ cosignerIds: ['d2'] })));
  test('while co-signers are asked', async () => run(await create({ cosignerIds: ['d2'], submit: true })));
  test('at review', async () => run(await create({ submit: true })));
  test('while units handle it', async () => run(await handlingCase()));
  test('after the reply', async () => {
    const id = await handlingCase();
    await cmd(id, 'opinion', { body: '协办意见' });
    await cmd(id, 'reply', { resultClass: 'B', body: '答复', signedBy: '张三' });
    await run(id);
  });

  test('at create and at the list, too', async () => {
    const caseCount = async () => (await db().select({ id: t.suggestions.id }).from(t.suggestions)).length;
    const createBody = fc.oneof(
      fc.record({ title: value(), body: value(), categoryCode: value(), cosignerIds: value(), proposedUnitIds: value(), sessionId: value(), source: value(), submit: value() }, { requiredKeys: [] }),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(fc.asyncProperty(createBody, async (body) => {
      const before = await caseCount();
      const r = await request('dep1', 'POST', `${V1}/suggestions`, body);
      expect(r.status === 201 || (r.status >= 400 && r.status < 500) ? 'ok' : { body, r }).toBe('ok');
      expect(await caseCount()).toBe(r.status === 201 ? before + 1 : before);
    }), { numRuns: 60 });

    const params = ['status', 'step', 'unitId', 'delegationId', 'categoryCode', 'sessionId', 'isKey', 'overdue', 'dueWithinDays',
      'resultClass', 'satisfaction', 'q', 'sort', 'limit', 'cursor', 'other'];
    const query = fc.array(fc.tuple(fc.constantFrom(...params), fc.oneof(text(), fc.constantFrom('true', '1', '-1', 'deadline', 'handling', 'A', 'satisfied', 'WyJ4IiwieSJd'))), { maxLength: 4 });
    await fc.assert(fc.asyncProperty(query, fc.constantFrom<AccountName>(...accounts), async (pairs, who) => {
      const qs = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      const r = await api.as[who].get(`${V1}/suggestions?${qs}`);
      expect(r.status === 200 || r.status === 422 ? 'ok' : { qs, status: r.status, body: r.body }).toBe('ok');
      if (r.status === 422) expect(r.body.error).toMatchObject({ code: 'invalid_input', field: expect.any(String) });
    }), { numRuns: 60 });
  });
});
