// The console's entry: language, Ant Design's locale, the session, and the routes.
import { StrictMode, Suspense, useEffect, useMemo, useState, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider, useAuth } from './lib/auth';
import { LangContext, initialLang, useT, type Lang } from './lib/i18n';
import { Shell } from './components/Shell';
import { NotFound } from './components/NotFound';
import { HOME, PAGES } from './routes';
import SignIn from './pages/SignIn';
import './styles.css';

const PublicReplies = lazy(() => import('./pages/PublicReplies'));
const PublicReply = lazy(() => import('./pages/PublicReply'));

// Secondary texts darker than AntD's defaults, so they keep a 4.5:1 contrast (WCAG AA); no
// animation for people who asked their system for less motion.
const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const THEME = { token: { motion: !reducedMotion, colorPrimary: '#b71c1c', borderRadius: 4, colorTextSecondary: 'rgba(0,0,0,0.65)', colorTextDescription: 'rgba(0,0,0,0.65)', colorTextTertiary: 'rgba(0,0,0,0.6)', colorTextPlaceholder: 'rgba(0,0,0,0.55)',
  colorLink: '#0050b3', colorError: '#cf1322', colorSuccess: '#389e0d', colorWarning: '#ad6800', colorInfo: '#0050b3' } };

const Loading = () => {
  const t = useT();
  return <div className="hy-loading"><Spin tip={t('加载中…', 'Loading…')}><div style={{ width: 120, height: 60 }} /></Spin></div>;
};

function Guard({ roles, children }: { roles: string[]; children: JSX.Element }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(user.role)) return <Shell><NotFound /></Shell>;
  return <Shell><Suspense fallback={<Loading />}>{children}</Suspense></Shell>;
}

function Home() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  return <Navigate to={user ? HOME[user.role] : '/sign-in'} replace />;
}

function Root() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = (l: Lang) => { localStorage.setItem('huying.lang', l); setLangState(l); };
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);
  const ctx = useMemo(() => ({ lang, setLang }), [lang]);
  return (
    <LangContext.Provider value={ctx}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
        <AntApp>
          <AuthProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/sign-in" element={<SignIn />} />
                <Route path="/public" element={<Suspense fallback={<Loading />}><PublicReplies /></Suspense>} />
                <Route path="/public/:id" element={<Suspense fallback={<Loading />}><PublicReply /></Suspense>} />
                {PAGES.map((p) => <Route key={p.path} path={p.path} element={<Guard roles={p.roles}><p.page /></Guard>} />)}
                <Route path="*" element={<Guard roles={['deputy', 'unit', 'secretariat', 'committee', 'admin']}><NotFound /></Guard>} />
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Root /></StrictMode>);
