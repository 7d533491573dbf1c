import type { Challenge } from '../api/responses';
import type { RankedEntry } from './objections/model';

// The parts of a 榜单 the lifecycle pages read beyond the list's `Challenge` (docs/workflows.md §2). The services'
// documents declare requests only, so these name the response fields the pages show (as responses.ts does).

export type SolverType = 'university' | 'institute' | 'enterprise' | 'team';
export type Qualification = 'tech-sme' | 'high-tech' | 'specialized-sme' | 'little-giant' | 'tech-leader';
export type IpOwner = 'ENTERPRISE' | 'SOLVER' | 'SHARED' | 'NEGOTIATED';
export type ConfidentialField = 'description' | 'indicators' | 'researchContent' | 'milestones' | 'ipArrangement';
export type EliminationPolicy = 'REALLOCATE_TO_SURVIVORS' | 'RETAIN';

export interface MilestonePlan {
  title: string;
  deliverables: string[];
  dueOffsetDays: number;
  trancheYuan: number;
  midterm: boolean;
}

export interface ReviewWeights {
  technical: number;
  team: number;
  feasibility: number;
}

/** One 榜单 as `GET /challenges/:id` returns it; confidential keys are absent for a solver yet to accept the terms. */
export interface ChallengeFull extends Omit<Challenge, 'description' | 'indicators'> {
  description?: string;
  indicators?: string[];
  deadlineAt: string;
  researchContent?: string | null;
  durationMonths: number | null;
  milestones?: MilestonePlan[];
  eligibility: { solverTypes: SolverType[]; qualifications: Qualification[]; consortiumAllowed: boolean };
  ipArrangement?: { owner: IpOwner; note: string | null };
  reviewWeights: ReviewWeights;
  confidentialFields: ConfidentialField[];
  eliminationPolicy: EliminationPolicy | null;
  maxRectificationRounds: number;
  publishedAt: string | null;
  closedAt: string | null;
  withdrawalRequestedAt: string | null;
  withdrawalReason: string | null;
  /** Solvers and teams: when their organisation accepted the terms (null: not yet). */
  termsAcceptedAt?: string | null;
  /** The owner enterprise: active applications. */
  applicationsCount?: number;
  /** The last review round's ranking, best first: whole for the bureau and the enterprise, else the proposed winners and the caller's own. */
  reviewRanking?: RankedEntry[];
  /** When the current (or last) 公示 ends; null before review completes and after an upheld objection. */
  publicNoticeEndsAt?: string | null;
}

export interface PublicChallengePage {
  items: ChallengeFull[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Question {
  id: string;
  challengeId: string;
  askerOrgId: string | null;
  askerRole: string | null;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredByRole: string | null;
  answeredAt: string | null;
}

export const SOLVER_TYPE_LABEL: Record<SolverType, string> = { university: '高校', institute: '科研院所', enterprise: '企业', team: '科技特派员团' };

export const QUALIFICATION_LABEL: Record<Qualification, string> = {
  'tech-sme': '科技型中小企业',
  'high-tech': '高新技术企业',
  'specialized-sme': '专精特新中小企业',
  'little-giant': '专精特新“小巨人”',
  'tech-leader': '科技领军企业',
};

export const IP_OWNER_LABEL: Record<IpOwner, string> = { ENTERPRISE: '归发榜企业', SOLVER: '归揭榜方', SHARED: '双方共有', NEGOTIATED: '合同中约定' };

export const CONFIDENTIAL_LABEL: Record<ConfidentialField, string> = {
  description: '技术难点',
  indicators: '技术指标',
  researchContent: '研究内容',
  milestones: '里程碑计划',
  ipArrangement: '知识产权约定',
};

export const POLICY_LABEL: Record<EliminationPolicy, string> = { REALLOCATE_TO_SURVIVORS: '淘汰方未拨付资金分给留存方', RETAIN: '淘汰方未拨付资金留归榜单' };

export const options = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
