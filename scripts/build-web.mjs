// Builds the console (web/) into web/dist when it is missing or older than its sources. Used by
// `npm start`, the console tests and `npm run build:web`. Concurrent callers wait for one build, and
// a server reading web/dist meanwhile sees the old build or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');
const DIST = path.join(WEB, 'dist');
const LOCK = path.join(WEB, '.build-lock');
const SOURCES = ['src', 'index.html', 'vite.config.mts', '../package-lock.json'];

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

export function webIsStale() {
  const built = fs.statSync(path.join(DIST, 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return Math.max(...SOURCES.map((s) => newest(path.join(WEB, s)))) > built.mtimeMs;
}

async function withLock(fn) {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock left by a killed build is taken over after five minutes.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error('timed out waiting for another console build');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Returns true when it built, false when web/dist was already current. */
export async function ensureWebBuilt({ force = false, quiet = false } = {}) {
  if (!force && !webIsStale()) return false;
  return withLock(async () => {
    if (!force && !webIsStale()) return false;
    // Under jest NODE_ENV is 'test', which would give React's development build and test ids.
    process.env.NODE_ENV = 'production';
    const { build } = await import('vite');
    const tmp = `${DIST}.tmp-${process.pid}`;
    const t0 = Date.now();
    if (!quiet) console.log('构建控制台 / building the console (web/)…');
    await build({ configFile: path.join(WEB, 'vite.config.mts'), logLevel: quiet ? 'error' : 'warn', build: { outDir: tmp, emptyOutDir: true } });
    const old = `${DIST}.old-${process.pid}`;
    if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
    fs.renameSync(tmp, DIST);
    fs.rmSync(old, { recursive: true, force: true });
    if (!quiet) console.log(`控制台已构建 / console built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return true;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureWebBuilt({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
