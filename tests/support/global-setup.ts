// Once per test run: bundle the workflow code (every suite's workers share it) and make sure the
// PostgreSQL server the suites use is reachable, with a clear message when it is not.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { bundleWorkflowCode } from '@temporalio/worker';
import { BUNDLE_PATH, PG_ADMIN_URL } from './paths';
import { WORKFLOW_PRELOAD_MODULES } from '../../worker';

export default async function globalSetup(): Promise<void> {
  const sql = postgres(PG_ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => undefined });
  try {
    await sql`select 1`;
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${String(err)}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  } finally {
    await sql.end();
  }
  const { code } = await bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../../workflows'), preloadModules: WORKFLOW_PRELOAD_MODULES, logger: quietLogger });
  fs.mkdirSync(path.dirname(BUNDLE_PATH), { recursive: true });
  // Written aside and renamed: two test runs at once must never read a half-written bundle.
  const tmp = `${BUNDLE_PATH}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, code);
  fs.renameSync(tmp, BUNDLE_PATH);
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
