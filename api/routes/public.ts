// Published replies, readable without signing in.
import { Router } from 'express';
import type { Deps } from '../context';
import { ApiError, notFound } from '../errors';
import { parse } from '../read/input';
import { listPublished, publicListQuery, publishedReply } from '../read/public';

const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function publicRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/replies', async (req, res) => {
    res.json(await listPublished(deps.db, parse(publicListQuery, req.query)));
  });
  r.get('/replies/:id', async (req, res) => {
    if (!SUGGESTION_ID.test(req.params.id)) throw notFound('公开答复', 'published reply');
    res.json(await publishedReply(deps.db, req.params.id));
  });
  // Otherwise an unknown public path would fall through to sign-in and answer 401.
  r.use((_req, _res, next) => next(new ApiError(404, 'not_found', '接口不存在', 'no such endpoint')));
  return r;
}
