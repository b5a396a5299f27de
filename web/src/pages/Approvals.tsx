// Return requests and extension requests waiting for the secretariat: the list's pending filter
// finds the cases, and only those are read in detail for the unit, the reason and the date asked.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { get, qs } from '../lib/api';
import { useT } from '../lib/i18n';
import { useUnits } from '../lib/directory';
import { fmtDate } from '../lib/time';
import { PageTitle } from '../components/bits';
import { CommandButton } from '../components/CommandButton';
import { DecisionFields } from '../components/case/forms';

const PAGE = 100;

interface Pending { kind: 'return' | 'extension'; s: any; unitId: string; reason: string; requestId?: string; until?: string }

export default function Approvals() {
  const t = useT();
  const units = useUnits();
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  const [items, setItems] = useState<Pending[]>();
  const [total, setTotal] = useState(0);
  const [shown, setShown] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      // Oldest request first would need the request's date; the deadline order puts the most urgent first.
      const [returns, extensions] = await Promise.all((['return', 'extension'] as const).map((pending) => get(`/suggestions${qs({ pending, sort: 'deadline', limit: PAGE })}`)));
      const cases = new Map<string, any>([...returns.items, ...extensions.items].map((x: any) => [x.id, x]));
      const out: Pending[] = [];
      const ids = [...cases.keys()];
      for (let i = 0; i < ids.length; i += 8) {
        const details = await Promise.all(ids.slice(i, i + 8).map((id) => get(`/suggestions/${id}`).catch(() => null)));
        for (const s of details.filter(Boolean)) {
          for (const a of s.assignments.filter((x: any) => x.status === 'return_requested')) out.push({ kind: 'return', s, unitId: a.unitId, reason: a.returnReason ?? '' });
          for (const x of s.extensions.filter((e: any) => e.status === 'pending')) out.push({ kind: 'extension', s, unitId: x.unitId, reason: x.reason, requestId: x.id, until: x.requestedDueAt });
        }
      }
      if (live) { setItems(out); setTotal(returns.total + extensions.total); setShown(returns.items.length + extensions.items.length); }
    })().catch(() => live && setItems([]));
    return () => { live = false; };
  }, [tick]);

  const reload = () => setTick((n) => n + 1);
  return <>
    <PageTitle zh="退回与延期审批" en="Return and extension approvals" />
    {total > shown && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(`共有 ${total} 件待审批，先显示期限最近的 ${shown} 件；处理后刷新可见其余`, `${total} cases wait; the ${shown} with the nearest deadlines are shown, the rest appear as these are decided`)} />}
    {!items ? <Spin /> : items.length === 0 ? <Empty description={t('没有待审批的申请', 'Nothing to approve')} /> : (
      <List grid={{ gutter: 12, xs: 1, md: 2 }} dataSource={items} renderItem={(p) => (
        <List.Item>
          <Card size="small" title={<>{p.kind === 'return' ? <Tag color="orange">{t('申请退回', 'Return')}</Tag> : <Tag color="blue">{t('申请延期', 'Extension')}</Tag>}<Link to={`/suggestions/${p.s.id}`}>{p.s.title}</Link></>}>
            <Typography.Paragraph>{unitName(p.unitId)}{p.until ? ` · ${t('延至', 'until')} ${fmtDate(p.until)}` : ''}</Typography.Paragraph>
            <Typography.Paragraph className="hy-pre">{t('理由：', 'Reason: ')}{p.reason}</Typography.Paragraph>
            {p.kind === 'return'
              ? <CommandButton id={p.s.id} path="/return-decision" label={t('审批退回', 'Decide the return')} button={{ type: 'primary' }} onDone={reload} toBody={(v) => ({ ...v, unitId: p.unitId })}>
                  <DecisionFields zh="是否同意退回" en="Approve the return?" /></CommandButton>
              : <CommandButton id={p.s.id} path="/extension-decisions" label={t('审批延期', 'Decide the extension')} button={{ type: 'primary' }} onDone={reload} toBody={(v) => ({ ...v, requestId: p.requestId })}>
                  <DecisionFields zh="是否同意延期" en="Approve the extension?" /></CommandButton>}
          </Card>
        </List.Item>
      )} />
    )}
  </>;
}
