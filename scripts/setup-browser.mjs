// The browser the console tests drive: Debian's Chromium (never a downloaded build) with a CJK font,
// without which every Chinese character renders as an empty box. Idempotent and silent when present.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = process.env.HUYING_CHROMIUM ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function missing() {
  const out = [];
  if (!fs.existsSync(CHROMIUM)) out.push('chromium');
  // The font package puts its files here; checking the path avoids a dpkg call on every run.
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) out.push('fonts-noto-cjk');
  return out.filter((p) => PACKAGES.includes(p));
}

export function setupBrowser() {
  const need = missing();
  if (!need.length) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`缺少浏览器组件 / missing: ${need.join(', ')}. Install them with: sudo apt-get install -y ${need.join(' ')}`);
  }
  console.log(`安装浏览器 / installing ${need.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...need], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    install();
  } catch {
    // A fresh machine has no package lists yet.
    execFileSync('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    install();
  }
  if (missing().length) throw new Error(`浏览器安装失败 / could not install ${missing().join(', ')}`);
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) setupBrowser();
