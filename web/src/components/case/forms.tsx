// The form fields of each command, named as the API names them, so a refusal lands on its field.
import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from '../../lib/i18n';
import { CHANNEL, PHASE, RATING, RESULT_CLASS, MODE } from '../../lib/labels';
import { useCommittees, useUnits } from '../../lib/directory';

const req = (msg: string) => [{ required: true, message: msg }];
const options = (t: (z: string, e: string) => string, table: Record<string, [string, string]>, keys = Object.keys(table)) => keys.map((k) => ({ value: k, label: t(table[k][0], table[k][1]) }));

export function ReasonField({ name = 'reason', zh = '理由', en = 'Reason', required = true }: { name?: string; zh?: string; en?: string; required?: boolean }) {
  const t = useT();
  return <Form.Item name={name} label={t(zh, en)} rules={required ? req(t(`请填写${zh}`, `${en} is required`)) : []}><Input.TextArea rows={3} maxLength={2000} showCount /></Form.Item>;
}

export function UnitSelect({ multiple, ...rest }: { multiple?: boolean; id?: string; value?: any; onChange?: any }) {
  const units = useUnits();
  const t = useT();
  return <Select {...rest} mode={multiple ? 'multiple' : undefined} showSearch optionFilterProp="label" allowClear placeholder={t('选择承办单位', 'Choose a unit')}
    options={units.map((u) => ({ value: u.id, label: `${u.nameZh}${u.shortZh && u.shortZh !== u.nameZh ? `（${u.shortZh}）` : ''}` }))} />;
}

export function ReviewFields({ form }: { form: FormInstance }) {
  const t = useT();
  const decision = Form.useWatch('decision', form);
  return <>
    <Form.Item name="decision" label={t('审核意见', 'Decision')} rules={req(t('请选择审核意见', 'Choose a decision'))}>
      <Radio.Group options={[
        { value: 'accept', label: t('受理', 'Accept') }, { value: 'return', label: t('退回修改', 'Return for revision') },
        { value: 'reject', label: t('不予受理', 'Reject') }, { value: 'convert', label: t('转为代表来信', 'Convert to a letter') }, { value: 'merge', label: t('并案', 'Merge') }]} />
    </Form.Item>
    {decision === 'accept' && <Form.Item name="categoryCode" label={t('分类代码（可选）', 'Category code (optional)')}><Input maxLength={16} /></Form.Item>}
    {decision === 'merge' && <Form.Item name="intoId" label={t('并入的建议编号', 'Merge into (suggestion id)')} rules={req(t('请填写并入的建议', 'Name the suggestion to merge into'))}><Input /></Form.Item>}
    {decision && decision !== 'accept' && <ReasonField />}
  </>;
}

export function AssignFields({ form }: { form: FormInstance }) {
  const t = useT();
  const mode = Form.useWatch('mode', form);
  return <>
    <Form.Item name="mode" label={t('交办方式', 'Mode')} rules={req(t('请选择交办方式', 'Choose a mode'))}>
      <Radio.Group options={options(t, MODE)} />
    </Form.Item>
    {mode !== 'separate' && <Form.Item name="leadUnitId" label={mode === 'lead_co' ? t('主办单位', 'Lead unit') : t('承办单位', 'Handling unit')} rules={req(t('请选择承办单位', 'Choose a unit'))}>
      <UnitSelect />
    </Form.Item>}
    {mode === 'lead_co' && <Form.Item name="coUnitIds" label={t('协办单位', 'Co-handling units')} rules={req(t('请选择协办单位', 'Choose co-handlers'))}><UnitSelect multiple /></Form.Item>}
    {mode === 'separate' && <Form.Item name="separateUnitIds" label={t('分办单位', 'Separate units')} rules={req(t('请选择分办单位', 'Choose the units'))}><UnitSelect multiple /></Form.Item>}
  </>;
}

export function CommunicateFields() {
  const t = useT();
  return <>
    <Form.Item name="phase" label={t('沟通阶段', 'Phase')} rules={req(t('请选择阶段', 'Choose a phase'))}><Radio.Group options={options(t, PHASE)} /></Form.Item>
    <Form.Item name="channel" label={t('沟通方式', 'Channel')} rules={req(t('请选择方式', 'Choose a channel'))}><Select options={options(t, CHANNEL)} /></Form.Item>
    <Form.Item name="participants" label={t('参与人员', 'Participants')}><Input maxLength={500} /></Form.Item>
    <Form.Item name="summary" label={t('沟通内容', 'Summary')} rules={req(t('请填写沟通内容', 'Write what was said'))}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
  </>;
}

export function ReplyFields() {
  const t = useT();
  return <>
    <Form.Item name="resultClass" label={t('办理结果分类', 'Result class')} rules={req(t('请选择办理结果分类', 'Choose a result class'))}>
      <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={options(t, RESULT_CLASS)} />
    </Form.Item>
    <Form.Item name="body" label={t('答复正文（逐条答复）', 'Reply (point by point)')} rules={req(t('请填写答复正文', 'Write the reply'))}><Input.TextArea rows={6} maxLength={50000} showCount /></Form.Item>
    <Form.Item name="commitments" label={t('承诺事项（B、C 类）', 'Commitments (B and C)')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
    <Form.Item name="signedBy" label={t('签发领导', 'Signed by')} rules={req(t('请填写签发领导', 'Name the signing leader'))}><Input maxLength={100} /></Form.Item>
    <Form.Item name="faceToFace" label={t('当面答复（面复）', 'Replied face to face')} valuePropName="checked"><Switch /></Form.Item>
  </>;
}

export function EvaluateFields({ form }: { form: FormInstance }) {
  const t = useT();
  const attitude = Form.useWatch('attitude', form);
  const result = Form.useWatch('result', form);
  const unhappy = attitude === 'unsatisfied' || result === 'unsatisfied';
  const ratings = options(t, RATING, ['satisfied', 'basically_satisfied', 'unsatisfied']);
  return <>
    <Form.Item name="attitude" label={t('办理态度', 'Handling attitude')} rules={req(t('请评价办理态度', 'Rate the attitude'))}><Radio.Group options={ratings} /></Form.Item>
    <Form.Item name="result" label={t('办理结果', 'Handling result')} rules={req(t('请评价办理结果', 'Rate the result'))}><Radio.Group options={ratings} /></Form.Item>
    {/* dependencies: changing a rating re-checks the reasons, so a stale "required" clears at once. */}
    <Form.Item name="reasons" dependencies={['attitude', 'result']} label={unhappy ? t('不满意的理由（必填）', 'Why unsatisfied (required)') : t('意见（可选）', 'Remarks (optional)')}
      rules={[({ getFieldValue }) => ({
        validator: (_r, v) => ((getFieldValue('attitude') === 'unsatisfied' || getFieldValue('result') === 'unsatisfied') && !v?.trim()
          ? Promise.reject(new Error(t('选择“不满意”时须填写理由', 'Reasons are required when unsatisfied'))) : Promise.resolve()),
      })]}>
      <Input.TextArea rows={4} maxLength={5000} showCount />
    </Form.Item>
  </>;
}

export function ExtensionFields() {
  const t = useT();
  return <>
    <Form.Item name="until" label={t('申请延至', 'Extend until')} rules={req(t('请选择日期', 'Choose a date'))}><DatePicker style={{ width: '100%' }} /></Form.Item>
    <ReasonField zh="延期理由" en="Reason for the extension" />
  </>;
}

export function DecisionFields({ zh, en }: { zh: string; en: string }) {
  const t = useT();
  return <>
    <Form.Item name="approve" label={t(zh, en)} rules={req(t('请选择', 'Choose'))}>
      <Radio.Group options={[{ value: true, label: t('同意', 'Approve') }, { value: false, label: t('不同意', 'Refuse') }]} />
    </Form.Item>
    <ReasonField name="note" zh="审批意见" en="Note" required={false} />
  </>;
}

export function KeyFields() {
  const t = useT();
  const committees = useCommittees();
  return <>
    <Form.Item name="committeeId" label={t('督办委员会', 'Supervising committee')} rules={req(t('请选择专门委员会', 'Choose a committee'))}>
      <Select options={committees.map((c) => ({ value: c.id, label: c.nameZh }))} aria-label={t('督办委员会', 'Supervising committee')} />
    </Form.Item>
    <Form.Item name="decision" label={t('决定依据', 'Decision')} rules={req(t('请填写决定依据', 'Record the decision'))}><Input maxLength={500} placeholder={t('如：委员长会议确定为重点督办建议', 'e.g. chosen by the chairpersons\' meeting')} /></Form.Item>
    <Form.Item name="supervisingLeader" label={t('督办领导', 'Supervising leader')}><Input maxLength={100} /></Form.Item>
    <Form.Item name="governmentLeader" label={t('牵头政府领导', 'Government leader')}><Input maxLength={100} /></Form.Item>
  </>;
}

export function RehandlingFields({ form, unitIds }: { form: FormInstance; unitIds: string[] }) {
  const t = useT();
  const decision = Form.useWatch('decision', form);
  const units = useUnits();
  return <>
    <Form.Item name="decision" label={t('决定', 'Decision')} rules={req(t('请选择', 'Choose'))}>
      <Radio.Group options={[{ value: 'rehandle', label: t('责成重新办理', 'Order re-handling') }, { value: 'close', label: t('说明情况后办结', 'Close with an explanation') }]} />
    </Form.Item>
    {decision === 'rehandle' && <>
      <Form.Item name="unitId" label={t('重新办理单位', 'Unit')} rules={req(t('请选择单位', 'Choose the unit'))}>
        <Select options={unitIds.map((u) => ({ value: u, label: units.find((x) => x.id === u)?.nameZh ?? u }))} aria-label={t('重新办理单位', 'Unit')} />
      </Form.Item>
      <Form.Item name="bySuperior" label={t('由上级主管部门督促办理', 'By the unit\'s superior')} valuePropName="checked"><Switch /></Form.Item>
    </>}
    <ReasonField name="note" zh="说明" en="Note" />
  </>;
}

export function DisclosureFields({ form }: { form: FormInstance }) {
  const t = useT();
  const publish = Form.useWatch('publish', form);
  return <>
    <Form.Item name="publish" label={t('答复是否公开', 'Publish the reply?')} rules={req(t('请选择', 'Choose'))}>
      <Radio.Group options={[{ value: true, label: t('公开', 'Publish') }, { value: false, label: t('不公开', 'Withhold') }]} />
    </Form.Item>
    {publish === false && <Form.Item name="reason" label={t('不公开理由', 'Reason')} rules={req(t('请选择理由', 'Choose a reason'))}>
      <Select options={[
        { value: 'deputy_objection', label: t('代表不同意公开', 'The deputy objects') }, { value: 'state_secret', label: t('涉及国家秘密', 'State secret') },
        { value: 'trade_secret', label: t('涉及商业秘密', 'Trade secret') }, { value: 'private_data', label: t('涉及个人隐私', 'Private data') }, { value: 'other', label: t('其他', 'Other') }]} />
    </Form.Item>}
    <ReasonField name="note" zh="说明" en="Note" required={false} />
  </>;
}
