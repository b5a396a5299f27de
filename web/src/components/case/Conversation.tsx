// 一建议一群组: one conversation per suggestion among the deputies, the units and the secretariat,
// every contact logged with its phase and channel.
import { useState } from 'react';
import { Empty, Segmented, Tag, Typography } from 'antd';
import { CommandButton } from '../CommandButton';
import { CommunicateFields } from './forms';
import { useAuth } from '../../lib/auth';
import { useT } from '../../lib/i18n';
import { CHANNEL, label, PHASE, ROLE, UNIT_ROLE } from '../../lib/labels';
import { useUnits } from '../../lib/directory';
import { fmtTime } from '../../lib/time';

export function Conversation({ s, deputyName, onDone }: { s: any; deputyName(id: string): string; onDone(d: any): void }) {
  const t = useT();
  const { user } = useAuth();
  const units = useUnits();
  const [phase, setPhase] = useState('all');
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  const live = s.assignments.filter((a: any) => a.status !== 'returned');
  const members = [
    `${t('领衔代表', 'Lead deputy')} ${deputyName(s.leadDeputyId)}`,
    ...s.cosigners.filter((c: any) => c.status === 'confirmed').map((c: any) => `${t('附议代表', 'Co-signer')} ${deputyName(c.deputyId)}`),
    ...live.map((a: any) => `${label(t, UNIT_ROLE, a.role)} ${unitName(a.unitId)}`),
    t('秘书处', 'Secretariat'),
  ];
  const shown = s.communications.filter((c: any) => phase === 'all' || c.phase === phase);
  const mayWrite = user && (user.role === 'secretariat' || user.role === 'deputy' || (user.role === 'unit' && live.some((a: any) => a.unitId === user.unitId && a.status === 'acknowledged')));
  const author = (c: any) => (c.unitId ? unitName(c.unitId) : c.authorRole === 'deputy' ? deputyName(c.authorId.replace(/^user:/, '')) : label(t, ROLE, c.authorRole));
  const mine = (c: any) => (user?.role === 'unit' ? c.unitId === user.unitId : c.authorId === user?.id || c.authorId === user?.deputyId);

  return (
    <section aria-label={t('沟通群组', 'Conversation')}>
      <Typography.Paragraph type="secondary">{t('群组成员：', 'Members: ')}{members.join('、')}</Typography.Paragraph>
      <div className="hy-toolbar">
        <Segmented value={phase} onChange={(v) => setPhase(String(v))} aria-label={t('按沟通阶段筛选', 'Filter by phase')}
          options={[{ value: 'all', label: t('全部', 'All') }, ...Object.entries(PHASE).map(([k, v]) => ({ value: k, label: `${t(v[0], v[1])} ${s.communications.filter((c: any) => c.phase === k).length}` }))]} />
        {mayWrite && ['handling', 'rehandling', 'replied', 'reviewing', 'accepted'].includes(s.status) &&
          <CommandButton id={s.id} path="/communications" label={t('记录沟通', 'Log a contact')} button={{ type: 'primary' }} onDone={onDone}
            initialValues={{ phase: s.status === 'replied' ? 'after' : s.communications.length ? 'during' : 'before', channel: user?.role === 'deputy' ? 'message' : 'phone' }} testId="cmd-communicate">
            <CommunicateFields />
          </CommandButton>}
      </div>
      {shown.length === 0 ? <Empty description={t('尚无沟通记录', 'No contact yet')} /> : (
        <ol className="hy-chat" style={{ listStyle: 'none', padding: 0 }}>
          {shown.map((c: any) => (
            <li key={c.id} className={`hy-msg${mine(c) ? ' hy-mine' : ''}`}>
              <div><Typography.Text strong>{author(c)}</Typography.Text> <Tag>{label(t, PHASE, c.phase)}</Tag><Tag>{label(t, CHANNEL, c.channel)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(c.occurredAt)}</Typography.Text></div>
              {c.participants && <div style={{ fontSize: 12, color: '#595959' }}>{t('参与：', 'With: ')}{c.participants}</div>}
              <p className="hy-pre" style={{ marginTop: 4 }}>{c.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
