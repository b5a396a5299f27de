// The API describes itself: /api/openapi.json is valid OpenAPI 3.1 generated from the schemas the
// routes validate with, every route the app serves is in it, and /api/docs renders it as a page
// that works offline under a strict CSP. Both answer without signing in.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { z } from 'zod';
import { createApp } from '../api/app';
import { openApiDocument } from '../api/openapi';
import { COMMAND_ROUTES } from '../api/routes/suggestions';
import { commandSchemas } from '../schema/commands';

let app: Express;
let server: Server;
let base: string;
let doc: any;

beforeAll(async () => {
  // The document and the page need neither a database nor Temporal, and nothing here signs in:
  // a request that reached either would be a bug these tests should see fail.
  const unused = {} as never;
  app = createApp({ db: unused, cases: unused, temporal: unused, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${base}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** The validator is ESM-only and jest here compiles to CommonJS, so it runs in a child Node. */
function validateOpenApi(document: unknown): Promise<{ valid: boolean; errors?: unknown }> {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(text));
    process.stdout.write(JSON.stringify({ ...result, version: validator.version }));`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '..'), maxBuffer: 16 << 20 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))));
    child.stdin!.end(JSON.stringify(document));
  });
}

const ref = (node: any, kind: string) => {
  const name = typeof node?.$ref === 'string' ? node.$ref.replace(`#/components/${kind}/`, '') : undefined;
  return name ? doc.components[kind][name] : node;
};
const operations = () => Object.entries<any>(doc.paths).flatMap(([p, item]) =>
  ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).map((m) => ({ path: p, method: m, op: item[m] })));

/** Required fields of a zod input schema: one list per variant of a discriminated union. */
function requiredOf(schema: z.ZodType): string[][] {
  const def = schema._zod.def as any;
  if (def.type === 'union') return def.options.flatMap((o: z.ZodType) => requiredOf(o));
  return [Object.entries<any>(def.shape).filter(([, f]) => f._zod.optin === undefined).map(([k]) => k).sort()];
}
function documentedRequired(schema: any): string[][] {
  const s = ref(schema, 'schemas');
  const variants = s.oneOf ?? s.anyOf;
  if (variants) return variants.flatMap((v: any) => documentedRequired(v));
  return [[...(s.required ?? [])].sort()];
}

/** Every method and path the Express app answers, in OpenAPI's {param} form. */
function servedRoutes(router: any): string[] {
  const out: string[] = [];
  const join = (a: string, b: string) => `${a}/${b}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          out.push(`${method.toUpperCase()} ${join(prefix, layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack, join(prefix, typeof layer.rawPath === 'string' ? layer.rawPath : '/'));
      }
    }
  };
  walk(router.stack, '/');
  return out;
}

test('the document is valid OpenAPI 3.1', async () => {
  expect(doc.openapi).toMatch(/^3\.1\./);
  const result = await validateOpenApi(doc);
  expect(result).toMatchObject({ valid: true, version: '3.1' });
  // Built once: the same object every time.
  expect(openApiDocument()).toBe(openApiDocument());
});

test('the document describes exactly the routes the app serves, each with a tag and a summary in Chinese and English', () => {
  const served = servedRoutes(app.router);
  expect(served).toEqual(expect.arrayContaining(['GET /api/v1/suggestions', 'POST /api/v1/auth/sign-in', 'GET /api/docs']));
  const documented = operations().map((o) => `${o.method.toUpperCase()} ${o.path}`);
  expect(served.filter((r) => !documented.includes(r))).toEqual([]);
  expect(documented.filter((r) => !served.includes(r))).toEqual([]);

  const tags = new Set(doc.tags.map((t: any) => t.name));
  for (const { path: p, method, op } of operations()) {
    expect({ route: `${method} ${p}`, tagged: op.tags?.length === 1 && tags.has(op.tags[0]) }).toEqual({ route: `${method} ${p}`, tagged: true });
    expect(op.summary).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  }
  expect(new Set(operations().map((o) => o.op.operationId)).size).toBe(operations().length);
});

test('every command is documented with its method and a body whose required fields are the zod schema\'s', () => {
  for (const route of COMMAND_ROUTES) {
    const op = doc.paths[`/api/v1/suggestions/{id}${route.path}`]?.[route.method];
    expect({ command: route.command, documented: !!op }).toEqual({ command: route.command, documented: true });
    expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id', required: true })]));
    const body = op.requestBody.content['application/json'].schema;
    expect({ command: route.command, required: documentedRequired(body) }).toEqual({ command: route.command, required: requiredOf(commandSchemas[route.command]) });
  }
  const reply = doc.paths['/api/v1/suggestions/{id}/reply'].post.requestBody;
  expect(reply.required).toBe(true);
  expect(reply.content['application/json'].schema.required.sort()).toEqual(['body', 'resultClass', 'signedBy']);
  expect(reply.content['application/json'].schema.properties.resultClass.enum).toEqual(['A', 'B', 'C', 'D']);
  // A review is one of five decisions, each with its own fields.
  expect(documentedRequired(doc.paths['/api/v1/suggestions/{id}/review'].post.requestBody.content['application/json'].schema))
    .toEqual([['decision'], ['decision', 'reason'], ['decision', 'reason'], ['decision', 'reason'], ['decision', 'intoId', 'reason']]);
  // Cross-field rules have no JSON Schema form; they travel in the description.
  expect(doc.paths['/api/v1/suggestions/{id}/evaluation'].post.requestBody.content['application/json'].schema.description)
    .toContain('reasons are required when unsatisfied');
  // submit and acknowledge carry no fields, so their body may be left out.
  expect(doc.paths['/api/v1/suggestions/{id}/submit'].post.requestBody.required).toBe(false);
});

test('create, list and detail use the route schemas', () => {
  const create = doc.paths['/api/v1/suggestions'].post;
  expect(create.requestBody.content['application/json'].schema).toMatchObject({ required: expect.arrayContaining(['title', 'body']), additionalProperties: false });
  expect(Object.keys(create.responses)).toContain('201');
  const list = doc.paths['/api/v1/suggestions'].get.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name);
  expect(list).toEqual(expect.arrayContaining(['status', 'unitId', 'overdue', 'dueWithinDays', 'q', 'sort', 'limit', 'cursor']));
  const detail = ref(doc.paths['/api/v1/suggestions/{id}'].get.responses['200'].content['application/json'].schema, 'schemas');
  expect(Object.keys(detail.properties)).toEqual(expect.arrayContaining(['id', 'status', 'title', 'assignments', 'replies', 'timeline']));
  expect(doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.required.sort()).toEqual(['password', 'username']);
});

test('errors share one schema, and the security schemes say how to sign in', () => {
  const error = doc.components.schemas.Error;
  expect(Object.keys(error.properties.error.properties).sort()).toEqual(['code', 'details', 'en', 'field', 'message', 'zh']);
  expect(error.properties.error.required.sort()).toEqual(['code', 'en', 'message', 'zh']);

  const seen = new Set<string>();
  for (const { path: p, method, op } of operations()) {
    for (const [status, response] of Object.entries<any>(op.responses)) {
      if (!/^[45]/.test(status) || p === '/readyz') continue;
      seen.add(status);
      expect({ at: `${method} ${p} ${status}`, schema: ref(response, 'responses').content['application/json'].schema })
        .toEqual({ at: `${method} ${p} ${status}`, schema: { $ref: '#/components/schemas/Error' } });
    }
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '415', '422', '429', '503']));

  expect(doc.components.securitySchemes).toMatchObject({
    session: { type: 'apiKey', in: 'cookie', name: 'huying_sid' },
    csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    bearer: { type: 'http', scheme: 'bearer' },
  });
  const assign = doc.paths['/api/v1/suggestions/{id}/assignment'].post;
  expect(assign.security).toEqual([{ session: [], csrf: [] }, { bearer: [] }]);
  expect(Object.keys(assign.responses)).toEqual(expect.arrayContaining(['401', '403', '404', '409', '422']));
  expect(doc.paths['/api/v1/suggestions'].get.security).toEqual([{ session: [] }, { bearer: [] }]);
  for (const open of ['/api/v1/public/replies', '/api/v1/public/replies/{id}', '/healthz', '/api/openapi.json', '/api/docs']) {
    expect({ open, security: doc.paths[open].get.security }).toEqual({ open, security: [] });
  }
  expect(doc.paths['/api/v1/auth/sign-in'].post.security).toEqual([]);
  expect(Object.keys(doc.paths['/api/v1/auth/sign-in'].post.responses)).toEqual(expect.arrayContaining(['401', '422', '429']));
});

test('/api/docs is a Chinese reference page that lists every path, with no script and a strict CSP', async () => {
  const res = await fetch(`${base}/api/docs`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const html = await res.text();
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  // Nothing from a CDN: every link and source stays on this server or in the page.
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  for (const { path: p, method, op } of operations()) {
    expect(html).toContain(`<code class="path">${p}</code>`);
    expect(html).toContain(`id="op-${op.operationId}"`);
    expect(html).toContain(`<span class="method ${method}">`);
  }
  const reply = html.slice(html.indexOf('id="op-reply"'), html.indexOf('</article>', html.indexOf('id="op-reply"')));
  for (const field of ['resultClass', 'body', 'signedBy', 'faceToFace', 'commitments']) expect(reply).toContain(`<code>${field}</code>`);
  expect(reply).toContain('长度 1–100'); // signedBy's limits
  expect(html).toContain('<link rel="stylesheet" href="/api/docs.css">');

  const css = await fetch(`${base}/api/docs.css`);
  expect(css.status).toBe(200);
  expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  expect((await css.text()).length).toBeGreaterThan(200);
});
