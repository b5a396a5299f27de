import { Router } from 'express';
import type { Deps } from '../context';

export function directoryRoutes(_deps: Deps): Router {
  return Router();
}
