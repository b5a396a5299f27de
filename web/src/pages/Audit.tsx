// The administrators' audit trail: who did what to which item, when, with what outcome.
import { useState } from 'react';
import { Button, Input, Table, Tag, Typography } from 'antd';
import { get, qs } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useT } from '../lib/i18n';
import { fmtTime } from '../lib/time';
import { ErrorAlert, PageTitle } from '../components/bits';

export default function Audit() {
  const t = useT();
  const [action, setAction] = useState('');
  const { data, error, loading, setData } = useApi(`/audit${qs({ action: action || undefined, limit: 100 })}`);
  const more = async () => { const r = await get(`/audit${qs({ action: action || undefined, limit: 100, cursor: data.nextCursor })}`); setData({ ...r, items: [...data.items, ...r.items] }); };
  return <>
    <PageTitle zh="审计日志" en="Audit log" />
    <div className="hy-toolbar"><Input.Search allowClear placeholder={t('按操作筛选，如 suggestion.assign', 'Filter by action, e.g. suggestion.assign')} aria-label={t('按操作筛选', 'Filter by action')} onSearch={setAction} style={{ maxWidth: 360 }} /></div>
    <ErrorAlert error={error} />
    <Table size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 800 }} columns={[
      { title: t('时间', 'When'), dataIndex: 'at', width: 160, render: (v, r: any) => fmtTime(v ?? r.createdAt) },
      { title: t('操作人', 'Who'), dataIndex: 'username', width: 140, render: (v, r: any) => v ?? r.userId ?? '—' },
      { title: t('操作', 'Action'), dataIndex: 'action', width: 200, render: (v) => <code>{v}</code> },
      { title: t('对象', 'Target'), dataIndex: 'target', width: 200 },
      { title: t('结果', 'Outcome'), dataIndex: 'outcome', width: 90, render: (v) => <Tag color={v === 'ok' ? 'green' : 'red'}>{v}</Tag> },
      { title: t('来源', 'From'), dataIndex: 'ip', width: 120, responsive: ['lg'] },
    ]} expandable={{ expandedRowRender: (r: any) => <Typography.Paragraph className="hy-pre" style={{ fontSize: 12 }}>{JSON.stringify({ before: r.before, after: r.after, detail: r.detail }, null, 2)}</Typography.Paragraph> }} />
    {data?.nextCursor && <Button style={{ marginTop: 12 }} onClick={more}>{t('加载更多', 'Load more')}</Button>}
  </>;
}
