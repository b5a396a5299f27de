// The API, its worker and a bare Express route, in a process of their own, for bench/api.
import express from 'express';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import fs from 'node:fs';
import { openDatabase } from '../activities/db';
import { CaseClient } from '../api/case-client';
import { createApp } from '../api/app';
import { createWorker } from '../worker';

async function main(): Promise<void> {
  const database = await openDatabase();
  const address = process.env.TEMPORAL_ADDRESS!;
  const worker = await createWorker({ connection: await NativeConnection.connect({ address }), db: database.db,
    workflowBundle: { code: fs.readFileSync(process.env.WORKFLOW_BUNDLE!, 'utf8') } });
  void worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  const quiet = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(o) };
  const api = createApp({ db: database.db, cases: new CaseClient(client), temporal: client, log: quiet }).listen(Number(process.env.API_PORT), '127.0.0.1');
  const bare = express();
  bare.get('/bare', (_req, res) => { res.json({ ok: true }); });
  const bareServer = bare.listen(Number(process.env.BARE_PORT), '127.0.0.1');
  await Promise.all([api, bareServer].map((s) => new Promise((r) => s.once('listening', r))));
  process.send?.('ready');
  process.on('SIGTERM', () => { api.close(); bareServer.close(); worker.shutdown(); });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
