// The policy profile: every deadline and reminder offset in force, its versions, and (for an
// administrator) publishing a new version, which applies to cases started afterwards.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Table, Tag, Typography } from 'antd';
import { ApiFailure, post } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { DEADLINE, label } from '../lib/labels';
import { fmtTime } from '../lib/time';
import { ErrorAlert, PageTitle } from '../components/bits';

/** "20WD" → 20 个工作日, "P3M" → 3 个月, "PT30S" → 30 秒. */
function span(t: (z: string, e: string) => string, s: string): string {
  const wd = /^(\d+)WD$/.exec(s);
  if (wd) return t(`${wd[1]} 个工作日`, `${wd[1]} working days`);
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(s);
  if (!m) return s;
  const units: [string, string][] = [['年', 'y'], ['个月', 'mo'], ['周', 'w'], ['天', 'd'], ['小时', 'h'], ['分钟', 'min'], ['秒', 's']];
  return units.map(([zh, en], i) => (m[i + 1] ? t(`${m[i + 1]} ${zh}`, `${m[i + 1]} ${en}`) : '')).filter(Boolean).join(' ');
}

export default function ProfilePage() {
  const t = useT();
  const { user } = useAuth();
  const { message } = App.useApp();
  const { data, error, reload } = useApi('/profile');
  const [failure, setFailure] = useState<ApiFailure>();
  const [form] = Form.useForm();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const p = data.profile;
  const publish = async (v: any) => {
    let body: any;
    try { body = JSON.parse(v.json); } catch { form.setFields([{ name: 'json', errors: [t('不是有效的 JSON', 'Not valid JSON')] }]); return; }
    try {
      await post('/profile', { ...body, note: v.note || undefined });
      message.success(t('新版本已发布', 'Published')); setFailure(undefined); reload();
    } catch (e) { setFailure(e as ApiFailure); }
  };
  return <>
    <PageTitle zh="办理时限配置" en="Policy profile" />
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={<h2 className="hy-card-h">{t(`当前版本 v${data.version}：${p.name}`, `Version ${data.version}: ${p.name}`)}</h2>}>
          <Descriptions size="small" bordered column={1}>
            {Object.entries(p.deadlines).map(([k, v]) => <Descriptions.Item key={k} label={label(t, DEADLINE, k === 'replyMax' ? 'reply' : k) + (k === 'replyMax' ? t('（延期上限）', ' (extension cap)') : '')}>{span(t, String(v))}</Descriptions.Item>)}
            <Descriptions.Item label={t('到期前提醒', 'Reminders before')}>{p.ladder.remindBefore.map((s: string) => span(t, s)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('逾期后催办', 'Chase after')}>{span(t, p.ladder.chaseAfter)}</Descriptions.Item>
            <Descriptions.Item label={t('催办后督办', 'Supervise after')}>{span(t, p.ladder.superviseAfter)}</Descriptions.Item>
            <Descriptions.Item label={t('重复催办间隔', 'Repeat every')}>{span(t, p.ladder.repeatEvery)}</Descriptions.Item>
            <Descriptions.Item label={t('结果分类', 'Result classes')}>{p.resultClasses.map((c: string) => <Tag key={c}>{c}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('提醒时间', 'Notice time')}>{p.noticeTime}（{p.zone}）</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={<h2 className="hy-card-h">{t('版本记录', 'Versions')}</h2>}>
          <Table size="small" rowKey="version" pagination={false} dataSource={data.versions} columns={[
            { title: t('版本', 'Version'), dataIndex: 'version', width: 60 }, { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('说明', 'Note'), dataIndex: 'note' }, { title: t('发布时间', 'Published'), dataIndex: 'publishedAt', render: fmtTime },
          ]} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('每件建议按其开始时的版本计算期限。', 'Each case keeps the version it started with.')}</Typography.Paragraph>
        </Card>
        {user?.role === 'admin' && <Card size="small" style={{ marginTop: 12 }} title={<h2 className="hy-card-h">{t('发布新版本', 'Publish a new version')}</h2>}>
          <ErrorAlert error={failure} />
          <Form form={form} layout="vertical" initialValues={{ json: JSON.stringify(p, null, 2) }} onFinish={publish}>
            <Form.Item name="json" label={t('配置（JSON）', 'Profile (JSON)')} rules={[{ required: true }]}><Input.TextArea rows={12} style={{ fontFamily: 'monospace', fontSize: 12 }} /></Form.Item>
            <Form.Item name="note" label={t('版本说明', 'Note')}><Input maxLength={500} /></Form.Item>
            <Button type="primary" htmlType="submit">{t('发布', 'Publish')}</Button>
          </Form>
        </Card>}
      </Col>
    </Row>
  </>;
}
