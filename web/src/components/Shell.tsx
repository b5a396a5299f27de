// The frame of every signed-in page: the menu for the user's role, the language switch, notifications
// and sign-out. On a phone the menu moves into a drawer behind a button.
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { BellOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useAuth } from '../lib/auth';
import { useLang, useT } from '../lib/i18n';
import { label, ROLE } from '../lib/labels';
import { get } from '../lib/api';
import { PAGES } from '../routes';

const { Header, Sider, Content } = Layout;

function useUnread(): number | undefined {
  const [n, setN] = useState<number>();
  const { pathname } = useLocation();
  useEffect(() => {
    // The notification service may not be deployed; then the bell shows no count.
    get('/notifications/unread-count').then((r) => setN(Number(r.count ?? r.unread ?? 0)), () => setN(undefined));
  }, [pathname]);
  return n;
}

export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const { lang, setLang } = useLang();
  const t = useT();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const unread = useUnread();
  useEffect(() => setOpen(false), [pathname]);
  if (!user) return null;

  const items = PAGES.filter((p) => p.menu && p.roles.includes(user.role)).map((p) => ({ key: p.path, label: <Link to={p.path}>{t(p.zh, p.en)}</Link> }));
  const selected = items.map((i) => i.key).filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length).slice(0, 1);
  const menu = <Menu mode="inline" items={items} selectedKeys={selected} aria-label={t('主菜单', 'Main menu')} style={{ borderInlineEnd: 0 }} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && <Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div className="hy-brand"><Link to="/">呼应</Link><span>{t('代表建议办理', 'Suggestions')}</span></div>
        <nav aria-label={t('主菜单', 'Main menu')}>{menu}</nav>
      </Sider>}
      {phone && <Drawer open={open} onClose={() => setOpen(false)} placement="left" width={240} title={t('呼应 · 代表建议办理', 'Huying')} styles={{ body: { padding: 0 } }}>
        <nav aria-label={t('主菜单', 'Main menu')}>{menu}</nav>
      </Drawer>}
      <Layout>
        <Header className="hy-header">
          <Space size="small">
            {phone && <Button type="text" icon={<MenuOutlined />} aria-label={t('打开菜单', 'Open the menu')} onClick={() => setOpen(true)} />}
            {phone && <Typography.Text strong>呼应</Typography.Text>}
          </Space>
          <Space size={phone ? 'small' : 'middle'} wrap={false}>
            <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} aria-label={t('界面语言', 'Language')} />
            <Badge count={unread} size="small" offset={[-4, 4]}>
              <Button type="text" icon={<BellOutlined />} onClick={() => navigate('/notifications')}
                aria-label={unread ? t(`消息通知，${unread} 条未读`, `Notifications, ${unread} unread`) : t('消息通知', 'Notifications')} />
            </Badge>
            {!phone && <Typography.Text data-testid="who">{user.displayName}（{label(t, ROLE, user.role)}）</Typography.Text>}
            <Button type="text" icon={<LogoutOutlined />} onClick={() => signOut().then(() => navigate('/sign-in'))} aria-label={t('退出登录', 'Sign out')}>
              {phone ? null : t('退出', 'Sign out')}
            </Button>
          </Space>
        </Header>
        <Content className="hy-content" id="main">{children}</Content>
      </Layout>
    </Layout>
  );
}
