import { statusLabel } from '../labels';
import { proposedOf, type RankedEntry } from './model';

const entry = (rank: number, outcome: RankedEntry['outcome']): RankedEntry => ({
  applicationId: `app-${rank}`,
  applicantOrgId: `org-${rank}`,
  applicantName: `单位 ${rank}`,
  profileId: `profile-${rank}`,
  score: 90 - rank,
  rank,
  outcome,
});

describe('the 公示 as the console reads the ranking', () => {
  it('proposes the PROPOSED entries in rank order, at most maxWinners of them', () => {
    const ranking = [entry(3, 'PROPOSED'), entry(4, 'SHORTLISTED'), entry(1, 'PROPOSED'), entry(2, 'PROPOSED'), entry(5, 'NOT_SELECTED')];
    expect(proposedOf(ranking, 3).map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(proposedOf(ranking, 2).map((r) => r.rank)).toEqual([1, 2]);
  });

  it('proposes no one from a ranking without a PROPOSED entry', () => {
    expect(proposedOf([entry(2, 'SHORTLISTED')], 1)).toEqual([]);
  });

  it('names an objection’s state in a 409 in Chinese, and still the 榜单’s states', () => {
    expect(statusLabel('UPHELD')).toBe('异议成立');
    expect(statusLabel('DISMISSED')).toBe('异议不予采纳');
    expect(statusLabel('UNDER_REVIEW')).toBe('评审中');
  });
});
