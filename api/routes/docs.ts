import { Router } from 'express';
import type { Deps } from '../context';

export function docsRoutes(_deps: Deps): Router {
  return Router();
}
