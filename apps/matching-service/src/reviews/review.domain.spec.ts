import { avoidedOrgs, rankApplications } from './review.domain';

const weights = { technical: 0.4, team: 0.3, feasibility: 0.3 };
const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 0, 0, s));
const app = (id: string, submittedAt: Date, ...scores: [number, number, number][]) => ({
  applicationId: id,
  submittedAt,
  scores: scores.map(([technical, team, feasibility]) => ({ technical, team, feasibility })),
});

describe('review ranking', () => {
  it('scores the mean over experts of the weighted sum and places winners, reserves and the rest', () => {
    const ranked = rankApplications(
      [app('a', at(1), [80, 80, 80], [60, 60, 60]), app('b', at(2), [90, 90, 90]), app('c', at(3), [50, 50, 50]), app('d', at(4), [40, 40, 40]), app('e', at(5), [30, 30, 30]), app('f', at(6), [20, 20, 20])],
      weights,
      1,
    );
    expect(ranked.map((r) => [r.applicationId, r.score, r.rank, r.outcome])).toEqual([
      ['b', 90, 1, 'PROPOSED'],
      ['a', 70, 2, 'SHORTLISTED'],
      ['c', 50, 3, 'SHORTLISTED'],
      ['d', 40, 4, 'SHORTLISTED'],
      ['e', 30, 5, 'NOT_SELECTED'],
      ['f', 20, 6, 'NOT_SELECTED'],
    ]);
    expect(ranked[1].criteria).toEqual({ technical: 70, team: 70, feasibility: 70 });
    expect(ranked.every((r) => r.tieBreak === undefined)).toBe(true);
  });

  it('breaks a tie by the technical score, then by the earlier submission, and says so', () => {
    const byTechnical = rankApplications([app('late-low', at(1), [60, 80, 80]), app('high', at(2), [90, 60, 60])], weights, 1);
    expect(byTechnical.map((r) => r.applicationId)).toEqual(['high', 'late-low']);
    expect(byTechnical[0].tieBreak?.by).toBe('technical-score');
    const bySubmission = rankApplications([app('second', at(2), [70, 70, 70]), app('first', at(1), [70, 70, 70])], weights, 2);
    expect(bySubmission.map((r) => [r.applicationId, r.outcome, r.tieBreak?.by])).toEqual([
      ['first', 'PROPOSED', 'submitted-at'],
      ['second', 'PROPOSED', 'submitted-at'],
    ]);
  });

  it('avoids the enterprise’s related organisations, the applicant, its affiliations and its consortium', () => {
    const orgs = avoidedOrgs(
      { enterpriseRelatedOrgIds: ['org-parent'] },
      { applicantOrgId: 'org-a', proposal: { approach: 'x', members: [], budget: [], timeline: [], consortium: [{ orgId: 'org-partner', orgName: 'P', role: '合作' }] } },
      ['org-a-lab', 'org-parent'],
    );
    expect(orgs.sort()).toEqual(['org-a', 'org-a-lab', 'org-parent', 'org-partner']);
  });
});
