// Published replies for anyone, no sign-in: search by title or number, read the answer.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Input, List, Segmented, Tag, Typography } from 'antd';
import { ApiFailure, get, qs } from '../lib/api';
import { useLang, useT } from '../lib/i18n';
import { label, RESULT_CLASS } from '../lib/labels';
import { fmtDate } from '../lib/time';
import { ErrorAlert } from '../components/bits';

export function PublicFrame({ children }: { children: React.ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  return <div style={{ minHeight: '100vh' }}>
    <header className="hy-header" style={{ height: 56 }}>
      <Link to="/public" style={{ fontWeight: 700, color: '#b71c1c', fontSize: 18 }}>{t('呼应 · 建议答复公开', 'Huying · Published replies')}</Link>
      <span style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} aria-label={t('界面语言', 'Language')} />
        <Link to="/sign-in">{t('工作人员登录', 'Staff sign-in')}</Link>
      </span>
    </header>
    <main className="hy-content" style={{ maxWidth: 960, margin: '0 auto' }}>{children}</main>
  </div>;
}

export default function PublicReplies() {
  const t = useT();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<any[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure>();
  const [loading, setLoading] = useState(true);
  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const r = await get(`/public/replies${qs({ q: q || undefined, cursor: after ?? undefined, limit: 20 })}`);
      setItems((prev) => (after ? [...prev, ...r.items] : r.items)); setCursor(r.nextCursor); setError(undefined);
    } catch (e) { setError(e as ApiFailure); } finally { setLoading(false); }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void load(null); }, [q]);
  return <PublicFrame>
    <h1 className="hy-h1">{t('代表建议答复公开', 'Published replies to deputies\' suggestions')}</h1>
    <Typography.Paragraph type="secondary">{t('以下为已经公开的承办单位答复，代表个人信息已隐去。', 'Replies that were published; deputies\' personal data is removed.')}</Typography.Paragraph>
    <Input.Search allowClear enterButton={t('搜索', 'Search')} placeholder={t('按标题或编号搜索', 'Search by title or number')} aria-label={t('搜索公开答复', 'Search published replies')} onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 12 }} />
    <ErrorAlert error={error} />
    <List loading={loading} dataSource={items} locale={{ emptyText: t('没有找到公开的答复', 'No published reply found') }} renderItem={(r: any) => (
      <List.Item style={{ display: 'block', padding: 0, border: 0 }}><Card size="small" style={{ marginBottom: 8 }}>
        <Link to={`/public/${r.id}`} style={{ fontSize: 16 }}>{r.title}</Link>
        <div style={{ marginTop: 4 }}>
          {r.number && <Tag>{r.number}</Tag>}{r.categoryCode && <Tag>{r.category ? t(r.category.nameZh, r.category.nameEn ?? r.category.nameZh) : r.categoryCode}</Tag>}
          {r.resultClass && <Tag color="blue">{label(t, RESULT_CLASS, r.resultClass)}</Tag>}
          <Typography.Text type="secondary">{(r.units ?? []).join('、')} · {fmtDate(r.repliedAt)}</Typography.Text>
        </div>
      </Card></List.Item>
    )} />
    {cursor && <Button onClick={() => load(cursor)} loading={loading}>{t('加载更多', 'Load more')}</Button>}
  </PublicFrame>;
}
