// A deputy's own and co-signed suggestions with how far each has come.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Progress, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageTitle } from '../components/bits';
import { SuggestionTable } from '../components/SuggestionTable';
import { useT } from '../lib/i18n';

/** How far along the usual path a status is, for the progress bar. */
const PROGRESS: Record<string, number> = {
  draft: 5, revising: 10, cosigning: 15, submitted: 25, accepted: 40, handling: 60, rehandling: 65, replied: 85, reviewing: 85,
  closed: 100, merged: 60, withdrawn: 100, rejected: 100, converted: 100,
};
const TABS: Record<string, string[] | undefined> = {
  all: undefined, draft: ['draft', 'revising', 'cosigning'], open: ['submitted', 'accepted', 'handling', 'rehandling', 'merged'], evaluate: ['replied'], closed: ['closed', 'withdrawn', 'rejected', 'converted'],
};

export default function MySuggestions() {
  const t = useT();
  const [tab, setTab] = useState('all');
  return (
    <>
      <PageTitle zh="我的建议" en="My suggestions" extra={<Link to="/new"><Button type="primary" icon={<PlusOutlined />}>{t('提出建议', 'New suggestion')}</Button></Link>} />
      <Segmented value={tab} onChange={(v) => setTab(String(v))} style={{ marginBottom: 12 }} aria-label={t('按阶段筛选', 'Filter by stage')}
        options={[{ value: 'all', label: t('全部', 'All') }, { value: 'draft', label: t('草稿', 'Drafts') }, { value: 'open', label: t('办理中', 'In progress') },
          { value: 'evaluate', label: t('待评价', 'To evaluate') }, { value: 'closed', label: t('已办结', 'Closed') }]} />
      <SuggestionTable caption={t('我的建议', 'My suggestions')} filters={{ status: TABS[tab] }} extraColumns={[{
        title: t('进度', 'Progress'), dataIndex: 'status', width: 140, responsive: ['sm'],
        render: (s) => <Progress percent={PROGRESS[s] ?? 0} size="small" status={s === 'closed' ? 'success' : 'active'} showInfo={false} aria-label={t(`进度 ${PROGRESS[s] ?? 0}%`, `progress ${PROGRESS[s] ?? 0}%`)} />,
      }]} />
    </>
  );
}
