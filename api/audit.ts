// Writes the audit trail: who, when, from where, what, and what changed (old → new).
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { auditLog } from '../schema/tables';
import type { Db } from '../activities/db';
import { clientIp } from './context';

export interface AuditEntry {
  action: string;
  target?: string;
  outcome: 'ok' | 'refused' | 'failed';
  before?: unknown;
  after?: unknown;
  detail?: unknown;
  userId?: string | null;
  congressId?: string | null;
}

export async function audit(db: Db, req: Request, e: AuditEntry): Promise<void> {
  const user = req.auth?.user;
  await db.insert(auditLog).values({
    id: randomUUID(), congressId: e.congressId ?? user?.congressId ?? null, userId: e.userId ?? user?.id ?? null, role: user?.role ?? null,
    action: e.action, target: e.target ?? null, outcome: e.outcome, ip: clientIp(req), userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
    before: e.before ?? null, after: e.after ?? null, detail: e.detail ?? null,
  });
}
