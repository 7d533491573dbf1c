import type { CandidateKind, FieldCode, Region, Willingness } from '@jiebang/contracts';
import type { ReputationTally } from './reputation';

/** What the engine keeps per candidate beside its terms: the facts the factors and hard constraints read. */
export interface CandidateFacts {
  id: string;
  kind: CandidateKind;
  name: string;
  orgId: string;
  orgName: string;
  districtCode: string | null;
  region: Region;
  fields: FieldCode[];
  maxLoad: number;
  openLoad: number;
  affiliations: string[];
  suspended: boolean;
  willingness: Willingness;
  reputation: ReputationTally;
  disputes: { enterpriseOrgId: string; upheldAt: Date }[];
  /** Profile version: an older copy never replaces a newer one in the index. */
  version: number;
}

/** The profile text the engine indexes, by field (each field has its own BM25F boost). */
export interface CandidateText {
  name: string;
  keywords: string[];
  capabilities: string;
  pastWork: string[];
}

/**
 * A candidate's text after analysis, per field, as its distinct terms with counts (`packTerms`): stored
 * with the profile so that a restart rebuilds the index without segmenting 100,000 profiles again. One string per
 * field keeps 100,000 analyses to a few hundred thousand heap objects instead of tens of millions of term pairs.
 * `revision` names the analyzer and dictionary that made it.
 */
export interface CandidateAnalysis {
  revision: string;
  words: Record<keyof CandidateText, string>;
  grams: string;
}
