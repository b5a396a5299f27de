// POSTs that carry an Idempotency-Key: a retry with the same key and body returns the first answer
// and does nothing again; the same key with another body is refused.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../schema/tables';
import type { Db } from '../activities/db';
import { ApiError } from './errors';

const IN_PROGRESS_WAIT_MS = 5_000;

export function idempotency(db: Db): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || !key || !req.auth) return next();
    try {
      if (key.length > 200) throw new ApiError(422, 'invalid_input', 'Idempotency-Key 过长', 'Idempotency-Key is too long', 'Idempotency-Key');
      const userId = req.auth.user.id;
      const requestHash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
      // A double click sends the copy while the original is still running; waiting briefly for the
      // original's answer gives the copy the same case instead of a 409 the client must retry.
      const waitUntil = Date.now() + IN_PROGRESS_WAIT_MS;
      for (;;) {
        const inserted = await db.insert(idempotencyKeys).values({ key, userId, requestHash }).onConflictDoNothing().returning();
        if (inserted.length) break;
        const [prior] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
        // Gone between the insert and the select: the original failed with a server fault and let the key go, so this one may run.
        if (!prior) continue;
        if (prior.requestHash !== requestHash) throw new ApiError(422, 'idempotency_key_reused', '该 Idempotency-Key 已用于另一个请求', 'this Idempotency-Key was used for a different request', 'Idempotency-Key');
        if (prior.status !== null) {
          res.setHeader('Idempotent-Replayed', 'true');
          return void res.status(prior.status).json(prior.body);
        }
        if (Date.now() >= waitUntil) throw new ApiError(409, 'in_progress', '相同的请求正在处理中', 'the same request is still being processed');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        const status = res.statusCode;
        // Server faults are not remembered, so the client can retry them.
        const write = status >= 500
          ? db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
          : db.update(idempotencyKeys).set({ status, body: body as any }).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
        write.then(() => json(body), (err) => { json(body); void err; });
        return res;
      };
      next();
    } catch (err) {
      next(err);
    }
  };
}
