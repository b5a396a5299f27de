// IEEE 1849 XES: one trace per suggestion (concept:name = case id), one event per case event, the
// activity named by its BPMN element id so a mined model lines up with bpmn/suggestion.bpmn.
import { inArray } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import type { ProcessModel } from '../../bpmn/model';
import { eventBatches, send, type MiningQuery } from './source';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const str = (key: string, value: string | null | undefined) => (value == null ? '' : `<string key="${key}" value="${esc(value)}"/>`);
const date = (key: string, d: Date) => `<date key="${key}" value="${d.toISOString()}"/>`;

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
<global scope="trace"><string key="concept:name" value="__INVALID__"/></global>
<global scope="event"><string key="concept:name" value="__INVALID__"/><date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/><string key="lifecycle:transition" value="complete"/></global>
<classifier name="Activity" keys="concept:name"/>
<string key="concept:name" value="呼应：人大代表建议办理"/>
`;

export async function writeXes(out: NodeJS.WritableStream, db: Db, congressId: string, q: MiningQuery, model: ProcessModel): Promise<void> {
  await send(out, HEAD);
  let open: string | undefined;
  for await (const batch of eventBatches(db, congressId, q)) {
    const ids = [...new Set(batch.map((e) => e.suggestionId))];
    const cases = new Map((await db.select({ id: t.suggestions.id, status: t.suggestions.status, categoryCode: t.suggestions.categoryCode,
      sessionId: t.suggestions.sessionId, leadDeputyId: t.suggestions.leadDeputyId }).from(t.suggestions).where(inArray(t.suggestions.id, ids))).map((c) => [c.id, c]));
    const names = q.includePersonal ? await deputyNames(db, [...cases.values()].map((c) => c.leadDeputyId)) : new Map<string, string>();
    let chunk = '';
    for (const e of batch) {
      if (e.suggestionId !== open) {
        if (open) chunk += '</trace>\n';
        open = e.suggestionId;
        const c = cases.get(open);
        chunk += `<trace>${str('concept:name', open)}${str('huying:status', c?.status)}${str('huying:category', c?.categoryCode)}${str('huying:session', c?.sessionId)}`
          + `${q.includePersonal ? str('huying:leadDeputy', names.get(c?.leadDeputyId ?? '')) : ''}\n`;
      }
      chunk += `<event>${str('concept:name', e.step)}${str('huying:activity', model.nodes.get(e.step)?.name)}${str('huying:type', e.type)}`
        + `${date('time:timestamp', e.at)}${str('lifecycle:transition', 'complete')}${str('org:resource', e.unitId ?? e.actorRole)}`
        + `${str('org:role', e.actorRole)}${str('huying:eventId', e.id)}</event>\n`;
    }
    await send(out, chunk);
  }
  await send(out, `${open ? '</trace>\n' : ''}</log>\n`);
}

export async function deputyNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: t.deputies.id, name: t.deputies.name }).from(t.deputies).where(inArray(t.deputies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
