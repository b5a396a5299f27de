// bpmn-js's viewer with this case's markers and deadline badges; pan and zoom with mouse or keyboard.
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert } from 'antd';
import type { Position } from './ProcessDiagram';
import { fmtDate } from '../../lib/time';

export default function BpmnCanvas({ xml, position, ariaLabel }: { xml: string; position: Position; ariaLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: box.current! });
    let live = true;
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas: any = viewer.get('canvas');
      const registry: any = viewer.get('elementRegistry');
      const overlays: any = viewer.get('overlays');
      canvas.zoom('fit-viewport');
      const has = (id: string) => !!registry.get(id);
      for (const id of position.completed.filter(has)) canvas.addMarker(id, 'hy-completed');
      for (const id of position.active.filter(has)) canvas.addMarker(id, 'hy-active');
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
    }, (e: Error) => live && setFailure(e.message));
    return () => { live = false; viewer.destroy(); };
  }, [xml, position]);
  return <>
    {failure && <Alert type="error" message={failure} />}
    <figure style={{ margin: 0 }}>
      <div ref={box} className="hy-bpmn" />
      <figcaption className="sr-only">{ariaLabel}</figcaption>
    </figure>
  </>;
}
