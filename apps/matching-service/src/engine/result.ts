import type { CandidateKind, Region } from '@jiebang/contracts';
import type { Violation } from './constraints';
import type { WeightedField } from './factors';
import type { TermSource } from './query';

export type Factor = 'text' | 'field' | 'proximity' | 'reputation' | 'capacity' | 'willingness';

export const FACTOR_LABELS: Record<Factor, string> = {
  text: '文本相关度',
  field: '领域匹配',
  proximity: '地域邻近',
  reputation: '信誉',
  capacity: '负荷余量',
  willingness: '接单意愿',
};

/** One factor of one score: its value (0–1, or −1…1), the weight it had and what it added. */
export interface FactorScore {
  factor: Factor;
  label: string;
  value: number;
  weight: number;
  contribution: number;
}

/** A query term that matched the candidate, where it came from, and how much of the final score it brought. */
export interface MatchedTerm {
  term: string;
  via: TermSource['via'] | 'ngram';
  /** The thesaurus phrase that introduced the term (for `thesaurus` and `sibling`). */
  phrase?: string;
  contribution: number;
}

export interface RankedCandidate {
  rank: number;
  candidateId: string;
  name: string;
  kind: CandidateKind;
  orgName: string;
  districtCode: string | null;
  region: Region;
  score: number;
  breakdown: FactorScore[];
  matchedTerms: MatchedTerm[];
}

/** A candidate a hard constraint removed although its score would have placed it in the list. */
export interface ExcludedCandidate {
  candidateId: string;
  name: string;
  score: number;
  /** The position it would have taken. */
  wouldRank: number;
  violations: readonly Violation[];
}

export interface QueryExplanation {
  terms: { term: string; weight: number; via: TermSource['via'][] }[];
  expansions: { entryId: string; phrase: string; via: 'colloquial' | 'technical'; terms: string[] }[];
  feedbackTerms: string[];
  fields: WeightedField[];
  fieldsInferred: boolean;
}

export interface RankResult {
  results: RankedCandidate[];
  excluded: ExcludedCandidate[];
  query: QueryExplanation;
  /**
   * Candidates of the wanted kind; those scored (a text or field match); and those a rule removed among the ones
   * examined — threshold pruning skips candidates that cannot reach the top k unchecked, so this is not every
   * removed candidate of the pool.
   */
  pool: { candidates: number; scored: number; excluded: number };
}
