// A handling unit's open items, the nearest deadline first, with the working days left.
import { useState } from 'react';
import { Segmented } from 'antd';
import { PageTitle } from '../components/bits';
import { SuggestionTable } from '../components/SuggestionTable';
import { useAuth } from '../lib/auth';
import { useT } from '../lib/i18n';

export default function Inbox() {
  const t = useT();
  const { user } = useAuth();
  const [tab, setTab] = useState('open');
  const filters = tab === 'open' ? { status: ['handling', 'rehandling'], sort: 'deadline' }
    : tab === 'overdue' ? { status: ['handling', 'rehandling'], overdue: 'true', sort: 'deadline' }
    : { status: ['replied', 'reviewing', 'closed'], sort: '-updated' };
  return (
    <>
      <PageTitle zh="待办件" en="Inbox" />
      <Segmented value={tab} onChange={(v) => setTab(String(v))} style={{ marginBottom: 12 }} aria-label={t('筛选', 'Filter')}
        options={[{ value: 'open', label: t('办理中', 'Open') }, { value: 'overdue', label: t('已逾期', 'Overdue') }, { value: 'done', label: t('已答复', 'Replied') }]} />
      <SuggestionTable caption={t('待办件', 'Inbox')} filters={{ ...filters, unitId: user?.unitId ?? undefined }} />
    </>
  );
}
