// Boards for the secretariat: who is late (the red list) and how each unit is doing.
import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../context';
import { requireRole } from '../auth';
import { parse } from '../read/input';
import { overdueBoard, overdueQuery, unitBoard } from '../read/boards';

const noQuery = z.object({}).strict();

export function boardRoutes(deps: Deps): Router {
  const r = Router();
  r.use(requireRole('secretariat', 'admin'));
  r.get('/overdue', async (req, res) => {
    res.json(await overdueBoard(deps.db, req.auth!.user.congressId, parse(overdueQuery, req.query)));
  });
  r.get('/units', async (req, res) => {
    parse(noQuery, req.query);
    res.json(await unitBoard(deps.db, req.auth!.user.congressId));
  });
  return r;
}
