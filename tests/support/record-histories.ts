// Records workflow histories for the replay test: `npx tsx tests/support/record-histories.ts`.
// Run it when a release is cut; keep every earlier file, so cases started by old code keep replaying.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import globalSetup from './global-setup';
import { harness, caseInput, deputy, unit, SECRETARIAT } from './harness';

const DAY = 86_400_000;
const OUT = path.resolve(__dirname, '../histories');

async function main(): Promise<void> {
  await globalSetup();
  const h = await harness('record');
  const c = h.cases;
  // An earlier file is what proves that cases started by older code still replay: never overwrite it.
  const save = async (name: string, id: string, runId?: string) => {
    const file = path.join(OUT, `${name}.json`);
    if (fs.existsSync(file)) return console.log(`kept ${name}.json`);
    const history = await h.env.client.workflow.getHandle(`suggestion-${id}`, runId).fetchHistory();
    fs.writeFileSync(file, historyToJSON(history));
    console.log(`recorded ${name}.json`);
  };
  try {
    const full = caseInput({ cosignerIds: ['d2'] });
    await c.start(full);
    await c.command(full.id, 'submit', deputy('d1'), {});
    await c.command(full.id, 'cosign', deputy('d2'), { agree: true });
    await c.command(full.id, 'review', SECRETARIAT, { decision: 'accept' });
    await c.command(full.id, 'markKey', SECRETARIAT, { committeeId: 'SAC', decision: '委员长会议确定' });
    await c.command(full.id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF', 'NHC'] });
    await c.command(full.id, 'acknowledge', unit('MCA'), {});
    await c.command(full.id, 'communicate', unit('MCA'), { phase: 'before', channel: 'visit', summary: '上门走访' });
    await c.command(full.id, 'opinion', unit('MOF'), { body: '协办意见' });
    await c.command(full.id, 'waiveOpinion', SECRETARIAT, { unitId: 'NHC', reason: '职责调整' });
    await c.command(full.id, 'reply', unit('MCA'), { resultClass: 'B', body: '答复', signedBy: '张三', commitments: '明年出台' });
    await c.command(full.id, 'evaluate', deputy('d1'), { attitude: 'satisfied', result: 'satisfied' });
    await c.command(full.id, 'disclosure', SECRETARIAT, { publish: true });
    await h.env.client.workflow.getHandle(`suggestion-${full.id}`).result();
    await save('full-lifecycle', full.id);

    const late = caseInput({ submitNow: true });
    await c.start(late);
    await c.command(late.id, 'review', SECRETARIAT, { decision: 'accept' });
    await c.command(late.id, 'assign', SECRETARIAT, { mode: 'separate', separateUnitIds: ['MCA', 'MOHRSS'] });
    await c.command(late.id, 'requestReturn', unit('MOHRSS'), { reason: '不属于本单位职责' });
    await c.command(late.id, 'decideReturn', SECRETARIAT, { unitId: 'MOHRSS', approve: true });
    await c.command(late.id, 'reassign', SECRETARIAT, { unitId: 'NHSA', role: 'separate' });
    const due = (await c.state(late.id)).tracks.find((t) => t.id === 'reply:MCA')!.dueAt;
    const until = new Date(due + 20 * DAY).toISOString().slice(0, 10);
    await c.command(late.id, 'requestExtension', unit('MCA'), { reason: '需调研', until });
    await c.command(late.id, 'decideExtension', SECRETARIAT, { requestId: (await c.state(late.id)).extensions[0].id, approve: true });
    await h.env.sleep(due - (await h.env.currentTimeMs()) + 40 * DAY);
    await c.command(late.id, 'reply', unit('MCA'), { resultClass: 'C', body: '答复', signedBy: '李四' });
    await c.command(late.id, 'reply', unit('NHSA'), { resultClass: 'A', body: '答复', signedBy: '王五' });
    await c.command(late.id, 'evaluate', deputy('d1'), { unitId: 'MCA', attitude: 'satisfied', result: 'unsatisfied', reasons: '未解决' });
    await c.command(late.id, 'decideRehandling', SECRETARIAT, { decision: 'rehandle', unitId: 'MCA', note: '重新办理' });
    await h.env.sleep(35 * DAY);
    await c.command(late.id, 'reply', unit('MCA'), { resultClass: 'B', body: '重新答复', signedBy: '李四' });
    await c.command(late.id, 'evaluate', deputy('d1'), { unitId: 'MCA', attitude: 'unsatisfied', result: 'unsatisfied', reasons: '仍未解决' });
    await c.command(late.id, 'escalate', SECRETARIAT, { unitId: 'MCA', measure: 'expert_assessment', note: '专家评估' });
    await h.env.sleep(40 * DAY);
    await save('overdue-extension-rehandling', late.id);

    const primary = caseInput({ submitNow: true });
    const twin = caseInput({ submitNow: true, leadDeputyId: 'd7' });
    await c.start(primary);
    await c.start(twin);
    await c.command(primary.id, 'review', SECRETARIAT, { decision: 'accept' });
    await c.command(twin.id, 'review', SECRETARIAT, { decision: 'merge', intoId: primary.id, reason: '并案' });
    await c.command(primary.id, 'assign', SECRETARIAT, { mode: 'single', leadUnitId: 'MCA' });
    await c.command(primary.id, 'reply', unit('MCA'), { resultClass: 'A', body: '答复', signedBy: '张三' });
    await h.env.sleep(30 * DAY);
    await save('merge-primary', primary.id);
    await save('merge-twin', twin.id);

    const gone = caseInput({ submitNow: true });
    await c.start(gone);
    await c.command(gone.id, 'withdraw', deputy('d1'), { reason: '问题已解决' });
    await h.env.client.workflow.getHandle(`suggestion-${gone.id}`).result();
    await save('withdrawn', gone.id);

    const key = caseInput({ submitNow: true });
    await c.start(key);
    await c.command(key.id, 'review', SECRETARIAT, { decision: 'accept' });
    await c.command(key.id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
    await c.command(key.id, 'markKey', SECRETARIAT, { committeeId: 'SAC', decision: '主任会议确定' });
    const committee = { role: 'committee' as const, id: 'u-sac', committeeId: 'SAC' };
    const by = new Date((await h.env.currentTimeMs()) + 30 * DAY).toISOString().slice(0, 10);
    await c.command(key.id, 'requestProgress', committee, { unitId: 'MCA', note: '请报告进展', dueDate: by });
    await c.command(key.id, 'requestProgress', SECRETARIAT, { unitId: 'MOF', note: '请报告进展' });
    await h.env.sleep(33 * DAY);
    await c.command(key.id, 'progressReport', unit('MCA'), { body: '已完成调研' });
    await c.command(key.id, 'superviseNote', committee, { body: '请加快' });
    await h.env.sleep(10 * DAY);
    await save('key-progress', key.id);

    // A case that goes quiet continues as new (history compaction); the fresh run is then chased.
    const quiet = caseInput({ submitNow: true });
    await c.start(quiet);
    const firstRun = (await h.env.client.workflow.getHandle(`suggestion-${quiet.id}`).describe()).runId;
    await c.command(quiet.id, 'review', SECRETARIAT, { decision: 'accept' });
    await c.command(quiet.id, 'assign', SECRETARIAT, { mode: 'lead_co', leadUnitId: 'MCA', coUnitIds: ['MOF'] });
    await c.command(quiet.id, 'communicate', unit('MCA'), { phase: 'before', channel: 'phone', summary: '电话沟通' });
    await h.env.sleep(60_000);
    await save('quiet-compaction', quiet.id, firstRun);
    const resumed = (await h.env.client.workflow.getHandle(`suggestion-${quiet.id}`).describe()).runId;
    await h.env.sleep(100 * DAY);
    await save('compacted-resumed', quiet.id, resumed);
  } finally {
    await h.teardown();
  }
}

main().then(() => console.log(`histories written to ${OUT}`), (err) => {
  console.error(err);
  process.exit(1);
});
