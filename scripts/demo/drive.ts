// Puts the demo into a running system: reference data into the database, then every demo case
// driven through its workflow, by the right role at each step, to the stage it should show.
import * as t from '../../schema/tables';
import type { CaseClient } from '../../api/case-client';
import type { Actor } from '../../schema/commands';
import type { Db } from '../../activities/db';
import { nationalProfile, type Profile } from '../../schema/profile';
import { DEMO_TARGETS, type DemoCase, type DeputyRow } from './generate';
import type { Reference } from './reference';

const SECRETARIAT: Actor = { role: 'secretariat', id: 'demo-secretariat', name: '秘书处' };
const deputy = (id: string): Actor => ({ role: 'deputy', id: `user:${id}`, deputyId: id });
const unit = (id: string): Actor => ({ role: 'unit', id: `user:${id}`, unitId: id });

export async function seedReference(db: Db, ref: Reference, deputies: DeputyRow[], profile: Profile): Promise<void> {
  const chunks = async <T>(table: any, rows: T[]) => {
    for (let i = 0; i < rows.length; i += 500) await db.insert(table).values(rows.slice(i, i + 500) as any).onConflictDoNothing();
  };
  await chunks(t.congresses, [ref.congress]);
  await chunks(t.congressSessions, ref.sessions);
  await chunks(t.delegations, ref.delegations);
  await chunks(t.handlingUnits, ref.handlingUnits);
  await chunks(t.committees, ref.committees);
  await chunks(t.deputies, deputies);
  await chunks(t.policyProfiles, [{ congressId: ref.congress.id, version: 1, body: profile, note: profile.name, publishedBy: 'system' }]);
}

const reached = (c: DemoCase, stage: (typeof DEMO_TARGETS)[number]) => DEMO_TARGETS.indexOf(c.target) >= DEMO_TARGETS.indexOf(stage);

export async function driveCase(cases: CaseClient, c: DemoCase, profile: Profile = nationalProfile): Promise<void> {
  const id = c.input.id;
  const sec = (name: Parameters<CaseClient['command']>[1], input: any) => cases.command(id, name, SECRETARIAT, input);
  await cases.start({ ...c.input, profile, profileVersion: 1, submitNow: c.target !== 'draft' });
  if (c.target === 'draft') return;
  for (const d of c.input.cosignerIds) await cases.command(id, 'cosign', deputy(d), { agree: true });
  if (c.target === 'withdrawn') {
    await cases.command(id, 'withdraw', deputy(c.input.leadDeputyId), { reason: c.withdrawReason ?? '情况已发生变化' });
    return;
  }
  if (c.target === 'rejected') {
    await sec('review', { decision: 'reject', reason: c.reviewNote ?? '属于个人诉求，不符合建议提出要求' });
    return;
  }
  if (c.target === 'submitted') return;
  if (c.input.source !== 'motion') await sec('review', { decision: 'accept' });
  if (c.key) await sec('markKey', c.key);
  if (c.target === 'accepted') return;
  await sec('assign', { mode: c.mode, leadUnitId: c.leadUnitId, coUnitIds: c.coUnitIds, separateUnitIds: c.separateUnitIds });
  if (c.target === 'assigned') return;
  const replying = c.mode === 'separate' ? c.separateUnitIds : [c.leadUnitId!];
  for (const u of [...replying, ...c.coUnitIds]) await cases.command(id, 'acknowledge', unit(u), {});
  if (c.target === 'acknowledged') return;
  for (const u of replying) await cases.command(id, 'communicate', unit(u), { phase: 'before', channel: c.contact.channel, summary: c.contact.summary });
  if (c.key) {
    // The supervising committee follows its key item: a note, and a progress report it asks for and gets.
    const committee: Actor = { role: 'committee', id: `user:${c.key.committeeId}`, committeeId: c.key.committeeId };
    await cases.command(id, 'superviseNote', committee, { body: '请主办单位主要负责同志牵头办理，按期报送办理进展' });
    await cases.command(id, 'requestProgress', committee, { unitId: replying[0], note: '请报告专题调研和政策起草的进展' });
    if (reached(c, 'replied')) await cases.command(id, 'progressReport', unit(replying[0]), { body: '已完成专题调研，相关政策文件已进入征求意见阶段' });
  }
  if (c.target === 'contacted') return;
  for (const u of c.coUnitIds) await cases.command(id, 'opinion', unit(u), { body: c.opinionBody });
  for (const u of replying) await cases.command(id, 'reply', unit(u), { resultClass: c.resultClass, ...c.reply });
  if (c.target === 'replied') return;
  const lead = deputy(c.input.leadDeputyId);
  const rate = (u: string, r: { attitude: string; result: string }, reasons?: string) =>
    cases.command(id, 'evaluate', lead, { unitId: u, attitude: r.attitude as any, result: r.result as any, reasons: reasons ?? (r.attitude === 'unsatisfied' || r.result === 'unsatisfied' ? '答复未回应具体诉求' : undefined) });
  for (const u of replying) await rate(u, c, c.reasons);
  if (!reached(c, 'closed')) return;
  if (c.rehandling) {
    const u = replying[0];
    await sec('decideRehandling', { decision: 'rehandle', unitId: u, note: c.rehandling.note });
    await cases.command(id, 'reply', unit(u), { resultClass: c.rehandling.resultClass, body: `${c.reply.body}\n（重新办理答复）`, signedBy: c.reply.signedBy });
    await rate(u, c.rehandling);
  }
  const state = await cases.state(id);
  if (state.status === 'reviewing') await sec('decideRehandling', { decision: 'close', note: '经审查，答复已充分说明情况，予以办结' });
  await sec('disclosure', { publish: true });
}

/** Drives many cases with bounded concurrency; failures are collected, not fatal. */
export async function driveAll(cases: CaseClient, list: DemoCase[], profile: Profile, concurrency = 16, onProgress?: (done: number) => void): Promise<{ failed: { id: string; error: string }[] }> {
  const failed: { id: string; error: string }[] = [];
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < list.length) {
      const c = list[next++];
      try {
        await driveCase(cases, c, profile);
      } catch (err) {
        failed.push({ id: c.input.id, error: String((err as Error).message ?? err) });
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, lane));
  return { failed };
}
