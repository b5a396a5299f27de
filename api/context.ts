// What every route can reach: the database, cases, the clock, a logger; and who is asking.
import type { Request } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../activities/db';
import type { CaseClient } from './case-client';
import type { Actor, Role } from '../schema/commands';

export interface Deps {
  db: Db;
  cases: CaseClient;
  temporal: Client;
  log: { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void; error: (o: object, msg?: string) => void };
  /** Cookies get the Secure flag when the API is served over HTTPS (directly or behind a proxy). */
  secureCookies?: boolean;
}

export interface User {
  id: string;
  congressId: string;
  username: string;
  displayName: string;
  role: Exclude<Role, 'system'>;
  deputyId: string | null;
  unitId: string | null;
  committeeId: string | null;
}

export interface Auth { user: User; via: 'session' | 'token'; sessionId?: string; csrfToken?: string }

declare module 'express-serve-static-core' {
  interface Request { auth?: Auth }
}

export function actorOf(user: User): Actor {
  return {
    role: user.role, id: user.id, name: user.displayName,
    deputyId: user.deputyId ?? undefined, unitId: user.unitId ?? undefined, committeeId: user.committeeId ?? undefined,
  };
}

export const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? null;
