// A fresh PostgreSQL database per suite, migrated by the product's own code, dropped afterwards.
import postgres from 'postgres';
import { openDatabase, type Database } from '../../activities/db';
import { PG_ADMIN_URL } from './paths';

export interface TestDatabase extends Database { url: string; drop(): Promise<void> }

export async function freshDatabase(label: string): Promise<TestDatabase> {
  const name = `huying_t_${label.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
