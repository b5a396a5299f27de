// OCEL 2.0 JSON: the objects a suggestion's handling touches (suggestion, deputy, unit, reply,
// evaluation, committee) and every case event linked to them with qualifiers (lead, co-handler,
// co-signer…). Event types are the model's recorded steps, so they are declared before any event.
import { inArray } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import type { ProcessModel } from '../../bpmn/model';
import { recordableSteps } from '../../bpmn/steps';
import { caseBatches, eventBatches, send, type EventRow, type MiningQuery } from './source';

const ROLE_QUALIFIER: Record<string, string> = { lead: 'lead', co: 'co-handler', separate: 'separate handler' };
const EPOCH = '1970-01-01T00:00:00.000Z';
const oid = {
  suggestion: (id: string) => `suggestion:${id}`, deputy: (id: string) => `deputy:${id}`, unit: (id: string) => `unit:${id}`,
  reply: (id: string) => `reply:${id}`, evaluation: (id: string) => `evaluation:${id}`, committee: (id: string) => `committee:${id}`,
};
type Attr = { name: string; type: string };
const s = (name: string): Attr => ({ name, type: 'string' });

export const OBJECT_TYPES: Record<string, Attr[]> = {
  suggestion: [s('title'), s('status'), s('source'), s('category'), s('session'), { name: 'isKey', type: 'boolean' }],
  deputy: [s('delegation'), s('name'), s('phone'), s('email')],
  unit: [s('name')],
  reply: [s('resultClass'), { name: 'round', type: 'integer' }, { name: 'faceToFace', type: 'boolean' }],
  evaluation: [s('attitude'), s('result'), { name: 'round', type: 'integer' }, { name: 'unevaluated', type: 'boolean' }],
  committee: [s('name')],
};
const EVENT_ATTRS: Attr[] = [s('eventType'), s('actorRole'), s('activity')];

interface Obj { id: string; type: string; attributes: { name: string; time: string; value: unknown }[]; relationships?: { objectId: string; qualifier: string }[] }
const attrs = (values: Record<string, unknown>) =>
  Object.entries(values).filter(([, v]) => v !== null && v !== undefined).map(([name, value]) => ({ name, time: EPOCH, value }));

export async function writeOcel(out: NodeJS.WritableStream, db: Db, congressId: string, q: MiningQuery, model: ProcessModel): Promise<void> {
  const objectTypes = Object.entries(OBJECT_TYPES).map(([name, attributes]) => ({ name, attributes }));
  const eventTypes = recordableSteps().map((name) => ({ name, attributes: EVENT_ATTRS }));
  await send(out, `{"objectTypes":${JSON.stringify(objectTypes)},\n"eventTypes":${JSON.stringify(eventTypes)},\n"objects":[\n`);
  let first = true;
  const emit = async (objs: Obj[]) => {
    if (!objs.length) return;
    await send(out, `${first ? '' : ',\n'}${objs.map((o) => JSON.stringify(o)).join(',\n')}`);
    first = false;
  };
  // Directory objects are few (units, committees, the deputies involved): their ids are gathered, then written once.
  const deputies = new Set<string>();
  const units = new Set<string>();
  const committees = new Set<string>();
  const cases = new Set<string>();
  for await (const batch of caseBatches(db, congressId, q)) {
    const ids = batch.map((c) => c.id);
    const [cos, asg, reps, evs, keys] = await Promise.all([
      db.select().from(t.cosigners).where(inArray(t.cosigners.suggestionId, ids)),
      db.select().from(t.assignments).where(inArray(t.assignments.suggestionId, ids)),
      db.select().from(t.replies).where(inArray(t.replies.suggestionId, ids)),
      db.select().from(t.evaluations).where(inArray(t.evaluations.suggestionId, ids)),
      db.select().from(t.keySupervisions).where(inArray(t.keySupervisions.suggestionId, ids)),
    ]);
    const objs: Obj[] = [];
    for (const c of batch) {
      cases.add(c.id);
      deputies.add(c.leadDeputyId);
      const rel = [{ objectId: oid.deputy(c.leadDeputyId), qualifier: 'lead deputy' }];
      for (const x of cos.filter((x) => x.suggestionId === c.id)) {
        deputies.add(x.deputyId);
        if (x.status === 'confirmed') rel.push({ objectId: oid.deputy(x.deputyId), qualifier: 'co-signer' });
      }
      for (const a of asg.filter((x) => x.suggestionId === c.id)) {
        units.add(a.unitId);
        rel.push({ objectId: oid.unit(a.unitId), qualifier: a.status === 'returned' ? 'returned by' : ROLE_QUALIFIER[a.role] ?? a.role });
      }
      const key = keys.find((k) => k.suggestionId === c.id);
      if (key) {
        committees.add(key.committeeId);
        rel.push({ objectId: oid.committee(key.committeeId), qualifier: 'supervising committee' });
      }
      objs.push({ id: oid.suggestion(c.id), type: 'suggestion', relationships: rel,
        attributes: attrs({ title: c.title, status: c.status, source: c.source, category: c.categoryCode, session: c.sessionId, isKey: c.isKey }) });
    }
    for (const r of reps) {
      objs.push({ id: oid.reply(r.id), type: 'reply', attributes: attrs({ resultClass: r.resultClass, round: r.round, faceToFace: r.faceToFace }),
        relationships: [{ objectId: oid.suggestion(r.suggestionId), qualifier: 'answers' }, { objectId: oid.unit(r.unitId), qualifier: 'replied by' }] });
    }
    for (const e of evs) {
      const replyId = `${e.suggestionId}:r:${e.unitId}:${e.round}`;
      objs.push({ id: oid.evaluation(e.id), type: 'evaluation',
        attributes: attrs({ attitude: e.attitude, result: e.result, round: e.round, unevaluated: e.unevaluated }),
        relationships: [{ objectId: oid.suggestion(e.suggestionId), qualifier: 'rates' }, { objectId: oid.unit(e.unitId), qualifier: 'rated unit' },
          ...(reps.some((r) => r.id === replyId) ? [{ objectId: oid.reply(replyId), qualifier: 'rates reply' }] : [])] });
    }
    await emit(objs);
  }
  const dirObjs: Obj[] = [];
  if (units.size) {
    for (const u of await db.select().from(t.handlingUnits).where(inArray(t.handlingUnits.id, [...units]))) {
      dirObjs.push({ id: oid.unit(u.id), type: 'unit', attributes: attrs({ name: u.nameZh }) });
      units.delete(u.id);
    }
  }
  for (const u of units) dirObjs.push({ id: oid.unit(u), type: 'unit', attributes: [] });
  if (committees.size) {
    for (const c of await db.select().from(t.committees).where(inArray(t.committees.id, [...committees]))) {
      dirObjs.push({ id: oid.committee(c.id), type: 'committee', attributes: attrs({ name: c.nameZh }) });
      committees.delete(c.id);
    }
  }
  for (const c of committees) dirObjs.push({ id: oid.committee(c), type: 'committee', attributes: [] });
  // Deputies: names and contact details only for an admin who asked for them.
  const known = deputies.size ? await db.select().from(t.deputies).where(inArray(t.deputies.id, [...deputies])) : [];
  for (const d of deputies) {
    const row = known.find((k) => k.id === d);
    dirObjs.push({ id: oid.deputy(d), type: 'deputy',
      attributes: attrs(q.includePersonal ? { delegation: row?.delegationId, name: row?.name, phone: row?.phone, email: row?.email } : { delegation: row?.delegationId }) });
  }
  await emit(dirObjs);

  await send(out, '\n],\n"events":[\n');
  first = true;
  for await (const batch of eventBatches(db, congressId, q)) {
    const ids = [...new Set(batch.map((e) => e.suggestionId))];
    const [asg, rows, keys] = await Promise.all([
      db.select({ suggestionId: t.assignments.suggestionId, unitId: t.assignments.unitId, role: t.assignments.role }).from(t.assignments).where(inArray(t.assignments.suggestionId, ids)),
      db.select({ id: t.suggestions.id, leadDeputyId: t.suggestions.leadDeputyId }).from(t.suggestions).where(inArray(t.suggestions.id, ids)),
      db.select({ suggestionId: t.keySupervisions.suggestionId, committeeId: t.keySupervisions.committeeId }).from(t.keySupervisions).where(inArray(t.keySupervisions.suggestionId, ids)),
    ]);
    const lead = new Map(rows.map((r) => [r.id, r.leadDeputyId]));
    await emit(batch.filter((e) => cases.has(e.suggestionId)).map((e) => ({
      id: e.id, type: e.step, time: e.at.toISOString(),
      attributes: [{ name: 'eventType', value: e.type }, { name: 'actorRole', value: e.actorRole }, { name: 'activity', value: model.nodes.get(e.step)?.name ?? e.step }],
      relationships: relationships(e, asg, lead.get(e.suggestionId), keys.find((k) => k.suggestionId === e.suggestionId)?.committeeId),
    })) as unknown as Obj[]);
  }
  await send(out, '\n]}\n');
}

function relationships(e: EventRow, asg: { suggestionId: string; unitId: string; role: string }[], leadDeputy: string | undefined, committee: string | undefined) {
  const rel = [{ objectId: oid.suggestion(e.suggestionId), qualifier: 'case' }];
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (e.unitId) {
    const role = asg.find((a) => a.suggestionId === e.suggestionId && a.unitId === e.unitId)?.role;
    rel.push({ objectId: oid.unit(e.unitId), qualifier: role ? ROLE_QUALIFIER[role] ?? role : 'unit' });
  }
  // The assignment event names every unit and its part.
  if (e.type === 'assigned') {
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
    for (const [k, q] of [['lead', 'lead'], ['co', 'co-handler'], ['separate', 'separate handler']] as const) {
      for (const u of ids(data[k])) rel.push({ objectId: oid.unit(u), qualifier: q });
    }
  }
  if (e.actorRole === 'deputy' && typeof data.deputyId === 'string') rel.push({ objectId: oid.deputy(data.deputyId), qualifier: 'co-signer' });
  else if (e.actorRole === 'deputy' && leadDeputy) rel.push({ objectId: oid.deputy(leadDeputy), qualifier: 'lead deputy' });
  if (e.type === 'replied' && e.unitId) rel.push({ objectId: oid.reply(`${e.suggestionId}:r:${e.unitId}:${data.round ?? 1}`), qualifier: 'reply' });
  if ((e.type === 'evaluated' || e.type === 'unevaluated') && e.unitId) {
    rel.push({ objectId: oid.evaluation(`${e.suggestionId}:e:${e.unitId}:${data.round ?? 1}`), qualifier: 'evaluation' });
  }
  if (committee && ['marked_key', 'supervision_note', 'progress_requested', 'progress_reported'].includes(e.type)) {
    rel.push({ objectId: oid.committee(committee), qualifier: 'supervising committee' });
  }
  return rel;
}
