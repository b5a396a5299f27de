// The suggestion list as each role uses it: every filter finds what it names and nothing else,
// Chinese text search finds a substring, pagination walks every row once, and nobody sees past
// their scope. Two cases are aged 40 days on the time-skipping server to be late and unrated.
import { eq } from 'drizzle-orm';
import * as t from '../schema/tables';
import { apiHarness, type AccountName, type ApiHarness } from './support/api-harness';

const V1 = '/api/v1';
let api: ApiHarness;
const ids: Record<string, string> = {};
const extra: string[] = [];

async function ok(who: AccountName, id: string, path: string, body: unknown = {}) {
  const r = await api.as[who].post(`${V1}/suggestions/${id}${path}`, body);
  expect({ path, status: r.status, body: r.body }).toMatchObject({ status: 200 });
  return r.body;
}
async function create(who: AccountName, body: Record<string, unknown>): Promise<string> {
  const r = await api.as[who].post(`${V1}/suggestions`, { body: '现状与问题……具体建议……', ...body });
  expect({ status: r.status, body: r.body }).toMatchObject({ status: 201 });
  return r.body.id;
}
async function assigned(who: AccountName, body: Record<string, unknown>, assignment: object): Promise<string> {
  const id = await create(who, { ...body, submit: true });
  await ok('sec', id, '/review', { decision: 'accept' });
  await ok('sec', id, '/assignment', assignment);
  return id;
}

beforeAll(async () => {
  api = await apiHarness('apilists');
  const db = api.h.db.db;
  await db.insert(t.delegations).values([
    { id: 'BJ', congressId: 'npc14', code: 'BJ', nameZh: '北京市代表团' },
    { id: 'SH', congressId: 'npc14', code: 'SH', nameZh: '上海市代表团' },
  ]);
  await db.update(t.deputies).set({ delegationId: 'BJ' }).where(eq(t.deputies.id, 'd1'));
  for (const d of ['d2', 'd3']) await db.update(t.deputies).set({ delegationId: 'SH' }).where(eq(t.deputies.id, d));
  await db.insert(t.congressSessions).values([
    { id: 's1', congressId: 'npc14', name: '第十四届全国人大第一次会议', kind: 'session', startsOn: '2023-03-05' },
    { id: 's2', congressId: 'npc14', name: '第十四届全国人大第二次会议', kind: 'session', startsOn: '2024-03-05' },
  ]);

  // Aged: MOE signed for one and never made contact; it replied to the other, which the deputy never rated.
  ids.late = await assigned('dep3', { title: '关于加快老旧小区加装电梯的建议', categoryCode: 'URB', sessionId: 's1' }, { mode: 'single', leadUnitId: 'MOE' });
  await ok('moe', ids.late, '/acknowledge');
  ids.unrated = await assigned('dep3', { title: '关于提高农村医疗报销比例的建议', categoryCode: 'HEA', sessionId: 's1' }, { mode: 'single', leadUnitId: 'MOE' });
  await ok('moe', ids.unrated, '/reply', { resultClass: 'C', body: '列入计划', signedBy: '王五' });
  await api.h.env.sleep(40 * 86_400_000);
  const settled = async () => {
    const rows = await db.select().from(t.suggestions);
    const row = (id: string) => rows.find((r) => r.id === id)!;
    return row(ids.late).overdueLevel > 0 && row(ids.unrated).satisfaction === 'unevaluated';
  };
  for (let i = 0; i < 100 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await settled()).toBe(true);

  // Fresh: nothing of these is late.
  ids.draft = await create('dep1', { title: '关于加强农村养老服务体系建设的建议', categoryCode: 'SOC', sessionId: 's1' });
  ids.cosigning = await create('dep2', { title: '关于完善城乡居民医疗保障制度的建议', categoryCode: 'HEA', sessionId: 's2', cosignerIds: ['d1'], submit: true });
  ids.declined = await create('dep2', { title: '关于发展银发经济的建议', categoryCode: 'SOC', cosignerIds: ['d3'], submit: true });
  await ok('dep3', ids.declined, '/cosign', { agree: false });
  ids.key = await assigned('dep1', { title: '关于推进城市更新行动的建议', categoryCode: 'URB', sessionId: 's2' }, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  await ok('sec', ids.key, '/key', { committeeId: 'SAC', decision: '列为重点督办建议' });
  ids.closed = await assigned('dep1', { title: '关于促进义务教育优质均衡发展的建议', categoryCode: 'EDU', sessionId: 's1' }, { mode: 'single', leadUnitId: 'MCA' });
  await ok('mca', ids.closed, '/reply', { resultClass: 'A', body: '已解决', signedBy: '张三' });
  await ok('dep1', ids.closed, '/evaluation', { attitude: 'satisfied', result: 'satisfied' });
  ids.returned = await assigned('dep2', { title: '关于加强黄河流域生态保护的建议', categoryCode: 'ENV' }, { mode: 'lead_co', leadUnitId: 'MOE', coUnitIds: ['MOF'] });
  await ok('mof', ids.returned, '/return-request', { reason: '不属于本单位职责' });
  await ok('sec', ids.returned, '/return-decision', { unitId: 'MOF', approve: true });
  ids.percent = await create('dep3', { title: '关于将学前教育毛入园率提高到95%的建议', categoryCode: 'EDU', submit: true });
  // More rows, so pagination has pages to walk.
  for (let i = 1; i <= 8; i++) extra.push(await create(i % 2 ? 'dep3' : 'dep1', { title: `关于第${i}项事务的建议`, submit: i % 3 === 0 }));
});
afterAll(async () => { await api?.teardown(); });

const all = () => [...Object.values(ids), ...extra];
const list = async (who: AccountName, query = '') => {
  const r = await api.as[who].get(`${V1}/suggestions?limit=500${query ? `&${query}` : ''}`);
  expect({ query, status: r.status, body: r.body }).toMatchObject({ status: 200 });
  expect(r.body.total).toBe(r.body.items.length);
  return r.body.items as any[];
};
const idsOf = async (who: AccountName, query = '') => (await list(who, query)).map((i) => i.id).sort();
const named = (...names: string[]) => names.map((n) => ids[n]).sort();
const rows = () => api.h.db.db.select().from(t.suggestions);

describe('filters', () => {
  test('status, one or several', async () => {
    // The unrated case closed itself when its evaluation window ran out.
    expect(await idsOf('sec', 'status=closed')).toEqual(named('closed', 'unrated'));
    expect(await idsOf('sec', 'status=cosigning')).toEqual(named('cosigning'));
    expect(await idsOf('sec', 'status=cosigning&status=handling')).toEqual(named('cosigning', 'late', 'key', 'returned'));
    expect(await idsOf('sec', 'status=draft')).toEqual([ids.draft, ...extra.filter((_, i) => (i + 1) % 3 !== 0)].sort());
  });

  test('unit, delegation, category, key and session', async () => {
    expect(await idsOf('sec', 'unitId=MCA')).toEqual(named('key', 'closed'));
    expect(await idsOf('sec', 'unitId=NHC')).toEqual([]);
    const bj = (await rows()).filter((r) => r.leadDeputyId === 'd1').map((r) => r.id).sort();
    expect(await idsOf('sec', 'delegationId=BJ')).toEqual(bj);
    expect(bj).toEqual(expect.arrayContaining(named('draft', 'key', 'closed')));
    expect(await idsOf('sec', 'categoryCode=HEA')).toEqual(named('cosigning', 'unrated'));
    expect(await idsOf('sec', 'isKey=true')).toEqual(named('key'));
    expect(await idsOf('sec', 'isKey=false')).toEqual(all().filter((id) => id !== ids.key).sort());
    expect(await idsOf('sec', 'sessionId=s2')).toEqual(named('cosigning', 'key'));
    expect(await idsOf('sec', 'sessionId=s1&categoryCode=URB')).toEqual(named('late'));
  });

  test('overdue and due within N days', async () => {
    const now = await rows();
    expect(await idsOf('sec', 'overdue=true')).toEqual(now.filter((r) => r.overdueLevel > 0).map((r) => r.id).sort());
    expect(await idsOf('sec', 'overdue=true')).toContain(ids.late);
    expect(await idsOf('sec', 'overdue=true')).not.toContain(ids.key);
    expect(await idsOf('sec', 'overdue=false')).toEqual(now.filter((r) => r.overdueLevel === 0).map((r) => r.id).sort());

    // A window that holds some open deadlines and not others.
    const ahead = now.filter((r) => r.nextDueAt && r.nextDueAt.getTime() > Date.now()).map((r) => (r.nextDueAt!.getTime() - Date.now()) / 86_400_000).sort((a, b) => a - b);
    expect(ahead.length).toBeGreaterThan(1);
    expect(Math.ceil(ahead[0])).toBeLessThan(ahead.at(-1)!);
    const days = Math.ceil(ahead[0]);
    const within = await idsOf('sec', `dueWithinDays=${days}`);
    const limit = Date.now() + days * 86_400_000;
    expect(within).toEqual(now.filter((r) => r.nextDueAt && r.nextDueAt.getTime() >= Date.now() - 60_000 && r.nextDueAt.getTime() <= limit).map((r) => r.id).sort());
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(ahead.length);
  });

  test('result class and satisfaction, including never rated', async () => {
    expect(await idsOf('sec', 'resultClass=A')).toEqual(named('closed'));
    expect(await idsOf('sec', 'resultClass=C')).toEqual(named('unrated'));
    expect(await idsOf('sec', 'resultClass=D')).toEqual([]);
    expect(await idsOf('sec', 'satisfaction=satisfied')).toEqual(named('closed'));
    expect(await idsOf('sec', 'satisfaction=unevaluated')).toEqual(named('unrated'));
    expect(await idsOf('sec', 'satisfaction=unsatisfied')).toEqual([]);
  });

  test('free text in Chinese finds a substring of the title or body, and % or _ are taken literally', async () => {
    expect(await idsOf('sec', `q=${encodeURIComponent('养老')}`)).toEqual(named('draft'));
    expect(await idsOf('sec', `q=${encodeURIComponent('城市更新')}`)).toEqual(named('key'));
    expect(await idsOf('sec', `q=${encodeURIComponent('医疗')}`)).toEqual(named('cosigning', 'unrated'));
    expect(await idsOf('sec', `q=${encodeURIComponent('  老旧小区  ')}`)).toEqual(named('late'));
    expect(await idsOf('sec', `q=${encodeURIComponent('具体建议')}`)).toEqual(all().sort()); // in every body
    expect(await idsOf('sec', `q=${encodeURIComponent('95%')}`)).toEqual(named('percent'));
    expect(await idsOf('sec', 'q=%25')).toEqual(named('percent'));
    expect(await idsOf('sec', 'q=_')).toEqual([]);
    expect(await idsOf('sec', `q=${encodeURIComponent('没有这样的建议')}`)).toEqual([]);
    // Search stays inside the scope: dep2 cannot find dep1's draft.
    expect(await idsOf('dep2', `q=${encodeURIComponent('养老')}`)).toEqual([]);
  });

  test('sort=deadline puts the nearest deadline first and cases without one last', async () => {
    const items = await list('sec', 'sort=deadline');
    const dues = items.map((i) => (i.nextDueAt ? new Date(i.nextDueAt).getTime() : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(dues[0]).toBeLessThan(Infinity);
    expect(dues.at(-1)).toBe(Infinity);
    const back = await list('sec', 'sort=-deadline');
    const backDues = back.map((i) => (i.nextDueAt ? new Date(i.nextDueAt).getTime() : -Infinity)).filter((d) => d > -Infinity);
    expect(backDues).toEqual([...backDues].sort((a, b) => b - a));
  });
});

describe('pagination', () => {
  test.each(['deadline', '-deadline', 'updated', '-updated', 'number'])('sort=%s: the pages hold every row once, in order, and total matches', async (sort) => {
    const everything = await list('sec', `sort=${sort}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: any = await api.as.sec.get(`${V1}/suggestions?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(everything.length);
      expect(r.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...r.body.items.map((i: any) => i.id));
      cursor = r.body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everything.map((i) => i.id));
    expect(pages).toBe(Math.ceil(everything.length / 4));
  });

  test('a filtered walk, and a walk by a role, see only their own rows', async () => {
    for (const [who, query] of [['sec', 'status=draft'], ['dep3', ''], ['moe', 'sort=deadline']] as const) {
      const expected = await idsOf(who, query);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r: any = await api.as[who].get(`${V1}/suggestions?limit=2${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.body.total).toBe(expected.length);
        seen.push(...r.body.items.map((i: any) => i.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      expect([...seen].sort()).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});

describe('bad query parameters', () => {
  test('are a 422 naming the parameter', async () => {
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const cases: [string, string][] = [
      ['status=nope', 'status'], ['status=closed&status=nope', 'status'], ['limit=abc', 'limit'], ['limit=0', 'limit'], ['limit=501', 'limit'],
      ['isKey=maybe', 'isKey'], ['overdue=1', 'overdue'], ['dueWithinDays=abc', 'dueWithinDays'], ['dueWithinDays=400', 'dueWithinDays'],
      ['resultClass=E', 'resultClass'], ['satisfaction=happy', 'satisfaction'], ['sort=title', 'sort'], ['q=', 'q'], ['q=%20%20', 'q'],
      ['page=2', 'page'], ['unitid=MCA', 'unitid'], ['cursor=not-a-cursor', 'cursor'], [`cursor=${cursor(['yesterday', ids.key])}`, 'cursor'],
      [`cursor=${cursor([{ $gt: '' }, ids.key])}`, 'cursor'], [`cursor=${cursor([null, 5])}`, 'cursor'], [`sort=deadline&cursor=${cursor(['2026-01-01T00:00:00.000Z', 'a\u0000'])}`, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const r = await api.as.sec.get(`${V1}/suggestions?${query}`);
      expect({ query, status: r.status, field: r.body.error?.field, code: r.body.error?.code }).toEqual({ query, status: 422, field, code: 'invalid_input' });
      expect(r.body.error).toEqual(expect.objectContaining({ message: expect.any(String), zh: expect.any(String), en: expect.any(String) }));
    }
  });
});

describe('scope', () => {
  test('each role lists only what it may see, and total counts only that', async () => {
    const everyone = all().sort();
    const dep1Extra = extra.filter((_, i) => (i + 1) % 2 === 0);
    const dep3Extra = extra.filter((_, i) => (i + 1) % 2 === 1);
    const expected: Record<AccountName, string[]> = {
      sec: everyone,
      admin: everyone,
      // Their own, and what they co-sign (asked or agreed), but not what they declined.
      dep1: [...named('draft', 'key', 'closed', 'cosigning'), ...dep1Extra].sort(),
      dep2: named('cosigning', 'declined', 'returned'),
      dep3: [...named('late', 'unrated', 'percent'), ...dep3Extra].sort(),
      // Units: what is assigned to them and not handed back.
      mca: named('key', 'closed'),
      mof: named('key'),
      moe: named('late', 'unrated', 'returned'),
      // Committees: their key items.
      cmt: named('key'),
      cmt2: [],
    };
    for (const who of Object.keys(expected) as AccountName[]) {
      expect({ who, ids: await idsOf(who) }).toEqual({ who, ids: expected[who] });
    }
    // Filters do not widen the scope.
    expect(await idsOf('mca', 'status=draft')).toEqual([]);
    expect(await idsOf('mof', 'unitId=MOE')).toEqual([]);
    expect(await idsOf('dep2', 'delegationId=BJ')).toEqual([]);
    expect(await idsOf('cmt', 'isKey=false')).toEqual([]);
    expect((await api.anonymous.get(`${V1}/suggestions`)).status).toBe(401);
  });
});

// Last, because it adds cases the scope test above does not expect.
describe('pending requests for the secretariat', () => {
  test('pending=return and pending=extension find the cases waiting for a decision, and a decision takes them off', async () => {
    const dayAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
    const asked = await assigned('dep1', { title: '关于完善社区嵌入式服务设施的建议', categoryCode: 'CIV' }, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
    await ok('mof', asked, '/return-request', { reason: '该事项由地方政府负责' });
    const waiting = await assigned('dep2', { title: '关于推动养老服务人才培养的建议', categoryCode: 'EDU' }, { mode: 'single', leadUnitId: 'MCA' });
    await ok('mca', waiting, '/acknowledge');
    const due = (await api.as.mca.get(`${V1}/suggestions/${waiting}`)).body.replyDueAt as string;
    await ok('mca', waiting, '/extension-requests', { reason: '需会同多部门调研论证', until: dayAfter(due, 10) });
    const granted = await assigned('dep2', { title: '关于加强基层医疗卫生队伍建设的建议', categoryCode: 'HEA' }, { mode: 'single', leadUnitId: 'MCA' });
    await ok('mca', granted, '/acknowledge');
    const grantedDue = (await api.as.mca.get(`${V1}/suggestions/${granted}`)).body.replyDueAt as string;
    await ok('mca', granted, '/extension-requests', { reason: '需开展试点', until: dayAfter(grantedDue, 10) });
    const requestId = (await api.as.sec.get(`${V1}/suggestions/${granted}`)).body.extensions[0].id;
    await ok('sec', granted, '/extension-decisions', { requestId, approve: true });

    // A decided return (ids.returned) and an approved extension are not waiting for anyone.
    expect(await idsOf('sec', 'pending=return')).toEqual([asked]);
    expect(await idsOf('sec', 'pending=extension')).toEqual([waiting]);
    expect(await idsOf('sec', 'pending=extension&status=handling')).toEqual([waiting]);
    expect(await idsOf('sec', 'pending=extension&status=closed')).toEqual([]);
    // Within scope only: MOE has neither case, MCA sees both of its own.
    expect(await idsOf('moe', 'pending=return')).toEqual([]);
    expect(await idsOf('mca', 'pending=extension')).toEqual([waiting]);

    // The lists just read are cached; the decisions must take the cases off them at once.
    await ok('sec', asked, '/return-decision', { unitId: 'MOF', approve: false });
    expect(await idsOf('sec', 'pending=return')).toEqual([]);
    const pendingId = (await api.as.sec.get(`${V1}/suggestions/${waiting}`)).body.extensions[0].id;
    await ok('sec', waiting, '/extension-decisions', { requestId: pendingId, approve: false, note: '请按期答复' });
    expect(await idsOf('sec', 'pending=extension')).toEqual([]);

    const bad = await api.as.sec.get(`${V1}/suggestions?pending=approval`);
    expect({ status: bad.status, field: bad.body.error?.field }).toEqual({ status: 422, field: 'pending' });
  });
});
