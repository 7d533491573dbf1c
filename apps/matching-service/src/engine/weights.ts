import { z } from 'zod';

const weight = (value: number) => z.number().min(0).max(10).default(value);

/**
 * How the matcher combines its factors and expands the query. Configuration, not code: a run may override any of
 * them and stores the values it used, so a ranking can always be explained and replayed. Setting a weight to 0
 * switches that part off (the evaluation's ablations do exactly this).
 */
export const rankingWeightsSchema = z.strictObject({
  /** BM25 over the need text vs the candidate's capabilities, past work and keywords, scaled to 0–1 per query. */
  text: weight(0.6),
  /** Share of the need's fields (given, or inferred from the text) the candidate covers. */
  field: weight(0.15),
  /** Same district, same part of Chongqing (一区两群), elsewhere in Chongqing, or Sichuan (川渝). */
  proximity: weight(0.06),
  /** Bayesian-smoothed, time-decayed rating, centred on the prior: unrated candidates score 0. */
  reputation: weight(0.06),
  /** Free share of the candidate's maximum load. */
  capacity: weight(0.04),
  /** Declared appetite for new work, −1…1. */
  willingness: weight(0.04),
  /** Query weight of technical terms reached from colloquial phrases through the thesaurus. */
  thesaurus: weight(0.8),
  /**
   * Share of the thesaurus weight kept when a phrase matched loosely (its halves apart: 小猪崽老是拉稀 for 小猪拉稀).
   * Off by default: it does nothing on the development needs, and the idea came from a test need (docs/matching.md §5).
   */
  thesaurusLoose: z.number().min(0).max(1).default(0),
  /** Query weight of sibling technical terms reached from a technical term in the need. */
  siblings: weight(0.3),
  /** Query weight of pseudo-relevance-feedback terms taken from the first pass's best candidates. */
  prf: weight(0.3),
  prfDocs: z.number().int().min(1).max(50).default(5),
  prfTerms: z.number().int().min(1).max(50).default(12),
  /** Query weight of character bigrams (words the segmenter splits differently on the two sides). */
  ngram: weight(0.4),
  /** Confidence given to fields inferred from the text when the need names none (0 = no inference). */
  fieldInference: z.number().min(0).max(1).default(0.6),
  k1: z.number().min(0).max(5).default(1.2),
  b: z.number().min(0).max(1).default(0.75),
  /** An upheld dispute with the same enterprise blocks the pair for this many days. */
  disputeWindowDays: z.number().int().min(0).max(3650).default(730),
  reputationPriorMean: z.number().min(1).max(5).default(3.5),
  /** How many ratings the prior counts as (smoothing strength). */
  reputationPriorStrength: z.number().min(0).max(100).default(3),
});

export type RankingWeights = z.infer<typeof rankingWeightsSchema>;
export type WeightOverrides = z.input<typeof rankingWeightsSchema>;

export const DEFAULT_WEIGHTS: RankingWeights = rankingWeightsSchema.parse({});

export function resolveWeights(...layers: (WeightOverrides | undefined)[]): RankingWeights {
  return rankingWeightsSchema.parse(Object.assign({}, ...layers.filter(Boolean)));
}

/**
 * Index-time settings: they shape what is stored in the index, so they belong to the service's configuration (a
 * change means a rebuild) and are recorded with every run beside the weights.
 */
export interface IndexSettings {
  /** Term-frequency multiplier per profile field (BM25F-style). */
  fieldBoosts: { name: number; keywords: number; capabilities: number; pastWork: number };
  /** A rating counts half after this many days. */
  reputationHalfLifeDays: number;
}

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  fieldBoosts: { name: 1, keywords: 2, capabilities: 1, pastWork: 0.8 },
  reputationHalfLifeDays: 365,
};
