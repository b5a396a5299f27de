// The policy profile a new case pins: the congress's latest published version, or the national
// default before any is published.
import { desc, eq } from 'drizzle-orm';
import * as t from '../../schema/tables';
import { nationalProfile, profileSchema, type Profile } from '../../schema/profile';
import type { Db } from '../../activities/db';

export async function latestProfile(db: Db, congressId: string): Promise<{ profile: Profile; version: number }> {
  const [latest] = await db.select().from(t.policyProfiles).where(eq(t.policyProfiles.congressId, congressId))
    .orderBy(desc(t.policyProfiles.version)).limit(1);
  return latest ? { profile: profileSchema.parse(latest.body), version: latest.version } : { profile: nationalProfile, version: 0 };
}
