// Every main page of the console, for the role that uses it: it opens through the menu's address,
// shows its data, passes axe-core without serious or critical violations, and is photographed.
// Also: the phone layout, keyboard-only sign-in, the English switch, a server refusal shown next to
// its field, the approvals and supervision pages at work, and published replies without signing in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as t from '../schema/tables';
import { CONSOLE_CSP } from '../api/routes/web';
import { ensureDispatcher } from '../activities/delivery/dispatcher-client';
import { apiHarness, type ApiHarness } from './support/api-harness';
import { until } from './support/delivery';
import { axe, launch, newPage, pageErrors, PHONE, prepareConsole, Screenshots, serious, settled, signIn, type Violation } from './support/browser';

let api: ApiHarness;
let browser: Browser;
const shots = new Screenshots('console');
const ids: Record<string, string> = {};
const contexts: BrowserContext[] = [];

async function seed(): Promise<void> {
  const { as } = api;
  await api.h.db.db.insert(t.congressSessions).values({ id: 'npc14-s4', congressId: 'npc14', name: '第十四届全国人民代表大会第四次会议', kind: 'session', startsOn: '2026-03-05' });
  const create = async (title: string, submit = true) => {
    const r = await as.dep1.post('/api/v1/suggestions', { title, body: `${title}的正文：现状、分析与具体建议。`, categoryCode: 'SOC', sessionId: 'npc14-s4', submit });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    return r.body.id as string;
  };
  const ok = async (p: Promise<{ status: number; body: any }>) => { const r = await p; if (r.status !== 200) throw new Error(JSON.stringify(r.body)); return r.body; };
  const cmd = (who: keyof ApiHarness['as'], id: string, path: string, body: unknown = {}) => ok(as[who].post(`/api/v1/suggestions/${id}${path}`, body));

  ids.draft = await create('关于加强社区托育服务的建议（草稿）', false);
  ids.submitted = await create('关于提高城乡居民基础养老金的建议');
  ids.accepted = await create('关于完善灵活就业人员社保政策的建议');
  await cmd('sec', ids.accepted, '/review', { decision: 'accept' });
  ids.handling = await create('关于加快老旧小区加装电梯的建议');
  await cmd('sec', ids.handling, '/review', { decision: 'accept' });
  await cmd('sec', ids.handling, '/assignment', { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
  await cmd('mca', ids.handling, '/acknowledge');
  await cmd('mca', ids.handling, '/communications', { phase: 'before', channel: 'visit', summary: '走访代表，听取意见。' });
  await cmd('mca', ids.handling, '/extension-requests', { reason: '涉及多部门协调，需延长答复期限。', until: new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10) });
  ids.key = await create('关于推进医养结合的建议');
  await cmd('sec', ids.key, '/review', { decision: 'accept' });
  await cmd('sec', ids.key, '/key', { committeeId: 'SAC', decision: '委员长会议确定为重点督办建议', supervisingLeader: '副委员长' });
  await cmd('sec', ids.key, '/assignment', { mode: 'single', leadUnitId: 'MCA' });
  ids.closed = await create('关于规范养老机构收费的建议');
  await cmd('sec', ids.closed, '/review', { decision: 'accept' });
  await cmd('sec', ids.closed, '/assignment', { mode: 'single', leadUnitId: 'MCA' });
  await cmd('mca', ids.closed, '/acknowledge');
  await cmd('mca', ids.closed, '/communications', { phase: 'before', channel: 'phone', summary: '电话沟通。' });
  await cmd('mca', ids.closed, '/reply', { resultClass: 'B', body: '已列入明年工作计划，将出台收费管理办法。', signedBy: '李四', commitments: '年底前出台办法' });
  await cmd('dep1', ids.closed, '/evaluation', { attitude: 'satisfied', result: 'basically_satisfied' });
  await cmd('sec', ids.closed, '/disclosure', { publish: true });
  const bulletin = await as.sec.post('/api/v1/bulletins', { notify: true });
  if (bulletin.status !== 201) throw new Error(JSON.stringify(bulletin.body));
}

beforeAll(async () => {
  prepareConsole();
  [api, browser] = await Promise.all([apiHarness('consolepages'), launch()]);
  await ensureDispatcher(api.h.env.client, { taskQueue: api.h.taskQueue, options: { pollMs: 200 } });
  await seed();
  // The in-app notices of the seeded cases have reached the deputy's inbox.
  await until('deputy notifications', async () => (await api.as.dep1.get('/api/v1/notifications')).body.items?.length > 3);
}, 300_000);
afterAll(async () => {
  for (const c of contexts) expect({ errors: pageErrors(c).map(String) }).toEqual({ errors: [] });
  await browser?.close();
  await api?.teardown();
});

async function open(username?: string, viewport?: { width: number; height: number }): Promise<Page> {
  const { context, page } = await newPage(browser, api.base, viewport);
  contexts.push(context);
  if (username) await signIn(page, username);
  return page;
}

/** Opens each page, waits for it to settle, photographs it and runs axe; returns what axe found. */
async function visit(page: Page, pages: [path: string, shot: string, expectText: string | RegExp][]): Promise<Record<string, Violation[]>> {
  const found: Record<string, Violation[]> = {};
  for (const [path, shot, text] of pages) {
    await page.goto(path);
    await page.getByText(text).first().waitFor({ timeout: 20_000 });
    await settled(page);
    await shots.take(page, shot);
    const bad = serious(await axe(page));
    if (bad.length) found[shot] = bad;
  }
  return found;
}

test('secretariat pages: dashboard, queues, approvals, key suggestions, bulletins, reports, import/export, calendar, profile', async () => {
  const page = await open('sec');
  const found = await visit(page, [
    ['/dashboard', 'secretariat-dashboard', '逾期督办榜（红榜）'],
    ['/review', 'secretariat-review-queue', '关于提高城乡居民基础养老金的建议'],
    ['/assign', 'secretariat-assign-queue', '关于完善灵活就业人员社保政策的建议'],
    ['/approvals', 'secretariat-approvals', '涉及多部门协调，需延长答复期限。'],
    ['/key', 'secretariat-key-suggestions', '关于推进医养结合的建议'],
    ['/suggestions', 'secretariat-all-suggestions', '关于规范养老机构收费的建议'],
    ['/bulletins', 'secretariat-bulletins', '各承办单位'],
    ['/reports', 'secretariat-reports', '按期答复率'],
    ['/transfer', 'secretariat-import-export', '下载导入模板'],
    ['/calendar', 'secretariat-calendar', '春节'],
    ['/profile', 'secretariat-profile', '到期前提醒'],
    [`/suggestions/${ids.handling}`, 'secretariat-case-handling', '关于加快老旧小区加装电梯的建议'],
  ]);
  expect(found).toEqual({});

  // The bulletin's figures read as the bulletin states them: MCA replied to 1 of its 3 items.
  await page.goto('/bulletins');
  await page.getByRole('row', { name: /MCA 单位/ }).getByText('33.3%').waitFor();

  // The dashboard counts by stage and draws its charts.
  await page.goto('/dashboard');
  await page.locator('canvas').first().waitFor();
  expect(await page.locator('.ant-statistic', { hasText: '已办结' }).locator('.ant-statistic-content').textContent()).toBe('1');

  // The extension request is approved from the approvals page, and leaves it.
  await page.goto('/approvals');
  await page.getByRole('button', { name: '审批延期' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('同意', { exact: true }).check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByText('没有待审批的申请').waitFor();
  const after = await api.as.sec.get(`/api/v1/suggestions/${ids.handling}`);
  expect(after.body.extensions[0].status).toBe('approved');
});

test('handling unit pages: inbox with working-day countdowns, a case with the conversation and co-handlers, its bulletin notice', async () => {
  const page = await open('mca');
  const found = await visit(page, [
    ['/inbox', 'unit-inbox-list', '关于加快老旧小区加装电梯的建议'],
    [`/suggestions/${ids.handling}`, 'unit-case', '申请延期'],
    ['/bulletins', 'unit-bulletins', '本单位情况'],
    ['/notifications', 'unit-notifications', '通知设置'],
  ]);
  expect(found).toEqual({});
  await page.goto('/inbox');
  // Nearest deadline first, each with its countdown.
  const first = page.getByRole('row').nth(1);
  await first.locator('[data-health]').waitFor();
  await first.locator('[data-health]', { hasText: /剩 \d+ 个工作日|今日到期|已逾期/ }).waitFor();
});

test('deputy pages: my suggestions with progress, the submission form, a draft, notifications', async () => {
  const page = await open('dep1');
  const found = await visit(page, [
    ['/mine', 'deputy-my-suggestions', '关于规范养老机构收费的建议'],
    ['/new', 'deputy-submission-form', '一事一议'],
    [`/suggestions/${ids.draft}`, 'deputy-draft', '修改草稿'],
    ['/notifications', 'deputy-notifications', '通知设置'],
  ]);
  expect(found).toEqual({});
  // A notice links to its case.
  await page.goto('/notifications');
  await page.getByRole('link', { name: /关于规范养老机构收费的建议/ }).first().click();
  await page.waitForURL(`**/suggestions/${ids.closed}`);
});

test('committee pages: its key suggestions, a supervision note and a progress-report request made on the case, the supervision report', async () => {
  const page = await open('cmt');
  const found = await visit(page, [
    ['/key', 'committee-key-suggestions', '关于推进医养结合的建议'],
    ['/reports', 'committee-report', '重点督办情况报告'],
  ]);
  await page.goto(`/suggestions/${ids.key}`);
  await page.getByRole('tab', { name: '重点督办' }).click();
  await page.getByRole('button', { name: '提出督办意见' }).click();
  await page.getByRole('dialog').getByLabel('督办意见').fill('请主办单位于月底前报送办理进展。');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.getByText('请主办单位于月底前报送办理进展。').waitFor();
  // …and asks the lead unit for a progress report, which the unit then owes.
  await page.getByRole('button', { name: '要求报送进展' }).click();
  const ask = page.getByRole('dialog');
  await ask.getByRole('combobox', { name: '承办单位' }).click();
  await page.getByTitle('MCA 单位').click();
  await ask.getByLabel('要求').fill('报送阶段性办理进展和下一步计划');
  await ask.getByRole('button', { name: '确定' }).click();
  await page.getByText('待报送').waitFor();
  const owed = await api.as.mca.get(`/api/v1/suggestions/${ids.key}`);
  expect(owed.body.progressRequests).toEqual([expect.objectContaining({ unitId: 'MCA', status: 'pending', note: '报送阶段性办理进展和下一步计划' })]);
  await settled(page);
  await shots.take(page, 'committee-case-supervision');
  const bad = serious(await axe(page));
  if (bad.length) found['committee-case-supervision'] = bad;
  expect(found).toEqual({});
});

test('administrator pages: audit log and API tokens; a refused calendar correction is shown at its field', async () => {
  const page = await open('admin');
  const found = await visit(page, [
    ['/audit', 'admin-audit-log', 'suggestion.assign'],
    ['/tokens', 'admin-tokens', '签发令牌'],
    ['/calendar', 'admin-calendar', '更正某一天'],
  ]);
  expect(found).toEqual({});
  // 2026-02-30 has the right shape, so only the server can refuse it; its reason appears under the field.
  await page.getByLabel('日期（YYYY-MM-DD）').fill('2026-02-30');
  await page.getByRole('button', { name: '保存并重算期限' }).click();
  const item = page.locator('.ant-form-item', { has: page.getByLabel('日期（YYYY-MM-DD）') });
  await item.locator('.ant-form-item-explain-error').waitFor();
  expect(await item.locator('.ant-form-item-explain-error').textContent()).toMatch(/日期/);
});

test('the public reads published replies without signing in; personal data stays out', async () => {
  const page = await open();
  const found = await visit(page, [
    ['/public', 'public-replies', '关于规范养老机构收费的建议'],
    [`/public/${ids.closed}`, 'public-reply', '已列入明年工作计划'],
    ['/sign-in', 'sign-in', '民有所呼，我有所应'],
  ]);
  expect(found).toEqual({});
  expect(await page.goto(`/public/${ids.closed}`).then(() => page.getByText('代表1').count())).toBe(0);
  // Unpublished items do not exist for the public.
  await page.goto(`/public/${ids.handling}`);
  await page.getByRole('heading', { name: '未找到' }).waitFor();
});

test('on a phone (390×844) a deputy signs in, opens the menu from its button, and reads a case without sideways scrolling', async () => {
  const page = await open('dep1', PHONE);
  await page.waitForURL('**/mine');
  await page.getByText('关于规范养老机构收费的建议').first().waitFor();
  await shots.take(page, 'phone-my-suggestions');
  const width = () => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
  expect(await width()).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('link', { name: '提出建议', exact: true }).click();
  await page.getByLabel('标题').waitFor();
  expect(await width()).toBeLessThanOrEqual(PHONE.width);
  await shots.take(page, 'phone-submission-form');
  await page.goto(`/suggestions/${ids.closed}`);
  await page.getByText('办理过程').waitFor();
  await settled(page);
  expect(await width()).toBeLessThanOrEqual(PHONE.width);
  await shots.take(page, 'phone-case');
  expect(serious(await axe(page))).toEqual([]);
});

test('keyboard only: sign in with Tab and Enter, reach the menu, switch to English and back', async () => {
  const page = await open();
  await page.goto('/sign-in');
  await page.getByLabel('用户名').waitFor();
  // The username field has focus on arrival.
  await page.keyboard.type('sec');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fff]/);
  await page.getByLabel('密码').fill('');
  await page.getByLabel('密码').focus();
  await page.keyboard.type('Test-pass-2026');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/dashboard');

  // Tab order reaches the menu's links; Enter follows one.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate('document.activeElement && document.activeElement.textContent')) === '审核';
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/review');

  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  await page.getByRole('link', { name: 'Dashboard' }).waitFor();
  await settled(page);
  await shots.take(page, 'english-review-queue');
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('heading', { name: '待审核建议' }).waitFor();
});

test('the console is served from the API process: its own CSP without inline scripts, the strict one kept for /api, missing assets 404', async () => {
  const page = await fetch(`${api.base}/suggestions/anything`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  const html = await page.text();
  expect(html).toContain('<html lang="zh-CN">');
  // No inline script: every <script> has a src on this server.
  expect([...html.matchAll(/<script\b[^>]*>/g)].every(([tag]) => /src="\/assets\//.test(tag))).toBe(true);
  const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)![1];
  const js = await fetch(`${api.base}${asset}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toMatch(/immutable/);
  expect((await fetch(`${api.base}/assets/missing-chunk.js`)).status).toBe(404);
  expect(csp).toBe(CONSOLE_CSP);
  // The API and its reference page keep their own policies.
  expect((await fetch(`${api.base}/api/v1/public/replies`)).headers.get('content-security-policy')).not.toBe(CONSOLE_CSP);
  expect((await fetch(`${api.base}/api/docs`)).headers.get('content-security-policy')).toContain("default-src 'none'");
  // An unknown API path stays an API answer, not the console's page.
  const unknown = await fetch(`${api.base}/api/v1/no-such-thing`);
  expect(unknown.status).toBe(401);
  expect(unknown.headers.get('content-type')).toMatch(/json/);
});

test('the secretariat issues a bulletin from the page, and imports a CSV into the newest session: a bad file is refused row by row, a good one checked, then imported', async () => {
  const page = await open('sec');
  // A past month, backfilled from its form.
  const past = new Date(Date.now() - 40 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  await page.goto('/bulletins');
  await page.getByLabel('生成某月通报（YYYY-MM，留空为本月）').fill(past);
  await page.getByRole('button', { name: '立即生成' }).click();
  await page.getByText('已生成通报').waitFor();
  await page.getByRole('button', { name: past, exact: true }).waitFor();
  expect((await api.as.sec.get('/api/v1/bulletins')).body.items.map((b: any) => b.month)).toContain(past);

  // Reports open on the newest session without typing its id.
  await page.goto('/reports');
  await page.getByRole('heading', { name: /承办单位办理工作考核 · 第十四届全国人民代表大会第四次会议/ }).waitFor();

  const count = async () => (await api.as.sec.get('/api/v1/suggestions?sessionId=npc14-s4&limit=1')).body.total as number;
  const before = await count();
  const header = '编号,标题,正文,类别,领衔代表,附议代表,来源,建议承办单位';
  const choose = (name: string, text: string) => page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.goto('/transfer');
  // The newest session is chosen already.
  await page.getByTitle('第十四届全国人民代表大会第四次会议（2026）').waitFor();
  await choose('坏文件.csv', `${header}\nW-001,关于完善社区养老服务网络的建议,正文,SOC,查无此人,,大会,MCA\n`);
  await page.getByRole('button', { name: '开始' }).click();
  await page.getByText('第 2 行（编号 W-001）').waitFor();
  await page.getByText(/领衔代表：/).waitFor();

  await choose('一次会议建议.csv', `${header}\nW-002,关于完善社区养老服务网络的建议,"现状……\n建议……",SOC,d1,,大会,MCA\n`);
  await page.getByRole('button', { name: '开始' }).click();
  await page.getByText('校验通过：可导入 1 件').waitFor();
  expect(await count()).toBe(before);
  await settled(page);
  await shots.take(page, 'secretariat-import-checked');

  await page.getByRole('switch', { name: '仅校验，不导入' }).click();
  await page.getByRole('button', { name: '开始' }).click();
  await page.getByText('已导入 1 件，跳过已存在 0 件').waitFor();
  expect(await count()).toBe(before + 1);
  const imported = await api.as.sec.get(`/api/v1/suggestions?sessionId=npc14-s4&q=${encodeURIComponent('社区养老服务网络')}`);
  expect(imported.body.items).toEqual([expect.objectContaining({ number: 'W-002', status: 'submitted', leadDeputyId: 'd1' })]);
});
