import type { Proposal } from '@jiebang/contracts';

/**
 * 回避 for one application: the enterprise (the engine adds it) and its related organisations, the applicant, the
 * applicant's declared affiliations and every consortium member. An expert tied to any of them gets no edge.
 */
export function avoidedOrgs(
  challenge: { enterpriseRelatedOrgIds: string[] },
  application: { applicantOrgId: string; proposal: Proposal },
  applicantAffiliations: readonly string[],
): string[] {
  return [
    ...new Set([
      ...challenge.enterpriseRelatedOrgIds,
      application.applicantOrgId,
      ...applicantAffiliations,
      ...application.proposal.consortium.map((m) => m.orgId),
    ]),
  ];
}

/** What an expert is matched on: the 榜单's technical problem and the applicant's approach. */
export function reviewItemText(challenge: { description: string; indicators: string[] }, proposal: Proposal): string {
  return [challenge.description, ...challenge.indicators, proposal.approach].join('。').slice(0, 8000);
}

export interface CriterionScores {
  technical: number;
  team: number;
  feasibility: number;
}

/** One application with the scores its experts submitted, in the order they came in. */
export interface ScoredApplication {
  applicationId: string;
  submittedAt: Date;
  scores: CriterionScores[];
}

export interface RankedEntry {
  applicationId: string;
  score: number;
  criteria: CriterionScores;
  rank: number;
  outcome: 'PROPOSED' | 'SHORTLISTED' | 'NOT_SELECTED';
  tieBreak?: { by: 'technical-score' | 'submitted-at'; explanation: string };
}

/** Reserves kept behind the winners (递补 draws on them in rank order). */
export const MAX_RESERVES = 3;
const EPSILON = 1e-9;
const round2 = (x: number) => Math.round(x * 100) / 100;

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The round's ranking: each application's score is the mean over its experts of Σ weight × criterion; equal scores
 * are ordered by the technical score, then by the earlier submission, and the entry says which broke its tie. The
 * top `maxWinners` are PROPOSED, the next (up to three) SHORTLISTED, the rest NOT_SELECTED.
 */
export function rankApplications(apps: ScoredApplication[], weights: CriterionScores, maxWinners: number): RankedEntry[] {
  const scored = apps.map((a) => {
    const criteria = {
      technical: mean(a.scores.map((s) => s.technical)),
      team: mean(a.scores.map((s) => s.team)),
      feasibility: mean(a.scores.map((s) => s.feasibility)),
    };
    const score = mean(a.scores.map((s) => weights.technical * s.technical + weights.team * s.team + weights.feasibility * s.feasibility));
    return { a, score, criteria };
  });
  scored.sort(
    (x, y) =>
      (Math.abs(y.score - x.score) > EPSILON ? y.score - x.score : 0) ||
      (Math.abs(y.criteria.technical - x.criteria.technical) > EPSILON ? y.criteria.technical - x.criteria.technical : 0) ||
      x.a.submittedAt.getTime() - y.a.submittedAt.getTime() ||
      x.a.applicationId.localeCompare(y.a.applicationId),
  );
  return scored.map((s, i) => {
    const rank = i + 1;
    const outcome = rank <= maxWinners ? 'PROPOSED' : rank <= maxWinners + MAX_RESERVES ? 'SHORTLISTED' : 'NOT_SELECTED';
    const entry: RankedEntry = { applicationId: s.a.applicationId, score: round2(s.score), criteria: mapValues(s.criteria, round2), rank, outcome };
    const tied = [scored[i - 1], scored[i + 1]].filter((n) => n && Math.abs(n.score - s.score) <= EPSILON);
    if (tied.length === 0) return entry;
    const sameTechnical = tied.every((n) => Math.abs(n.criteria.technical - s.criteria.technical) <= EPSILON);
    entry.tieBreak = sameTechnical
      ? { by: 'submitted-at', explanation: `综合得分与技术得分均与相邻申请相同（${round2(s.score)} 分），按提交时间先后排序（提交于 ${s.a.submittedAt.toISOString()}）` }
      : { by: 'technical-score', explanation: `综合得分与相邻申请相同（${round2(s.score)} 分），按技术得分高低排序（技术得分 ${round2(s.criteria.technical)}）` };
    return entry;
  });
}

function mapValues(c: CriterionScores, f: (x: number) => number): CriterionScores {
  return { technical: f(c.technical), team: f(c.team), feasibility: f(c.feasibility) };
}
