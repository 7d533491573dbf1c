import { dashboardCharts } from './chart-options';
import type { Dashboard } from './dashboard.types';

const district = (code: string, region: string, over: object = {}) => ({
  code, name: `${code}区`, shortName: `${code}区`, region, regionLabel: region, orders: 0, breaches: 0, ratingCount: 0, averageRating: null, ...over,
});

const base: Dashboard = {
  generatedAt: '2026-03-02T01:00:00.000Z',
  filter: { from: null, to: null, field: null, fieldLabel: null },
  challenges: { total: 1, applications: 0, funnel: [{ stage: 'SUBMITTED', label: '已提交', count: 1 }], byState: [] },
  serviceOrders: { total: 1, steps: [{ step: 'SUBMITTED', label: '企业下单', count: 1, medianHours: null, measured: 0 }] },
  districts: [district('500103', 'metro', { breaches: 2, averageRating: 4.5 }), district('500101', 'northeast')],
  regions: [{ region: 'metro', label: '主城都市区' }, { region: 'northeast', label: '渝东北' }],
  ratings: { count: 0, average: null, criteria: [{ criterion: 'response', label: '响应速度', average: null, stars: [] }] },
  fairness: { recommendationGini: null, awardGini: null, teamPool: 0, teams: [], origins: [] },
  bounty: { committedYuan: 3_000_000, paidYuan: 450_000, byMonth: [{ month: '2026-03', committedYuan: 3_000_000, paidYuan: 450_000 }] },
};

describe('the 驾驶舱 charts', () => {
  it('title, legend and summary every chart in Chinese', () => {
    for (const c of dashboardCharts(base)) {
      expect(c.title).toMatch(/\p{Script=Han}/u);
      expect(c.summary).toMatch(/\p{Script=Han}/u);
      for (const l of c.legend) expect(l).toMatch(/\p{Script=Han}/u);
    }
  });

  it('marks a chart with nothing to draw as empty, and draws the others', () => {
    const byKey = Object.fromEntries(dashboardCharts(base).map((c) => [c.key, c]));
    expect([byKey.funnel.empty, byKey['district-breaches'].empty, byKey.bounty.empty]).toEqual([false, false, false]);
    expect([byKey.ratings.empty, byKey['fairness-teams'].empty]).toEqual([true, true]);
  });

  it('shows money in 万元 and keeps districts without a rating in the grid, below the scale', () => {
    const byKey = Object.fromEntries(dashboardCharts(base).map((c) => [c.key, c]));
    expect(byKey.bounty.title).toContain('已承诺 300，已拨付 45');
    const cells = (byKey['district-ratings'].option.series as { data: { raw: number | null; value: number[] }[] }[])[0].data;
    expect(cells.map((c) => [c.raw, c.value[2]])).toEqual([[4.5, 4.5], [null, 0]]);
  });
});
