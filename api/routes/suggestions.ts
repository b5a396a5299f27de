// Suggestions over HTTP: create, list, detail, and every lifecycle command. Commands go to the
// case's workflow as Updates; the answer is the read model after the change (read-your-writes).
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import { commandSchemas, draftSchema, SOURCES, type CommandName } from '../../schema/commands';
import { ApiError, assertStorable, invalid, notFound, fromZod } from '../errors';
import { audit } from '../audit';
import { actorOf, type Deps, type User } from '../context';
import { requireRole } from '../auth';
import { visibleTo } from '../scope';
import { latestProfile } from '../read/profile';
import { countSuggestions, listQuerySchema, listSuggestions, suggestionDetailJson, type ListQuery } from '../read/suggestions';
import { canonical, jsonBody, readCache, scopeKey, sendBody, type Body } from '../read/cache';
import { CommandRefused } from '../case-client';
import type { CommandResult } from '../../schema/case';

/** URL segment → workflow command; the one table the API, its docs and its tests read. */
export const COMMAND_ROUTES: { path: string; method: 'post' | 'put'; command: CommandName }[] = [
  { path: '', method: 'put', command: 'editDraft' },
  { path: '/submit', method: 'post', command: 'submit' },
  { path: '/cosign', method: 'post', command: 'cosign' },
  { path: '/withdraw', method: 'post', command: 'withdraw' },
  { path: '/review', method: 'post', command: 'review' },
  { path: '/assignment', method: 'post', command: 'assign' },
  { path: '/acknowledge', method: 'post', command: 'acknowledge' },
  { path: '/return-request', method: 'post', command: 'requestReturn' },
  { path: '/return-decision', method: 'post', command: 'decideReturn' },
  { path: '/reassignment', method: 'post', command: 'reassign' },
  { path: '/communications', method: 'post', command: 'communicate' },
  { path: '/opinions', method: 'post', command: 'opinion' },
  { path: '/opinion-waivers', method: 'post', command: 'waiveOpinion' },
  { path: '/extension-requests', method: 'post', command: 'requestExtension' },
  { path: '/extension-decisions', method: 'post', command: 'decideExtension' },
  { path: '/reply', method: 'post', command: 'reply' },
  { path: '/evaluation', method: 'post', command: 'evaluate' },
  { path: '/rehandling-decision', method: 'post', command: 'decideRehandling' },
  { path: '/escalation', method: 'post', command: 'escalate' },
  { path: '/disclosure', method: 'post', command: 'disclosure' },
  { path: '/key', method: 'post', command: 'markKey' },
  { path: '/supervision-notes', method: 'post', command: 'superviseNote' },
  { path: '/progress-requests', method: 'post', command: 'requestProgress' },
  { path: '/progress-reports', method: 'post', command: 'progressReport' },
];

export const createSchema = draftSchema.extend({
  sessionId: z.string().max(64).optional(),
  source: z.enum(SOURCES).exclude(['motion']).default('session'),
  submit: z.boolean().default(false),
}).strict();

const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Answers to writes go through res.json, where an Idempotency-Key records them (api/idempotency.ts). */
const asObject = (body: Body) => JSON.parse(body.buf.toString()) as unknown;

/** Awaits work started together, and fails with the first failure in the order given (not in time). */
async function inOrder<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
/** "Due within N days" moves with the clock: its answers are at most this old. */
export const DUE_WINDOW_STALE_MS = 1_000;

/** Directory facts the workflow cannot check: the units, deputies and committees named must exist. */
async function checkReferences(deps: Deps, congressId: string, name: CommandName, body: any): Promise<void> {
  // Each unit with the field it came in, so the refusal names that field rather than a made-up "units".
  const units: [field: string, id: string][] = name === 'assign'
    ? [['leadUnitId', body.leadUnitId], ...(body.coUnitIds ?? []).map((u: string) => ['coUnitIds', u]), ...(body.separateUnitIds ?? []).map((u: string) => ['separateUnitIds', u])]
    : name === 'reassign' || name === 'requestProgress' ? [['unitId', body.unitId]]
    : name === 'editDraft' ? (body.proposedUnitIds ?? []).map((u: string) => ['proposedUnitIds', u]) : [];
  await checkUnits(deps, congressId, units.filter(([, u]) => u));
  if (name === 'markKey') {
    const [c] = await deps.db.select().from(t.committees).where(and(eq(t.committees.congressId, congressId), eq(t.committees.id, body.committeeId)));
    if (!c) throw invalid('committeeId', '专门委员会不存在', 'no such committee');
  }
  if (name === 'review' && body.decision === 'merge') {
    const [target] = await deps.db.select().from(t.suggestions).where(and(eq(t.suggestions.congressId, congressId), eq(t.suggestions.id, body.intoId)));
    if (!target || !['accepted', 'handling'].includes(target.status)) {
      throw invalid('intoId', '并入的建议不存在或不在可并案的阶段', 'the suggestion to merge into does not exist or is past merging');
    }
  }
  if ((name === 'editDraft') && body.cosignerIds?.length) await checkDeputies(deps, congressId, body.cosignerIds);
}

async function checkUnits(deps: Deps, congressId: string, units: [field: string, id: string][]): Promise<void> {
  if (!units.length) return;
  const found = await deps.db.select({ id: t.handlingUnits.id }).from(t.handlingUnits)
    .where(and(eq(t.handlingUnits.congressId, congressId), inArray(t.handlingUnits.id, units.map(([, u]) => u))));
  const missing = units.find(([, u]) => !found.some((f) => f.id === u));
  if (missing) throw invalid(missing[0], `承办单位不存在：${missing[1]}`, `no such handling unit: ${missing[1]}`);
}

/**
 * A YYYY-MM-DD that names a real day in a plausible year: "2026-13-45" passes the schema's pattern
 * but the deadline planner cannot place it, and the case stalls retrying the plan.
 */
function checkDate(field: string, value: string | undefined): void {
  if (value === undefined) return;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2999 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw invalid(field, `日期无效：${value}`, `not a valid date: ${value}`);
  }
}

async function checkDeputies(deps: Deps, congressId: string, ids: string[]): Promise<void> {
  const found = await deps.db.select({ id: t.deputies.id }).from(t.deputies).where(and(eq(t.deputies.congressId, congressId), inArray(t.deputies.id, ids)));
  const missing = ids.find((d) => !found.some((f) => f.id === d));
  if (missing) throw invalid('cosignerIds', `代表不存在：${missing}`, `no such deputy: ${missing}`);
}

export function suggestionRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;
  const cache = readCache(db);
  // PostgreSQL's JSON text is the body as it is: nothing to parse and serialize again.
  const detailBody = (user: User, id: string) => cache.get(`detail|${scopeKey(user)}|${id}`, cache.one(id), async () => {
    const value = jsonBody(await suggestionDetailJson(db, user, id));
    return { value, size: value.buf.length };
  });

  r.get('/', async (req, res) => {
    const user = req.auth!.user;
    const scope = scopeKey(user);
    // Keyed by the query as sent: only a query that passed validation is ever stored, so a hit needs no parsing.
    sendBody(res, await cache.bytes(`list|${scope}|${req.url}`, cache.all, async () => {
      const q = listQuerySchema.safeParse(req.query);
      if (!q.success) throw fromZod(q.error);
      const until = q.data.dueWithinDays === undefined ? undefined : Date.now() + DUE_WINDOW_STALE_MS;
      // Every page of one filter shares its count.
      const total = (lq: ListQuery) => {
        const { cursor: _c, limit: _l, sort: _s, ...filter } = lq;
        return cache.get(`count|${scope}|${canonical(filter)}`, cache.all, async () => ({ value: await countSuggestions(db, user, lq), size: 64, until }));
      };
      return { value: await listSuggestions(db, user, q.data, total), until };
    }));
  });

  r.get('/:id', async (req, res) => {
    // Like the commands: an id that cannot exist is not looked up (a NUL in it would make the query fail with a 500).
    if (!SUGGESTION_ID.test(req.params.id)) throw notFound('建议', 'suggestion');
    const user = req.auth!.user;
    const id = req.params.id;
    sendBody(res, await detailBody(user, id));
  });

  r.post('/', requireRole('deputy'), async (req, res) => {
    const user = req.auth!.user;
    const body = createSchema.safeParse(req.body ?? {});
    if (!body.success) throw fromZod(body.error);
    assertStorable(body.data);
    // The lookups do not depend on each other: asked at once, refused in this order.
    const [, , , [deputy], { profile, version }] = await inOrder([
      body.data.cosignerIds.length ? checkDeputies(deps, user.congressId, body.data.cosignerIds) : undefined,
      // The import refuses unknown units and sessions; a form must not slip them in either.
      checkUnits(deps, user.congressId, body.data.proposedUnitIds.map((u) => ['proposedUnitIds', u])),
      body.data.sessionId && db.select({ id: t.congressSessions.id }).from(t.congressSessions)
        .where(and(eq(t.congressSessions.congressId, user.congressId), eq(t.congressSessions.id, body.data.sessionId)))
        .then(([session]) => { if (!session) throw invalid('sessionId', `会次不存在：${body.data.sessionId}`, `no such session: ${body.data.sessionId}`); }),
      db.select().from(t.deputies).where(eq(t.deputies.id, user.deputyId ?? '-')),
      latestProfile(db, user.congressId),
    ] as const);
    if (!deputy) throw new ApiError(403, 'forbidden', '您的账号未关联代表', 'your account is not linked to a deputy');
    const id = `${user.congressId}-${randomBytes(6).toString('hex')}`;
    const { submit, ...draft } = body.data;
    const result = await deps.cases.start({ ...draft, id, congressId: user.congressId, leadDeputyId: deputy.id, delegationId: deputy.delegationId ?? undefined,
      profile, profileVersion: version, submitNow: submit });
    cache.changed([id]);
    const [detail] = await Promise.all([detailBody(user, id), audit(db, req, { action: 'suggestion.create', target: id, outcome: 'ok', after: { status: result.status } })]);
    res.status(201).json(asObject(detail));
  });

  for (const route of COMMAND_ROUTES) {
    r[route.method](`/:id${route.path}`, async (req: Request, res) => {
      const user = req.auth!.user;
      const id = String(req.params.id);
      if (!SUGGESTION_ID.test(id)) throw notFound('建议', 'suggestion');
      const [before] = await db.select({ status: t.suggestions.status, version: t.suggestions.version }).from(t.suggestions)
        .where(and(eq(t.suggestions.id, id), visibleTo(user)));
      if (!before) throw notFound('建议', 'suggestion');
      const parsed = commandSchemas[route.command].safeParse(req.body ?? {});
      if (!parsed.success) throw fromZod(parsed.error);
      // The parsed input, not the raw body: keys the schema does not know would otherwise ride into the
      // workflow's history and the audit log (up to the 1 MB body limit, on every command).
      const input = parsed.data as any;
      assertStorable(input);
      if (route.command === 'requestExtension') checkDate('until', input.until);
      await checkReferences(deps, user.congressId, route.command, input);
      let result: CommandResult;
      try {
        result = await deps.cases.command(id, route.command, actorOf(user), input);
      } catch (caught) {
        // A withdrawn, rejected or closed case's workflow has completed, and Temporal answers an update
        // to it with "not found". The case is in the read model, so that is a finished case: a 409.
        const err = caught instanceof WorkflowNotFoundError
          ? new CommandRefused({ code: 'illegal_transition', zh: '该建议已办理完毕，不再接受此操作', en: 'this suggestion is finished and takes no further commands' })
          : caught;
        if (err instanceof CommandRefused) {
          await audit(db, req, { action: `suggestion.${route.command}`, target: id, outcome: 'refused', before, detail: err.refusal });
        }
        throw err;
      }
      // The case's answers go before this one is read, so neither this caller nor anyone after reads the old state.
      cache.changed([id]);
      const [after] = await Promise.all([
        detailBody(user, id).catch(() => undefined),
        audit(db, req, { action: `suggestion.${route.command}`, target: id, outcome: 'ok', before, after: { status: result.status, version: result.version }, detail: input }),
      ]);
      // A unit that returned its part no longer sees the item; it gets the outcome, not the detail.
      res.json(after ? asObject(after) : { id, status: 'returned' });
    });
  }
  return r;
}
