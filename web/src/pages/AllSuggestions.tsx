// Every suggestion within the caller's scope, with the list's filters.
import { useState } from 'react';
import { Select, Space } from 'antd';
import { PageTitle } from '../components/bits';
import { SuggestionTable } from '../components/SuggestionTable';
import { useT } from '../lib/i18n';
import { STATUS } from '../lib/labels';

export default function AllSuggestions() {
  const t = useT();
  const [status, setStatus] = useState<string[]>([]);
  const [overdue, setOverdue] = useState<string>();
  return (
    <>
      <PageTitle zh="全部建议" en="All suggestions" />
      <SuggestionTable caption={t('全部建议', 'All suggestions')} filters={{ status, overdue }} toolbar={
        <Space wrap>
          <label htmlFor="f-status" className="sr-only">{t('按状态筛选', 'Filter by status')}</label>
          <Select id="f-status" mode="multiple" allowClear placeholder={t('状态', 'Status')} style={{ minWidth: 200 }}
            value={status} onChange={setStatus} options={Object.entries(STATUS).map(([k, v]) => ({ value: k, label: t(v[0], v[1]) }))} />
          <label htmlFor="f-overdue" className="sr-only">{t('按是否逾期筛选', 'Filter by overdue')}</label>
          <Select id="f-overdue" allowClear placeholder={t('是否逾期', 'Overdue?')} style={{ width: 140 }}
            value={overdue} onChange={setOverdue} options={[{ value: 'true', label: t('已逾期', 'Overdue') }, { value: 'false', label: t('未逾期', 'On time') }]} />
        </Space>} />
    </>
  );
}
