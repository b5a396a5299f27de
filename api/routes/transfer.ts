import { Router } from 'express';
import type { Deps } from '../context';

export function transferRoutes(_deps: Deps): Router {
  return Router();
}
