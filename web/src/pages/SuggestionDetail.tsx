// One suggestion: its facts, the actions open to the user, the conversation, supervision, the
// timeline and the live process diagram.
import { useParams } from 'react-router-dom';
import { Card, Col, DatePicker, Descriptions, Form, Input, List, Row, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { useCommittees, useDeputies, useUnits } from '../lib/directory';
import { fmtTime } from '../lib/time';
import { DueTag, ErrorAlert, StatusTag } from '../components/bits';
import { NotFound } from '../components/NotFound';
import { CommandButton } from '../components/CommandButton';
import { CaseActions } from '../components/case/Actions';
import { Conversation } from '../components/case/Conversation';
import { Overview } from '../components/case/Overview';
import { CaseTimeline } from '../components/case/CaseTimeline';
import { ProcessDiagram } from '../components/case/ProcessDiagram';

/** Progress reports a supervisor asked a unit for (key suggestions), and asking for one. */
function Progress({ s, onDone }: { s: any; onDone(d: any): void }) {
  const t = useT();
  const { user } = useAuth();
  const units = useUnits();
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  const live = s.assignments.filter((a: any) => a.status !== 'returned');
  const supervises = user?.role === 'secretariat' || (user?.role === 'committee' && user.committeeId === s.key.committeeId);
  const open = !['closed', 'withdrawn', 'rejected', 'converted'].includes(s.status);
  return <>
    <div className="hy-toolbar" style={{ marginTop: 12 }}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('办理进展报告', 'Progress reports')}</Typography.Title>
      {supervises && open && live.length > 0 && <CommandButton id={s.id} path="/progress-requests" label={t('要求报送进展', 'Ask for a progress report')} onDone={onDone}
        toBody={(v) => ({ unitId: v.unitId, note: v.note, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : undefined })}>
        <Form.Item name="unitId" label={t('承办单位', 'Unit')} rules={[{ required: true, message: t('请选择承办单位', 'Choose a unit') }]}>
          <Select options={live.map((a: any) => ({ value: a.unitId, label: unitName(a.unitId) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('要求', 'What to report')} rules={[{ required: true, message: t('请填写要求', 'Say what to report') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="dueDate" label={t('报送期限（可选）', 'Due (optional)')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </CommandButton>}
    </div>
    <List size="small" bordered dataSource={s.progressRequests ?? []} locale={{ emptyText: t('暂无进展报告要求', 'No progress report asked for') }}
      renderItem={(p: any) => <List.Item><div>
        <Typography.Text strong>{unitName(p.unitId)}</Typography.Text> · {p.note} · {t('限', 'due')} {fmtTime(p.dueAt)} ·{' '}
        <Tag color={p.status === 'reported' ? 'green' : new Date(p.dueAt) < new Date() ? 'red' : 'gold'}>{p.status === 'reported' ? t('已报送', 'Reported') : p.status === 'pending' ? t('待报送', 'Pending') : t('已撤销', 'Cancelled')}</Tag>
        {p.report && <p className="hy-pre" style={{ marginTop: 4 }}>{p.report}</p>}
      </div></List.Item>} />
  </>;
}

function Supervision({ s, onDone }: { s: any; onDone(d: any): void }) {
  const t = useT();
  const { user } = useAuth();
  const committees = useCommittees();
  const name = (id: string) => committees.find((c) => c.id === id)?.nameZh ?? id;
  return <>
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('督办委员会', 'Committee')}>{name(s.key.committeeId)}</Descriptions.Item>
      <Descriptions.Item label={t('决定', 'Decision')}>{s.key.decision}</Descriptions.Item>
      <Descriptions.Item label={t('督办领导', 'Supervising leader')}>{s.key.supervisingLeader ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('牵头政府领导', 'Government leader')}>{s.key.governmentLeader ?? '—'}</Descriptions.Item>
    </Descriptions>
    <div className="hy-toolbar" style={{ marginTop: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('督办意见', 'Supervision notes')}</Typography.Title>
      {user?.role === 'committee' && user.committeeId === s.key.committeeId &&
        <CommandButton id={s.id} path="/supervision-notes" label={t('提出督办意见', 'Add a supervision note')} button={{ type: 'primary' }} onDone={onDone} testId="cmd-supervise">
          <Form.Item name="body" label={t('督办意见', 'Note')} rules={[{ required: true, message: t('请填写督办意见', 'Write the note') }]}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
        </CommandButton>}
    </div>
    <Progress s={s} onDone={onDone} />
    <Typography.Title level={3} style={{ fontSize: 15, marginTop: 12 }}>{t('督办意见记录', 'Notes')}</Typography.Title>
    <List size="small" bordered dataSource={s.supervisionNotes ?? []} locale={{ emptyText: t('暂无督办意见', 'No notes yet') }}
      renderItem={(n: any) => <List.Item><div><Typography.Text type="secondary">{name(n.committeeId)} · {fmtTime(n.at)}</Typography.Text><p className="hy-pre">{n.body}</p></div></List.Item>} />
  </>;
}

export default function SuggestionDetail() {
  const { id = '' } = useParams();
  const t = useT();
  const { data: s, error, loading, setData } = useApi(`/suggestions/${encodeURIComponent(id)}`);
  const deputies = useDeputies();
  const deputyName = (d: string) => deputies.find((x) => x.id === d)?.name ?? d;
  if (error?.status === 404) return <NotFound what={['该建议', 'suggestion']} />;
  if (error) return <ErrorAlert error={error} />;
  if (loading && !s) return <Skeleton active />;
  if (!s) return null;
  const onDone = (d: any) => { if (d?.id) setData(d); };

  const tabs = [
    { key: 'overview', label: t('概况', 'Overview'), children: <Overview s={s} deputyName={deputyName} /> },
    { key: 'talk', label: t(`沟通群组（${s.communications.length}）`, `Conversation (${s.communications.length})`), children: <Conversation s={s} deputyName={deputyName} onDone={onDone} /> },
    ...(s.key ? [{ key: 'key', label: t('重点督办', 'Supervision'), children: <Supervision s={s} onDone={onDone} /> }] : []),
  ];
  return (
    <article aria-labelledby="case-title">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap size={4}>
            <StatusTag status={s.status} />
            {s.isKey && <Tag color="red">{t('重点督办', 'Key')}</Tag>}
            <DueTag row={s} />
            <Typography.Text type="secondary">{s.number ?? s.id}</Typography.Text>
          </Space>
          <h1 id="case-title" className="hy-h1" style={{ margin: 0 }}>{s.title}</h1>
          <CaseActions s={s} onDone={onDone} />
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Card size="small"><Tabs items={tabs} /></Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('办理过程', 'Timeline')}</h2>}>
            <CaseTimeline events={s.timeline} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('流程图', 'Process')}</h2>}>
            <ProcessDiagram id={s.id} version={s.version} timeline={s.timeline} />
          </Card>
        </Col>
      </Row>
    </article>
  );
}
