// One published reply, readable without signing in.
import { useParams } from 'react-router-dom';
import { Card, Skeleton, Tag, Typography } from 'antd';
import { useApi } from '../lib/useApi';
import { useT } from '../lib/i18n';
import { label, RESULT_CLASS } from '../lib/labels';
import { fmtDate } from '../lib/time';
import { ErrorAlert } from '../components/bits';
import { PublicFrame } from './PublicReplies';

export default function PublicReply() {
  const { id = '' } = useParams();
  const t = useT();
  const { data: r, error, loading } = useApi(`/public/replies/${encodeURIComponent(id)}`);
  return <PublicFrame>
    {error?.status === 404 ? <><h1 className="hy-h1">{t('未找到', 'Not found')}</h1><p>{t('该答复不存在或未公开。', 'This reply does not exist or is not published.')}</p></>
      : error ? <ErrorAlert error={error} /> : loading || !r ? <Skeleton active /> : <article>
        <h1 className="hy-h1">{r.title}</h1>
        <div style={{ marginBottom: 12 }}>{r.number && <Tag>{r.number}</Tag>}{r.resultClass && <Tag color="blue">{label(t, RESULT_CLASS, r.resultClass)}</Tag>}</div>
        {r.replies.map((x: any, i: number) => <Card key={i} size="small" style={{ marginBottom: 12 }} title={<h2 className="hy-card-h">{x.unit}</h2>} extra={fmtDate(x.repliedAt)}>
          <Tag>{label(t, RESULT_CLASS, x.resultClass)}</Tag>{x.faceToFace && <Tag>{t('面复', 'Face to face')}</Tag>}
          <Typography.Paragraph className="hy-pre" style={{ marginTop: 8 }}>{x.body}</Typography.Paragraph>
          {x.commitments && <Typography.Paragraph><strong>{t('承诺事项：', 'Commitments: ')}</strong>{x.commitments}</Typography.Paragraph>}
        </Card>)}
      </article>}
  </PublicFrame>;
}
