import { Router } from 'express';
import type { Deps } from '../context';

export function boardRoutes(_deps: Deps): Router {
  return Router();
}
