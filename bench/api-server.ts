// The API and a bare Express route in a process of their own, for bench/api (the worker runs in
// another, as in production). It times the Temporal update inside each command, and reports
// those timings when asked over IPC, so the bench can say which part of a command is whose.
import express from 'express';
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '../activities/db';
import { CaseClient } from '../api/case-client';
import { createApp } from '../api/app';

/** CaseClient with a stopwatch around each start and command. */
class TimedCases extends CaseClient {
  readonly ms: Record<string, number[]> = {};
  private async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      (this.ms[name] ??= []).push(performance.now() - t0);
    }
  }
  override start(...args: Parameters<CaseClient['start']>) { return this.timed('create', () => super.start(...args)); }
  override command(...args: Parameters<CaseClient['command']>) { return this.timed(args[1], () => super.command(...args)); }
}

async function main(): Promise<void> {
  const database = await openDatabase();
  const client = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }) });
  const cases = new TimedCases(client);
  const quiet = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(o) };
  const api = createApp({ db: database.db, cases, temporal: client, log: quiet }).listen(Number(process.env.API_PORT), '127.0.0.1');
  const bare = express();
  bare.get('/bare', (_req, res) => { res.json({ ok: true }); });
  const bareServer = bare.listen(Number(process.env.BARE_PORT), '127.0.0.1');
  await Promise.all([api, bareServer].map((s) => new Promise((r) => s.once('listening', r))));
  process.on('message', (m) => {
    if (m !== 'timings') return;
    process.send?.({ timings: cases.ms });
    for (const k of Object.keys(cases.ms)) delete cases.ms[k];
  });
  process.send?.('ready');
  process.on('SIGTERM', () => { api.close(); bareServer.close(); void database.close(); process.exit(0); });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
