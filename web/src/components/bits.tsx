// Small pieces every page uses: the page title, status and deadline tags, and error messages.
import type { ReactNode } from 'react';
import { Alert, Tag, Tooltip } from 'antd';
import type { FormInstance } from 'antd';
import { ApiFailure } from '../lib/api';
import { useT } from '../lib/i18n';
import { label, STATUS, STATUS_COLOR } from '../lib/labels';
import { fmtDate, fmtTime, workingDaysLeft, useWorkCalendar } from '../lib/time';

export function PageTitle({ zh, en, extra }: { zh: string; en: string; extra?: ReactNode }) {
  const t = useT();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      <h1 className="hy-h1" style={{ margin: 0 }}>{t(zh, en)}</h1>
      {extra}
    </div>
  );
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{label(t, STATUS, status)}</Tag>;
}

/** Board colours (domain.md §4): green closed, blue on track, yellow at risk, red overdue. */
export type Health = 'green' | 'blue' | 'yellow' | 'red';
export const HEALTH_COLOR: Record<Health, string> = { green: '#52c41a', blue: '#1677ff', yellow: '#faad14', red: '#f5222d' };
export function healthOf(row: { status: string; overdueLevel?: number; nextDueAt?: string | null }, left?: number): Health {
  if (['closed', 'withdrawn', 'rejected', 'converted', 'merged'].includes(row.status)) return 'green';
  if ((row.overdueLevel ?? 0) > 0 || (left !== undefined && left < 0)) return 'red';
  if (left !== undefined && left <= 5) return 'yellow';
  return 'blue';
}

/** The next deadline as a countdown in working days, coloured like the boards. */
export function DueTag({ row }: { row: { status: string; overdueLevel?: number; nextDueAt?: string | null } }) {
  const t = useT();
  const cal = useWorkCalendar([row.nextDueAt]);
  if (!row.nextDueAt) return <span aria-label={t('无待办期限', 'no open deadline')}>—</span>;
  const left = cal ? workingDaysLeft(cal, row.nextDueAt) : undefined;
  const h = healthOf(row, left);
  const color = { green: 'success', blue: 'processing', yellow: 'warning', red: 'error' }[h];
  const text = left === undefined ? fmtDate(row.nextDueAt)
    : left < 0 ? t(`已逾期 ${-left} 天`, `${-left} days overdue`)
    : left === 0 ? t('今日到期', 'due today') : t(`剩 ${left} 个工作日`, `${left} working days left`);
  const level = (row.overdueLevel ?? 0) >= 2 ? t('（督办）', ' (supervised)') : (row.overdueLevel ?? 0) === 1 ? t('（已催办）', ' (chased)') : '';
  return <Tooltip title={`${t('期限', 'Due')} ${fmtTime(row.nextDueAt)}`}><Tag color={color} data-health={h}>{text}{level}</Tag></Tooltip>;
}

export function ErrorAlert({ error, style }: { error?: ApiFailure | null; style?: React.CSSProperties }) {
  const t = useT();
  if (!error) return null;
  const details = error.body.details?.filter((d) => d.reason) ?? [];
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 12, ...style }} message={t(error.body.zh, error.body.en)}
    description={details.length > 1 ? <ul style={{ margin: 0 }}>{details.map((d) => <li key={d.field}>{d.field}: {d.reason}</li>)}</ul> : undefined} />;
}

/** A page whose API is not deployed yet says so instead of failing. */
export function Unavailable({ error, what }: { error: ApiFailure; what: [string, string] }) {
  const t = useT();
  if (error.status === 404 && error.body.code === 'not_found' && /接口不存在|no such endpoint/.test(error.body.zh + error.body.en)) {
    return <Alert type="info" showIcon message={t(`${what[0]}服务尚未开通`, `The ${what[1]} service is not available yet`)}
      description={t('服务器尚未提供该接口，部署后本页将自动显示内容。', 'The server does not offer this endpoint yet; this page fills in once it does.')} />;
  }
  return <ErrorAlert error={error} />;
}

/**
 * Puts the server's refusal next to the field it names (in the current language), or returns it
 * for a banner when no field of this form matches.
 */
export function showFailure(form: FormInstance | undefined, e: unknown, t: (zh: string, en: string) => string): ApiFailure | undefined {
  if (!(e instanceof ApiFailure)) throw e;
  const field = e.body.field?.split('.')[0];
  if (form && field && form.getFieldInstance?.(field) !== undefined) {
    form.setFields([{ name: field, errors: [t(e.body.zh, e.body.en)] }]);
    return undefined;
  }
  if (form && field) {
    // Fields without a registered instance (a Select inside a custom control) still take errors.
    try {
      const known = Object.keys(form.getFieldsValue(true) ?? {});
      if (known.includes(field)) { form.setFields([{ name: field, errors: [t(e.body.zh, e.body.en)] }]); return undefined; }
    } catch { /* fall back to the banner */ }
  }
  return e;
}
