// The facts of a case: who proposed it, who handles it and by when, and what came back.
import { Card, Descriptions, Empty, List, Table, Tag, Typography } from 'antd';
import { useT } from '../../lib/i18n';
import { ASSIGNMENT_STATUS, EXTENSION_STATUS, label, MODE, RATING, RESULT_CLASS, SOURCE, UNIT_ROLE } from '../../lib/labels';
import { useCategories, useUnits } from '../../lib/directory';
import { fmtDate, fmtTime } from '../../lib/time';
import { DueTag } from '../bits';

export function Overview({ s, deputyName }: { s: any; deputyName(id: string): string }) {
  const t = useT();
  const units = useUnits();
  const categories = useCategories();
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  return <>
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
      <Descriptions.Item label={t('领衔代表', 'Lead deputy')}>{deputyName(s.leadDeputyId)}</Descriptions.Item>
      <Descriptions.Item label={t('附议代表', 'Co-signers')}>{s.cosigners.length ? s.cosigners.map((c: any) => <Tag key={c.deputyId}>{deputyName(c.deputyId)}{c.status === 'pending' ? t('（待确认）', ' (pending)') : c.status === 'declined' ? t('（已拒绝）', ' (declined)') : ''}</Tag>) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('来源', 'Source')}>{label(t, SOURCE, s.source)}</Descriptions.Item>
      <Descriptions.Item label={t('分类', 'Category')}>{(() => { const c = categories.find((x) => x.code === s.categoryCode); return c ? t(c.nameZh, c.nameEn ?? c.nameZh) : s.categoryCode ?? '—'; })()}</Descriptions.Item>
      <Descriptions.Item label={t('提交时间', 'Submitted')}>{fmtTime(s.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('交办方式', 'Assignment')}>{label(t, MODE, s.assignMode)}</Descriptions.Item>
      <Descriptions.Item label={t('答复期限', 'Reply due')}>{fmtDate(s.replyDueAt)}</Descriptions.Item>
      <Descriptions.Item label={t('下一期限', 'Next deadline')}><DueTag row={s} /></Descriptions.Item>
      {s.resultClass && <Descriptions.Item label={t('办理结果', 'Result')}>{label(t, RESULT_CLASS, s.resultClass)}</Descriptions.Item>}
      {s.satisfaction && <Descriptions.Item label={t('满意度', 'Satisfaction')}>{label(t, RATING, s.satisfaction)}</Descriptions.Item>}
    </Descriptions>

    <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('建议正文', 'Text')}</Typography.Title>
    <Card size="small"><p className="hy-pre">{s.body}</p></Card>

    {s.assignments.length > 0 && <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('承办单位', 'Handling units')}</Typography.Title>
      <Table size="small" rowKey="unitId" pagination={false} scroll={{ x: 560 }} dataSource={s.assignments} columns={[
        { title: t('单位', 'Unit'), dataIndex: 'unitId', render: unitName },
        { title: t('角色', 'Role'), dataIndex: 'role', render: (v) => label(t, UNIT_ROLE, v) },
        { title: t('状态', 'Status'), dataIndex: 'status', render: (v) => label(t, ASSIGNMENT_STATUS, v) },
        { title: t('首次沟通', 'First contact'), dataIndex: 'firstContactAt', render: (v, a: any) => (v ? fmtDate(v) : a.firstContactDueAt ? `${t('限', 'by')} ${fmtDate(a.firstContactDueAt)}` : '—') },
        { title: t('答复期限', 'Reply due'), dataIndex: 'replyDueAt', render: (v, a: any) => (a.repliedAt ? `${t('已答复', 'replied')} ${fmtDate(a.repliedAt)}` : fmtDate(v)) },
      ]} />
    </>}

    {s.opinions.length > 0 && <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('协办意见', 'Co-handler opinions')}</Typography.Title>
      <List size="small" bordered dataSource={s.opinions} renderItem={(o: any) => <List.Item>
        <div><Typography.Text strong>{unitName(o.unitId)}</Typography.Text> <Typography.Text type="secondary">{fmtTime(o.at)}</Typography.Text>
          <p className="hy-pre">{o.waived ? t(`已免除：${o.waiverReason ?? ''}`, `Waived: ${o.waiverReason ?? ''}`) : o.body}</p></div>
      </List.Item>} />
    </>}

    {s.extensions.length > 0 && <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('延期申请', 'Extension requests')}</Typography.Title>
      <List size="small" bordered dataSource={s.extensions} renderItem={(x: any) => <List.Item>
        {unitName(x.unitId)} · {t('申请延至', 'until')} {fmtDate(x.requestedDueAt)} · <Tag>{label(t, EXTENSION_STATUS, x.status)}</Tag> {x.reason}{x.decisionNote ? ` — ${x.decisionNote}` : ''}
      </List.Item>} />
    </>}

    <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t('答复与评价', 'Replies and evaluations')}</Typography.Title>
    {s.replies.length === 0 ? <Empty description={t('尚未答复', 'No reply yet')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> :
      s.replies.map((r: any) => {
        const ev = s.evaluations.filter((e: any) => e.unitId === r.unitId && e.round === r.round);
        return <Card key={r.id} size="small" style={{ marginBottom: 8 }} title={`${unitName(r.unitId)} · ${label(t, RESULT_CLASS, r.resultClass)}`} extra={fmtDate(r.repliedAt)}>
          <p className="hy-pre">{r.body}</p>
          {r.commitments && <p><Typography.Text strong>{t('承诺事项：', 'Commitments: ')}</Typography.Text>{r.commitments}</p>}
          <Typography.Text type="secondary">{t('签发：', 'Signed by: ')}{r.signedBy}{r.faceToFace ? t('（面复）', ' (face to face)') : ''}</Typography.Text>
          {ev.map((e: any) => <div key={e.id} style={{ marginTop: 8 }}>
            {e.unevaluated ? <Tag>{t('逾期未评价', 'Not evaluated in time')}</Tag> : <>
              <Tag color={e.attitude === 'unsatisfied' ? 'red' : 'green'}>{t('办理态度', 'Attitude')}：{label(t, RATING, e.attitude)}</Tag>
              <Tag color={e.result === 'unsatisfied' ? 'red' : 'green'}>{t('办理结果', 'Result')}：{label(t, RATING, e.result)}</Tag>
              {e.reasons && <span>{e.reasons}</span>}</>}
          </div>)}
        </Card>;
      })}
  </>;
}
