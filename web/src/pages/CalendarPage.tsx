// The working-day calendar deadlines are counted on: holidays and make-up working days by year.
// Administrators correct a day; running cases then re-plan their deadlines.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { ApiFailure, del, put } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { ErrorAlert, PageTitle, showFailure } from '../components/bits';

const WEEKDAY_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];

export default function CalendarPage() {
  const t = useT();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading, reload } = useApi(`/calendar?year=${year}`);
  const [failure, setFailure] = useState<ApiFailure>();
  const [form] = Form.useForm();
  const admin = user?.role === 'admin';
  const special = (data?.days ?? []).filter((d: any) => d.kind);

  const correct = async (v: any) => {
    try {
      const r = await put(`/calendar/${v.date}`, { kind: v.kind, name: v.name || undefined });
      message.success(t(`已更正，重算了 ${r.recalculated} 件建议的期限`, `Corrected; ${r.recalculated} cases re-planned`));
      setFailure(undefined); reload();
    } catch (e) { setFailure(showFailure(form, e, t)); }
  };

  return <>
    <PageTitle zh="工作日历" en="Working-day calendar" extra={<Space>
      <label htmlFor="cal-year">{t('年份', 'Year')}</label><InputNumber id="cal-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
    </Space>} />
    <ErrorAlert error={error} />
    {data && data.coveredUntil && data.coveredUntil < `${year}-12-31` && <Alert type="warning" showIcon style={{ marginBottom: 12 }}
      message={t(`日历数据只覆盖到 ${data.coveredUntil}，请在国务院发布放假通知后补充 ${year} 年的节假日。`, `The calendar covers up to ${data.coveredUntil}; add ${year}'s holidays once the State Council publishes them.`)} />}
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={admin ? 15 : 24}>
        <Card size="small" title={<h2 className="hy-card-h">{t(`${year} 年节假日与调休（全年工作日 ${data?.workingDays ?? '—'} 天）`, `${year}: holidays and make-up days (${data?.workingDays ?? '—'} working days)`)}</h2>}>
          <Table size="small" rowKey="date" loading={loading} dataSource={special} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 480 }} columns={[
            { title: t('日期', 'Date'), dataIndex: 'date', width: 120 },
            { title: t('星期', 'Weekday'), dataIndex: 'weekday', width: 70, render: (v) => t(`周${WEEKDAY_ZH[v]}`, ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][v]) },
            { title: t('类型', 'Kind'), dataIndex: 'kind', width: 100, render: (v) => (v === 'holiday' ? <Tag color="red">{t('放假', 'Holiday')}</Tag> : <Tag color="blue">{t('调休上班', 'Workday')}</Tag>) },
            { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('来源', 'Source'), dataIndex: 'scope', width: 140, render: (v, r: any) => <>{v === 'congress' ? t('本级更正', 'Local correction') : t('国家规定', 'National')}
              {admin && v === 'congress' && <Popconfirm title={t('撤销本级更正？', 'Remove this correction?')} onConfirm={() => del(`/calendar/${r.date}`).then(reload)}>
                <Button size="small" type="link">{t('撤销', 'Remove')}</Button></Popconfirm>}</> },
          ]} />
        </Card>
      </Col>
      {admin && <Col xs={24} lg={9}>
        <Card size="small" title={<h2 className="hy-card-h">{t('更正某一天', 'Correct a day')}</h2>}>
          <ErrorAlert error={failure} />
          <Form form={form} layout="vertical" initialValues={{ kind: 'holiday' }} onFinish={correct}>
            <Form.Item name="date" label={t('日期（YYYY-MM-DD）', 'Date (YYYY-MM-DD)')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('请输入 YYYY-MM-DD 格式的日期', 'Enter a date as YYYY-MM-DD') }]}><Input placeholder={`${year}-10-08`} /></Form.Item>
            <Form.Item name="kind" label={t('类型', 'Kind')}><Radio.Group options={[{ value: 'holiday', label: t('放假', 'Holiday') }, { value: 'workday', label: t('上班', 'Workday') }]} /></Form.Item>
            <Form.Item name="name" label={t('名称', 'Name')}><Input maxLength={50} /></Form.Item>
            <Button type="primary" htmlType="submit">{t('保存并重算期限', 'Save and re-plan')}</Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('保存后，所有在办建议的期限将按新日历重新计算。', 'Open deadlines of running cases are re-planned on save.')}</Typography.Paragraph>
        </Card>
      </Col>}
    </Row>
  </>;
}
