import {
  bountyByMonth,
  challengeFunnel,
  challengeStates,
  currentState,
  gini,
  median,
  orderSteps,
  periodBounds,
  ratingDistribution,
} from './dashboard.domain';
import { DASHBOARD_DISTRICTS, regionOf, shortDistrictName } from './dashboard.regions';

const at = (hours: number) => new Date(Date.UTC(2026, 0, 5, 0) + hours * 3_600_000).toISOString();

describe('median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, and null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('currentState', () => {
  const order = ['SUBMITTED', 'RETURNED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED'] as const;

  it('is the state entered last: a resubmission after 退回 is SUBMITTED again', () => {
    expect(currentState({ SUBMITTED: at(3), RETURNED: at(2) }, order)).toBe('SUBMITTED');
    expect(currentState({ SUBMITTED: at(1), RETURNED: at(2) }, order)).toBe('RETURNED');
  });

  it('resolves states entered in one instant to the later one in the workflow (推荐 and the first 邀约)', () => {
    expect(currentState({ SUBMITTED: at(0), RECOMMENDED: at(5), OFFERED: at(5) }, order)).toBe('OFFERED');
  });

  it('is null for a row with no state', () => {
    expect(currentState({}, order)).toBeNull();
  });
});

describe('challengeFunnel', () => {
  it('counts each 榜单 at every stage up to the furthest it reached, even when earlier facts were never seen', () => {
    const funnel = challengeFunnel([
      { SUBMITTED: at(0) },
      { SUBMITTED: at(0), UNDER_VETTING: at(1), APPROVED: at(2), PUBLISHED: at(3) },
      { AWARDED: at(9) }, // history before the projection: only the award was seen
      { SUBMITTED: at(0), UNDER_VETTING: at(1), REJECTED: at(2) },
    ]);
    expect(funnel.map((s) => [s.label, s.count])).toEqual([
      ['已提交', 4],
      ['专家论证', 3],
      ['待发榜', 2],
      ['揭榜中', 2],
      ['截止', 1],
      ['评审中', 1],
      ['公示中', 1],
      ['已定榜', 1],
    ]);
  });

  it('never grows from one stage to the next', () => {
    const funnel = challengeFunnel([{ PUBLISHED: at(1) }, { SUBMITTED: at(0), CLOSED: at(5) }, {}]);
    funnel.slice(1).forEach((s, i) => expect(s.count).toBeLessThanOrEqual(funnel[i].count));
  });

  it('puts each 榜单 in its current state, side exits included', () => {
    const states = challengeStates([
      { SUBMITTED: at(0), UNDER_VETTING: at(1), REJECTED: at(2) },
      { SUBMITTED: at(0), UNDER_VETTING: at(1), RETURNED: at(2) },
      { SUBMITTED: at(3), UNDER_VETTING: at(1), RETURNED: at(2) },
    ]);
    const count = (stage: string) => states.find((s) => s.stage === stage)!.count;
    expect([count('REJECTED'), count('RETURNED'), count('SUBMITTED'), count('UNDER_VETTING')]).toEqual([1, 1, 1, 0]);
  });
});

describe('orderSteps', () => {
  it('gives the median hours into each step from the step before, and how many orders are at each step now', () => {
    const steps = orderSteps([
      { SUBMITTED: at(0), DISTRICT_ACCEPTED: at(2), RECOMMENDED: at(5), OFFERED: at(5), TEAM_ACCEPTED: at(6), DELIVERED: at(30) },
      { SUBMITTED: at(0), DISTRICT_ACCEPTED: at(4) },
      { SUBMITTED: at(0), DISTRICT_ACCEPTED: at(9), CANCELLED: at(10) },
      { SUBMITTED: at(1) },
    ]);
    const step = (s: string) => steps.find((x) => x.step === s)!;
    expect(step('DISTRICT_ACCEPTED')).toMatchObject({ label: '区县受理', medianHours: 4, measured: 3, count: 1 });
    expect(step('RECOMMENDED')).toMatchObject({ label: '区县推荐', medianHours: 3, measured: 1, count: 0 });
    expect(step('DELIVERED')).toMatchObject({ medianHours: 24, count: 1 });
    expect(step('SUBMITTED')).toMatchObject({ count: 1, medianHours: null });
    expect(step('CANCELLED').count).toBe(1);
    expect(step('CONFIRMED')).toMatchObject({ medianHours: null, measured: 0, count: 0 });
  });

  it('ignores a step whose previous step was entered again after it (no negative durations)', () => {
    const steps = orderSteps([{ SUBMITTED: at(10), DISTRICT_ACCEPTED: at(2), RETURNED: at(5) }]);
    expect(steps.find((s) => s.step === 'DISTRICT_ACCEPTED')!.measured).toBe(0);
  });
});

describe('gini', () => {
  it('is 0 for an even spread, grows as it concentrates, and is null with nothing to spread', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBe(0.75);
    expect(gini([1, 3])).toBe(0.25);
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });
});

describe('ratingDistribution', () => {
  it('counts the stars per criterion and averages each criterion and the whole', () => {
    const d = ratingDistribution([
      { response: 5, expertise: 4, effect: 4, attitude: 5 },
      { response: 3, expertise: 4, effect: 2, attitude: 5 },
    ]);
    expect(d.count).toBe(2);
    expect(d.average).toBe(4);
    const response = d.criteria.find((c) => c.criterion === 'response')!;
    expect(response).toMatchObject({ label: '响应速度', average: 4 });
    expect(response.stars.map((s) => s.count)).toEqual([0, 0, 1, 0, 1]);
  });

  it('has no averages without ratings', () => {
    expect(ratingDistribution([])).toMatchObject({ count: 0, average: null });
  });
});

describe('bountyByMonth', () => {
  it('sums committed and paid per China month (a payment at 23:30 UTC on the last day counts in the next month)', () => {
    const b = bountyByMonth(
      [{ at: '2026-01-10T02:00:00Z', yuan: 1_500_000 }],
      [
        { at: '2026-01-31T23:30:00Z', yuan: 300_000 },
        { at: '2026-01-20T02:00:00Z', yuan: 200_000 },
      ],
    );
    expect(b).toEqual({
      committedYuan: 1_500_000,
      paidYuan: 500_000,
      byMonth: [
        { month: '2026-01', committedYuan: 1_500_000, paidYuan: 200_000 },
        { month: '2026-02', committedYuan: 0, paidYuan: 300_000 },
      ],
    });
  });
});

describe('periodBounds', () => {
  it('bounds China dates from 00:00 of the first to 24:00 of the last, China time', () => {
    expect(periodBounds('2026-01-01', '2026-01-31')).toEqual({
      from: new Date('2025-12-31T16:00:00Z'),
      to: new Date('2026-01-31T16:00:00Z'),
    });
    expect(periodBounds()).toEqual({ from: null, to: null });
  });
});

describe('districts and regions', () => {
  it('puts all 38 divisions in the three zones: 21 in 主城都市区, 11 in 渝东北, 6 in 渝东南', () => {
    const count = (r: string) => DASHBOARD_DISTRICTS.filter((d) => d.region === r).length;
    expect([DASHBOARD_DISTRICTS.length, count('metro'), count('northeast'), count('southeast')]).toEqual([38, 21, 11, 6]);
    expect([regionOf('500103'), regionOf('500101'), regionOf('500241')]).toEqual(['metro', 'northeast', 'southeast']);
  });

  it('shortens autonomous counties for the heat grid', () => {
    expect(shortDistrictName('秀山土家族苗族自治县')).toBe('秀山县');
    expect(shortDistrictName('石柱土家族自治县')).toBe('石柱县');
    expect(shortDistrictName('渝中区')).toBe('渝中区');
  });
});
