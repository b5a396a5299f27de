// Import a session's suggestions from a spreadsheet (all or nothing, with a row report) and export
// the list as CSV or Excel.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, List, Row, Select, Switch, Typography, Upload } from 'antd';
import { UploadOutlined, DownloadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { ApiFailure, request } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSessions } from '../lib/directory';
import { ErrorAlert, PageTitle } from '../components/bits';

/** The server's report of one bad row (api/transfer/validate.ts). */
interface RowReport { row: number; number?: string; errors: { field: string; column: string; zh: string; en: string }[] }

export default function Transfer() {
  const t = useT();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [result, setResult] = useState<any>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const sessions = useSessions();
  // The newest session is the usual target of an import.
  useEffect(() => { if (sessions?.length && !form.getFieldValue('sessionId')) form.setFieldValue('sessionId', sessions[0].id); }, [sessions, form]);

  const send = async (v: { sessionId: string; dryRun: boolean }) => {
    if (!v.sessionId) { setFailure(new ApiFailure(422, { code: 'invalid_input', zh: '请选择会次', en: 'choose the session', field: 'sessionId' })); return; }
    const file = files[0]?.originFileObj;
    if (!file) { setFailure(new ApiFailure(422, { code: 'invalid_input', zh: '请选择要导入的文件', en: 'choose a file to import', field: 'file' })); return; }
    const form = new FormData();
    form.append('sessionId', v.sessionId);
    form.append('dryRun', String(!!v.dryRun));
    form.append('file', file);
    setBusy(true); setFailure(undefined); setResult(undefined);
    try { setResult(await request('POST', '/imports', undefined, { form })); } catch (e) { setFailure(e as ApiFailure); } finally { setBusy(false); }
  };
  const rows = (Array.isArray(failure?.body.details) ? failure!.body.details : []) as unknown as RowReport[];

  return <>
    <PageTitle zh="导入导出" en="Import and export" />
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={<h2 className="hy-card-h">{t('批量导入建议', 'Import suggestions')}</h2>} extra={<a href="/api/v1/imports/template.xlsx" download>{t('下载导入模板', 'Download the template')}</a>}>
          <Typography.Paragraph type="secondary">{t('整批校验：任何一行有误则全部不导入，并列出每一行的问题。', 'All or nothing: one bad row stops the whole file, and every problem is listed.')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={send} initialValues={{ dryRun: true }}>
            {/* Not marked required: Form.Item would put aria-required on the Select's outer element, which has no role to carry it; send() checks instead. */}
            <Form.Item name="sessionId" label={t('会次', 'Session')}>
              <Select loading={!sessions} options={(sessions ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.startsOn.slice(0, 4)}）` }))} /></Form.Item>
            <Form.Item label={t('文件（.xlsx 或 .csv，不超过 10 MB）', 'File (.xlsx or .csv, up to 10 MB)')} required>
              <Upload beforeUpload={() => false} maxCount={1} fileList={files} onChange={({ fileList }) => setFiles(fileList)} accept=".xlsx,.csv">
                <Button icon={<UploadOutlined />}>{t('选择文件', 'Choose a file')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item name="dryRun" label={t('仅校验，不导入', 'Check only')} valuePropName="checked"><Switch /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('开始', 'Start')}</Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={failure} />
            {rows.length > 0 && <List size="small" bordered dataSource={rows.slice(0, 100)} renderItem={(r: RowReport) => <List.Item style={{ display: 'block' }}>
              <Typography.Text strong>{t(`第 ${r.row} 行`, `Row ${r.row}`)}{r.number ? t(`（编号 ${r.number}）`, ` (no. ${r.number})`) : ''}</Typography.Text>
              {(r.errors ?? []).map((e, i) => <div key={i}>{e.column}：{t(e.zh, e.en)}</div>)}
            </List.Item>} />}
            {result && <Alert type="success" showIcon message={result.dryRun ? t(`校验通过：可导入 ${result.ids.length} 件`, `Checked: ${result.ids.length} can be imported`)
              : t(`已导入 ${result.imported} 件，跳过已存在 ${result.skippedExisting} 件`, `Imported ${result.imported}, skipped ${result.skippedExisting} already present`)} />}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={<h2 className="hy-card-h">{t('导出建议清单', 'Export the list')}</h2>}>
          <Typography.Paragraph type="secondary">{t('导出您可见范围内的全部建议；导出操作记入审计日志。', 'Everything within your scope; the export is audited.')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href="/api/v1/exports/suggestions.xlsx" style={{ marginRight: 8 }}>{t('导出 Excel', 'Excel')}</Button>
          <Button icon={<DownloadOutlined />} href="/api/v1/exports/suggestions.csv">{t('导出 CSV', 'CSV')}</Button>
        </Card>
      </Col>
    </Row>
  </>;
}
