// The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the routes
// validate with, so a field's rule is written once (schema/, api/read/) and the document follows it.
// Where a route keeps its schema private, a minimal mirror stands here and says so.
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
  type oas31,
} from 'zod-openapi';
import * as t from '../schema/tables';
import { STATUSES } from '../schema/case';
import { caseStartSchema, commandSchemas, ROLES, type CommandName } from '../schema/commands';
import { profileSchema } from '../schema/profile';
import { spanSchema } from '../schema/span';
import { SESSION_COOKIE } from './auth';
import { listQuerySchema } from './read/suggestions';
import { auditQuerySchema } from './read/audit';
import { overdueQuery, trendsQuery } from './read/boards';
import { publicListQuery } from './read/public';
import { isoDate } from './read/input';
import { signInSchema } from './routes/auth';
import { deputiesQuery, plainQuery, unitsQuery } from './routes/directory';
import { publishSchema, setDaySchema, tokenSchema, yearQuery } from './routes/admin';
import { COMMAND_ROUTES, createSchema } from './routes/suggestions';
import { version } from '../package.json';
import { iso, json, page, rowSchema, V1, who, type Endpoint } from './openapi-kit';
import { AREAS } from './openapi-areas';

export type OpenApiDocument = oas31.OpenAPIObject;

export const CSRF_HEADER = 'X-CSRF-Token';

// ── Tags: one per resource, in the order the reference page shows them ─────────────────────────

export const TAGS = [
  { name: 'auth', zh: '登录与会话', en: 'Sign-in and session' },
  { name: 'suggestions', zh: '建议', en: 'Suggestions' },
  { name: 'commands', zh: '建议办理', en: 'Case commands',
    more: '每个命令都由该建议的工作流校验：不合法的流转（如未交办即答复）返回 409 且不写入任何数据。 / Each command is checked by the case workflow: an illegal transition answers 409 and writes nothing.' },
  { name: 'directory', zh: '名录', en: 'Directory' },
  { name: 'calendar', zh: '工作日历', en: 'Working-day calendar' },
  { name: 'profile', zh: '办理时限配置', en: 'Policy profile' },
  { name: 'boards', zh: '督办看板', en: 'Boards' },
  { name: 'transfer', zh: '导入与导出', en: 'Imports and exports' },
  { name: 'audit', zh: '审计日志', en: 'Audit log' },
  { name: 'tokens', zh: '访问令牌', en: 'API tokens' },
  { name: 'public', zh: '答复公开', en: 'Published replies' },
  { name: 'health', zh: '运行状态', en: 'Health' },
  { name: 'docs', zh: '接口文档', en: 'API reference' },
] as const;

// ── The error model (api/errors.ts) ─────────────────────────────────────────────────────────────

export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: '机器可读的错误码 / machine-readable code', examples: ['invalid_input'] }),
    message: z.string().meta({ description: '“中文 / English”合并文本 / both languages in one line' }),
    zh: z.string().meta({ description: '中文说明 / Chinese text' }),
    en: z.string().meta({ description: '英文说明 / English text' }),
    field: z.string().optional().meta({ description: '出错的字段（点分路径）/ the offending field, dotted path' }),
    details: z.unknown().optional().meta({ description: 'invalid_input 时为 [{ field, reason }] 列表 / for invalid_input, a list of { field, reason }' }),
  }),
}).meta({ id: 'Error', description: '所有错误响应的统一结构 / the shape of every error response' });

const errorResponse = (status: number, id: string, zh: string, en: string, codes: string[]): ZodOpenApiResponseObject => ({
  id,
  description: `${zh} / ${en}\ncode: ${codes.join(', ')}`,
  content: { 'application/json': { schema: errorSchema } },
  ...(status === 503 ? { headers: z.object({ 'Retry-After': z.string().meta({ description: '建议重试前等待的秒数 / seconds to wait before retrying' }) }) } : {}),
});

export const ERROR_RESPONSES: Record<number, ZodOpenApiResponseObject> = {
  400: errorResponse(400, 'BadRequest', '请求无法解析', 'the request cannot be parsed', ['malformed_json', 'malformed_upload', 'bad_request']),
  401: errorResponse(401, 'Unauthorized', '未登录或凭据无效', 'not signed in, or bad credentials', ['unauthorized', 'bad_token', 'bad_credentials']),
  403: errorResponse(403, 'Forbidden', '无权执行，或缺少 CSRF 令牌', 'not allowed, or the CSRF token is missing', ['forbidden', 'csrf']),
  404: errorResponse(404, 'NotFound', '资源不存在或不在您的可见范围内', 'no such resource within your scope', ['not_found']),
  409: errorResponse(409, 'Conflict', '与当前状态冲突', 'conflicts with the current state', ['illegal_transition', 'late', 'in_progress', 'conflict']),
  413: errorResponse(413, 'TooLarge', '请求体过大', 'the body is too large', ['too_large']),
  415: errorResponse(415, 'UnsupportedMediaType', '请求体类型或编码不受支持', 'unsupported body type or encoding', ['unsupported_media_type', 'unsupported_encoding']),
  422: errorResponse(422, 'InvalidInput', '输入有误，field 指出字段', 'invalid input; field names it', ['invalid_input', 'invalid_upload', 'idempotency_key_reused']),
  423: errorResponse(423, 'Locked', '连续登录失败，账号暂时锁定', 'locked after repeated failed sign-ins', ['locked']),
  429: errorResponse(429, 'RateLimited', '请求过于频繁', 'too many requests', ['rate_limited']),
  503: errorResponse(503, 'Unavailable', '后端服务暂不可用，请稍后重试', 'a backing service is unreachable; retry shortly', ['unavailable']),
};

const statusField = z.enum(STATUSES).meta({ description: '状态 / status' });
const suggestionSchema = rowSchema(t.suggestions, undefined, { status: statusField });
// Mirrors LIST_COLUMNS in api/read/suggestions.ts, which is not exported.
const LIST_KEYS = ['id', 'number', 'title', 'categoryCode', 'source', 'status', 'step', 'leadDeputyId', 'delegationId', 'assignMode', 'isKey',
  'committeeId', 'resultClass', 'attitude', 'satisfaction', 'nextDueAt', 'replyDueAt', 'overdueLevel', 'submittedAt', 'assignedAt', 'repliedAt',
  'closedAt', 'updatedAt', 'version'] as const;
const suggestionSummary = rowSchema(t.suggestions, LIST_KEYS, { status: statusField }).meta({ id: 'SuggestionSummary' });
const suggestionList = z.object({
  items: z.array(suggestionSummary),
  total: z.number().int(),
  nextCursor: z.string().nullable().meta({ description: '下一页的 cursor；没有下一页时为 null / cursor of the next page, null on the last' }),
});
const caseEvent = rowSchema(t.caseEvents).meta({ id: 'CaseEvent', description: '办理过程中的一个事件（BPMN 步骤）/ one event of the case (a BPMN step)' });
export const suggestionDetailSchema = suggestionSchema.extend({
  cosigners: z.array(rowSchema(t.cosigners)),
  assignments: z.array(rowSchema(t.assignments)),
  communications: z.array(rowSchema(t.communications)),
  opinions: z.array(rowSchema(t.opinions)),
  extensions: z.array(rowSchema(t.extensionRequests)),
  replies: z.array(rowSchema(t.replies)),
  evaluations: z.array(rowSchema(t.evaluations)),
  key: rowSchema(t.keySupervisions).nullable().meta({ description: '重点督办；未列为重点时为 null / key supervision, null when not key' }),
  supervisionNotes: z.array(rowSchema(t.supervisionNotes)).meta({ description: '督办意见 / supervision notes' }),
  progressRequests: z.array(rowSchema(t.progressRequests)).meta({ description: '进展报告要求及报告 / progress report requests and reports' }),
  timeline: z.array(caseEvent),
}).meta({ id: 'SuggestionDetail' });

const userSchema = rowSchema(t.users, ['id', 'congressId', 'username', 'displayName', 'role', 'deputyId', 'unitId', 'committeeId'], {
  role: z.enum(ROLES).exclude(['system']),
}).meta({ id: 'User' });

// ── Request shapes: the routes' own schemas, so the document cannot drift from what is checked ──

const signInBody = signInSchema;
const setDayBody = setDaySchema;
const publishBody = publishSchema;
const tokenBody = tokenSchema;
/** api/routes/transfer.ts importOptions (form fields of the upload) */
const importForm = z.object({
  file: z.string().meta({ description: '.xlsx 或 .csv 文件，最大 10 MB / an .xlsx or .csv file, at most 10 MB', override: { type: 'string', contentMediaType: 'application/octet-stream' } }),
  sessionId: z.string().trim().min(1).max(64),
  dryRun: z.enum(['true', 'false']).default('false').meta({ description: '为 true 时只校验不导入 / true checks without importing' }),
});

const suggestionId = z.object({ id: caseStartSchema.shape.id.meta({ description: '建议编号 / suggestion id' }) });
const dateParam = z.object({ date: isoDate.meta({ description: '日期 YYYY-MM-DD / date' }) });
const tokenId = z.object({ id: z.string().max(100).meta({ description: '令牌编号（令牌的 SHA-256）/ token id (its SHA-256)' }) });
const { limit: _limit, cursor: _cursor, ...exportFilters } = listQuerySchema.shape;
const exportQuery = z.object(exportFilters).strict();

// ── The endpoints ──────────────────────────────────────────────────────────────────────────────

/** URL, summary and who may issue each command; the body is the command's own schema. */
const COMMAND_DOCS: Record<CommandName, { zh: string; en: string; who: string }> = {
  editDraft: { zh: '修改草稿', en: 'Edit the draft', who: '领衔代表 / lead deputy' },
  submit: { zh: '提交建议', en: 'Submit the suggestion', who: '领衔代表 / lead deputy' },
  cosign: { zh: '确认或拒绝附议', en: 'Confirm or decline co-signing', who: '被邀请附议的代表 / an invited co-signer' },
  withdraw: { zh: '撤回建议', en: 'Withdraw the suggestion', who: '领衔代表 / lead deputy' },
  review: { zh: '审核：受理、退回修改、不予受理、转为来信或并案', en: 'Review: accept, return, reject, convert or merge', who: who('secretariat') },
  assign: { zh: '交办承办单位', en: 'Assign handling units', who: who('secretariat') },
  acknowledge: { zh: '签收交办', en: 'Acknowledge the assignment', who: '被交办的承办单位 / an assigned unit' },
  requestReturn: { zh: '申请退回交办', en: 'Ask to return the assignment', who: '被交办的承办单位 / an assigned unit' },
  decideReturn: { zh: '审批退回申请', en: 'Decide a return request', who: who('secretariat') },
  reassign: { zh: '调整承办单位', en: 'Add or change a handling unit', who: who('secretariat') },
  communicate: { zh: '记录与代表的沟通', en: 'Record contact with the deputy', who: '秘书处、领衔或已附议的代表、承办单位 / secretariat, lead or co-signing deputy, assigned unit' },
  opinion: { zh: '协办单位提出协办意见', en: "A co-handler's opinion to the lead unit", who: '协办单位 / a co-handling unit' },
  waiveOpinion: { zh: '免除协办意见', en: "Waive a co-handler's opinion", who: who('secretariat') },
  requestExtension: { zh: '申请延期答复', en: 'Ask for a later reply deadline', who: '主办或分办单位 / a lead or separate unit' },
  decideExtension: { zh: '审批延期申请', en: 'Decide an extension request', who: who('secretariat') },
  reply: { zh: '答复代表', en: 'Reply to the deputy', who: '主办或分办单位 / a lead or separate unit' },
  evaluate: { zh: '代表评价办理结果', en: 'Evaluate the reply', who: '领衔代表 / lead deputy' },
  decideRehandling: { zh: '不满意后决定重新办理或办结', en: 'After an unsatisfied evaluation: re-handle or close', who: who('secretariat') },
  escalate: { zh: '升级督办（专家评估、联席会议）', en: 'Escalate: expert assessment or joint meeting', who: who('secretariat') },
  disclosure: { zh: '决定答复是否公开', en: 'Decide whether the reply is published', who: who('secretariat') },
  markKey: { zh: '列为重点督办建议', en: 'Mark as a key suggestion under supervision', who: who('secretariat') },
  superviseNote: { zh: '提出督办意见', en: 'Add a supervision note', who: '负责督办的专门委员会 / the supervising committee' },
  requestProgress: { zh: '要求承办单位限期报告办理进展（重点督办）', en: 'Ask a unit for a progress report by a date (key suggestions)',
    who: '负责督办的专门委员会、秘书处 / the supervising committee, the secretariat' },
  progressReport: { zh: '承办单位报告办理进展', en: 'A unit reports its progress', who: '被要求报告的承办单位 / the unit asked for a report' },
};

const detailOk = { schema: suggestionDetailSchema, zh: '变更后的建议详情（读写一致）', en: 'the suggestion after the change (read-your-writes)' };

const ENDPOINTS: Endpoint[] = [
  { method: 'post', path: `${V1}/auth/sign-in`, tag: 'auth', id: 'signIn', zh: '登录', en: 'Sign in', access: 'public', body: signInBody,
    ok: { schema: z.object({ user: userSchema, csrfToken: z.string().meta({ description: `写操作请在请求头 ${CSRF_HEADER} 中回传 / send back in ${CSRF_HEADER} on writes` }) }),
      zh: `登录成功，会话 Cookie ${SESSION_COOKIE} 已设置`, en: `signed in; the ${SESSION_COOKIE} cookie is set` },
    errors: [401, 423, 429], idempotent: false },
  { method: 'post', path: `${V1}/auth/sign-out`, tag: 'auth', id: 'signOut', zh: '退出登录', en: 'Sign out', access: 'signedInNoCsrf',
    ok: { schema: z.object({ ok: z.literal(true) }) }, idempotent: false },
  { method: 'get', path: `${V1}/auth/me`, tag: 'auth', id: 'me', zh: '当前用户', en: 'Who am I', access: 'signedInNoCsrf',
    ok: { schema: z.object({ user: userSchema, csrfToken: z.string().nullable(), via: z.enum(['session', 'token']) }) } },

  { method: 'get', path: `${V1}/suggestions`, tag: 'suggestions', id: 'listSuggestions', zh: '建议列表（按可见范围）', en: 'List suggestions within your scope',
    query: listQuerySchema, ok: { schema: suggestionList } },
  { method: 'post', path: `${V1}/suggestions`, tag: 'suggestions', id: 'createSuggestion', zh: '新建建议（可同时提交）', en: 'Create a suggestion, optionally submitting it',
    who: who('deputy'), body: createSchema, ok: { status: 201, schema: suggestionDetailSchema, zh: '新建的建议', en: 'the new suggestion' } },
  { method: 'get', path: `${V1}/suggestions/{id}`, tag: 'suggestions', id: 'getSuggestion', zh: '建议详情（含办理过程）', en: 'A suggestion with its timeline',
    params: suggestionId, ok: { schema: suggestionDetailSchema } },
  ...COMMAND_ROUTES.map((r): Endpoint => ({
    method: r.method, path: `${V1}/suggestions/{id}${r.path}`, tag: 'commands', id: r.command, params: suggestionId,
    body: commandSchemas[r.command], ...COMMAND_DOCS[r.command], errors: [409], ok: detailOk,
  })),

  { method: 'get', path: `${V1}/units`, tag: 'directory', id: 'listUnits', zh: '承办单位', en: 'Handling units', query: unitsQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },
  { method: 'get', path: `${V1}/deputies`, tag: 'directory', id: 'listDeputies', zh: '代表（联系方式按角色脱敏）', en: 'Deputies (contacts masked by role)', query: deputiesQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },
  { method: 'get', path: `${V1}/delegations`, tag: 'directory', id: 'listDelegations', zh: '代表团', en: 'Delegations', query: plainQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },
  { method: 'get', path: `${V1}/committees`, tag: 'directory', id: 'listCommittees', zh: '专门委员会', en: 'Special committees', query: plainQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },
  { method: 'get', path: `${V1}/sessions`, tag: 'directory', id: 'listSessions', zh: '会议（大会与闭会期间），新的在前', en: 'Sessions of the congress, newest first', query: plainQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },
  { method: 'get', path: `${V1}/categories`, tag: 'directory', id: 'listCategories', zh: '建议分类', en: 'Suggestion categories', query: plainQuery,
    ok: { schema: page('{ items, truncated }', 'items and whether the page was cut') } },

  { method: 'get', path: `${V1}/calendar`, tag: 'calendar', id: 'getCalendar', zh: '某年的节假日与调休工作日', en: 'Holidays and make-up workdays of a year',
    query: yearQuery, ok: { schema: json('该年日历', 'the year\'s calendar') } },
  { method: 'put', path: `${V1}/calendar/{date}`, tag: 'calendar', id: 'setCalendarDay', zh: '更正某日为节假日或工作日（重算在办期限）', en: 'Correct a day to holiday or workday (re-plans open deadlines)',
    who: who('admin'), params: dateParam, body: setDayBody, ok: { schema: json('更正结果及重算的建议数', 'the day and how many cases were re-planned') } },
  { method: 'delete', path: `${V1}/calendar/{date}`, tag: 'calendar', id: 'removeCalendarDay', zh: '撤销本级对某日的更正', en: "Remove your congress's correction of a day",
    who: who('admin'), params: dateParam, ok: { schema: json('恢复后的该日及重算的建议数', 'the day as it now stands and how many cases were re-planned') } },

  { method: 'get', path: `${V1}/profile`, tag: 'profile', id: 'getProfile', zh: '当前办理时限配置及历史版本', en: 'The current policy profile and its versions',
    ok: { schema: json('{ version, profile, note, publishedBy, publishedAt, versions }', 'the current version and the list of versions') } },
  { method: 'post', path: `${V1}/profile`, tag: 'profile', id: 'publishProfile', zh: '发布新版本（只用于此后新建的建议）', en: 'Publish a new version (applies to cases started afterwards)',
    who: who('admin'), body: publishBody, errors: [409], ok: { status: 201, schema: json('发布后的配置', 'the profile after publishing') } },

  { method: 'get', path: `${V1}/boards/overdue`, tag: 'boards', id: 'overdueBoard', zh: '逾期督办榜', en: 'Overdue board', who: who('secretariat', 'admin'),
    query: overdueQuery, ok: { schema: json('逾期事项', 'overdue items') } },
  { method: 'get', path: `${V1}/boards/units`, tag: 'boards', id: 'unitBoard', zh: '各承办单位办理情况', en: 'How each handling unit is doing', who: who('secretariat', 'admin'),
    query: z.object({}).strict(), ok: { schema: json('按单位统计', 'figures per unit') } },
  { method: 'get', path: `${V1}/boards/trends`, tag: 'boards', id: 'trendsBoard', zh: '按月趋势：答复件数、评价结果、办结件数', en: 'Per month: replies, evaluations by result, cases closed', who: who('secretariat', 'admin'),
    query: trendsQuery, ok: { schema: json('{ zone, months, from, items: [{ month, replies, evaluations: { satisfied, basicallySatisfied, unsatisfied, unevaluated }, closed }] }，按月从早到晚，含本月', 'oldest month first, this month last') } },

  { method: 'post', path: `${V1}/imports`, tag: 'transfer', id: 'importSuggestions', zh: '从表格批量导入建议', en: 'Import suggestions from a spreadsheet',
    // The idempotency middleware runs before the upload is read, so a key cannot tell two files apart.
    who: who('secretariat', 'admin'), upload: importForm, idempotent: false,
    ok: { status: 201, schema: z.object({ dryRun: z.boolean(), imported: z.number().int(), skippedExisting: z.number().int(), ids: z.array(z.string()) }),
      zh: '已导入（试导入或无新建议时为 200）', en: 'imported (200 for a dry run or when nothing was new)' } },
  { method: 'get', path: `${V1}/imports/template.xlsx`, tag: 'transfer', id: 'importTemplate', zh: '下载导入模板', en: 'Download the import template', ok: { file: 'xlsx' } },
  { method: 'get', path: `${V1}/exports/suggestions.xlsx`, tag: 'transfer', id: 'exportXlsx', zh: '导出建议清单（Excel，筛选同列表）', en: 'Export the list as Excel (same filters as the list)',
    query: exportQuery, ok: { file: 'xlsx' } },
  { method: 'get', path: `${V1}/exports/suggestions.csv`, tag: 'transfer', id: 'exportCsv', zh: '导出建议清单（CSV，筛选同列表）', en: 'Export the list as CSV (same filters as the list)',
    query: exportQuery, ok: { file: 'csv' } },

  { method: 'get', path: `${V1}/audit`, tag: 'audit', id: 'listAudit', zh: '审计日志', en: 'Audit log', who: who('admin'), query: auditQuerySchema,
    ok: { schema: page('日志条目与下一页游标', 'entries and the next cursor') } },

  { method: 'get', path: `${V1}/tokens`, tag: 'tokens', id: 'listTokens', zh: '访问令牌列表', en: 'API tokens', who: who('admin'),
    ok: { schema: page('令牌（不含令牌本身）', 'tokens, without the secrets') } },
  { method: 'post', path: `${V1}/tokens`, tag: 'tokens', id: 'issueToken', zh: '为集成账号签发访问令牌', en: 'Issue an API token for an integration account',
    who: who('admin'), body: tokenBody, idempotent: false,
    ok: { status: 201, schema: z.object({ id: z.string(), userId: z.string(), name: z.string(), token: z.string().meta({ description: '只在此时返回一次 / shown this once only' }) }) } },
  { method: 'delete', path: `${V1}/tokens/{id}`, tag: 'tokens', id: 'revokeToken', zh: '吊销访问令牌', en: 'Revoke an API token', who: who('admin'), params: tokenId,
    ok: { schema: z.object({ id: z.string(), revoked: z.literal(true) }) } },

  { method: 'get', path: `${V1}/public/replies`, tag: 'public', id: 'listPublishedReplies', zh: '已公开的答复（无需登录，个人信息已脱敏）', en: 'Published replies (no sign-in; personal data masked)',
    access: 'public', query: publicListQuery, ok: { schema: page('答复与下一页游标', 'replies and the next cursor') } },
  { method: 'get', path: `${V1}/public/replies/{id}`, tag: 'public', id: 'getPublishedReply', zh: '一条已公开的答复', en: 'One published reply',
    access: 'public', params: suggestionId, ok: { schema: json('建议与答复', 'the suggestion and its replies') } },

  { method: 'get', path: '/healthz', tag: 'health', id: 'healthz', zh: '进程存活', en: 'The process answers', access: 'public', ok: { schema: z.object({ ok: z.literal(true) }) } },
  { method: 'get', path: '/readyz', tag: 'health', id: 'readyz', zh: '数据库与 Temporal 均可用', en: 'The database and Temporal answer too', access: 'public',
    ok: { schema: readiness() } },

  { method: 'get', path: '/api/openapi.json', tag: 'docs', id: 'openapi', zh: '本文档（OpenAPI 3.1）', en: 'This document (OpenAPI 3.1)', access: 'public',
    ok: { schema: z.looseObject({ openapi: z.string() }) } },
  { method: 'get', path: '/api/docs', tag: 'docs', id: 'docsPage', zh: '接口参考页面', en: 'The API reference page', access: 'public', ok: { file: 'html' } },
  { method: 'get', path: '/api/docs.css', tag: 'docs', id: 'docsStyle', zh: '参考页面的样式表', en: "The reference page's stylesheet", access: 'public', ok: { file: 'css' } },
];

function readiness() {
  return z.object({ ok: z.boolean(), database: z.string().meta({ description: '"ok" 或错误信息 / "ok" or the error' }), temporal: z.string() });
}

// ── Assembly ───────────────────────────────────────────────────────────────────────────────────

const READ_SECURITY: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const WRITE_SECURITY: Record<string, string[]>[] = [{ session: [], csrf: [] }, { bearer: [] }];
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  html: 'text/html',
  css: 'text/css',
  xml: 'application/xml',
} as const;

/** Whether a request body may be left out: true when the schema names no required field. */
function bodyRequired(schema: z.ZodType): boolean {
  const def = (schema as z.ZodObject)._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  if (def.type !== 'object' || !def.shape) return true;
  // optin is 'optional' or 'defaulted' for a field the client may leave out.
  return Object.values(def.shape).some((f) => f._zod.optin === undefined);
}

function operation(e: Endpoint): ZodOpenApiOperationObject {
  const access = e.access ?? 'signedIn';
  const v1 = e.path.startsWith(V1);
  const write = e.method !== 'get';
  const statuses = new Set<number>(e.errors ?? []);
  if (access !== 'public') statuses.add(401);
  if (access === 'signedIn') statuses.add(403);
  if (e.params) statuses.add(404);
  if (e.body) [400, 413, 415, 422].forEach((s) => statuses.add(s));
  if (e.upload) [400, 413, 422].forEach((s) => statuses.add(s));
  if (e.query) statuses.add(422);
  if (v1) statuses.add(503);
  const idempotent = e.method === 'post' && access === 'signedIn' && e.idempotent !== false;
  if (idempotent) [409, 422].forEach((s) => statuses.add(s));

  const okStatus = e.ok?.status ?? 200;
  const file = e.ok?.file;
  const responses: ZodOpenApiResponsesObject = {
    [okStatus]: {
      description: e.ok?.zh ? `${e.ok.zh} / ${e.ok.en}` : '成功 / OK',
      content: file ? { [FILE_TYPES[file]]: { schema: { type: 'string' } } } : { 'application/json': { schema: e.ok?.schema ?? z.looseObject({}) } },
    },
  };
  if (e.id === 'readyz') responses['503'] = { description: '依赖不可用 / a dependency is down', content: { 'application/json': { schema: readiness() } } };
  for (const s of [...statuses].sort()) responses[String(s) as `4${string}`] = ERROR_RESPONSES[s];

  const description = [
    e.who && `角色：${e.who}`,
    idempotent && '可带 Idempotency-Key：相同的键与请求体重试时返回首次结果 / an Idempotency-Key makes retries return the first answer',
  ].filter(Boolean).join('\n\n');

  return {
    operationId: e.id,
    tags: [e.tag],
    summary: `${e.zh} / ${e.en}`,
    ...(description ? { description } : {}),
    security: access === 'public' ? [] : write && access === 'signedIn' ? WRITE_SECURITY : READ_SECURITY,
    requestParams: {
      ...(e.params ? { path: e.params } : {}),
      ...(e.query ? { query: e.query } : {}),
      ...(idempotent ? { header: z.object({ 'Idempotency-Key': z.string().max(200).optional().meta({ description: '重试时用同一个键 / reuse the same key when retrying' }) }) } : {}),
    },
    ...(e.body ? { requestBody: { required: bodyRequired(e.body), content: { 'application/json': { schema: e.body } } } } : {}),
    ...(e.upload ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: e.upload } } } } : {}),
    responses,
  };
}

/** Cross-field rules (zod refinements) have no JSON Schema form; their messages go into the description. */
function describeRefinements({ jsonSchema, zodSchema }: { jsonSchema: Record<string, unknown>; zodSchema: unknown }): void {
  if (zodSchema === spanSchema) {
    jsonSchema.description ??= 'ISO 8601 时长（如 P3M、PT30S）或工作日（如 20WD）/ an ISO 8601 duration (P3M, PT30S) or working days (20WD)';
    return;
  }
  const checks = (zodSchema as { _zod?: { def?: { checks?: { _zod: { def: { check?: string; error?: (i: unknown) => unknown } } }[] } } })._zod?.def?.checks ?? [];
  const rules = checks.map((c) => c._zod.def).filter((d) => d.check === 'custom' && typeof d.error === 'function')
    .map((d) => d.error!({}) as unknown).filter((m): m is string => typeof m === 'string');
  if (!rules.length) return;
  jsonSchema.description = [jsonSchema.description, ...rules.map((r) => `规则：${r}`)].filter(Boolean).join('\n');
}

function build(): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const e of [...ENDPOINTS, ...AREAS.flatMap((a) => a.endpoints)]) {
    const item = (paths[e.path] ??= {});
    if (item[e.method]) throw new Error(`OpenAPI: ${e.method.toUpperCase()} ${e.path} is described twice`);
    item[e.method] = operation(e);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: '呼应 Huying API',
      version,
      description: '人大代表建议办理系统的 HTTP 接口。写操作以 JSON 提交；错误统一为 { error: { code, message, zh, en, field, details } }。\n\n'
        + 'The HTTP API of Huying, case management for deputies\' suggestions. Writes send JSON; every error has the shape { error: { code, message, zh, en, field, details } }.',
    },
    tags: [...TAGS, ...AREAS.flatMap((a) => a.tags)].map((tag) => ({ name: tag.name, description: `${tag.zh} / ${tag.en}${'more' in tag ? `\n\n${tag.more}` : ''}` })),
    security: READ_SECURITY,
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录后设置的 HttpOnly 会话 Cookie / the HttpOnly session cookie set by sign-in' },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER,
          description: '使用会话 Cookie 的写操作须回传登录（或 /auth/me）返回的 csrfToken / cookie-authenticated writes echo the csrfToken from sign-in or /auth/me' },
        bearer: { type: 'http', scheme: 'bearer', description: '管理员签发的访问令牌（hy_…），用于系统集成，无需 CSRF / an API token (hy_…) issued by an admin, for integrations; no CSRF' },
      },
    },
  }, { override: describeRefinements }) as OpenApiDocument;
}

let cached: OpenApiDocument | undefined;

/** Built on first use and kept: the schemas do not change while the process runs. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= build());
}
