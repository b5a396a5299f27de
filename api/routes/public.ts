import { Router } from 'express';
import type { Deps } from '../context';

export function publicRoutes(_deps: Deps): Router {
  return Router();
}
