// Reports: the unit appraisal and the annual handling report (secretariat), the committee's report
// on the key suggestions it supervises. The figures come from GET /reports/…; shown as tables.
import { useState } from 'react';
import { Card, Descriptions, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { PageTitle, Unavailable } from '../components/bits';

const pctOr = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 1 && !Number.isInteger(v) ? `${Math.round(v * 1000) / 10}%` : v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Any report: its scalar figures as a description list, each array of rows as a table. */
function Figures({ data }: { data: any }) {
  const t = useT();
  const scalars = Object.entries(data).filter(([, v]) => v === null || typeof v !== 'object');
  const tables = Object.entries(data).filter(([, v]) => Array.isArray(v) && v.length && typeof v[0] === 'object') as [string, any[]][];
  const objects = Object.entries(data).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v)) as [string, any][];
  return <>
    {scalars.length > 0 && <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>{scalars.map(([k, v]) => <Descriptions.Item key={k} label={k}>{pctOr(v)}</Descriptions.Item>)}</Descriptions>}
    {objects.map(([k, v]) => <Card key={k} size="small" title={k} style={{ marginBottom: 12 }}><Figures data={v} /></Card>)}
    {tables.map(([k, rows]) => <Card key={k} size="small" title={k} style={{ marginBottom: 12 }}>
      <Table size="small" rowKey={(_r, i) => String(i)} dataSource={rows} pagination={{ pageSize: 15, hideOnSinglePage: true }} scroll={{ x: 720 }}
        columns={Object.keys(rows[0]).filter((c) => typeof rows[0][c] !== 'object' || rows[0][c] === null).map((c) => ({ title: c, dataIndex: c, render: pctOr }))} />
    </Card>)}
    {!scalars.length && !tables.length && !objects.length && <Typography.Text type="secondary">{t('无数据', 'No data')}</Typography.Text>}
  </>;
}

export default function Reports() {
  const t = useT();
  const { user } = useAuth();
  const kinds = user?.role === 'committee' ? ['committee'] : ['appraisal', 'annual', 'committee'];
  const [kind, setKind] = useState(kinds[0]);
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useApi(`/reports/${kind}?year=${year}`);
  const names: Record<string, [string, string]> = { appraisal: ['承办单位考核', 'Unit appraisal'], annual: ['年度办理情况报告', 'Annual report'], committee: ['重点督办报告', 'Key suggestions report'] };
  return <>
    <PageTitle zh="报表" en="Reports" extra={<Space>
      <label htmlFor="rep-year">{t('年度', 'Year')}</label><InputNumber id="rep-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
    </Space>} />
    {kinds.length > 1 && <Segmented value={kind} onChange={(v) => setKind(String(v))} style={{ marginBottom: 12 }} aria-label={t('报表类型', 'Report')}
      options={kinds.map((k) => ({ value: k, label: t(...names[k]) }))} />}
    <Card size="small" loading={loading} title={<h2 className="hy-card-h">{t(...names[kind])}</h2>}>
      {error ? <Unavailable error={error} what={['报表', 'report']} /> : data ? <Figures data={data} /> : null}
    </Card>
  </>;
}
