// Read-model answers (lists, details, boards) kept in memory, serialized once and sent as bytes with
// an ETag. An answer stays valid while nothing it read has changed:
// - the database announces every case it writes (triggers of migration 0007 → NOTIFY
//   huying_read_model with the case id, or '*' for a change not about one case);
// - this process marks the case a command of its own changed before answering the command, and any
//   write request through it drops the list answers before its response goes out, so a client reads
//   its own writes without waiting for the notice (tests/api-read-cache.test.ts);
// - a heartbeat through the same channel proves the notices still arrive; when it has not come back
//   for LIVE_MS, or before listening has begun, the cache steps aside and every read goes to the
//   database. Answers can therefore be stale for at most LIVE_MS after the channel breaks.
// Answers that depend on the clock carry their own bound (`until`).
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import onHeaders from 'on-headers';
import type { Db } from '../../activities/db';
import type { User } from '../context';

const CHANNEL = 'huying_read_model';
const BEAT_MS = 2_000;
const LIVE_MS = 5_000;
/** Even a valid answer is recomputed this often, a bound for any change that escaped the triggers. */
const MAX_AGE_MS = 60_000;
const MAX_BYTES = Number(process.env.HUYING_READ_CACHE_MB ?? 64) * 1024 * 1024;

interface Slot { stamp: string; until: number; size: number; value: unknown }
export interface Body { buf: Buffer; etag: string }
export interface Computed<T> { value: T; size: number; until?: number }

/** One answer's key part for who is asking: exactly the fields the scope rule (api/scope.ts) reads. */
export const scopeKey = (u: User) => `${u.congressId}|${u.role}|${u.deputyId ?? ''}|${u.unitId ?? ''}|${u.committeeId ?? ''}`;

/** Object keys sorted, so two spellings of the same query share an answer. */
export const canonical = (q: Record<string, unknown>) => JSON.stringify(Object.keys(q).sort().map((k) => [k, q[k]]));

export class ReadCache {
  private lru = new LRUCache<string, Slot>({ maxSize: MAX_BYTES, sizeCalculation: (s) => Math.max(1, s.size) });
  private inflight = new Map<string, Promise<Slot>>();
  /** Moves on every change: answers over many cases (lists, boards) are stamped with it. */
  private epoch = 0;
  /** Moves on changes not about one case; with the case's own counter it stamps that case's detail. */
  private resets = 0;
  private cases = new Map<string, number>();
  private listening = false;
  private lastBeat = 0;

  /** Stamp of answers that read many cases. */
  readonly all = () => `a${this.epoch}`;
  /** Stamp of an answer that reads one case only. */
  readonly one = (id: string) => () => `c${this.resets}.${this.cases.get(id) ?? 0}`;

  get live(): boolean {
    return this.listening && Date.now() - this.lastBeat < LIVE_MS;
  }

  /** Some cases changed (by id), or anything may have ('*' or no ids). */
  changed(ids?: string[]): void {
    this.epoch++;
    if (!ids || ids.includes('*')) {
      this.resets++;
      this.cases.clear();
      return;
    }
    if (this.cases.size > 100_000) {
      this.resets++;
      this.cases.clear();
    }
    for (const id of ids) this.cases.set(id, (this.cases.get(id) ?? 0) + 1);
  }

  /** The cached value for key if its stamp is still current, else computes it (once for concurrent askers). */
  async get<T>(key: string, stampOf: () => string, compute: () => Promise<Computed<T>>): Promise<T> {
    if (!this.live) return (await compute()).value;
    const stamp = stampOf();
    const now = Date.now();
    const hit = this.lru.get(key);
    if (hit && hit.stamp === stamp && hit.until > now) return hit.value as T;
    const flight = `${key}\u0000${stamp}`;
    let p = this.inflight.get(flight);
    if (!p) {
      p = compute().then((r) => {
        const slot = { stamp, until: Math.min(r.until ?? Infinity, now + MAX_AGE_MS), size: r.size, value: r.value };
        // Stored only while still current: a slower, older computation must not replace a newer one.
        if (stampOf() === stamp) this.lru.set(key, slot);
        return slot;
      }).finally(() => this.inflight.delete(flight));
      this.inflight.set(flight, p);
    }
    return (await p).value as T;
  }

  /** Like get, for an answer sent as JSON: serialized and tagged once. */
  bytes(key: string, stampOf: () => string, compute: () => Promise<{ value: unknown; until?: number }>): Promise<Body> {
    return this.get(key, stampOf, async () => {
      const r = await compute();
      const value = toBody(r.value);
      return { value, size: value.buf.length, until: r.until };
    });
  }

  /** Starts listening for the database's change notices, and the heartbeat that proves they arrive. */
  async listen(db: Db): Promise<void> {
    const client = (db as unknown as { $client?: { listen?: (ch: string, fn: (p: string) => void, onlisten?: () => void) => Promise<unknown> } }).$client;
    if (typeof client?.listen !== 'function') return; // a driver without notices: no caching
    const established = () => {
      // Whatever was announced while not listening is unknown: start from nothing.
      this.changed();
      this.listening = true;
      this.lastBeat = Date.now();
    };
    // postgres.js calls onlisten again after it reconnects; PGlite only resolves.
    await client.listen(CHANNEL, (payload) => {
      if (payload.startsWith('~')) this.lastBeat = Date.now();
      else this.changed([payload]);
    }, established);
    if (!this.listening) established();
    let failures = 0;
    const beat = setInterval(() => {
      db.execute(sql`select pg_notify(${CHANNEL}, '~beat')`).then(() => { failures = 0; }, () => {
        // A closed database: stop asking after a minute of failures.
        if (++failures > 30) clearInterval(beat);
      });
    }, BEAT_MS);
    beat.unref();
  }
}

const toBody = (value: unknown): Body => jsonBody(JSON.stringify(value));

/** A body from JSON text that is already made. */
export function jsonBody(json: string): Body {
  const buf = Buffer.from(json);
  return { buf, etag: `W/"${createHash('sha1').update(buf).digest('base64url')}"` };
}

/**
 * Sends a cached body, or the parts of one made from it (written one after the other, not copied
 * together); a client that already holds it (If-None-Match) gets 304.
 */
export function sendBody(res: Response, body: Body, parts: Buffer[] = [body.buf]): void {
  res.set({ 'Content-Type': 'application/json; charset=utf-8', ETag: body.etag, 'Cache-Control': 'private, no-cache' });
  if (parts.length === 1) return void res.send(parts[0]);
  if (res.req.fresh) return void res.status(304).end();
  res.set('Content-Length', String(parts.reduce((n, b) => n + b.length, 0)));
  if (res.req.method === 'HEAD') return void res.end();
  for (const b of parts.slice(0, -1)) res.write(b);
  res.end(parts.at(-1));
}

const caches = new WeakMap<Db, ReadCache>();

/** The one cache of a database handle, listening from its first use. */
export function readCache(db: Db): ReadCache {
  let c = caches.get(db);
  if (!c) {
    const cache = new ReadCache();
    caches.set(db, cache);
    cache.listen(db).catch(() => undefined); // not listening: the cache stays aside
    c = cache;
  }
  return c;
}

/**
 * Any write through this API drops the answers over many cases before its response leaves, so the
 * next read of anyone sees it even if the database's notice has not arrived yet.
 */
export function writeFence(db: Db): RequestHandler {
  const cache = readCache(db);
  return (req: Request, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') onHeaders(res, () => cache.changed([]));
    next();
  };
}
