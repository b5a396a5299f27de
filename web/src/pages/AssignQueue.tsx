// Accepted suggestions waiting for a handling unit; several can be assigned at once to the same units.
import { useState, type Key } from 'react';
import { App, Button, Form, Modal, Progress } from 'antd';
import { PageTitle, ErrorAlert } from '../components/bits';
import { SuggestionTable, type Summary } from '../components/SuggestionTable';
import { AssignFields } from '../components/case/forms';
import { ApiFailure, post } from '../lib/api';
import { useT } from '../lib/i18n';

export default function AssignQueue() {
  const t = useT();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Key[]>([]);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ row: string; error: ApiFailure }[]>([]);
  const [refresh, setRefresh] = useState(0);
  const [rows, setRows] = useState<Summary[]>([]);
  const [form] = Form.useForm();

  const assign = async () => {
    let v: any;
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true); setDone(0); setFailures([]);
    const failed: { row: string; error: ApiFailure }[] = [];
    // One command per case: each workflow decides for itself; a refusal of one does not stop the rest.
    for (const id of selected) {
      try { await post(`/suggestions/${id}/assignment`, v); } catch (e) { failed.push({ row: rows.find((r) => r.id === id)?.title ?? String(id), error: e as ApiFailure }); }
      setDone((n) => n + 1);
    }
    setBusy(false);
    setFailures(failed);
    const ok = selected.length - failed.length;
    message[failed.length ? 'warning' : 'success'](t(`已交办 ${ok} 件${failed.length ? `，${failed.length} 件未成功` : ''}`, `${ok} assigned${failed.length ? `, ${failed.length} refused` : ''}`));
    if (!failed.length) { setOpen(false); form.resetFields(); }
    setSelected([]);
    setRefresh((n) => n + 1);
  };

  return <>
    <PageTitle zh="待交办建议" en="Awaiting assignment" />
    <SuggestionTable caption={t('待交办建议', 'Awaiting assignment')} filters={{ status: 'accepted', sort: 'deadline' }} refreshKey={refresh}
      selectable={{ selected, onChange: (k, r) => { setSelected(k); setRows(r); } }}
      toolbar={<Button type="primary" disabled={!selected.length} onClick={() => setOpen(true)} data-testid="bulk-assign">
        {t(`批量交办（已选 ${selected.length} 件）`, `Assign selected (${selected.length})`)}</Button>} />
    <Modal open={open} title={t(`交办 ${selected.length} 件建议`, `Assign ${selected.length} suggestions`)} onCancel={() => setOpen(false)} onOk={assign}
      confirmLoading={busy} okText={t('交办', 'Assign')} cancelText={t('取消', 'Cancel')} destroyOnHidden width={640}>
      {busy && <Progress percent={Math.round((done / Math.max(1, selected.length)) * 100)} />}
      {failures.map((f) => <ErrorAlert key={f.row} error={new ApiFailure(f.error.status, { ...f.error.body, zh: `${f.row}：${f.error.body.zh}`, en: `${f.row}: ${f.error.body.en}` })} />)}
      <Form form={form} layout="vertical" initialValues={{ mode: 'single' }} preserve={false}><AssignFields form={form} /></Form>
    </Modal>
  </>;
}
