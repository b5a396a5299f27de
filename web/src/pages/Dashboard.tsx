// The secretariat's dashboard: counts by stage, the red list and the due-soon list in board colours,
// units ranked, and replies and satisfaction over the months.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { get, qs } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useT } from '../lib/i18n';
import { DEADLINE, label } from '../lib/labels';
import { DueTag, ErrorAlert, HEALTH_COLOR, PageTitle } from '../components/bits';

const EChart = lazy(() => import('../components/EChart'));

interface Trend { month: string; replies: number; closed: number; evaluations: { satisfied: number; basicallySatisfied: number; unsatisfied: number; unevaluated: number } }

const STAGES: { key: string; zh: string; en: string; status: string[]; color: string }[] = [
  { key: 'review', zh: '待审核', en: 'To review', status: ['cosigning', 'submitted'], color: HEALTH_COLOR.yellow },
  { key: 'assign', zh: '待交办', en: 'To assign', status: ['accepted'], color: HEALTH_COLOR.yellow },
  { key: 'handling', zh: '办理中', en: 'Being handled', status: ['handling', 'rehandling'], color: HEALTH_COLOR.blue },
  { key: 'replied', zh: '待评价', en: 'To evaluate', status: ['replied', 'reviewing'], color: HEALTH_COLOR.blue },
  { key: 'closed', zh: '已办结', en: 'Closed', status: ['closed'], color: HEALTH_COLOR.green },
];

function useStageCounts() {
  const [counts, setCounts] = useState<Record<string, number>>();
  useEffect(() => {
    Promise.all(STAGES.map((s) => get(`/suggestions${qs({ status: s.status, limit: 1 })}`).then((r) => [s.key, r.total] as const)))
      .then((pairs) => setCounts(Object.fromEntries(pairs)), () => setCounts({}));
  }, []);
  return counts;
}

export default function Dashboard() {
  const t = useT();
  const counts = useStageCounts();
  const overdue = useApi('/boards/overdue?limit=50');
  const soon = useApi(`/suggestions${qs({ dueWithinDays: 10, overdue: 'false', sort: 'deadline', limit: 10, status: ['accepted', 'handling', 'rehandling', 'replied'] })}`);
  const units = useApi('/boards/units');
  const trends = useApi('/boards/trends?months=12');

  const ranking = useMemo(() => (units.data?.items ?? []).filter((u: any) => u.assigned > 0).map((u: any) => ({
    ...u, replyRate: u.replied / Math.max(1, u.assigned), onTime: u.replied ? u.onTimeReplies / u.replied : 0,
  })).sort((a: any, b: any) => b.replyRate - a.replyRate || a.overdue - b.overdue || b.assigned - a.assigned), [units.data]);

  // Counted by the server per month in Shanghai time; leading months with nothing at all are left out.
  const monthly = useMemo(() => {
    const items: Trend[] = trends.data?.items ?? [];
    const busy = (x: Trend) => x.replies + x.closed + Object.values(x.evaluations).reduce((a, b) => a + b, 0) > 0;
    const from = items.findIndex(busy);
    return from < 0 ? [] : items.slice(from);
  }, [trends.data]);
  const rated = monthly.some((x) => Object.values(x.evaluations).some((v) => v > 0));

  const months = monthly.map((x) => x.month);
  const repliesOption = useMemo(() => ({
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 24, bottom: 48 },
    series: [
      { name: t('答复件数', 'Replies'), type: 'bar', barMaxWidth: 48, data: monthly.map((x) => x.replies), itemStyle: { color: HEALTH_COLOR.blue } },
      { name: t('办结件数', 'Closed'), type: 'line', data: monthly.map((x) => x.closed), itemStyle: { color: HEALTH_COLOR.green } },
    ],
  }), [monthly, t]);
  const satisfactionOption = useMemo(() => ({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('满意', 'Satisfied'), type: 'bar', stack: 's', barMaxWidth: 48, data: monthly.map((x) => x.evaluations.satisfied), itemStyle: { color: HEALTH_COLOR.green } },
      { name: t('基本满意', 'Basically'), type: 'bar', stack: 's', data: monthly.map((x) => x.evaluations.basicallySatisfied), itemStyle: { color: HEALTH_COLOR.yellow } },
      { name: t('不满意', 'Unsatisfied'), type: 'bar', stack: 's', data: monthly.map((x) => x.evaluations.unsatisfied), itemStyle: { color: HEALTH_COLOR.red } },
      { name: t('未评价', 'Not evaluated'), type: 'bar', stack: 's', data: monthly.map((x) => x.evaluations.unevaluated), itemStyle: { color: '#8c8c8c' } },
    ],
  }), [monthly, t]);

  return <>
    <PageTitle zh="工作台" en="Dashboard" />
    <Row gutter={[12, 12]}>
      {STAGES.map((s) => (
        <Col key={s.key} xs={12} sm={8} lg={4}>
          <Card size="small" style={{ borderTop: `3px solid ${s.color}` }}>
            <Statistic title={t(s.zh, s.en)} value={counts?.[s.key] ?? '—'} loading={!counts} />
          </Card>
        </Col>
      ))}
      <Col xs={12} sm={8} lg={4}>
        <Card size="small" style={{ borderTop: `3px solid ${HEALTH_COLOR.red}` }}>
          <Statistic title={t('逾期督办', 'Overdue')} value={overdue.data?.total ?? '—'} valueStyle={{ color: '#a8071a' }} loading={overdue.loading} />
        </Card>
      </Col>

      <Col xs={24} lg={12}>
        <Card size="small" title={<h2 className="hy-card-h">{t('逾期督办榜（红榜）', 'Overdue (red list)')}</h2>}>
          <ErrorAlert error={overdue.error} />
          <Table size="small" rowKey={(r: any) => `${r.suggestionId}:${r.unitId}:${r.deadline}`} pagination={{ pageSize: 8, hideOnSinglePage: true }} scroll={{ x: 520 }}
            loading={overdue.loading} dataSource={overdue.data?.items ?? []} locale={{ emptyText: t('没有逾期事项', 'Nothing overdue') }} columns={[
              { title: t('建议', 'Suggestion'), dataIndex: 'title', render: (v, r: any) => <Link to={`/suggestions/${r.suggestionId}`}>{v}</Link> },
              { title: t('单位', 'Unit'), dataIndex: 'unit', width: 140 },
              { title: t('期限', 'Deadline'), dataIndex: 'deadline', width: 90, render: (v) => label(t, DEADLINE, v) },
              { title: t('逾期', 'Late'), dataIndex: 'daysOverdue', width: 110, render: (v, r: any) => <Tag color="error">{t(`${v} 天`, `${v} d`)}{r.level >= 2 ? t('·督办', '·supervised') : t('·催办', '·chased')}</Tag> },
            ]} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<h2 className="hy-card-h">{t('即将到期（10 天内）', 'Due within 10 days')}</h2>}>
          <ErrorAlert error={soon.error} />
          <Table size="small" rowKey="id" pagination={false} loading={soon.loading} dataSource={soon.data?.items ?? []} scroll={{ x: 420 }}
            locale={{ emptyText: t('近期没有到期事项', 'Nothing due soon') }} columns={[
              { title: t('建议', 'Suggestion'), dataIndex: 'title', render: (v, r: any) => <Link to={`/suggestions/${r.id}`}>{v}</Link> },
              { title: t('期限', 'Deadline'), dataIndex: 'nextDueAt', width: 170, render: (_v, r: any) => <DueTag row={r} /> },
            ]} />
        </Card>
      </Col>

      <Col xs={24} lg={12}>
        <Card size="small" title={<h2 className="hy-card-h">{t('按月答复与办结件数', 'Replies and closures per month')}</h2>}>
          <Suspense fallback={<Spin />}><ErrorAlert error={trends.error} />{monthly.length ? <EChart option={repliesOption} label={t('按月答复件数柱状图与办结件数折线图', 'Bars of replies and a line of closures per month')} /> : <Typography.Text type="secondary">{t('暂无答复', 'No replies yet')}</Typography.Text>}</Suspense>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={<h2 className="hy-card-h">{t('按月评价结果', 'Evaluation results per month')}</h2>}>
          <Suspense fallback={<Spin />}>{rated ? <EChart option={satisfactionOption} label={t('按月满意度堆叠柱状图', 'Stacked bar chart of satisfaction per month')} /> : <Typography.Text type="secondary">{t('暂无评价', 'No evaluations yet')}</Typography.Text>}</Suspense>
        </Card>
      </Col>

      <Col span={24}>
        <Card size="small" title={<h2 className="hy-card-h">{t('承办单位排名', 'Units ranked')}</h2>}>
          <ErrorAlert error={units.error} />
          <Table size="small" rowKey="unitId" loading={units.loading} dataSource={ranking} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 720 }} columns={[
            { title: t('排名', 'Rank'), width: 60, render: (_v, _r, i) => i + 1 },
            { title: t('承办单位', 'Unit'), dataIndex: 'unit' },
            { title: t('交办', 'Assigned'), dataIndex: 'assigned', width: 70 },
            { title: t('已答复', 'Replied'), dataIndex: 'replied', width: 80 },
            { title: t('答复率', 'Reply rate'), dataIndex: 'replyRate', width: 90, render: (v) => `${Math.round(v * 100)}%` },
            { title: t('按期率', 'On time'), dataIndex: 'onTime', width: 90, render: (v, r: any) => (r.replied ? `${Math.round(v * 100)}%` : '—') },
            { title: t('逾期', 'Overdue'), dataIndex: 'overdue', width: 70, render: (v) => (v ? <Tag color="error">{v}</Tag> : 0) },
            { title: t('满意', 'Satisfied'), width: 70, render: (_v, r: any) => r.satisfaction.satisfied },
          ]} />
        </Card>
      </Col>
    </Row>
  </>;
}
