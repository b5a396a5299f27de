// One case command behind a button: a modal form, sent to POST /suggestions/{id}/<path>; the server's
// refusal appears next to the field it names, or above the form.
import { useState, type ReactNode } from 'react';
import { App, Button, Form, Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { ApiFailure, request } from '../lib/api';
import { useT } from '../lib/i18n';
import { ErrorAlert, showFailure } from './bits';

interface Props {
  id: string;
  path: string;
  method?: 'POST' | 'PUT';
  label: string;
  title?: string;
  button?: ButtonProps;
  initialValues?: Record<string, unknown>;
  /** Fields of the form; none means a confirmation only. */
  children?: ReactNode | ((form: FormInstance) => ReactNode);
  toBody?: (values: any) => unknown;
  onDone(detail: any): void;
  okText?: string;
  testId?: string;
}

export function CommandButton({ id, path, method = 'POST', label, title, button, initialValues, children, toBody = (v) => v, onDone, okText, testId }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure>();
  const [form] = Form.useForm();

  const send = async () => {
    let values: any;
    try { values = await form.validateFields(); } catch { return; }
    setBusy(true);
    setError(undefined);
    try {
      const detail = await request(method, `/suggestions/${encodeURIComponent(id)}${path}`, toBody(values ?? {}));
      setOpen(false);
      form.resetFields();
      message.success(t(`${label}：已完成`, `${label}: done`));
      onDone(detail);
    } catch (e) {
      setError(showFailure(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button {...button} onClick={() => { setError(undefined); setOpen(true); }} data-testid={testId}>{label}</Button>
      <Modal open={open} title={title ?? label} onCancel={() => setOpen(false)} onOk={send} confirmLoading={busy} destroyOnHidden
        okText={okText ?? t('确定', 'OK')} cancelText={t('取消', 'Cancel')} width={640}>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={send}>
          {typeof children === 'function' ? children(form) : children ?? <p>{t(`确定要${label}吗？`, `${label}?`)}</p>}
        </Form>
      </Modal>
    </>
  );
}
