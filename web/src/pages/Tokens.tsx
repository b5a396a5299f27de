// API tokens for integrations: issue (shown once), list, revoke.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { ApiFailure, del, post } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useT } from '../lib/i18n';
import { fmtTime } from '../lib/time';
import { ErrorAlert, PageTitle, showFailure } from '../components/bits';

export default function Tokens() {
  const t = useT();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('/tokens');
  const [issued, setIssued] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [form] = Form.useForm();
  const issue = async (v: any) => {
    try { const r = await post('/tokens', v); setIssued(r.token); setFailure(undefined); form.resetFields(); reload(); } catch (e) { setFailure(showFailure(form, e, t)); }
  };
  return <>
    <PageTitle zh="访问令牌" en="API tokens" />
    <ErrorAlert error={error ?? failure} />
    {issued && <Alert type="success" showIcon closable style={{ marginBottom: 12 }} message={t('令牌只显示这一次，请立即保存：', 'Shown this once only; store it now:')}
      description={<Typography.Text code copyable>{issued}</Typography.Text>} />}
    <Form form={form} layout="inline" onFinish={issue} style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item name="userId" label={t('账号编号', 'Account id')} rules={[{ required: true, message: t('请填写账号编号', 'Enter the account id') }]}><Input placeholder="user:…" /></Form.Item>
      <Form.Item name="name" label={t('用途', 'Name')} rules={[{ required: true, message: t('请填写用途', 'Name the token') }]}><Input /></Form.Item>
      <Button type="primary" htmlType="submit">{t('签发令牌', 'Issue')}</Button>
    </Form>
    <Table size="small" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 640 }} columns={[
      { title: t('用途', 'Name'), dataIndex: 'name' },
      { title: t('账号', 'Account'), dataIndex: 'username' },
      { title: t('签发', 'Issued'), dataIndex: 'createdAt', render: fmtTime },
      { title: t('最近使用', 'Last used'), dataIndex: 'lastUsedAt', render: fmtTime },
      { title: t('状态', 'State'), render: (_v, r: any) => (r.revokedAt ? <Tag>{t('已吊销', 'Revoked')}</Tag> : <Popconfirm title={t('吊销后立即失效，确定吗？', 'Revoke now?')}
        onConfirm={() => del(`/tokens/${r.id}`).then(() => { message.success(t('已吊销', 'Revoked')); reload(); })}><Button size="small" danger>{t('吊销', 'Revoke')}</Button></Popconfirm>) },
    ]} />
  </>;
}
