// bpmn-js's viewer with this case's markers and deadline badges; pan and zoom with the mouse, or
// the buttons to see the whole model or the steps active now.
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert, Button, Space } from 'antd';
import type { Position } from './ProcessDiagram';
import { fmtDate } from '../../lib/time';
import { useT } from '../../lib/i18n';

const CONTAINERS = ['bpmn:SubProcess', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:Process'];

export default function BpmnCanvas({ xml, position, ariaLabel, onNames }: { xml: string; position: Position; ariaLabel: string; onNames?(names: Record<string, string>): void }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const views = useRef<{ all(): void; active(): void }>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: box.current! });
    let live = true;
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas: any = viewer.get('canvas');
      const registry: any = viewer.get('elementRegistry');
      const overlays: any = viewer.get('overlays');
      const has = (id: string) => !!registry.get(id);
      const isContainer = (id: string) => CONTAINERS.includes(registry.get(id).type);
      for (const id of position.completed.filter(has)) canvas.addMarker(id, isContainer(id) ? 'hy-completed-container' : 'hy-completed');
      // A sub-process holding a token is outlined, not filled, so the task inside it stays readable.
      for (const id of position.active.filter(has)) canvas.addMarker(id, isContainer(id) ? 'hy-active-container' : 'hy-active');
      // One badge per timer element: the earliest alarm still to fire there.
      const first = new Map<string, Position['timers'][number]>();
      for (const x of position.timers) if (has(x.elementId) && (!first.has(x.elementId) || x.dueAt < first.get(x.elementId)!.dueAt)) first.set(x.elementId, x);
      for (const timer of first.values()) {
        const badge = document.createElement('div');
        const late = new Date(timer.dueAt).getTime() < Date.now();
        badge.className = `hy-due${late ? ' hy-late' : ''}`;
        badge.textContent = fmtDate(timer.dueAt);
        overlays.add(timer.elementId, { position: { bottom: 8, right: 8 }, html: badge });
        if (late) canvas.addMarker(timer.elementId, 'hy-alarm');
      }
      // The model's own names for the active steps, for the text under the diagram.
      onNames?.(Object.fromEntries(position.active.filter(has).map((id) => [id, registry.get(id).businessObject?.name ?? id])));
      const leaves = position.active.filter((id) => has(id) && !isContainer(id)).map((id) => registry.get(id));
      views.current = {
        all: () => canvas.zoom('fit-viewport', 'auto'),
        active: () => {
          if (!leaves.length) return canvas.zoom('fit-viewport', 'auto');
          const xs = leaves.map((e: any) => e.x + e.width / 2);
          const ys = leaves.map((e: any) => e.y + e.height / 2);
          // The viewbox is in diagram coordinates: centre it on the active steps at 90 %.
          const { width, height } = canvas.getSize();
          const cx = xs.reduce((a: number, b: number) => a + b, 0) / xs.length;
          const cy = ys.reduce((a: number, b: number) => a + b, 0) / ys.length;
          canvas.viewbox({ x: cx - width / 1.8, y: cy - height / 1.8, width: width / 0.9, height: height / 0.9 });
        },
      };
      views.current.active();
    }, (e: Error) => live && setFailure(e.message));
    return () => { live = false; viewer.destroy(); };
  }, [xml, position]);
  return <>
    {failure && <Alert type="error" message={failure} />}
    <Space style={{ marginBottom: 8 }}>
      <Button size="small" onClick={() => views.current?.active()}>{t('定位当前步骤', 'Show the active steps')}</Button>
      <Button size="small" onClick={() => views.current?.all()}>{t('显示全图', 'Show the whole model')}</Button>
    </Space>
    <figure style={{ margin: 0 }}>
      <div ref={box} className="hy-bpmn" />
      <figcaption className="sr-only">{ariaLabel}</figcaption>
    </figure>
  </>;
}
