// Sign-in: username and password; the server's reason (wrong password, locked, too many tries) is shown as it says it.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useAuth } from '../lib/auth';
import { ApiFailure } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { HOME } from '../routes';

export default function SignIn() {
  const { user, signIn } = useAuth();
  const t = useT();
  const { lang, setLang } = useLang();
  const [error, setError] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  if (user) return <Navigate to={next?.startsWith('/') ? next : HOME[user.role]} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const u = await signIn(v.username, v.password);
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : HOME[u.role], { replace: true });
    } catch (e) {
      setError(e as ApiFailure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="hy-signin">
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('呼应 · 代表建议办理', 'Huying · Suggestions')}</Typography.Title>
          <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} aria-label={t('界面语言', 'Language')} />
        </div>
        <Typography.Paragraph type="secondary">{t('民有所呼，我有所应', 'What the people ask, we answer')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={t(error.body.zh, error.body.en)} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label={t('用户名', 'Username')} name="username" rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('密码', 'Password')} name="password" rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('登录', 'Sign in')}</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/public">{t('查询已公开的建议答复（无需登录）', 'Read published replies (no sign-in)')}</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
