// Installs PM4Py into ./.venv (created by setup.mjs) from PyPI, so the mining tests can check that a
// real process-mining tool reads our XES and OCEL 2.0 exports. Only the tests need it, so `npm start`
// does not pay for it. Silent when already done; a changed pin reinstalls.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PINS = ['pm4py==2.7.23.11'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';
const venv = path.join(root, '.venv');
const python = path.join(venv, win ? 'Scripts' : 'bin', win ? 'python.exe' : 'python');
const stamp = path.join(venv, '.huying-pm4py');

if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === PINS.join(' ')) process.exit(0);

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) return;
  process.stderr.write(`setup-pm4py: ${what} failed: ${[cmd, ...args].join(' ')}\n${r.error?.message ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`);
  process.exit(r.status || 1);
}

const started = Date.now();
if (!existsSync(python)) run(process.env.PYTHON ?? (win ? 'python' : 'python3'), ['-m', 'venv', venv], 'creating .venv');
run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...PINS], 'pip install (check access to PyPI)');
run(python, ['-c', 'import pm4py'], 'importing pm4py');
writeFileSync(stamp, `${PINS.join(' ')}\n`);
console.log(`setup-pm4py: installed ${PINS.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
