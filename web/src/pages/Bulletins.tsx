// Monthly progress bulletins (月度进度通报): the list, one bulletin's figures with its colours, red
// list and ranking, downloads (HTML, Excel), and for the secretariat a trigger for a month.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Form, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiFailure, post } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { DEADLINE, label } from '../lib/labels';
import { fmtTime } from '../lib/time';
import { ErrorAlert, HEALTH_COLOR, PageTitle, Unavailable } from '../components/bits';

// The bulletin's rates are percentages already (33.3 means 33.3 %).
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
const colourTag = (c: string, t: (z: string, e: string) => string) => (c in HEALTH_COLOR
  ? <Tag color={HEALTH_COLOR[c as keyof typeof HEALTH_COLOR]}>{t({ green: '绿', blue: '蓝', yellow: '黄', red: '红' }[c]!, c)}</Tag> : '—');

function BulletinView({ id }: { id: string }) {
  const t = useT();
  const { user } = useAuth();
  const { data: b, error, loading } = useApi(`/bulletins/${encodeURIComponent(id)}`);
  if (error) return <ErrorAlert error={error} />;
  if (loading || !b) return <Card loading size="small" />;
  const f = b.figures ?? b;
  const units: any[] = f.units ?? [];
  const mine = user?.role === 'unit' ? units.filter((u) => u.unitId === user.unitId) : units;
  return <Card size="small" title={<h2 className="hy-card-h">{t(`${b.month} 月度进度通报`, `Bulletin ${b.month}`)}</h2>}
    extra={<Space><Button size="small" icon={<DownloadOutlined />} href={`/api/v1/bulletins/${encodeURIComponent(id)}/html`} target="_blank">{t('网页版', 'HTML')}</Button>
      <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/bulletins/${encodeURIComponent(id)}/xlsx`}>Excel</Button></Space>}>
    {f.overall && <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('建议件数', 'Items')}>{f.overall.items}</Descriptions.Item>
      <Descriptions.Item label={t('已答复', 'Replied')}>{f.overall.replied}</Descriptions.Item>
      <Descriptions.Item label={t('逾期', 'Overdue')}>{f.overall.overdue}</Descriptions.Item>
      <Descriptions.Item label={t('满意率', 'Satisfaction')}>{pct(f.overall.satisfaction?.rate)}</Descriptions.Item>
    </Descriptions>}
    <Typography.Paragraph type="secondary">{t('统计截至', 'As of')} {fmtTime(b.asOf ?? f.asOf)}</Typography.Paragraph>
    <h3 className="hy-card-h">{user?.role === 'unit' ? t('本单位情况', 'Your unit') : t('各承办单位', 'Units')}</h3>
    <Table size="small" rowKey="unitId" dataSource={mine} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 720 }} columns={[
      { title: t('排名', 'Rank'), dataIndex: 'rank', width: 60, render: (v) => v ?? '—' },
      { title: t('单位', 'Unit'), dataIndex: 'unit' },
      { title: t('交办', 'Assigned'), dataIndex: 'assigned', width: 70 },
      { title: t('已答复', 'Replied'), dataIndex: 'replied', width: 80 },
      { title: t('逾期', 'Overdue'), dataIndex: 'overdue', width: 70 },
      { title: t('答复率', 'Reply rate'), dataIndex: 'replyRate', width: 80, render: pct },
      { title: t('见面率', 'Contact rate'), dataIndex: 'contactRate', width: 80, render: pct },
      { title: t('满意率', 'Satisfaction'), width: 80, render: (_v, r: any) => pct(r.satisfaction?.rate) },
      { title: t('状态', 'Colour'), dataIndex: 'colour', width: 70, render: (c) => colourTag(c, t) },
    ]} />
    {(b.items ?? []).length > 0 && <>
      <h3 className="hy-card-h" style={{ marginTop: 12 }}>{t('本单位承办的建议', 'Items in this bulletin')}</h3>
      <Table size="small" rowKey="id" dataSource={b.items} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 520 }} columns={[
        { title: t('建议', 'Suggestion'), dataIndex: 'title', render: (v, i: any) => <Link to={`/suggestions/${i.id}`}>{v}</Link> },
        { title: t('阶段', 'Stage'), dataIndex: 'stage', width: 110, render: (v) => t(({ assigned: '已交办待签收', handling: '办理中', replied: '已答复', closed: '已办结' } as Record<string, string>)[v] ?? v, v) },
        { title: t('状态', 'Colour'), dataIndex: 'colour', width: 70, render: (c) => colourTag(c, t) },
      ]} />
    </>}
    {(f.overdue ?? []).length > 0 && <>
      <h3 className="hy-card-h" style={{ marginTop: 12 }}>{t('逾期事项（点名通报）', 'Overdue, by name')}</h3>
      <List size="small" bordered dataSource={(f.overdue as any[]).filter((o) => user?.role !== 'unit' || o.unitId === user.unitId)} renderItem={(o: any) => <List.Item>
        <Link to={`/suggestions/${o.suggestionId}`}>{o.title}</Link> · {o.unit} · {label(t, DEADLINE, o.deadline)} · <Tag color="error">{t(`逾期 ${o.daysOverdue} 天`, `${o.daysOverdue} d late`)}</Tag>
      </List.Item>} />
    </>}
  </Card>;
}

export default function Bulletins() {
  const t = useT();
  const { user } = useAuth();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('/bulletins');
  const [chosen, setChosen] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const items: any[] = data?.items ?? (Array.isArray(data) ? data : []);
  useEffect(() => { if (!chosen && items[0]) setChosen(items[0].id); }, [items, chosen]);
  if (error) return <><PageTitle zh="月度进度通报" en="Monthly bulletins" /><Unavailable error={error} what={['月度通报', 'bulletin']} /></>;
  const trigger = async (v: any) => {
    try { const r = await post('/bulletins', v.month ? { month: v.month } : {}); message.success(t('已生成通报', 'Bulletin generated')); setFailure(undefined); reload(); if (r?.id) setChosen(r.id); }
    catch (e) { setFailure(e as ApiFailure); }
  };
  return <>
    <PageTitle zh="月度进度通报" en="Monthly bulletins" />
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={7}>
        <Card size="small" title={<h2 className="hy-card-h">{t('各期通报', 'Issues')}</h2>}>
          <List size="small" loading={loading} dataSource={items} locale={{ emptyText: t('尚无通报', 'No bulletin yet') }} renderItem={(b: any) => (
            <List.Item><Button type={b.id === chosen ? 'primary' : 'link'} size="small" onClick={() => setChosen(b.id)}>{b.month}</Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.overdue !== undefined ? t(`逾期 ${b.overdue}`, `${b.overdue} overdue`) : ''}</Typography.Text></List.Item>)} />
          {user?.role === 'secretariat' && <Form layout="vertical" onFinish={trigger} style={{ marginTop: 12 }}>
            <ErrorAlert error={failure} />
            <Form.Item name="month" label={t('生成某月通报（YYYY-MM，留空为本月）', 'Generate for a month (YYYY-MM; empty: this month)')}><Input placeholder="2026-10" /></Form.Item>
            <Button htmlType="submit">{t('立即生成', 'Generate now')}</Button>
          </Form>}
        </Card>
      </Col>
      <Col xs={24} lg={17}>{chosen ? <BulletinView id={chosen} /> : null}</Col>
    </Row>
  </>;
}
