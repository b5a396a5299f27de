// Areas that describe their own routes (tags and endpoints) for the OpenAPI document.
// Each area keeps its list beside its routes; add one line here per area.
import type { Endpoint, TagDef } from './openapi-kit';
import * as notifications from './routes/notifications.docs';
import * as bulletins from './routes/bulletins.docs';
import * as reports from './routes/reports.docs';
import * as processModel from './routes/process.docs';
import * as mining from './routes/mining.docs';

export const AREAS: { tags: TagDef[]; endpoints: Endpoint[] }[] = [
  notifications,
  bulletins,
  reports,
  processModel,
  mining,
];
