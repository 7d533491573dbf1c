import type { FactorScore, MatchedTerm } from '../api/responses';
import type { Proposal } from '../applications/model';

// What the review pages read of matching-service's responses (its document declares requests only).

export interface AssignedExpert {
  candidateId: string;
  name: string;
  affinity: number;
  breakdown: FactorScore[];
  matchedTerms: MatchedTerm[];
}

export interface AssignmentRun {
  id: string;
  status: string;
  stage: string;
  progress: number;
  error: { message: string } | null;
  result: null | {
    status: 'COMPLETED' | 'INFEASIBLE';
    method: string;
    feasibility: { code: string; itemId?: string; message: string }[];
    optimal: { totalAffinity: number; minItemAffinity: number; assignedSlots: number; demand: number };
    greedy: { totalAffinity: number; minItemAffinity: number };
    improvement: { totalAffinity: number; minItemAffinity: number };
    items: {
      itemId: string;
      title: string;
      demand: number;
      missing: number;
      assigned: AssignedExpert[];
      alternates: { candidateId: string; name: string; affinity: number }[];
      excluded: { candidateId: string; name: string; violations: { rule: string; message: string }[] }[];
    }[];
    loads: { candidateId: string; name: string; load: number; minLoad: number; maxLoad: number }[];
    graph: { items: number; candidates: number; edges: number; conflicts: number };
  };
}

export const RUN_DONE = ['COMPLETED', 'INFEASIBLE', 'FAILED'];

export interface RankedApplication {
  applicationId: string;
  applicantOrgId: string;
  applicantName: string;
  profileId: string;
  score: number;
  criteria: { technical: number; team: number; feasibility: number };
  rank: number;
  outcome: 'PROPOSED' | 'SHORTLISTED' | 'NOT_SELECTED';
  tieBreak?: { by: 'technical-score' | 'submitted-at'; explanation: string };
}

export interface ReviewCompletion {
  challengeId: string;
  ranking: RankedApplication[];
  completedAt: string;
}

export type ReviewStatus = 'ASSIGNED' | 'SUBMITTED' | 'DECLINED' | 'REPLACED';

export interface OwnReview {
  id: string;
  challengeId: string;
  applicationId: string;
  expertProfileId: string;
  status: ReviewStatus;
  scores: { technical: number; team: number; feasibility: number } | null;
  comments: string | null;
  submittedAt: string | null;
  challengeTitle: string;
  applicantName: string;
  proposal: Proposal | null;
  /** After the round closes: every expert's scores of this application. */
  panel?: { expert: string; scores: { technical: number; team: number; feasibility: number }; comments: string | null }[];
}

export const REVIEW_STATUS: Record<ReviewStatus, { label: string; color: string }> = {
  ASSIGNED: { label: '待评分', color: 'processing' },
  SUBMITTED: { label: '已评分', color: 'success' },
  DECLINED: { label: '已回避', color: 'default' },
  REPLACED: { label: '已替换', color: 'default' },
};

export const OUTCOME_LABEL = { PROPOSED: '拟入选', SHORTLISTED: '候补', NOT_SELECTED: '未入选' } as const;
