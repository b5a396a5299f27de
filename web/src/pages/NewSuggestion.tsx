// A deputy drafts a suggestion (one matter per item), invites co-signers, proposes units, and either
// keeps it as a draft or submits it. ?draft=<id> continues an existing draft.
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { ApiFailure, get, post, put } from '../lib/api';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';
import { useCategories, useDeputies } from '../lib/directory';
import { ErrorAlert, PageTitle, showFailure } from '../components/bits';
import { UnitSelect } from '../components/case/forms';

export default function NewSuggestion() {
  const t = useT();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiFailure>();
  const [busy, setBusy] = useState<'draft' | 'submit'>();
  const deputies = useDeputies();
  const categories = useCategories();

  useEffect(() => {
    if (!draftId) return;
    get(`/suggestions/${encodeURIComponent(draftId)}`).then((s) => form.setFieldsValue({
      title: s.title, body: s.body, categoryCode: s.categoryCode ?? undefined, cosignerIds: s.cosigners.map((c: any) => c.deputyId), proposedUnitIds: s.proposedUnitIds ?? [],
    }), (e) => setError(e));
  }, [draftId, form]);

  const save = async (submit: boolean) => {
    let v: any;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(submit ? 'submit' : 'draft');
    setError(undefined);
    const draft = { title: v.title, body: v.body, categoryCode: v.categoryCode || undefined, cosignerIds: v.cosignerIds ?? [], proposedUnitIds: v.proposedUnitIds ?? [] };
    try {
      let id = draftId;
      if (id) {
        await put(`/suggestions/${encodeURIComponent(id)}`, draft);
        if (submit) await post(`/suggestions/${encodeURIComponent(id)}/submit`);
      } else {
        id = (await post('/suggestions', { ...draft, submit })).id;
      }
      message.success(submit ? t('建议已提交', 'Suggestion submitted') : t('草稿已保存', 'Draft saved'));
      navigate(`/suggestions/${id}`);
    } catch (e) {
      setError(showFailure(form, e, t));
    } finally {
      setBusy(undefined);
    }
  };

  return <>
    <PageTitle zh={draftId ? '修改建议草稿' : '提出建议'} en={draftId ? 'Edit the draft' : 'New suggestion'} />
    <Card>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('一事一议：每件建议只写一个事项，包括现状、分析和具体建议。', 'One matter per suggestion: the facts, the analysis and a concrete request.')} />
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ cosignerIds: [], proposedUnitIds: [] }} onFinish={() => save(true)}>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, message: t('请填写标题', 'Enter a title') }]}>
          <Input maxLength={200} showCount placeholder={t('关于……的建议', 'On …')} />
        </Form.Item>
        <Form.Item name="body" label={t('正文', 'Text')} rules={[{ required: true, message: t('请填写正文', 'Enter the text') }]}>
          <Input.TextArea rows={10} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('分类', 'Category')}>
          <Select allowClear showSearch optionFilterProp="label" options={categories.map((c) => ({ value: c.code, label: t(c.nameZh, c.nameEn ?? c.nameZh) }))} />
        </Form.Item>
        <Form.Item name="cosignerIds" label={t('联名（附议）代表', 'Co-signers')} extra={t('附议代表确认后建议才进入审核。', 'The suggestion goes to review once the co-signers confirm.')}>
          <Select mode="multiple" showSearch optionFilterProp="label"
            options={deputies.filter((d) => d.id !== user?.deputyId).map((d) => ({ value: d.id, label: `${d.name}${d.delegationName ? `（${d.delegationName}）` : ''}` }))} />
        </Form.Item>
        <Form.Item name="proposedUnitIds" label={t('建议承办单位（可选）', 'Proposed units (optional)')}>
          <UnitSelect multiple />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy === 'submit'} data-testid="submit-suggestion">{t('提交', 'Submit')}</Button>
          <Button onClick={() => save(false)} loading={busy === 'draft'}>{t('保存草稿', 'Save draft')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('草稿可在“我的建议”中继续修改。', 'Drafts stay under “My suggestions”.')}</Typography.Paragraph>
      </Form>
    </Card>
  </>;
}
