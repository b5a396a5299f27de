// A list of suggestions from GET /suggestions with the page's filters, a search box, cursor paging
// and (for bulk actions) row selection.
import { useEffect, useState, type Key, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { get, qs, ApiFailure } from '../lib/api';
import { useT } from '../lib/i18n';
import { fmtDate } from '../lib/time';
import { DueTag, ErrorAlert, StatusTag } from './bits';

export interface Summary {
  id: string; number: string | null; title: string; status: string; step: string; isKey: boolean; categoryCode: string | null;
  nextDueAt: string | null; replyDueAt: string | null; overdueLevel: number; submittedAt: string | null; updatedAt: string;
  resultClass: string | null; satisfaction: string | null; leadDeputyId: string; assignMode: string | null; committeeId: string | null;
}

interface Props {
  filters: Record<string, unknown>;
  extraColumns?: ColumnsType<Summary>;
  selectable?: { selected: Key[]; onChange(keys: Key[], rows: Summary[]): void };
  toolbar?: ReactNode;
  refreshKey?: unknown;
  search?: boolean;
  caption: string;
}

export function SuggestionTable({ filters, extraColumns = [], selectable, toolbar, refreshKey, search = true, caption }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Summary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure>();
  const key = JSON.stringify({ filters, q });

  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const r = await get(`/suggestions${qs({ ...filters, q: q || undefined, limit: 50, cursor: after ?? undefined })}`);
      setRows((prev) => (after ? [...prev, ...r.items] : r.items));
      setTotal(r.total);
      setCursor(r.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(e as ApiFailure);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void load(null); }, [key, refreshKey]);

  const columns: ColumnsType<Summary> = [
    { title: t('编号', 'No.'), dataIndex: 'number', width: 130, render: (v, r) => v ?? <Typography.Text type="secondary">{r.id.slice(-8)}</Typography.Text> },
    { title: t('标题', 'Title'), dataIndex: 'title', render: (v, r) => <><Link to={`/suggestions/${r.id}`}>{v}</Link>{r.isKey && <Tag color="red" style={{ marginLeft: 6 }}>{t('重点', 'Key')}</Tag>}</> },
    { title: t('状态', 'Status'), dataIndex: 'status', width: 130, render: (v) => <StatusTag status={v} /> },
    { title: t('期限', 'Deadline'), dataIndex: 'nextDueAt', width: 170, render: (_v, r) => <DueTag row={r} /> },
    ...extraColumns,
    { title: t('更新', 'Updated'), dataIndex: 'updatedAt', width: 110, responsive: ['md'], render: (v) => fmtDate(v) },
  ];

  return (
    <section aria-label={caption}>
      <div className="hy-toolbar">
        {search && <Input.Search allowClear placeholder={t('按标题、编号或正文搜索', 'Search title, number or text')} aria-label={t('搜索建议', 'Search suggestions')}
          onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 320 }} />}
        {toolbar}
        <Typography.Text type="secondary" aria-live="polite">{t(`共 ${total} 件`, `${total} in all`)}</Typography.Text>
      </div>
      <ErrorAlert error={error} />
      {/* With row selection, AntD's own horizontal scroll adds a hidden measuring row holding focusable checkboxes. */}
      <div style={{ overflowX: 'auto' }}>
      <Table<Summary> rowKey="id" size="middle" columns={columns} dataSource={rows} loading={loading} pagination={false} scroll={selectable ? undefined : { x: 640 }}
        rowSelection={selectable ? { selectedRowKeys: selectable.selected, onChange: selectable.onChange, columnTitle: undefined,
          getCheckboxProps: (r) => ({ 'aria-label': t(`选择 ${r.title}`, `Select ${r.title}`) } as any) } : undefined}
        locale={{ emptyText: t('暂无数据', 'Nothing here') }} />
      </div>
      {cursor && <Button style={{ marginTop: 12 }} onClick={() => load(cursor)} loading={loading}>{t('加载更多', 'Load more')}</Button>}
    </section>
  );
}
