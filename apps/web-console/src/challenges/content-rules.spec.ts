import { contentProblems, percentToWeight } from './content-rules';

const ok = {
  mode: 'SINGLE' as const,
  maxWinners: 1,
  eliminationPolicy: null,
  bountyYuan: 1_000_000,
  milestones: [
    { trancheYuan: 400_000, midterm: false },
    { trancheYuan: 600_000, midterm: false },
  ],
  reviewWeights: { technical: 0.4, team: 0.3, feasibility: 0.3 },
};

describe('the 榜单 rules across fields, as the challenge domain words them', () => {
  it('accepts a consistent 榜单', () => {
    expect(contentProblems(ok)).toEqual([]);
  });

  it('names the milestones when the tranches do not add up to the bounty', () => {
    expect(contentProblems({ ...ok, milestones: [{ trancheYuan: 400_000, midterm: false }] })).toEqual([
      { field: 'milestones', message: '各里程碑拨付金额之和（400000 元）须等于榜单金额（1000000 元）' },
    ]);
  });

  it('requires one mid-term milestone, a policy and 2–3 winners under 赛马制', () => {
    expect(contentProblems({ ...ok, mode: 'HORSE_RACE' }).map((p) => p.field)).toEqual(['maxWinners', 'milestones']);
    const race = { ...ok, mode: 'HORSE_RACE' as const, maxWinners: 2, eliminationPolicy: 'RETAIN', milestones: [{ trancheYuan: 1_000_000, midterm: true }] };
    expect(contentProblems(race)).toEqual([]);
    expect(contentProblems({ ...race, milestones: [{ trancheYuan: 500_000, midterm: true }, { trancheYuan: 500_000, midterm: true }] })).toEqual([
      { field: 'milestones', message: '只能有一个里程碑作为中期评估节点' },
    ]);
  });

  it('refuses a policy or several winners under 单一揭榜, and weights that do not sum to 1', () => {
    expect(contentProblems({ ...ok, maxWinners: 2, eliminationPolicy: 'RETAIN', reviewWeights: { technical: 0.5, team: 0.3, feasibility: 0.3 } }).map((p) => p.field)).toEqual([
      'maxWinners',
      'eliminationPolicy',
      'reviewWeights',
    ]);
  });

  it('turns percents into weights that sum to exactly 1', () => {
    expect(percentToWeight(33.3) + percentToWeight(33.3) + percentToWeight(33.4)).toBeCloseTo(1, 12);
    expect(Math.abs(percentToWeight(40) + percentToWeight(30) + percentToWeight(30) - 1)).toBeLessThan(1e-9);
  });
});
