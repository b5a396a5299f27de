// The bulletin workflow's activities, bound to one database (registered beside the case activities).
import { congresses } from '../../schema/tables';
import type { Db } from '../db';
import { computeBulletin } from './issue';
import { queueBulletinNotices } from './notices';
import type { BulletinActivities } from './types';

export function createBulletinActivities(db: Db): BulletinActivities {
  return {
    async bulletinCongresses() {
      return (await db.select({ id: congresses.id }).from(congresses).orderBy(congresses.id)).map((c) => c.id);
    },
    async computeBulletin(req) {
      return computeBulletin(db, req);
    },
    async queueBulletinNotices(id) {
      return queueBulletinNotices(db, id);
    },
  };
}
