// The console (web/dist, built by Vite) from the same process as the API: hashed assets cached for
// good, every other non-API GET answered with index.html so the browser's router takes over.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export const WEB_DIST = path.resolve(__dirname, '../../web/dist');

/**
 * The console's own policy: still no inline or foreign script, but AntD's CSS-in-JS injects <style>
 * elements and bpmn-js sets style attributes, so styles may be inline. /api keeps helmet's strict one.
 */
export const CONSOLE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const isApi = (p: string) => p === '/api' || p.startsWith('/api/') || p === '/healthz' || p === '/readyz';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>呼应</title></head><body>
<h1>控制台尚未构建 / The console is not built</h1><p>请运行 <code>npm run build:web</code>，或使用 <code>npm start</code>（会自动构建）。接口仍在 <a href="/api/docs">/api/docs</a>。</p>
<p>Run <code>npm run build:web</code>, or <code>npm start</code>, which builds it. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

export function webRoutes(dist = WEB_DIST): Router {
  const r = Router();
  const index = path.join(dist, 'index.html');
  r.use((req, res, next) => {
    if (!isApi(req.path)) res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  r.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  r.use((req, res, next) => {
    // A missing file (a stale chunk, a typo) must be a 404, not the page in place of a script.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path) || req.path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (!fs.existsSync(index)) return res.status(503).type('html').send(NOT_BUILT);
    res.sendFile(index);
  });
  return r;
}
