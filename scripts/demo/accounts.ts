// Demo accounts, one or more per role, all with the same demo password (printed by npm start and
// listed in the README). Never seeded outside the demo.
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { hashPassword } from '../../api/auth';
import type { DemoCase } from './generate';
import { committeeId, CONGRESS_ID, reference, unitId } from './reference';

export const DEMO_PASSWORD = 'Huying-demo-2026';

export interface DemoAccount { username: string; displayName: string; role: string; deputyId?: string; unitId?: string; committeeId?: string }

export function demoAccounts(cases: DemoCase[]): DemoAccount[] {
  // Deputies and committee with real work to show: the lead deputies of the first cases, the
  // committee supervising the first key suggestion.
  const leads = [...new Set(cases.map((c) => c.input.leadDeputyId))].slice(0, 3);
  const key = cases.find((c) => c.key)?.key?.committeeId ?? committeeId('SAC');
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin' },
    { username: 'mishu', displayName: '秘书处（代表工作委员会）', role: 'secretariat' },
    ...leads.map((d, i) => ({ username: `daibiao${i + 1}`, displayName: `代表${i + 1}`, role: 'deputy', deputyId: d })),
    ...['MCA', 'MOF', 'NHC', 'MOE', 'NDRC'].map((code) => ({ username: `unit-${code.toLowerCase()}`, displayName: `${unitName(code)}建议办理处`, role: 'unit', unitId: unitId(code) })),
    { username: 'weiyuanhui', displayName: '专门委员会', role: 'committee', committeeId: key },
  ];
}

function unitName(code: string): string {
  const u = reference().handlingUnits.find((x) => x.id === unitId(code));
  return u?.shortZh ?? u?.nameZh ?? code;
}

export async function seedAccounts(db: Db, accounts: DemoAccount[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.insert(t.users).values(accounts.map((a) => ({
    id: `user:${a.username}`, congressId: CONGRESS_ID, username: a.username, displayName: a.displayName, passwordHash, role: a.role,
    deputyId: a.deputyId ?? null, unitId: a.unitId ?? null, committeeId: a.committeeId ?? null,
  }))).onConflictDoNothing();
}
