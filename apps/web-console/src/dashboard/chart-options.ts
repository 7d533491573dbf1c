import type { Dashboard, DashboardDistrict } from './dashboard.types';

/**
 * One ECharts option per chart of the 驾驶舱, built from the API's document alone: every title, axis name, unit and
 * legend in Chinese, so a newcomer reads each chart without a manual. Plain data: no ECharts import here.
 */
export interface ChartSpec {
  key: string;
  title: string;
  /** What the chart says, for screen readers (the canvas itself is opaque to them). */
  summary: string;
  /** The legend entries the chart shows (series names or the colour scale's words). */
  legend: string[];
  /** Nothing to draw: the page shows an empty state instead. */
  empty: boolean;
  height: number;
  option: Record<string, unknown>;
}

const wan = (yuan: number) => Math.round(yuan / 100) / 100;
const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h} 小时` : `${Math.round((h / 24) * 10) / 10} 天`);
const TOOLTIP_AXIS = { trigger: 'axis', axisPointer: { type: 'shadow' } };

function funnel(d: Dashboard): ChartSpec {
  const stages = d.challenges.funnel;
  return {
    key: 'funnel',
    title: '榜单漏斗（按状态，个）',
    summary: `榜单漏斗：${stages.map((s) => `${s.label} ${s.count} 个`).join('，')}`,
    legend: stages.map((s) => s.label),
    empty: stages.every((s) => s.count === 0),
    height: 340,
    option: {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个' },
      legend: { top: 0, data: stages.map((s) => s.label) },
      series: [
        {
          name: '榜单数',
          type: 'funnel',
          top: 64,
          bottom: 8,
          sort: 'none',
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          data: stages.map((s) => ({ name: s.label, value: s.count })),
        },
      ],
    },
  };
}

function orderSteps(d: Dashboard): ChartSpec {
  const steps = d.serviceOrders.steps;
  return {
    key: 'order-steps',
    title: '服务需求各环节：当前单数与用时中位数',
    summary: `服务需求各环节：${steps.map((s) => `${s.label} ${s.count} 单，进入该环节用时中位数 ${hours(s.medianHours)}`).join('；')}`,
    legend: ['当前所处环节（单）', '用时中位数（小时）'],
    empty: steps.every((s) => s.count === 0),
    height: 340,
    option: {
      tooltip: TOOLTIP_AXIS,
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [
        { type: 'value', name: '单数（单）', minInterval: 1 },
        { type: 'value', name: '中位数（小时）' },
      ],
      series: [
        { name: '当前所处环节（单）', type: 'bar', data: steps.map((s) => s.count) },
        { name: '用时中位数（小时）', type: 'line', yAxisIndex: 1, connectNulls: false, data: steps.map((s) => s.medianHours) },
      ],
    },
  };
}

/** The 38 districts as a grid: a row per zone (主城都市区 / 渝东北 / 渝东南), a cell per district, coloured by `value`. */
function heatGrid(
  d: Dashboard,
  spec: { key: string; title: string; unit: string; value: (x: DashboardDistrict) => number | null; min: number; max: number; words: [string, string] },
): ChartSpec {
  const rows = d.regions.map((r) => d.districts.filter((x) => x.region === r.region));
  const width = Math.max(...rows.map((r) => r.length));
  // A district with no figure (no rating yet) is drawn grey below the scale, so every one of the 38 stays visible.
  const data = rows.flatMap((districts, y) =>
    districts.map((x, i) => ({ name: x.name, short: x.shortName, raw: spec.value(x), value: [i, y, spec.value(x) ?? spec.min - 1] })),
  );
  const values = d.districts.map(spec.value).filter((v): v is number => v !== null);
  return {
    key: spec.key,
    title: spec.title,
    summary: `${spec.title}：${d.districts.filter((x) => spec.value(x) !== null && spec.value(x) !== 0).map((x) => `${x.name} ${spec.value(x)}${spec.unit}`).join('，') || '各区县均无'}`,
    legend: [...spec.words, ...d.regions.map((r) => r.label)],
    empty: values.every((v) => v === 0),
    height: 260,
    option: {
      tooltip: { formatter: (p: { data: { name: string; raw: number | null } }) => `${p.data.name}：${p.data.raw === null ? '暂无' : `${p.data.raw}${spec.unit}`}` },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: Array.from({ length: width }, (_, i) => String(i + 1)), show: false, splitArea: { show: true } },
      yAxis: { type: 'category', data: d.regions.map((r) => r.label), inverse: true, splitArea: { show: true } },
      visualMap: {
        min: spec.min,
        max: Math.max(spec.max, ...values),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: spec.words,
        inRange: { color: ['#e6f4ff', '#1677ff', '#002c8c'] },
        outOfRange: { color: ['#f0f0f0'] },
      },
      series: [
        {
          name: spec.title,
          type: 'heatmap',
          data,
          label: { show: true, fontSize: 11, formatter: (p: { data: { short: string; raw: number | null } }) => `${p.data.short}\n${p.data.raw ?? '—'}` },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
        },
      ],
    },
  };
}

function ratings(d: Dashboard): ChartSpec {
  const c = d.ratings.criteria;
  return {
    key: 'ratings',
    title: `企业评价分布（共 ${d.ratings.count} 条，平均 ${d.ratings.average ?? '—'} 分）`,
    summary: `企业评价分布：${c.map((x) => `${x.label}平均 ${x.average ?? '—'} 分（${x.stars.map((s) => `${s.stars} 星 ${s.count} 条`).join('、')}）`).join('；')}`,
    legend: c.map((x) => x.label),
    empty: d.ratings.count === 0,
    height: 300,
    option: {
      tooltip: TOOLTIP_AXIS,
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', name: '星级', data: ['1 星', '2 星', '3 星', '4 星', '5 星'] },
      yAxis: { type: 'value', name: '评价数（条）', minInterval: 1 },
      series: c.map((x) => ({ name: x.label, type: 'bar', data: x.stars.map((s) => s.count) })),
    },
  };
}

const FAIRNESS_SERIES = [
  { key: 'recommended', name: '被推荐次数' },
  { key: 'accepted', name: '接单次数' },
  { key: 'awards', name: '中榜次数' },
] as const;

function fairnessTeams(d: Dashboard): ChartSpec {
  const f = d.fairness;
  const teams = f.teams;
  const gini = (g: number | null) => (g === null ? '—' : g.toFixed(2));
  return {
    key: 'fairness-teams',
    title: '匹配公平性：推荐与中榜在团队间的分布（次）',
    summary: `推荐基尼系数 ${gini(f.recommendationGini)}（0 表示在 ${f.teamPool} 个团队间均匀分布），中榜基尼系数 ${gini(f.awardGini)}；${teams.map((t) => `${t.name}：被推荐 ${t.recommended} 次、接单 ${t.accepted} 次、中榜 ${t.awards} 次`).join('；')}`,
    legend: FAIRNESS_SERIES.map((s) => s.name),
    empty: teams.length === 0,
    height: Math.max(220, 36 * teams.length + 96),
    option: {
      title: { text: `推荐基尼系数 ${gini(f.recommendationGini)} · 中榜基尼系数 ${gini(f.awardGini)}（0 为均匀）`, left: 'center', bottom: 0, textStyle: { fontSize: 12, fontWeight: 'normal' } },
      tooltip: TOOLTIP_AXIS,
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
      xAxis: { type: 'value', name: '次数', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: teams.map((t) => (t.districtName ? `${t.name}（${t.districtName}）` : t.name)), axisLabel: { width: 260, overflow: 'truncate' } },
      series: FAIRNESS_SERIES.map((s) => ({ name: s.name, type: 'bar', data: teams.map((t) => t[s.key]) })),
    },
  };
}

function fairnessOrigins(d: Dashboard): ChartSpec {
  const o = d.fairness.origins;
  return {
    key: 'fairness-regions',
    title: '匹配公平性：按团队所在区域（次）',
    summary: `按团队所在区域：${o.map((x) => `${x.label}被推荐 ${x.recommended} 次、接单 ${x.accepted} 次、中榜 ${x.awards} 次`).join('；')}`,
    legend: FAIRNESS_SERIES.map((s) => s.name),
    empty: o.every((x) => x.recommended + x.accepted + x.awards === 0),
    height: 300,
    option: {
      tooltip: TOOLTIP_AXIS,
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: o.map((x) => x.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '次数', minInterval: 1 },
      series: FAIRNESS_SERIES.map((s) => ({ name: s.name, type: 'bar', data: o.map((x) => x[s.key]) })),
    },
  };
}

function bounty(d: Dashboard): ChartSpec {
  const b = d.bounty;
  return {
    key: 'bounty',
    title: `悬赏承诺与拨付（万元）：已承诺 ${wan(b.committedYuan)}，已拨付 ${wan(b.paidYuan)}`,
    summary: `悬赏承诺与拨付：${b.byMonth.map((m) => `${m.month} 承诺 ${wan(m.committedYuan)} 万元、拨付 ${wan(m.paidYuan)} 万元`).join('；') || '暂无'}`,
    legend: ['已承诺悬赏（定榜）', '已拨付'],
    empty: b.byMonth.length === 0,
    height: 300,
    option: {
      tooltip: { ...TOOLTIP_AXIS, valueFormatter: (v: number) => `${v} 万元` },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', name: '月份', data: b.byMonth.map((m) => m.month) },
      yAxis: { type: 'value', name: '金额（万元）' },
      series: [
        { name: '已承诺悬赏（定榜）', type: 'bar', data: b.byMonth.map((m) => wan(m.committedYuan)) },
        { name: '已拨付', type: 'bar', data: b.byMonth.map((m) => wan(m.paidYuan)) },
      ],
    },
  };
}

export function dashboardCharts(d: Dashboard): ChartSpec[] {
  return [
    funnel(d),
    orderSteps(d),
    heatGrid(d, { key: 'district-breaches', title: '各区县 SLA 超期（次）', unit: ' 次', value: (x) => x.breaches, min: 0, max: 1, words: ['超期多', '少'] }),
    heatGrid(d, { key: 'district-ratings', title: '各区县企业评价平均分（分，满分 5）', unit: ' 分', value: (x) => x.averageRating, min: 1, max: 5, words: ['评分高', '低'] }),
    ratings(d),
    fairnessTeams(d),
    fairnessOrigins(d),
    bounty(d),
  ];
}
