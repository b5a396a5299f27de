// Key suggestions under supervision: the secretariat sees all, a committee those it supervises.
import { PageTitle } from '../components/bits';
import { SuggestionTable } from '../components/SuggestionTable';
import { useT } from '../lib/i18n';
import { useCommittees } from '../lib/directory';
import { Progress } from 'antd';

const PROGRESS: Record<string, number> = { accepted: 20, handling: 50, rehandling: 60, replied: 80, reviewing: 80, closed: 100 };

export default function KeySuggestions() {
  const t = useT();
  const committees = useCommittees();
  return <>
    <PageTitle zh="重点督办建议" en="Key suggestions" />
    <SuggestionTable caption={t('重点督办建议', 'Key suggestions')} filters={{ isKey: 'true', sort: 'deadline' }} extraColumns={[
      { title: t('督办委员会', 'Committee'), dataIndex: 'committeeId', width: 160, responsive: ['md'], render: (v) => committees.find((c) => c.id === v)?.nameZh ?? v ?? '—' },
      { title: t('进度', 'Progress'), dataIndex: 'status', width: 130, responsive: ['sm'], render: (s) => <Progress size="small" percent={PROGRESS[s] ?? 10} showInfo={false} aria-label={t(`进度 ${PROGRESS[s] ?? 10}%`, `progress ${PROGRESS[s] ?? 10}%`)} /> },
    ]} />
  </>;
}
