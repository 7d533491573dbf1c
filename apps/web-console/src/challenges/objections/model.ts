// What the 公示/异议 pages read of challenge-service's responses (its document declares requests only).

export type ReviewOutcome = 'PROPOSED' | 'SHORTLISTED' | 'NOT_SELECTED';

/** One entry of the last review round's ranking, as `GET /challenges/:id` gives it (`reviewRanking`, best first). */
export interface RankedEntry {
  applicationId: string;
  applicantOrgId: string;
  applicantName: string;
  profileId: string;
  score: number;
  rank: number;
  outcome: ReviewOutcome;
  tieBreak?: { by: string; explanation: string };
}

export type ObjectionStatus = 'OPEN' | 'UPHELD' | 'DISMISSED';

/** An objection (异议) as the caller may see it: the enterprise gets it without the objector (nulls). */
export interface Objection {
  id: string;
  challengeId: string;
  objectorId: string | null;
  objectorOrgId: string | null;
  objectorRole: string | null;
  reasons: string[];
  evidence: { name: string; url: string }[];
  status: ObjectionStatus;
  lodgedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  applicationIds: string[];
}

export const OBJECTION_STATUS: Record<ObjectionStatus, { label: string; color: string }> = {
  OPEN: { label: '待裁定', color: 'warning' },
  UPHELD: { label: '异议成立', color: 'error' },
  DISMISSED: { label: '不予采纳', color: 'default' },
};

export const OUTCOME_LABEL: Record<ReviewOutcome, string> = { PROPOSED: '拟入选', SHORTLISTED: '候补', NOT_SELECTED: '未入选' };

/** The proposed winners in rank order, as the service derives them (its PROPOSED entries, at most maxWinners). */
export const proposedOf = (ranking: readonly RankedEntry[], maxWinners: number): RankedEntry[] =>
  ranking.filter((r) => r.outcome === 'PROPOSED').sort((a, b) => a.rank - b.rank).slice(0, maxWinners);
