// ECharts with only the chart types the console draws (bar, line, pie), resized with its box.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export default function EChart({ option, height = 280, label }: { option: echarts.EChartsCoreOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(box.current!);
    // aria: ECharts writes a text description of the data for screen readers.
    chart.setOption({ aria: { enabled: true }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current!);
    return () => { observer.disconnect(); chart.dispose(); };
  }, [option]);
  return <div ref={box} style={{ width: '100%', height }} role="img" aria-label={label} />;
}
