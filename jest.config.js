/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Postgres databases and Temporal servers are per file; two cores fit two files at once.
  maxWorkers: process.env.CI ? 2 : '50%',
  testTimeout: 120_000,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
};
