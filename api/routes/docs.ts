// /api/openapi.json and a Chinese API reference page rendered here from the same document: no
// scripts, no CDN, one stylesheet from this server, so it works offline and under a strict CSP.
import { Router } from 'express';
import type { Deps } from '../context';
import { CSRF_HEADER, openApiDocument, TAGS, type OpenApiDocument } from '../openapi';
import { AREAS } from '../openapi-areas';

// Areas describe their own tags (api/openapi-areas.ts); the page shows them after the core ones.
const ALL_TAGS = [...TAGS, ...AREAS.flatMap((a) => a.tags)];

type Schema = Record<string, any>;
type Operation = Record<string, any>;

// Stricter than helmet's default for this one page. upgrade-insecure-requests is left out on
// purpose: on an intranet served over plain HTTP it would send the stylesheet request to https.
const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const WHERE: Record<string, string> = { path: '路径', query: '查询', header: '请求头', cookie: 'Cookie' };

const esc = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const code = (v: unknown) => `<code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code>`;
const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');
/** "中文 / English": the Chinese leads and the English follows, lighter; any other text stays as it is. */
const bilingual = (text: string) => {
  const parts = text.split(' / ');
  return parts.length === 2 ? `${esc(parts[0])} <span class="en">${esc(parts[1])}</span>` : esc(text);
};
const paragraphs = (text?: string) => (text ? text.split(/\n+/).map((p) => `<p>${bilingual(p)}</p>`).join('') : '');

class Renderer {
  constructor(private doc: OpenApiDocument) {}

  private refName = (s: Schema) => (typeof s?.$ref === 'string' ? s.$ref.split('/').pop()! : undefined);

  private deref(s: Schema | undefined, kind = 'schemas'): Schema {
    const name = this.refName(s ?? {});
    return name ? ((this.doc.components as any)?.[kind]?.[name] ?? {}) : (s ?? {});
  }

  typeOf(s: Schema): string {
    const name = this.refName(s);
    if (name) return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`;
    if ('const' in s) return code(s.const);
    if (Array.isArray(s.enum)) return s.enum.map(code).join(' | ');
    const alts = s.anyOf ?? s.oneOf;
    // A query parameter that may repeat is "X or X[]": say it once.
    if (Array.isArray(alts) && alts.length === 2 && alts[1].type === 'array' && JSON.stringify(alts[1].items) === JSON.stringify(alts[0])) {
      return `${this.typeOf(alts[0])}（可重复）`;
    }
    if (Array.isArray(alts)) return alts.map((a: Schema) => this.typeOf(a)).join(' | ');
    const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (!types.length) return s.properties ? 'object' : '任意 / any';
    return types.map((t) => {
      if (t === 'array') return `${this.typeOf(s.items ?? {})}[]`;
      if (t === 'string' && s.contentMediaType) return '文件 / file';
      if (t === 'string' && s.format) return `string (${esc(s.format)})`;
      return esc(t);
    }).join(' | ');
  }

  constraints(s: Schema): string {
    const out: string[] = [];
    const range = (lo: unknown, hi: unknown, unit: string) => {
      if (lo !== undefined && hi !== undefined) out.push(`${unit} ${lo}–${hi}`);
      else if (lo !== undefined) out.push(`${unit} ≥ ${lo}`);
      else if (hi !== undefined) out.push(`${unit} ≤ ${hi}`);
    };
    range(s.minLength, s.maxLength, '长度');
    range(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum, '取值');
    range(s.minItems, s.maxItems, '项数');
    if (s.pattern && s.format === undefined) out.push(`格式 ${code(s.pattern)}`);
    if (s.additionalProperties === false) out.push('不接受未列出的字段');
    if ('default' in s) out.push(`默认 ${code(s.default)}`);
    const nested = s.anyOf ?? s.oneOf;
    if (Array.isArray(nested) && !out.length) return nested.map((a: Schema) => this.constraints(a)).filter(Boolean).join('；');
    return out.map((c) => (c.startsWith('格式') || c.startsWith('默认') ? c : esc(c))).join('；');
  }

  /** One row per field, nested objects flattened into dotted names. */
  fieldRows(s: Schema, prefix = '', depth = 0): string {
    const obj = this.deref(s);
    const required = new Set<string>(obj.required ?? []);
    return Object.entries<Schema>(obj.properties ?? {}).map(([name, prop]) => {
      const full = `${prefix}${name}`;
      const inner = this.refName(prop) ? {} : prop;
      const row = `<tr><td>${code(full)}</td><td>${this.typeOf(prop)}</td><td>${required.has(name) ? '是' : '否'}</td>`
        + `<td>${this.constraints(inner)}</td><td>${paragraphs(inner.description)}</td></tr>`;
      if (depth >= 3) return row;
      if (inner.properties) return row + this.fieldRows(inner, `${full}.`, depth + 1);
      if (inner.items?.properties) return row + this.fieldRows(inner.items, `${full}[].`, depth + 1);
      return row;
    }).join('');
  }

  fieldsTable(s: Schema): string {
    const resolved = this.deref(s);
    const variants = resolved.oneOf ?? resolved.anyOf;
    if (Array.isArray(variants) && variants.every((v: Schema) => this.deref(v).properties)) {
      return variants.map((v: Schema) => {
        const props = this.deref(v).properties as Record<string, Schema>;
        const tag = Object.entries(props).find(([, p]) => 'const' in p);
        return `<p class="variant">${tag ? `当 ${code(tag[0])} = ${code(tag[1].const)} 时` : '其一'}：</p>${this.fieldsTable(v)}`;
      }).join('') + paragraphs(resolved.description);
    }
    const rows = this.fieldRows(resolved);
    if (!rows) return `<p class="muted">${resolved.type === 'object' && !resolved.properties ? '无字段 / no fields' : `类型：${this.typeOf(s)}`}</p>`;
    return `<table><thead><tr><th>字段</th><th>类型</th><th>必填</th><th>约束</th><th>说明</th></tr></thead><tbody>${rows}</tbody></table>${paragraphs(resolved.description)}`;
  }

  access(op: Operation): string {
    const sec: Record<string, unknown>[] = op.security ?? this.doc.security ?? [];
    if (!sec.length) return '<p class="access public">无需登录 <span class="en">no sign-in</span></p>';
    const csrf = sec.some((r) => 'csrf' in r);
    return `<p class="access">需登录：会话 Cookie${csrf ? `（写操作另带 ${esc(CSRF_HEADER)} 请求头）` : ''}或 Bearer 访问令牌</p>`;
  }

  parameters(op: Operation): string {
    const params: Schema[] = (op.parameters ?? []).map((p: Schema) => this.deref(p, 'parameters'));
    if (!params.length) return '';
    const rows = params.map((p) => `<tr><td>${code(p.name)}</td><td>${WHERE[p.in] ?? esc(p.in)}</td><td>${this.typeOf(p.schema ?? {})}</td>`
      + `<td>${p.required ? '是' : '否'}</td><td>${this.constraints(this.deref(p.schema))}</td><td>${paragraphs(p.description)}</td></tr>`).join('');
    return `<h4>参数</h4><table><thead><tr><th>名称</th><th>位置</th><th>类型</th><th>必填</th><th>约束</th><th>说明</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  requestBody(op: Operation): string {
    const body = op.requestBody;
    if (!body) return '';
    return Object.entries<Schema>(body.content ?? {}).map(([type, media]) =>
      `<h4>请求体 <small>${esc(type)}${body.required ? '' : '，可省略'}</small></h4>${this.fieldsTable(media.schema ?? {})}`).join('');
  }

  responses(op: Operation): string {
    const rows = Object.entries<Schema>(op.responses ?? {}).map(([status, r]) => {
      const name = this.refName(r);
      const res = this.deref(r, 'responses');
      const body = Object.entries<Schema>(res.content ?? {}).map(([type, media]) => {
        const schema = media.schema ?? {};
        if (name) return `<a href="#errors">错误结构</a>`;
        if (this.refName(schema)) return `${esc(type)}：${this.typeOf(schema)}`;
        const fields = this.fieldRows(schema);
        return fields ? `<details><summary>${esc(type)}</summary><table><thead><tr><th>字段</th><th>类型</th><th>必填</th><th>约束</th><th>说明</th></tr></thead><tbody>${fields}</tbody></table></details>` : esc(type);
      }).join('<br>');
      return `<tr class="${status.startsWith('2') ? 'ok' : 'err'}"><td>${esc(status)}</td><td>${paragraphs(res.description)}</td><td>${body}</td></tr>`;
    }).join('');
    return `<h4>响应</h4><table class="responses"><thead><tr><th>状态</th><th>说明</th><th>内容</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  operation(method: string, path: string, op: Operation): string {
    return `<article class="op" id="op-${anchor(op.operationId ?? `${method}-${path}`)}">`
      + `<h3><span class="method ${method}">${method.toUpperCase()}</span> <code class="path">${esc(path)}</code></h3>`
      + `<p class="summary">${bilingual(op.summary ?? '')}</p>${this.access(op)}${paragraphs(op.description)}`
      + `${this.parameters(op)}${this.requestBody(op)}${this.responses(op)}</article>`;
  }

  page(): string {
    const doc = this.doc;
    const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.filter((m) => (item as any)[m]).map((m) => ({ path, method: m, op: (item as any)[m] as Operation })));
    const sections = ALL_TAGS.map((tag) => {
      const mine = ops.filter((o) => (o.op.tags ?? [])[0] === tag.name);
      if (!mine.length) return '';
      const more = 'more' in tag ? paragraphs(tag.more) : '';
      return `<section id="tag-${tag.name}"><h2>${esc(tag.zh)} <span class="en">${esc(tag.en)}</span></h2>${more}`
        + mine.map((o) => this.operation(o.method, o.path, o.op)).join('') + '</section>';
    }).join('');
    const toc = ALL_TAGS.map((tag) => {
      const n = ops.filter((o) => (o.op.tags ?? [])[0] === tag.name).length;
      return n ? `<li><a href="#tag-${tag.name}">${esc(tag.zh)}</a> <span class="muted">${n}</span></li>` : '';
    }).join('');
    const schemes = Object.entries<Schema>((doc.components as any)?.securitySchemes ?? {}).map(([name, s]) =>
      `<tr><td>${code(name)}</td><td>${esc(s.type === 'http' ? `HTTP ${s.scheme}` : `${WHERE[s.in] ?? s.in} ${s.name}`)}</td><td>${bilingual(s.description ?? '')}</td></tr>`).join('');
    const errorCodes = Object.entries<Schema>((doc.components as any)?.responses ?? {}).map(([, r]) => r)
      .map((r) => `<li>${paragraphs(r.description)}</li>`).join('');
    const schemas = Object.entries<Schema>((doc.components as any)?.schemas ?? {}).map(([name, s]) =>
      `<article class="schema" id="schema-${anchor(name)}"><h3>${esc(name)}</h3>${this.fieldsTable(s)}</article>`).join('');
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} 接口文档</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>${esc(doc.info.title)} 接口文档</h1><p class="muted">版本 ${esc(doc.info.version)} · OpenAPI ${esc(doc.openapi)} · <a href="/api/openapi.json">下载 openapi.json</a></p>
${paragraphs(doc.info.description)}</header>
<nav><h2>目录</h2><ul>${toc}<li><a href="#auth">认证方式</a></li><li><a href="#errors">错误结构</a></li><li><a href="#schemas">数据结构</a></li></ul></nav>
<main>${sections}
<section id="auth"><h2>认证方式 <span class="en">Authentication</span></h2><table><thead><tr><th>名称</th><th>方式</th><th>说明</th></tr></thead><tbody>${schemes}</tbody></table></section>
<section id="errors"><h2>错误结构 <span class="en">Errors</span></h2>${this.fieldsTable({ $ref: '#/components/schemas/Error' })}<ul>${errorCodes}</ul></section>
<section id="schemas"><h2>数据结构 <span class="en">Schemas</span></h2>${schemas}</section>
</main></body></html>`;
  }
}

const CSS = `:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#b42318}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg);display:grid;grid-template-columns:15rem 1fr}
header{grid-column:1/-1;padding:1.5rem 2rem;border-bottom:3px solid var(--accent)}
h1{margin:0 0 .25rem;font-size:1.6rem}
nav{padding:1rem 1.5rem;border-right:1px solid var(--line);position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}
nav h2{font-size:1rem}nav ul{list-style:none;padding:0;margin:0}nav li{margin:.2rem 0}
main{padding:1rem 2rem;min-width:0}
section{margin-bottom:2.5rem}section>h2{border-bottom:1px solid var(--line);padding-bottom:.3rem}
.op,.schema{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;background:var(--bg)}
.op h3{margin:0;font-size:1rem;display:flex;gap:.6rem;align-items:center;flex-wrap:wrap}
.method{font:600 .8rem/1 ui-monospace,monospace;padding:.3rem .5rem;border-radius:4px;color:#fff;min-width:4rem;text-align:center}
.get{background:#1f6feb}.post{background:#1a7f37}.put{background:#9a6700}.patch{background:#8250df}.delete{background:#cf222e}
.path{font-size:.95rem}
.summary{margin:.4rem 0;font-weight:600}
.en{color:var(--muted);font-weight:400;font-size:.9em}
.muted{color:var(--muted)}
.access{font-size:.85rem;color:var(--muted);margin:.2rem 0}.access.public{color:#1a7f37}
h4{margin:1rem 0 .3rem;font-size:.9rem}h4 small{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.3rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);white-space:nowrap}
td p{margin:0}
tr.err td:first-child{color:var(--accent)}tr.ok td:first-child{color:#1a7f37}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:0 .2rem;border-radius:3px;overflow-wrap:anywhere}
td:first-child code{white-space:nowrap}
.variant{margin:.6rem 0 .2rem;font-size:.85rem}
details summary{cursor:pointer}
a{color:#0969da}
@media (max-width:800px){body{display:block}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}}
@media print{nav{display:none}body{display:block}}
`;

let page: string | undefined;

export function docsRoutes(_deps: Deps): Router {
  const r = Router();
  r.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  r.get('/docs', (_req, res) => {
    page ??= new Renderer(openApiDocument()).page();
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.type('html').send(page);
  });
  r.get('/docs.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('css').send(CSS);
  });
  return r;
}
