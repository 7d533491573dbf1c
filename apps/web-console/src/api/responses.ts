// The response shapes the console reads. The services' OpenAPI documents describe requests (paths, parameters,
// bodies — generated into ./generated) but not yet responses; once they declare them, these give way to the
// generated types. Only fields the console shows are listed.

export type ChallengeStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'UNDER_VETTING'
  | 'RETURNED'
  | 'REJECTED'
  | 'APPROVED'
  | 'PUBLISHED'
  | 'CLOSED'
  | 'UNDER_REVIEW'
  | 'IN_PUBLIC_NOTICE'
  | 'AWARDED'
  | 'FAILED'
  | 'WITHDRAWN';

export interface Challenge {
  id: string;
  status: ChallengeStatus;
  version: number;
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  title: string;
  description: string;
  indicators: string[];
  keywords: string[];
  fields: string[];
  bountyYuan: number;
  deadline: string;
  mode: 'SINGLE' | 'HORSE_RACE';
  maxWinners: number;
  submittedAt: string | null;
  vettingOverdueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChallengePage {
  items: Challenge[];
  total: number;
}

/** One audit entry: a transition, or an escalation (a flag raised, status unchanged). */
export interface ChallengeTransition {
  id: string;
  kind: 'transition' | 'escalation';
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actorRole: string;
  actorOrgId: string | null;
  reason: string | null;
  at: string;
}

export interface Notice {
  id: string;
  eventType: string;
  category: string;
  mandatory: boolean;
  priority: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: Notice[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface PreferenceItem {
  category: string;
  channel: 'inbox' | 'email' | 'webhook';
  mode: 'immediate' | 'digest' | 'off';
}

export interface Preferences {
  items: PreferenceItem[];
  mandatory: { notice: string; category: string; title: string }[];
}

export interface FactorScore {
  factor: string;
  label: string;
  value: number;
  weight: number;
  contribution: number;
}

export interface MatchedTerm {
  term: string;
  via: string;
  phrase?: string;
  contribution: number;
}

export interface RankedCandidate {
  rank: number;
  candidateId: string;
  name: string;
  kind: string;
  orgName: string;
  districtCode: string | null;
  score: number;
  breakdown: FactorScore[];
  matchedTerms: MatchedTerm[];
}

export interface RankResult {
  runId: string;
  results: RankedCandidate[];
  excluded: { candidateId: string; name: string; score: number; wouldRank: number; violations: { rule: string; message: string }[] }[];
  pool: { candidates: number; scored: number; excluded: number };
}
