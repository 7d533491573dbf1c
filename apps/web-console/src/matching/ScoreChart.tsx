import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RankedCandidate } from '../api/responses';

// Only what this chart draws, so the chunk stays small; this module is loaded with the matching page's results only.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Each team's score as a bar made of its factors' contributions (they add up to the score; some can be negative). */
export default function ScoreChart({ results }: { results: RankedCandidate[] }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const factors = results[0]?.breakdown.map((f) => ({ factor: f.factor, label: f.label })) ?? [];
    const names = results.map((r) => `${r.rank}. ${r.name}`);
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(3) },
      legend: { top: 0 },
      grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '得分' },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
      series: factors.map(({ factor, label }) => ({
        name: label,
        type: 'bar',
        stack: 'score',
        emphasis: { focus: 'series' },
        data: results.map((r) => r.breakdown.find((f) => f.factor === factor)?.contribution ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [results]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`各团队得分构成：${results.map((r) => `${r.name} ${r.score.toFixed(3)} 分`).join('；')}`}
      data-testid="score-chart"
      style={{ width: '100%', height: Math.max(180, 56 * results.length + 60) }}
    />
  );
}
