// The live process diagram: the BPMN model from GET /process/suggestion, this case's completed and
// active steps and its pending deadlines from GET /suggestions/{id}/process. bpmn-js loads only here.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Space, Spin, Tag, Typography } from 'antd';
import { ApiFailure, request } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { label } from '../../lib/labels';
import { useUnits } from '../../lib/directory';
import { fmtTime } from '../../lib/time';
import { ErrorAlert } from '../bits';

const BpmnCanvas = lazy(() => import('./BpmnCanvas'));

export interface Position { completed: string[]; active: string[]; timers: { elementId: string; dueAt: string; alarm?: string; unitId?: string | null }[]; conformance?: { ok: boolean } }

// Timer elements are named Timer_<Track>_<Alarm> (schema/steps.ts).
const TRACK: Record<string, [string, string]> = {
  Assignment: ['交办', 'Assignment'], ReturnWindow: ['退回申请期', 'Return window'], Reassignment: ['重新交办', 'Reassignment'], FirstContact: ['首次沟通', 'First contact'],
  Opinion: ['协办意见', 'Co-handler opinion'], Reply: ['答复', 'Reply'], Evaluation: ['评价', 'Evaluation'], Rehandling: ['重新办理答复', 'Re-handling reply'],
  Publication: ['答复公开', 'Publication'], ProgressReport: ['进展报告', 'Progress report'],
};
const ALARM: Record<string, [string, string]> = { remind: ['提醒', 'reminder'], chase: ['催办', 'chase'], supervise: ['督办', 'supervision'], repeat: ['再次催办', 'repeat chase'], expire: ['期限届满', 'window closes'] };

const missing = (e: unknown) => e instanceof ApiFailure && e.status === 404 && /no such endpoint/.test(e.body.en);

export function ProcessDiagram({ id, version, timeline }: { id: string; version: number; timeline: any[] }) {
  const t = useT();
  const [xml, setXml] = useState<string>();
  const [pos, setPos] = useState<Position>();
  const [error, setError] = useState<ApiFailure | 'missing'>();
  const units = useUnits();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    Promise.all([
      request<string>('GET', '/process/suggestion', undefined, { raw: true }),
      request<Position>('GET', `/suggestions/${encodeURIComponent(id)}/process`),
    ]).then(([x, p]) => { if (live) { setXml(x); setPos(p); setError(undefined); } },
      (e) => { if (live) setError(missing(e) ? 'missing' : e); });
    return () => { live = false; };
  }, [id, version]);

  if (error === 'missing') {
    // Without the model the steps are still known from the timeline.
    const steps = [...new Set(timeline.map((e) => e.step))];
    return <>
      <Alert type="info" showIcon message={t('流程图服务尚未开通', 'The process diagram service is not available yet')}
        description={t('服务器尚未提供流程模型接口；下列为本建议已经过的流程步骤。', 'The server does not serve the process model yet; these are the steps this case has passed.')} />
      <ol aria-label={t('已完成的步骤', 'Completed steps')} style={{ marginTop: 12 }}>{steps.map((s) => <li key={s}><code>{s}</code></li>)}</ol>
    </>;
  }
  if (error) return <ErrorAlert error={error} />;
  if (!xml || !pos) return <Spin />;
  const timers = [...pos.timers].sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }} aria-hidden>
        <span><span className="hy-legend" style={{ background: '#d9f7be', border: '1px solid #389e0d' }} />{t('已完成', 'Completed')}</span>
        <span><span className="hy-legend" style={{ background: '#bae0ff', border: '2px solid #0958d9' }} />{t('进行中', 'Active')}</span>
        <span><span className="hy-legend" style={{ background: '#fffbe6', border: '1px solid #ffe58f' }} />{t('待到期', 'Pending deadline')}</span>
      </Space>
      <Suspense fallback={<Spin />}>
        <BpmnCanvas xml={xml} position={pos} onNames={setNames} ariaLabel={t('办理流程图，已完成和进行中的步骤已高亮', 'Process diagram with completed and active steps highlighted')} />
      </Suspense>
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('当前步骤：', 'Active steps: ')}</Typography.Text>
        {pos.active.length ? pos.active.map((a) => <Tag color="blue" key={a}>{(names[a] ?? a).replace(/\s+/g, ' ')}</Tag>) : t('无', 'none')}
        {pos.conformance && !pos.conformance.ok && <Tag color="red">{t('办理路径与流程模型不符', 'Path deviates from the model')}</Tag>}
      </div>
      {timers.length > 0 && <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('待到期的期限：', 'Pending deadlines: ')}</Typography.Text>
        <ul style={{ margin: '4px 0' }}>{timers.map((x, i) => <li key={i}>{fmtTime(x.dueAt)} · {label(t, TRACK, x.elementId.split('_')[1])}{x.alarm ? ` · ${label(t, ALARM, x.alarm)}` : ''}{x.unitId ? ` · ${units.find((u) => u.id === x.unitId)?.nameZh ?? x.unitId}` : ''}</li>)}</ul>
      </div>}
    </div>
  );
}
