import path from 'node:path';

export const BUNDLE_PATH = path.resolve(__dirname, '../../data/test/workflow-bundle.js');
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
