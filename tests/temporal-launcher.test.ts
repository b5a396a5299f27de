// Proves the Temporal launcher against real binaries from .venv: a dev server that starts,
// keeps its state in a file, and leaves no process behind; env parsing; the time-skipping server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { connectionOptionsFromEnv, findTemporalCli, findTestServer, startDevServer } from '../scripts/temporal';
import { devServerEnv, timeSkippingEnv } from './support/temporal-env';
import { quietTemporal } from './support/quiet';

quietTemporal();

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('connectionOptionsFromEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const setEnv = (vars: Record<string, string>) => {
    for (const k of Object.keys(process.env)) if (k.startsWith('TEMPORAL_')) delete process.env[k];
    Object.assign(process.env, vars);
  };

  it('is undefined without TEMPORAL_ADDRESS, so the launcher starts a dev server', () => {
    setEnv({ TEMPORAL_NAMESPACE: 'x' });
    expect(connectionOptionsFromEnv()).toBeUndefined();
  });

  it('defaults to the default namespace and plain text', () => {
    setEnv({ TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(connectionOptionsFromEnv()).toEqual({ address: 'temporal:7233', namespace: 'default' });
  });

  it('turns an API key into TLS plus the key', () => {
    setEnv({ TEMPORAL_ADDRESS: 'x.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'huying.abc', TEMPORAL_API_KEY: 'k' });
    expect(connectionOptionsFromEnv()).toEqual({ address: 'x.tmprl.cloud:7233', namespace: 'huying.abc', tls: true, apiKey: 'k' });
  });

  it('reads mTLS files, CA and server name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huying-tls-'));
    for (const f of ['crt', 'key', 'ca']) fs.writeFileSync(path.join(dir, f), `${f}-bytes`);
    setEnv({
      TEMPORAL_ADDRESS: 'h:7233',
      TEMPORAL_TLS_CERT: path.join(dir, 'crt'),
      TEMPORAL_TLS_KEY: path.join(dir, 'key'),
      TEMPORAL_TLS_CA: path.join(dir, 'ca'),
      TEMPORAL_TLS_SERVER_NAME: 'internal',
    });
    const tls = connectionOptionsFromEnv()?.tls;
    expect(typeof tls).toBe('object');
    if (typeof tls !== 'object') return;
    expect(Buffer.from(tls.clientCertPair!.crt).toString()).toBe('crt-bytes');
    expect(Buffer.from(tls.clientCertPair!.key).toString()).toBe('key-bytes');
    expect(Buffer.from(tls.serverRootCACertificate!).toString()).toBe('ca-bytes');
    expect(tls.serverNameOverride).toBe('internal');
  });

  it('honours TEMPORAL_TLS=true/false and rejects a certificate without its key', () => {
    setEnv({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_TLS: 'true' });
    expect(connectionOptionsFromEnv()?.tls).toBe(true);
    setEnv({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' });
    expect(connectionOptionsFromEnv()?.tls).toBeUndefined();
    setEnv({ TEMPORAL_ADDRESS: 'h:7233', TEMPORAL_TLS_CERT: '/x.crt' });
    expect(() => connectionOptionsFromEnv()).toThrow(/together/);
  });
});

describe('binaries', () => {
  it('finds both in .venv after `npm run setup`', () => {
    expect(findTemporalCli()).toBeTruthy();
    expect(findTestServer()).toBeTruthy();
  });
});

describe('startDevServer', () => {
  it('serves the namespace, keeps workflows in its db file, and stops without leftovers', async () => {
    const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'huying-temporal-')), 'temporal.db');
    const startWorkflow = async (address: string) => {
      const connection = await Connection.connect({ address });
      try {
        const client = new Client({ connection, namespace: 'huying-test' });
        await client.workflow.start('noSuchWorkflow', { taskQueue: 'nobody', workflowId: 'persisted' });
      } finally {
        await connection.close();
      }
    };

    const first = await startDevServer({ dbFile, namespace: 'huying-test', quiet: true, ui: false });
    const connection = await Connection.connect({ address: first.address });
    const { namespaces } = await connection.workflowService.listNamespaces({});
    expect(namespaces.map((n) => n.namespaceInfo?.name)).toEqual(expect.arrayContaining(['default', 'huying-test']));
    await connection.close();
    await startWorkflow(first.address);
    await first.stop();
    expect(isAlive(first.pid!)).toBe(false);
    expect(fs.existsSync(dbFile)).toBe(true);

    // The same file on a fresh server still knows the workflow.
    const second = await startDevServer({ dbFile, namespace: 'huying-test', quiet: true });
    try {
      expect(second.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(second.uiUrl!)).status).toBe(200);
      await expect(startWorkflow(second.address)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    } finally {
      await second.stop();
      await second.stop(); // idempotent
    }
    expect(isAlive(second.pid!)).toBe(false);
  });

  it('refuses a port that is already taken instead of talking to the wrong server', async () => {
    const first = await startDevServer({ dbFile: false, quiet: true, ui: false });
    try {
      const port = Number(first.address.split(':')[1]);
      await expect(startDevServer({ dbFile: false, port, quiet: true, ui: false })).rejects.toThrow(/in use/);
    } finally {
      await first.stop();
    }
  });
});

describe('test environments', () => {
  it('time-skipping: 30 days pass in well under a second', async () => {
    const env = await timeSkippingEnv();
    try {
      const before = await env.currentTimeMs();
      const started = Date.now();
      await env.sleep('30 days');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
    } finally {
      await env.teardown();
    }
  });

  it('dev server env: in memory, with visibility', async () => {
    const env = await devServerEnv();
    try {
      const res = await env.connection.workflowService.countWorkflowExecutions({ namespace: 'default', query: '' });
      expect(Number(res.count)).toBe(0);
    } finally {
      await env.teardown();
    }
  });
});
