// Sign-in, sign-out, and who am I.
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';
import { fromZod, isStorable, unauthorized } from '../errors';
import { signIn, signOut } from '../auth';
import type { Deps } from '../context';

// A username the database cannot compare (a NUL in it) would fail the lookup with a 500.
export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(isStorable, '含有不能使用的字符 / holds a character that cannot be used'),
  password: z.string().min(1).max(200),
}).strict();

export function authRoutes(deps: Deps): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: 60_000, limit: Number(process.env.HUYING_SIGNIN_PER_MINUTE ?? 20), standardHeaders: 'draft-7', legacyHeaders: false,
    handler: (_req, res) => res.status(429).json({ error: { code: 'rate_limited', message: '登录尝试过于频繁，请稍后再试 / too many sign-in attempts; try again later', zh: '登录尝试过于频繁，请稍后再试', en: 'too many sign-in attempts; try again later' } }),
  });
  r.post('/sign-in', limiter, async (req, res) => {
    const body = signInSchema.safeParse(req.body ?? {});
    if (!body.success) throw fromZod(body.error);
    const { user, csrfToken } = await signIn(deps, req, res, body.data.username, body.data.password);
    res.json({ user, csrfToken });
  });
  r.post('/sign-out', async (req, res) => {
    if (!req.auth) throw unauthorized();
    await signOut(deps, req, res);
    res.json({ ok: true });
  });
  r.get('/me', (req, res) => {
    if (!req.auth) throw unauthorized();
    res.json({ user: req.auth.user, csrfToken: req.auth.csrfToken ?? null, via: req.auth.via });
  });
  return r;
}
