// The secretariat's review queue: submitted suggestions, oldest first; each opens for a decision.
import { PageTitle } from '../components/bits';
import { SuggestionTable } from '../components/SuggestionTable';
import { useT } from '../lib/i18n';
import { fmtDate } from '../lib/time';

export default function ReviewQueue() {
  const t = useT();
  return <>
    <PageTitle zh="待审核建议" en="Review queue" />
    <SuggestionTable caption={t('待审核建议', 'Review queue')} filters={{ status: 'submitted', sort: 'updated' }}
      extraColumns={[{ title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', width: 120, render: (v) => fmtDate(v) }]} />
  </>;
}
