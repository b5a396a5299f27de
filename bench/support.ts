// What both benches need: a throwaway PostgreSQL database, and the workflow code bundled once to a
// file so a worker process loads it without running webpack (its memory is then that of cases).
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { WORKFLOW_PRELOAD_MODULES } from '../worker';

const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function benchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `huying_bench_${label}_${process.pid}`;
  const admin = postgres(PG, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  return {
    url: PG.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export async function bundleToFile(): Promise<string> {
  // One file per run: benches of other checkouts or sessions may bundle at the same time.
  const file = path.resolve(`data/bench/workflow-bundle-${process.pid}.js`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  process.once('exit', () => fs.rmSync(file, { force: true }));
  fs.writeFileSync(file, (await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), preloadModules: WORKFLOW_PRELOAD_MODULES, logger: new DefaultLogger('WARN') })).code);
  return file;
}
