// Boards for the secretariat: who is late (the red list), how each unit is doing, and the months' trends.
import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../context';
import { requireRole } from '../auth';
import { parse } from '../read/input';
import { nextRankChange, overdueQuery, overdueRows, rankOverdue, trends, trendsQuery, unitBoard } from '../read/boards';
import { readCache, sendBody } from '../read/cache';

const noQuery = z.object({}).strict();

export function boardRoutes(deps: Deps): Router {
  const r = Router();
  const cache = readCache(deps.db);
  r.use(requireRole('secretariat', 'admin'));
  r.get('/overdue', async (req, res) => {
    const q = parse(overdueQuery, req.query);
    const congressId = req.auth!.user.congressId;
    const key = `${congressId}|${q.unitId ?? ''}|${q.limit}`;
    const rows = () => cache.get(`overdue-rows|${congressId}|${q.unitId ?? ''}`, cache.all, async () => {
      const value = await overdueRows(deps.db, congressId, q.unitId);
      return { value, size: 300 * value.length };
    });
    if (q.asOf) {
      const asOf = new Date(q.asOf);
      return sendBody(res, await cache.bytes(`overdue|${key}|${q.asOf}`, cache.all, async () => ({ value: rankOverdue(await rows(), asOf, q.limit) })));
    }
    // Counted to now: the ranking holds until some row's days overdue next change, and only asOf
    // itself moves before then, so it is put in front of the cached rest for each request.
    const body = await cache.bytes(`overdue|${key}|now`, cache.all, async () => {
      const all = await rows();
      const asOf = new Date();
      const { asOf: _, ...rest } = rankOverdue(all, asOf, q.limit);
      return { value: rest, until: nextRankChange(all, asOf) };
    });
    sendBody(res, body, [Buffer.from(`{"asOf":${JSON.stringify(new Date())},`), body.buf.subarray(1)]);
  });
  r.get('/units', async (req, res) => {
    parse(noQuery, req.query);
    const congressId = req.auth!.user.congressId;
    sendBody(res, await cache.bytes(`units|${congressId}`, cache.all, async () => ({ value: await unitBoard(deps.db, congressId) })));
  });
  r.get('/trends', async (req, res) => {
    const q = parse(trendsQuery, req.query);
    const congressId = req.auth!.user.congressId;
    sendBody(res, await cache.bytes(`trends|${congressId}|${q.months}`, cache.all, () => trends(deps.db, congressId, q.months)));
  });
  return r;
}
