// The activities the workflows call, bound to one database.
import type { CaseActivities } from '../schema/case';
import { CalendarStore } from './calendar-store';
import { planTrack } from './plan';
import { projectCase } from './projection';
import type { Db } from './db';

export function createActivities(db: Db, calendars = new CalendarStore(db)): CaseActivities {
  return {
    async planTracks(congressId, profile, requests) {
      const cal = await calendars.get(congressId);
      return requests.map((r) => planTrack(cal, profile, r));
    },
    async project(p) {
      await projectCase(db, p);
    },
  };
}
