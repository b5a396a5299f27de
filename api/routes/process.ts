// The process model and each case's place in it: the BPMN file for any modeler or the console's
// viewer, and per case the elements passed, the elements active now, pending timers and conformance.
import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../context';
import { notFound } from '../errors';
import { loadModel } from '../../bpmn/model';
import { caseProcess } from '../read/process';

export const caseIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function processRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/process/suggestion', async (_req, res) => {
    const model = await loadModel();
    res.type('application/xml').set('Cache-Control', 'private, max-age=300').send(model.xml);
  });
  r.get('/suggestions/:id/process', async (req, res) => {
    // Like the detail route: an id that cannot exist is not looked up, and is as unknown as one out of scope.
    const p = caseIdParams.safeParse(req.params);
    if (!p.success) throw notFound('建议', 'suggestion');
    res.json(await caseProcess(deps.db, req.auth!.user, p.data.id, (id) => deps.cases.state(id)));
  });
  return r;
}
