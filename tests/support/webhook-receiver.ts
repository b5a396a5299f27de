// A local HTTP receiver for webhooks: records each request (headers, raw body, parsed JSON) and
// answers as told, so suites can check signatures and formats and make deliveries fail on purpose.
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface Hit { path: string; query: URLSearchParams; headers: Record<string, string>; raw: string; json: any; at: number; status: number; reply: any }

export interface WebhookReceiver {
  base: string;
  hits: Hit[];
  /** The next n requests to this path get this answer (status, and body). */
  failNext(path: string, n: number, status: number, body?: unknown): void;
  /** While set, requests wait for it before they are answered; one whose sender died meanwhile is recorded with status 0. */
  gate?: Promise<void>;
  /** Answer bodies per path (bots answer { errcode: 0 }). */
  answer: Record<string, unknown>;
  waitFor(path: string, n: number, timeoutMs?: number): Promise<Hit[]>;
  close(): Promise<void>;
}

/** What a receiver of the generic JSON webhook does: HMAC-SHA256 over "<timestamp>.<raw body>". */
export function verifySignature(secret: string, hit: Hit): boolean {
  const ts = hit.headers['x-huying-timestamp'];
  const got = hit.headers['x-huying-signature'] ?? '';
  if (!ts || !got.startsWith('v1=')) return false;
  const want = Buffer.from(`v1=${createHmac('sha256', secret).update(`${ts}.${hit.raw}`).digest('hex')}`);
  return want.length === Buffer.byteLength(got) && timingSafeEqual(want, Buffer.from(got));
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const failures = new Map<string, { status: number; body?: unknown }[]>();
  const rx: WebhookReceiver = {
    base: '',
    hits: [],
    answer: {},
    failNext(path, n, status, body) {
      const list = failures.get(path) ?? [];
      for (let i = 0; i < n; i++) list.push({ status, body });
      failures.set(path, list);
    },
    async waitFor(path, n, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      const ok = () => rx.hits.filter((h) => h.path === path && h.status === 200);
      while (ok().length < n) {
        if (Date.now() > until) throw new Error(`webhook ${path}: ${ok().length} of ${n} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return ok();
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    // A sender killed mid-request resets the socket; the request is then recorded with status 0 (or never ends).
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      if (rx.gate) await rx.gate;
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try { json = JSON.parse(raw); } catch { json = undefined; }
      const planned = failures.get(url.pathname)?.shift();
      const status = req.socket.destroyed ? 0 : planned?.status ?? 200;
      const reply = planned?.body ?? rx.answer[url.pathname] ?? { ok: true };
      rx.hits.push({ path: url.pathname, query: url.searchParams, headers: req.headers as Record<string, string>, raw, json, at: Date.now(), status, reply });
      if (!status) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rx.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return rx;
}
