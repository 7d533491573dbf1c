import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from './chart-options';

// Only what the 驾驶舱 draws; this module is its own chunk, loaded by the dashboard page alone.
echarts.use([BarChart, FunnelChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** One chart of the 驾驶舱; a refetch updates it in place (setOption), so the live refresh does not flicker. */
export default function DashboardChart({ spec }: { spec: ChartSpec }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Our own summary is the accessible name (ECharts' generated one would replace it and reads poorly for a heat
    // grid); patterns beside colours keep bars and funnel stages apart without colour vision.
    const aria = { enabled: true, label: { enabled: false }, decal: { show: !spec.key.startsWith('district') } };
    chart.current?.setOption({ aria, ...spec.option }, { notMerge: true });
  }, [spec]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={spec.summary}
      data-testid={`chart-${spec.key}`}
      data-legend={spec.legend.join('、')}
      style={{ width: '100%', height: spec.height }}
    />
  );
}
