// Monthly progress bulletins: the list, each reader's part as JSON, a printable page and a
// workbook; and the secretariat's "issue now / backfill a month", which runs the bulletin workflow.
import { Router } from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { congresses } from '../../schema/tables';
import { bulletinId, type BulletinRef, type BulletinRequest } from '../../activities/bulletin/types';
import { bulletinDocument } from '../../activities/bulletin/sections';
import { renderHtml, renderXlsx } from '../../activities/reports/document';
import type { Deps } from '../context';
import { requireRole } from '../auth';
import { audit } from '../audit';
import { invalid, notFound } from '../errors';
import { parse } from '../read/input';
import { bulletinIdParam, bulletinListQuery, bulletinView, listBulletins, monthSchema } from '../read/bulletins';
import { attachment, XLSX_TYPE } from '../transfer/files';

export const createBulletinSchema = z.object({
  month: monthSchema.optional().meta({ description: '要生成的月份，默认本月（截至此刻）；过去的月份按月末时点补发 / the month; by default this one (as of now); a past month is computed as of its end' }),
  notify: z.boolean().default(true).meta({ description: '是否向单位、代表、委员会和秘书处发送通知（每月每人只发一次）/ queue the notices (once per month and recipient)' }),
}).strict();
const noQuery = z.object({}).strict();

export function bulletinRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;

  r.get('/', async (req, res) => {
    res.json(await listBulletins(db, req.auth!.user, parse(bulletinListQuery, req.query)));
  });

  r.post('/', requireRole('secretariat', 'admin'), async (req, res) => {
    parse(noQuery, req.query);
    const body = parse(createBulletinSchema, req.body ?? {});
    const user = req.auth!.user;
    const [c] = await db.select({ timezone: congresses.timezone }).from(congresses).where(eq(congresses.id, user.congressId));
    const now = DateTime.now().setZone(c?.timezone ?? 'Asia/Shanghai');
    const month = body.month ?? now.toFormat('yyyy-MM');
    if (month > now.toFormat('yyyy-MM')) throw invalid('month', '该月份尚未开始，不能生成通报', 'that month has not begun');
    const request: BulletinRequest = { congressId: user.congressId, month, trigger: 'api', requestedBy: user.id, notify: body.notify };
    // One run per congress and month at a time: a second request while it runs waits for the same run.
    const [ref] = await deps.temporal.workflow.execute('bulletinWorkflow', {
      taskQueue: deps.cases.taskQueue, workflowId: `bulletin-${bulletinId(user.congressId, month)}`, args: [request], workflowIdConflictPolicy: 'USE_EXISTING',
    }) as BulletinRef[];
    await audit(db, req, { action: 'bulletin.issue', target: ref.id, outcome: 'ok', detail: { month, notify: body.notify, notices: ref.notices ?? 0 } });
    const found = await bulletinView(db, user, ref.id);
    res.status(201).json({ ...found!.view, notices: ref.notices ?? 0 });
  });

  r.get('/:id', async (req, res) => {
    const { id } = parse(bulletinIdParam, req.params);
    parse(noQuery, req.query);
    const found = await bulletinView(db, req.auth!.user, id);
    if (!found) throw notFound('通报', 'bulletin');
    res.json(found.view);
  });

  for (const format of ['html', 'xlsx'] as const) {
    r.get(`/:id/${format}`, async (req, res) => {
      const { id } = parse(bulletinIdParam, req.params);
      parse(noQuery, req.query);
      const found = await bulletinView(db, req.auth!.user, id);
      if (!found) throw notFound('通报', 'bulletin');
      const doc = bulletinDocument(found.view, found.zone);
      await audit(db, req, { action: 'export.bulletin', target: id, outcome: 'ok', detail: { format, scope: found.view.scope } });
      if (format === 'html') {
        res.type('html').send(renderHtml(doc));
        return;
      }
      attachment(res, `${doc.title}.xlsx`, `bulletin-${id}.xlsx`);
      res.type(XLSX_TYPE).send(await renderXlsx(doc));
    });
  }
  return r;
}
