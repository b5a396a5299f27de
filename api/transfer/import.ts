// Bulk import of a session's suggestions: read the file → check every row → start nothing unless
// every row is good → start each case (idempotently, a few at a time) → audit.
import type { Request } from 'express';
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Deps } from '../context';
import { ApiError, invalid } from '../errors';
import { audit } from '../audit';
import { readSheet } from './sheet';
import { Directory } from './directory';
import { normalizeNumber, validateRows } from './validate';
import { latestProfile } from '../read/profile';

// Each start waits for the case's first projection; 16 at a time keeps Temporal and the pool busy
// without starving other requests (9,203 rows ≈ 575 rounds).
const CONCURRENCY = Number(process.env.HUYING_IMPORT_CONCURRENCY ?? 16);

export interface ImportOptions { sessionId: string; dryRun: boolean; file: { buffer: Buffer; originalname: string } }
export interface ImportResult { dryRun: boolean; imported: number; skippedExisting: number; ids: string[] }

export async function importSuggestions(deps: Deps, req: Request, opts: ImportOptions): Promise<ImportResult> {
  const { db } = deps;
  const congressId = req.auth!.user.congressId;
  const [session] = await db.select().from(t.congressSessions)
    .where(and(eq(t.congressSessions.id, opts.sessionId), eq(t.congressSessions.congressId, congressId)));
  if (!session) throw invalid('sessionId', `会议不存在：${opts.sessionId}`, `no such session: ${opts.sessionId}`);

  const sheet = await readSheet(opts.file.buffer, opts.file.originalname);
  const numbers = [...new Set(sheet.rows.map((r) => normalizeNumber(r.cells.number)).filter(Boolean))];
  const [dir, taken] = await Promise.all([Directory.load(db, congressId), takenNumbers(deps, congressId, numbers)]);
  const { reports, valid } = validateRows(sheet.rows, {
    congressId, sessionId: session.id, defaultSource: session.kind === 'inter_session' ? 'inter_session' : 'session', dir, taken,
  });
  const detail = { sessionId: session.id, file: opts.file.originalname, format: sheet.format, rows: sheet.rows.length, dryRun: opts.dryRun };
  if (reports.length) {
    await audit(db, req, { action: 'import.suggestions', target: session.id, outcome: 'refused', detail: { ...detail, badRows: reports.length } });
    throw new ApiError(422, 'invalid_rows', `有 ${reports.length} 行数据有误，整个文件均未导入`, `${reports.length} rows are invalid; nothing in the file was imported`, 'file', reports);
  }

  const fresh = valid.filter((v) => taken.get(v.input.number!) !== v.input.id);
  const result = { dryRun: opts.dryRun, imported: 0, skippedExisting: valid.length - fresh.length, ids: valid.map((v) => v.input.id) };
  if (!opts.dryRun && fresh.length) {
    const { profile, version } = await latestProfile(db, congressId);
    try {
      await eachLimited(fresh, CONCURRENCY, async (v) => {
        await deps.cases.start({ ...v.input, profile, profileVersion: version, submitNow: true });
        result.imported += 1;
      });
    } catch (err) {
      // Started cases stay started; the same file imported again starts only the rest.
      await audit(db, req, { action: 'import.suggestions', target: session.id, outcome: 'failed', detail: { ...detail, imported: result.imported } });
      throw err;
    }
  }
  await audit(db, req, { action: 'import.suggestions', target: session.id, outcome: 'ok',
    detail: { ...detail, imported: result.imported, skippedExisting: result.skippedExisting } });
  return result;
}

/** Numbers already used in the congress, with the case that holds each. */
async function takenNumbers(deps: Deps, congressId: string, numbers: string[]): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 1000) {
    const rows = await deps.db.select({ id: t.suggestions.id, number: t.suggestions.number }).from(t.suggestions)
      .where(and(eq(t.suggestions.congressId, congressId), inArray(t.suggestions.number, numbers.slice(i, i + 1000))));
    for (const r of rows) taken.set(r.number!, r.id);
  }
  return taken;
}

/** Runs fn over items, at most `limit` at once; after a failure starts no more and rethrows it. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try { await fn(item); } catch (err) { failure ??= { err }; }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) throw failure.err;
}

