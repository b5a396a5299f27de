import { Router } from 'express';
import type { Deps } from '../context';

export function adminRoutes(_deps: Deps): Router {
  return Router();
}
