// /healthz: the process answers. /readyz: the database and Temporal answer too.
import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { Deps } from '../context';

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

export function healthRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => { res.json({ ok: true }); });
  r.get('/readyz', async (_req, res) => {
    const [db, temporal] = await Promise.all([
      within(deps.db.execute(sql`select 1`), 2000).then(() => 'ok', (e) => String(e?.message ?? e)),
      within(deps.temporal.workflowService.getSystemInfo({}), 2000).then(() => 'ok', (e) => String(e?.message ?? e)),
    ]);
    const ok = db === 'ok' && temporal === 'ok';
    res.status(ok ? 200 : 503).json({ ok, database: db, temporal });
  });
  return r;
}
