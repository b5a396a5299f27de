// Process-mining exports for the secretariat: XES (IEEE 1849) and OCEL 2.0 JSON, streamed for a
// filter (session, unit, date range). Deputies' names and contacts only for an admin who asks; audited.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../auth';
import { audit } from '../audit';
import type { Deps } from '../context';
import { ApiError, fromZod } from '../errors';
import { loadModel } from '../../bpmn/model';
import { miningQuerySchema, type MiningQuery } from '../mining/source';
import { writeXes } from '../mining/xes';
import { writeOcel } from '../mining/ocel';

export function miningRoutes(deps: Deps): Router {
  const r = Router();
  const exporter = (kind: 'xes' | 'ocel', type: string, ext: string, write: typeof writeXes) => async (req: Request, res: Response) => {
    const q = miningQuerySchema.safeParse(req.query);
    if (!q.success) throw fromZod(q.error);
    const user = req.auth!.user;
    const query: MiningQuery = q.data;
    if (query.includePersonal && user.role !== 'admin') {
      await audit(deps.db, req, { action: `export.${kind}`, outcome: 'refused', detail: { ...query } });
      throw new ApiError(403, 'forbidden', '仅管理员可导出代表个人信息', 'only an administrator may export deputies\' personal data', 'includePersonal');
    }
    const model = await loadModel();
    await audit(deps.db, req, { action: `export.${kind}`, outcome: 'ok', detail: { ...query } });
    res.status(200).type(type).set('Content-Disposition', `attachment; filename="huying-${user.congressId}.${ext}"`);
    try {
      await write(res, deps.db, user.congressId, query, model);
      res.end();
    } catch (err) {
      // The head is gone already: cut the stream so the client sees a broken file, not a complete one.
      deps.log.error({ err: String(err) }, 'mining export failed');
      res.destroy(err as Error);
    }
  };
  r.get('/exports/xes', requireRole('secretariat', 'admin'), exporter('xes', 'application/xml', 'xes', writeXes));
  r.get('/exports/ocel', requireRole('secretariat', 'admin'), exporter('ocel', 'application/json', 'ocel.json', writeOcel));
  return r;
}
