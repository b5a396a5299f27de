// One whole case in the console, each role signing in through the page in its own browser:
// a deputy submits with a co-signer, the co-signer confirms, the secretariat reviews and assigns,
// the unit acknowledges, talks with the deputy and replies, the deputy evaluates, the case closes.
// Another unit that opens the item's address gets a not-found page.
import type { Browser, Page } from 'playwright-core';
import { apiHarness, type ApiHarness } from './support/api-harness';
import { axe, launch, newPage, pageErrors, prepareConsole, Screenshots, serious, settled, signIn } from './support/browser';

let api: ApiHarness;
let browser: Browser;
const shots = new Screenshots('console');

beforeAll(async () => {
  prepareConsole();
  [api, browser] = await Promise.all([apiHarness('consolecase'), launch()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.teardown();
});

async function as(username: string) {
  const { context, page } = await newPage(browser, api.base);
  await signIn(page, username);
  return { context, page };
}

/** Clicks the action button, fills the modal with `fill`, confirms, and waits for the modal to close. */
async function command(page: Page, button: string | RegExp, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  // Either the modal closes, or it shows the refusal: then the test fails with the page's own words.
  const refusal = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  await Promise.race([dialog.waitFor({ state: 'hidden' }), refusal.waitFor().then(async () => { throw new Error(`${button}: ${await refusal.textContent()}`); })]);
}

async function expectStatus(page: Page, text: string) {
  await page.locator('article .ant-tag', { hasText: text }).first().waitFor({ timeout: 20_000 });
}

const TITLE = '关于完善农村养老服务设施的建议';

test('submit → co-sign → review → assign → acknowledge → contact → reply → evaluate → closed, each in the console', async () => {
  // The deputy writes and submits, naming a co-signer.
  const deputy = await as('dep1');
  await deputy.page.waitForURL('**/mine');
  await deputy.page.getByRole('link', { name: '提出建议' }).first().click();
  await deputy.page.getByLabel('标题').fill(TITLE);
  await deputy.page.getByLabel('正文').fill('现状：农村养老服务设施不足。\n建议：加大投入，完善县乡村三级养老服务网络。');
  await deputy.page.getByRole('combobox', { name: '联名（附议）代表' }).click();
  await deputy.page.getByTitle('代表2').click();
  await deputy.page.keyboard.press('Escape');
  await shots.take(deputy.page, 'deputy-new-suggestion');
  await deputy.page.getByTestId('submit-suggestion').click();
  await deputy.page.waitForURL(/\/suggestions\/npc14-/);
  const id = deputy.page.url().split('/suggestions/')[1];
  await expectStatus(deputy.page, '待附议确认');

  // The co-signer confirms from the case page.
  const cosigner = await as('dep2');
  await cosigner.page.goto(`/suggestions/${id}`);
  await command(cosigner.page, '确认附议');
  await expectStatus(cosigner.page, '待审核');

  // The secretariat finds it in the review queue and accepts it.
  const sec = await as('sec');
  await sec.page.waitForURL('**/dashboard');
  await sec.page.getByRole('link', { name: '审核' }).click();
  await sec.page.getByRole('link', { name: TITLE }).click();
  await command(sec.page, '审核', async (d) => { await d.getByLabel('受理', { exact: true }).check(); });
  await expectStatus(sec.page, '待交办');

  // …and assigns it from the assignment queue with the bulk action.
  await sec.page.getByRole('link', { name: '交办' }).click();
  await sec.page.getByLabel(`选择 ${TITLE}`).check();
  await sec.page.getByTestId('bulk-assign').click();
  const assign = sec.page.getByRole('dialog');
  await assign.getByLabel('独办', { exact: true }).check();
  await assign.getByRole('combobox', { name: '承办单位' }).click();
  await sec.page.getByTitle('MCA 单位').click();
  await shots.take(sec.page, 'secretariat-assign');
  await assign.getByRole('button', { name: /交\s*办/ }).click();
  await assign.waitFor({ state: 'hidden' });
  await sec.page.getByText('已交办 1 件').waitFor();

  // The unit sees it in its inbox with a countdown, acknowledges, logs a contact and replies.
  const unit = await as('mca');
  await unit.page.waitForURL('**/inbox');
  const row = unit.page.getByRole('row', { name: new RegExp(TITLE) });
  await row.waitFor();
  // The countdown is in working days, once the calendar has loaded.
  await row.locator('[data-health]', { hasText: /剩 \d+ 个工作日/ }).waitFor();
  await shots.take(unit.page, 'unit-inbox');
  await row.getByRole('link', { name: TITLE }).click();
  await command(unit.page, '签收');
  await unit.page.getByRole('tab', { name: /沟通群组/ }).click();
  await command(unit.page, '记录沟通', async (d) => {
    await d.getByLabel('办前沟通', { exact: true }).check();
    await d.getByLabel('沟通内容').fill('电话联系代表，了解建议的具体诉求。');
  });
  await unit.page.getByText('电话联系代表，了解建议的具体诉求。').waitFor();
  await shots.take(unit.page, 'unit-conversation');
  // The live diagram: steps passed are marked, the unit's open work is active, its deadlines are listed.
  const diagram = unit.page.locator('.hy-bpmn');
  await diagram.locator('g.hy-completed[data-element-id="Task_Acknowledge"]').waitFor();
  expect(await diagram.locator('g.hy-completed[data-element-id="Task_Submit"]').count()).toBe(1);
  expect(await diagram.locator('g.hy-active').count()).toBeGreaterThan(0);
  await unit.page.getByText('待到期的期限：').waitFor();
  expect(await unit.page.locator('li', { hasText: /答复 · 提醒/ }).count()).toBeGreaterThan(0);
  await shots.take(unit.page, 'unit-case-diagram');
  await command(unit.page, '答复代表', async (d) => {
    await d.getByLabel(/^A 类/).check();
    await d.getByLabel('答复正文（逐条答复）').fill('一、已将农村养老服务设施建设列入年度计划；二、中央财政安排专项资金。');
    await d.getByLabel('签发领导').fill('张三');
  });
  await expectStatus(unit.page, '已答复待评价');

  // Another unit has no such item: the page says not found, and nothing of the case shows.
  const other = await as('moe');
  await other.page.goto(`/suggestions/${id}`);
  await other.page.getByRole('heading', { name: '未找到' }).waitFor();
  expect(await other.page.getByText(TITLE).count()).toBe(0);
  await shots.take(other.page, 'unit-other-not-found');

  // The deputy rates both dimensions; "unsatisfied" would need reasons, "satisfied" closes the case.
  await deputy.page.goto(`/suggestions/${id}`);
  await command(deputy.page, '评价办理结果', async (d) => {
    const attitude = d.locator('.ant-form-item', { hasText: '办理态度' });
    const result = d.locator('.ant-form-item', { hasText: '办理结果' });
    await attitude.getByLabel('满意', { exact: true }).check();
    await result.getByLabel('不满意', { exact: true }).check();
    await d.getByRole('button', { name: /确\s*定/ }).click();
    await d.getByText(/须填写理由/).waitFor();
    await result.getByLabel('满意', { exact: true }).check();
    await d.getByText(/须填写理由/).waitFor({ state: 'detached' });
  });
  await expectStatus(deputy.page, '已办结');

  // The case page shows the whole timeline and the process section.
  const timeline = deputy.page.locator('.ant-timeline');
  for (const step of ['创建草稿', '提交建议', '受理', '交办', '签收', '与代表沟通', '答复代表', '代表评价', '办结']) {
    await timeline.getByText(step, { exact: true }).first().waitFor();
  }
  await deputy.page.getByRole('heading', { name: '流程图' }).waitFor();
  await deputy.page.locator('.hy-bpmn g.hy-completed[data-element-id="End_Closed"]').waitFor();
  await settled(deputy.page);
  await shots.take(deputy.page, 'deputy-case-closed');
  expect(serious(await axe(deputy.page))).toEqual([]);

  // What the server holds agrees with what the pages showed.
  const final = await api.as.sec.get(`/api/v1/suggestions/${id}`);
  expect(final.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied', resultClass: 'A' });
  expect(final.body.communications).toHaveLength(1);
  for (const s of [deputy, cosigner, sec, unit, other]) expect(pageErrors(s.context)).toEqual([]);
});
