// The database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite under ./data.
// The same drizzle schema and migrations run on both.
import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as tables from '../schema/tables';
import { datasetDays } from './calendar';

export type Db = PgDatabase<PgQueryResultHKT, typeof tables>;
export interface Database { db: Db; kind: 'postgres' | 'pglite'; close(): Promise<void> }

const MIGRATIONS = path.resolve(__dirname, '../schema/migrations');
// Any fixed number: every process that migrates takes the same lock, so two never migrate at once.
const MIGRATION_LOCK = 7281150;

export async function openDatabase(opts: { url?: string; dataDir?: string; migrate?: boolean } = {}): Promise<Database> {
  const url = opts.url ?? process.env.DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(opts.dataDir ?? process.env.HUYING_DATA_DIR ?? 'data/pglite');
  if (opts.migrate !== false) await seedCalendar(database.db);
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // A session-level advisory lock needs one connection for the whole migration.
  const lockClient = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(lockClient), { migrationsFolder: MIGRATIONS });
    await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await lockClient.end();
  }
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL ?? 10), onnotice: () => undefined });
  return { db: drizzle(client, { schema: tables }) as unknown as Db, kind: 'postgres', close: () => client.end() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir === ':memory:';
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
  const db = drizzle(client, { schema: tables });
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  await migrate(db, { migrationsFolder: MIGRATIONS });
  await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** The statutory calendar is data: seeded once from the dataset, then extended and corrected by admins. */
async function seedCalendar(db: Db): Promise<void> {
  const rows = datasetDays().map((d) => ({ congressId: '*', date: d.date, kind: d.kind, name: d.name ?? null, source: 'dataset' }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(tables.calendarDays).values(rows.slice(i, i + 500)).onConflictDoNothing();
  }
}
