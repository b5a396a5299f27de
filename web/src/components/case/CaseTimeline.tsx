// The case's events in order: who did what, when, at which step of the process.
import { Timeline, Typography } from 'antd';
import { useT } from '../../lib/i18n';
import { EVENT, label, ROLE, STATUS } from '../../lib/labels';
import { useUnits } from '../../lib/directory';
import { fmtTime } from '../../lib/time';

const COLOR: Record<string, string> = { chase: 'red', supervise: 'red', repeat: 'red', remind: 'orange', closed: 'green', replied: 'green', evaluated: 'green', unsatisfied: 'red' };

export function CaseTimeline({ events }: { events: any[] }) {
  const t = useT();
  const units = useUnits();
  const unitName = (id: string) => units.find((u) => u.id === id)?.nameZh ?? id;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: COLOR[e.type] ?? 'blue',
        children: <div data-step={e.step}>
          <Typography.Text strong>{label(t, EVENT, e.type)}</Typography.Text>
          {e.unitId && <> · {unitName(e.unitId)}</>}
          {e.after?.status && <> → {label(t, STATUS, e.after.status)}</>}
          <div style={{ fontSize: 12, color: '#595959' }}>{fmtTime(e.at)} · {label(t, ROLE, e.actorRole)}{e.data?.track ? ` · ${e.data.track}` : ''}</div>
        </div>,
      }))}
    />
  );
}
