// What the signed-in user can do with this case now. The workflow has the last word on every
// command; this only offers the buttons that make sense for the role and the stage.
import { Form, Input, Radio, Space } from 'antd';
import { Link } from 'react-router-dom';
import { Button } from 'antd';
import type { Dayjs } from 'dayjs';
import { CommandButton } from '../CommandButton';
import { useAuth } from '../../lib/auth';
import { useT } from '../../lib/i18n';
import { useUnits } from '../../lib/directory';
import { AssignFields, DecisionFields, DisclosureFields, EvaluateFields, ExtensionFields, KeyFields, ReasonField, RehandlingFields, ReplyFields, ReviewFields, UnitSelect } from './forms';

const PRE_ASSIGNMENT = ['draft', 'cosigning', 'submitted', 'revising', 'accepted'];
const OPEN = ['accepted', 'handling', 'replied', 'reviewing', 'rehandling'];

export function CaseActions({ s, onDone }: { s: any; onDone(detail: any): void }) {
  const t = useT();
  const { user } = useAuth();
  const units = useUnits();
  if (!user) return null;
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  const common = { id: s.id, onDone };
  const out: JSX.Element[] = [];
  const live = s.assignments.filter((a: any) => a.status !== 'returned');

  if (user.role === 'deputy') {
    const lead = s.leadDeputyId === user.deputyId;
    const invite = s.cosigners.find((c: any) => c.deputyId === user.deputyId && c.status === 'pending');
    if (lead && ['draft', 'revising'].includes(s.status)) {
      out.push(<Link key="edit" to={`/new?draft=${encodeURIComponent(s.id)}`}><Button>{t('修改草稿', 'Edit draft')}</Button></Link>);
      out.push(<CommandButton key="submit" {...common} path="/submit" label={t('提交建议', 'Submit')} button={{ type: 'primary' }} testId="cmd-submit" />);
    }
    if (invite) {
      out.push(<CommandButton key="cosign" {...common} path="/cosign" label={t('确认附议', 'Confirm co-signing')} button={{ type: 'primary' }} initialValues={{ agree: true }}>
        <Form.Item name="agree" label={t('是否附议', 'Co-sign?')}><Radio.Group options={[{ value: true, label: t('同意附议', 'Agree') }, { value: false, label: t('不附议', 'Decline') }]} /></Form.Item>
        <ReasonField name="note" zh="说明" en="Note" required={false} />
      </CommandButton>);
    }
    if (lead && s.status === 'replied') {
      const pending = live.filter((a: any) => a.role !== 'co' && a.status === 'replied');
      out.push(<CommandButton key="evaluate" {...common} path="/evaluation" label={t('评价办理结果', 'Evaluate the reply')} button={{ type: 'primary' }} testId="cmd-evaluate"
        toBody={(v) => ({ ...v, unitId: pending.length > 1 ? v.unitId : undefined })}>
        {(form) => <>
          {pending.length > 1 && <Form.Item name="unitId" label={t('评价的承办单位', 'Unit rated')} rules={[{ required: true }]}>
            <Radio.Group options={pending.map((a: any) => ({ value: a.unitId, label: unitName(a.unitId) }))} /></Form.Item>}
          <EvaluateFields form={form} />
        </>}
      </CommandButton>);
    }
    if (lead && PRE_ASSIGNMENT.includes(s.status)) {
      out.push(<CommandButton key="withdraw" {...common} path="/withdraw" label={t('撤回建议', 'Withdraw')} button={{ danger: true }}><ReasonField zh="撤回理由" en="Why withdraw" /></CommandButton>);
    }
  }

  if (user.role === 'secretariat') {
    if (s.status === 'submitted') {
      out.push(<CommandButton key="review" {...common} path="/review" label={t('审核', 'Review')} button={{ type: 'primary' }} initialValues={{ decision: 'accept' }} testId="cmd-review"
        toBody={(v) => (v.decision === 'accept' ? { decision: 'accept', categoryCode: v.categoryCode || undefined } : v)}>
        {(form) => <ReviewFields form={form} />}
      </CommandButton>);
    }
    if (s.status === 'accepted') {
      out.push(<CommandButton key="assign" {...common} path="/assignment" label={t('交办', 'Assign')} button={{ type: 'primary' }} initialValues={{ mode: 'single' }} testId="cmd-assign">
        {(form) => <AssignFields form={form} />}
      </CommandButton>);
    }
    for (const a of live.filter((x: any) => x.status === 'return_requested')) {
      out.push(<CommandButton key={`ret-${a.unitId}`} {...common} path="/return-decision" label={t(`审批退回：${unitName(a.unitId)}`, `Return request: ${unitName(a.unitId)}`)}
        button={{ type: 'primary' }} toBody={(v) => ({ ...v, unitId: a.unitId })}>
        <p>{t('退回理由：', 'Reason: ')}{a.returnReason}</p>
        <DecisionFields zh="是否同意退回" en="Approve the return?" />
      </CommandButton>);
    }
    for (const x of s.extensions.filter((e: any) => e.status === 'pending')) {
      out.push(<CommandButton key={`ext-${x.id}`} {...common} path="/extension-decisions" label={t(`审批延期：${unitName(x.unitId)}`, `Extension: ${unitName(x.unitId)}`)}
        button={{ type: 'primary' }} toBody={(v) => ({ ...v, requestId: x.id })}>
        <p>{t('理由：', 'Reason: ')}{x.reason}</p>
        <DecisionFields zh="是否同意延期" en="Approve the extension?" />
      </CommandButton>);
    }
    if (OPEN.includes(s.status) && s.status !== 'accepted') {
      out.push(<CommandButton key="reassign" {...common} path="/reassignment" label={t('调整承办单位', 'Reassign')} initialValues={{ role: 'lead' }}>
        <Form.Item name="unitId" label={t('承办单位', 'Unit')} rules={[{ required: true, message: t('请选择承办单位', 'Choose a unit') }]}><UnitSelect /></Form.Item>
        <Form.Item name="role" label={t('承办角色', 'Role')}><Radio.Group options={[{ value: 'lead', label: t('主办', 'Lead') }, { value: 'co', label: t('协办', 'Co-handler') }, { value: 'separate', label: t('分办', 'Separate') }]} /></Form.Item>
      </CommandButton>);
      for (const a of live.filter((x: any) => x.role === 'co' && !x.opinionAt)) {
        out.push(<CommandButton key={`waive-${a.unitId}`} {...common} path="/opinion-waivers" label={t(`免除协办意见：${unitName(a.unitId)}`, `Waive opinion: ${unitName(a.unitId)}`)}
          toBody={(v) => ({ ...v, unitId: a.unitId })}><ReasonField /></CommandButton>);
      }
    }
    if (s.status === 'reviewing') {
      out.push(<CommandButton key="rehandle" {...common} path="/rehandling-decision" label={t('不满意件处理', 'Decide on re-handling')} button={{ type: 'primary' }}>
        {(form) => <RehandlingFields form={form} unitIds={live.filter((a: any) => a.role !== 'co').map((a: any) => a.unitId)} />}
      </CommandButton>);
    }
    if (['reviewing', 'rehandling'].includes(s.status)) {
      out.push(<CommandButton key="escalate" {...common} path="/escalation" label={t('升级督办', 'Escalate')} initialValues={{ measure: 'joint_meeting' }}>
        <Form.Item name="unitId" label={t('承办单位', 'Unit')} rules={[{ required: true }]}><Radio.Group options={live.filter((a: any) => a.role !== 'co').map((a: any) => ({ value: a.unitId, label: unitName(a.unitId) }))} /></Form.Item>
        <Form.Item name="measure" label={t('措施', 'Measure')}><Radio.Group options={[{ value: 'expert_assessment', label: t('专家评估', 'Expert assessment') }, { value: 'joint_meeting', label: t('联席会议', 'Joint meeting') }]} /></Form.Item>
        <ReasonField name="note" zh="说明" en="Note" />
      </CommandButton>);
    }
    if (s.status === 'closed' && s.replies.length && !s.disclosure) {
      out.push(<CommandButton key="disclose" {...common} path="/disclosure" label={t('答复公开决定', 'Publication decision')} initialValues={{ publish: true }}>
        {(form) => <DisclosureFields form={form} />}
      </CommandButton>);
    }
    if (!s.isKey && OPEN.includes(s.status)) {
      out.push(<CommandButton key="key" {...common} path="/key" label={t('列为重点督办', 'Mark as key')}><KeyFields /></CommandButton>);
    }
  }

  if (user.role === 'unit') {
    const mine = live.find((a: any) => a.unitId === user.unitId);
    if (mine?.status === 'pending') {
      out.push(<CommandButton key="ack" {...common} path="/acknowledge" label={t('签收', 'Acknowledge')} button={{ type: 'primary' }} testId="cmd-acknowledge" />);
      out.push(<CommandButton key="return" {...common} path="/return-request" label={t('申请退回', 'Ask to return')} button={{ danger: true }}>
        <ReasonField zh="退回理由" en="Why return it" />
        <Form.Item name="suggestedUnitIds" label={t('建议改由以下单位办理', 'Suggest these units instead')}><UnitSelect multiple /></Form.Item>
      </CommandButton>);
    }
    const asked = (s.progressRequests ?? []).find((p: any) => p.unitId === user.unitId && p.status === 'pending');
    if (asked) {
      out.push(<CommandButton key="progress" {...common} path="/progress-reports" label={t('报送办理进展', 'Report progress')} button={{ type: 'primary' }} toBody={(v) => ({ ...v, requestId: asked.id })}>
        <p>{t('督办要求：', 'Asked: ')}{asked.note}</p>
        <Form.Item name="body" label={t('办理进展', 'Progress')} rules={[{ required: true, message: t('请填写办理进展', 'Write the progress') }]}><Input.TextArea rows={6} maxLength={20000} showCount /></Form.Item>
      </CommandButton>);
    }
    if (mine && mine.status === 'acknowledged' && mine.role === 'co' && !mine.opinionAt) {
      out.push(<CommandButton key="opinion" {...common} path="/opinions" label={t('提出协办意见', 'Send the co-handler opinion')} button={{ type: 'primary' }}>
        <Form.Item name="body" label={t('协办意见', 'Opinion')} rules={[{ required: true, message: t('请填写协办意见', 'Write the opinion') }]}><Input.TextArea rows={6} maxLength={20000} showCount /></Form.Item>
      </CommandButton>);
    }
    if (mine && mine.status === 'acknowledged' && mine.role !== 'co' && ['handling', 'rehandling'].includes(s.status)) {
      out.push(<CommandButton key="reply" {...common} path="/reply" label={t('答复代表', 'Reply to the deputy')} button={{ type: 'primary' }} initialValues={{ faceToFace: false }} testId="cmd-reply">
        <ReplyFields />
      </CommandButton>);
      out.push(<CommandButton key="extend" {...common} path="/extension-requests" label={t('申请延期', 'Ask for an extension')}
        toBody={(v) => ({ reason: v.reason, until: (v.until as Dayjs).format('YYYY-MM-DD') })}><ExtensionFields /></CommandButton>);
    }
  }

  if (!out.length) return null;
  return <Space wrap aria-label={t('可办理的操作', 'Actions')} role="group">{out}</Space>;
}
