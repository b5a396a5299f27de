// Reports: the unit appraisal and the annual handling report of a session (secretariat), and the
// supervision report of a committee's key suggestions (the committee, or the secretariat for any).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, List, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { qs } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { useCommittees, useSessions } from '../lib/directory';
import { label, RATING, STATUS } from '../lib/labels';
import { fmtDate, fmtTime } from '../lib/time';
import { PageTitle, Unavailable } from '../components/bits';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
type T = (zh: string, en: string) => string;

function Appraisal({ r, t }: { r: any; t: T }) {
  return <Table size="small" rowKey="unitId" dataSource={r.units} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }} columns={[
    { title: t('承办单位', 'Unit'), dataIndex: 'unit', fixed: 'left', width: 180 },
    { title: t('交办', 'Assigned'), dataIndex: 'assigned' },
    { title: t('已答复', 'Replied'), dataIndex: 'replied' },
    { title: t('按期答复率', 'On-time rate'), dataIndex: 'onTimeRate', render: pct },
    { title: t('见面率', 'Contact rate'), dataIndex: 'contactRate', render: pct },
    { title: t('首轮满意率', 'First-round satisfaction'), dataIndex: 'firstRoundRate', render: pct },
    { title: t('最终满意率', 'Final satisfaction'), dataIndex: 'finalRate', render: pct },
    { title: t('解决率（A 类）', 'Solved (A)'), dataIndex: 'solvedRate', render: pct },
    { title: t('协办及时率', 'Co-handler timeliness'), dataIndex: 'coTimeliness', render: pct },
    { title: t('重新办理', 'Re-handled'), dataIndex: 'rehandled' },
  ]} />;
}

const Counts = ({ rows, t, title }: { rows: any[]; t: T; title: string }) => (
  <Card size="small" title={title} style={{ height: '100%' }}>
    <Table size="small" rowKey="key" pagination={false} dataSource={rows} columns={[
      { title: t('项目', 'Item'), render: (_v, x: any) => x.name ?? x.key }, { title: t('件数', 'Count'), dataIndex: 'count', width: 80 },
      ...(rows.some((x) => 'share' in x) ? [{ title: t('占比', 'Share'), dataIndex: 'share', width: 80, render: pct }] : []),
    ]} />
  </Card>
);

function Annual({ r, t }: { r: any; t: T }) {
  return <>
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('建议总数', 'Total')}>{r.total}</Descriptions.Item>
      <Descriptions.Item label={t('交办件数', 'Assigned')}>{r.assigned}</Descriptions.Item>
      <Descriptions.Item label={t('多单位办理占比', 'Multi-unit share')}>{pct(r.multiUnitShare)}</Descriptions.Item>
      <Descriptions.Item label={t('满意率', 'Satisfaction rate')}>{pct(r.satisfactionRate)}</Descriptions.Item>
      <Descriptions.Item label={t('重新办理', 'Re-handled')}>{r.rehandled}</Descriptions.Item>
      <Descriptions.Item label={t('重点督办', 'Key suggestions')}>{r.key?.count}</Descriptions.Item>
      <Descriptions.Item label={t('含承诺事项的答复', 'Replies with commitments')}>{r.commitments?.replies}</Descriptions.Item>
    </Descriptions>
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('按办理状态', 'By status')} rows={r.byStatus} /></Col>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('按来源', 'By source')} rows={r.bySource} /></Col>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('答复分类', 'Result classes')} rows={r.resultClasses} /></Col>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('满意度', 'Satisfaction')} rows={r.satisfaction} /></Col>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('按承办单位类型', 'By unit kind')} rows={r.byUnitKind} /></Col>
      <Col xs={24} md={12} xl={8}><Counts t={t} title={t('按分类', 'By category')} rows={r.byCategory} /></Col>
    </Row>
  </>;
}

function Committee({ r, t }: { r: any; t: T }) {
  const s = r.summary;
  return <>
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('重点督办建议', 'Key suggestions')}>{s.items}</Descriptions.Item>
      <Descriptions.Item label={t('已答复', 'Replied')}>{s.replied}</Descriptions.Item>
      <Descriptions.Item label={t('已办结', 'Closed')}>{s.closed}</Descriptions.Item>
      <Descriptions.Item label={t('逾期', 'Overdue')}>{s.overdue}</Descriptions.Item>
      <Descriptions.Item label={t('督办意见', 'Notes')}>{s.notes}</Descriptions.Item>
      <Descriptions.Item label={t('要求报送进展', 'Progress requested')}>{s.progressRequested}</Descriptions.Item>
      <Descriptions.Item label={t('已报送进展', 'Progress reported')}>{s.progressReported}</Descriptions.Item>
    </Descriptions>
    <List dataSource={r.items} locale={{ emptyText: t('暂无重点督办建议', 'No key suggestions') }} renderItem={(i: any) => <List.Item style={{ display: 'block', padding: 0, border: 0 }}><Card size="small" style={{ marginBottom: 8 }}
      title={<Link to={`/suggestions/${i.id}`}>{i.title}</Link>} extra={<Tag>{label(t, STATUS, i.status)}</Tag>}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{i.decision}{i.supervisingLeader ? ` · ${t('督办领导', 'Leader')} ${i.supervisingLeader}` : ''}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{i.units.map((u: any) => u.unit).join('、') || '—'} · {t('答复期限', 'Reply due')} {fmtDate(i.replyDueAt)}{i.satisfaction ? ` · ${label(t, RATING, i.satisfaction)}` : ''}</Typography.Paragraph>
      {i.notes.map((n: any) => <Typography.Paragraph key={n.id} type="secondary" style={{ marginBottom: 2 }}>{fmtTime(n.at)} {n.body}</Typography.Paragraph>)}
    </Card></List.Item>} />
  </>;
}

export default function Reports() {
  const t = useT();
  const { user } = useAuth();
  const committees = useCommittees();
  const kinds = user?.role === 'committee' ? ['committee'] : ['appraisal', 'annual', 'committee'];
  const [kind, setKind] = useState(kinds[0]);
  const sessions = useSessions();
  const [chosen, setChosen] = useState(localStorage.getItem('huying.session') ?? undefined);
  // The last session looked at, while it still exists; else the newest.
  const sessionId = sessions?.some((s) => s.id === chosen) ? chosen : sessions?.[0]?.id;
  const [committeeId, setCommitteeId] = useState<string>();
  const cid = user?.role === 'committee' ? undefined : committeeId ?? committees[0]?.id;
  const params = kind === 'committee' ? { committeeId: cid } : { sessionId };
  const ready = kind === 'committee' ? user?.role === 'committee' || !!cid : !!sessionId;
  const { data, error, loading } = useApi(ready ? `/reports/${kind}${qs(params)}` : null);
  const names: Record<string, [string, string]> = { appraisal: ['承办单位办理工作考核', 'Unit appraisal'], annual: ['年度办理情况报告', 'Annual handling report'], committee: ['重点督办情况报告', 'Supervision report'] };
  const file = (format: string) => `/api/v1/reports/${kind}${qs({ ...params, format })}`;
  return <>
    <PageTitle zh="报表" en="Reports" />
    <Space wrap style={{ marginBottom: 12 }}>
      {kinds.length > 1 && <Segmented value={kind} onChange={(v) => setKind(String(v))} aria-label={t('报表类型', 'Report')} options={kinds.map((k) => ({ value: k, label: t(...names[k]) }))} />}
      {kind !== 'committee' && <><label htmlFor="rep-session">{t('会次', 'Session')}</label>
        <Select id="rep-session" style={{ width: 320 }} value={sessionId} loading={!sessions} onChange={(v) => { localStorage.setItem('huying.session', v); setChosen(v); }}
          options={(sessions ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.startsOn.slice(0, 4)}）` }))} /></>}
      {kind === 'committee' && user?.role !== 'committee' && <><label htmlFor="rep-committee">{t('专门委员会', 'Committee')}</label>
        <Select id="rep-committee" style={{ width: 220 }} value={cid} onChange={setCommitteeId} options={committees.map((c) => ({ value: c.id, label: c.nameZh }))} /></>}
    </Space>
    {kind !== 'committee' && sessions?.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('尚无会次，无法生成报表。', 'There is no session yet, so there is no report.')} />}
    <Card size="small" loading={loading && !data} title={<h2 className="hy-card-h">{t(...names[kind])}{data?.session ? ` · ${data.session.name}` : data?.committee ? ` · ${data.committee.name}` : ''}</h2>}
      extra={data && !error && <Space><Button size="small" icon={<DownloadOutlined />} href={file('html')} target="_blank">{t('打印版', 'Printable')}</Button>
        <Button size="small" icon={<DownloadOutlined />} href={file('xlsx')}>Excel</Button></Space>}>
      {error ? <Unavailable error={error} what={['报表', 'report']} /> : !data ? null
        : kind === 'appraisal' ? <Appraisal r={data} t={t} /> : kind === 'annual' ? <Annual r={data} t={t} /> : <Committee r={data} t={t} />}
      {data?.generatedAt && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('生成于', 'Generated')} {fmtTime(data.generatedAt)}</Typography.Paragraph>}
    </Card>
  </>;
}
