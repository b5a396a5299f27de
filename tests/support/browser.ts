// The console as a person meets it: Debian's Chromium driven by playwright-core (never a downloaded
// browser) against the API harness's real server, which serves a fresh build of web/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from './api-harness';

const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.HUYING_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/** Installs Chromium and the CJK font when missing, and builds the console when web/ changed. */
export function prepareConsole(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/setup-browser.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web.mjs')], { stdio: 'inherit' });
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export async function newPage(browser: Browser, base: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: the console then skips its animations, so a click never lands on a modal still zooming in.
  const context = await browser.newContext({ baseURL: base, viewport, reducedMotion: 'reduce', locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  // Any script error on a page is a failure of the test that opened it.
  page.on('pageerror', (err) => { (context as any).errors = [...((context as any).errors ?? []), err]; });
  return { context, page };
}

export const pageErrors = (context: BrowserContext): Error[] => (context as any).errors ?? [];

/** Signs in through the page, the way a person does. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export class Screenshots {
  readonly dir: string;
  readonly taken: string[] = [];
  constructor(name: string) {
    this.dir = path.join(ROOT, 'tests/screenshots', name);
    fs.mkdirSync(this.dir, { recursive: true });
  }
  async take(page: Page, name: string): Promise<string> {
    const file = path.join(this.dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.taken.push(path.relative(ROOT, file));
    return file;
  }
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation { id: string; impact: string; help: string; nodes: string[] }
/** axe-core in the page (evaluated over the debugging protocol, so the page's CSP stays as served). */
export async function axe(page: Page): Promise<Violation[]> {
  // Strings, not functions: the server's typecheck has no DOM types, and these run in the page.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE);
  const result: any = await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })');
  return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }));
}
export const serious = (v: Violation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

/** Waits for the page to settle: no spinner, skeleton, toast or pending network. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  // A toast fading out is half transparent: axe would measure its contrast mid-animation.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}
