// The user's in-app notifications (reminders, chases, assignments, replies…) and how they want them.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Badge, Button, Card, Form, Input, List, Radio, Segmented, Space, Switch, Typography } from 'antd';
import { ApiFailure, post, put } from '../lib/api';
import { useApi } from '../lib/useApi';
import { useT } from '../lib/i18n';
import { fmtTime } from '../lib/time';
import { ErrorAlert, PageTitle, Unavailable, showFailure } from '../components/bits';

function Preferences() {
  const t = useT();
  const { message } = App.useApp();
  const { data, error } = useApi('/notifications/preferences');
  const [form] = Form.useForm();
  const [failure, setFailure] = useState<ApiFailure>();
  if (error) return <Unavailable error={error} what={['通知设置', 'notification settings']} />;
  if (!data) return null;
  const save = async (v: any) => {
    try {
      await put('/notifications/preferences', { emailEnabled: v.emailEnabled, mode: v.mode, email: v.email ? v.email : null });
      setFailure(undefined);
      message.success(t('通知设置已保存', 'Settings saved'));
    } catch (e) { setFailure(showFailure(form, e, t)); }
  };
  return <Card size="small" title={<h2 className="hy-card-h">{t('通知设置', 'Settings')}</h2>}>
    <ErrorAlert error={failure} />
    <Form form={form} layout="vertical" initialValues={{ emailEnabled: data.emailEnabled, mode: data.mode, email: data.email ?? '' }} onFinish={save}>
      <Form.Item name="emailEnabled" label={t('接收邮件通知', 'E-mail notifications')} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="email" label={t(`接收邮箱（留空使用账号邮箱${data.accountEmail ? `：${data.accountEmail}` : ''}）`, `E-mail address (empty: the account's${data.accountEmail ? `, ${data.accountEmail}` : ''})`)}><Input type="email" /></Form.Item>
      <Form.Item name="mode" label={t('发送方式', 'Rhythm')}><Radio.Group options={[{ value: 'immediate', label: t('即时', 'Immediately') }, { value: 'digest', label: t('每日汇总', 'Daily digest') }]} /></Form.Item>
      <Button htmlType="submit">{t('保存', 'Save')}</Button>
    </Form>
  </Card>;
}

export default function Notifications() {
  const t = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, loading, reload } = useApi(`/notifications?limit=50${unreadOnly ? '&unread=true' : ''}`);
  const read = async (id: string) => { await post(`/notifications/${id}/read`).catch(() => undefined); reload(); };
  return <>
    <PageTitle zh="消息通知" en="Notifications" extra={data && <Button onClick={() => post('/notifications/read-all').then(reload)} disabled={!data.unread}>{t('全部标为已读', 'Mark all read')}</Button>} />
    {error ? <Unavailable error={error} what={['消息通知', 'notification']} /> : <>
      <Segmented value={unreadOnly ? 'unread' : 'all'} onChange={(v) => setUnreadOnly(v === 'unread')} style={{ marginBottom: 12 }} aria-label={t('筛选', 'Filter')}
        options={[{ value: 'all', label: t('全部', 'All') }, { value: 'unread', label: t(`未读 ${data?.unread ?? ''}`, `Unread ${data?.unread ?? ''}`) }]} />
      <List loading={loading} bordered style={{ background: '#fff', marginBottom: 16 }} dataSource={data?.items ?? []} locale={{ emptyText: t('没有通知', 'No notifications') }}
        renderItem={(n: any) => <List.Item actions={n.read ? [] : [<Button key="r" size="small" onClick={() => read(n.id)}>{t('标为已读', 'Mark read')}</Button>]}>
          <List.Item.Meta title={<Space>{!n.read && <><Badge status="error" /><span className="sr-only">{t('未读', 'unread')}</span></>}{n.suggestionId ? <Link to={`/suggestions/${n.suggestionId}`} onClick={() => read(n.id)}>{n.subject}</Link> : n.subject}</Space>}
            description={<><Typography.Paragraph className="hy-pre" style={{ marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>{n.body}</Typography.Paragraph><Typography.Text type="secondary">{fmtTime(n.createdAt)}</Typography.Text></>} />
        </List.Item>} />
    </>}
    <Preferences />
  </>;
}
