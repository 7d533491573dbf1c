import type { FieldCode, Willingness } from '@jiebang/contracts';
import type { CandidateFacts } from './candidate';
import { smoothedRating } from './reputation';
import type { RankingWeights } from './weights';
import { zoneOf } from './zones';

/** A need field with the confidence it holds: 1 when the enterprise named it, lower when inferred from the text. */
export interface WeightedField {
  code: FieldCode;
  p: number;
}

/** Share of the need's (weighted) fields the candidate covers, 0–1. */
export function fieldOverlap(needFields: WeightedField[], candidate: FieldCode[]): number {
  let total = 0;
  let covered = 0;
  for (const f of needFields) {
    total += f.p;
    if (candidate.includes(f.code)) covered += f.p;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * 1 same district; 0.7 same part of Chongqing (一区两群); 0.5 elsewhere in Chongqing; 0.3 Sichuan (川渝 pool);
 * 0 when the need has no district. Service is delivered on site, so distance matters, but never decides alone.
 */
export function proximity(needDistrict: string | null, c: Pick<CandidateFacts, 'districtCode' | 'region'>): number {
  if (!needDistrict) return 0;
  if (c.districtCode === needDistrict) return 1;
  if (c.region === 'sichuan') return 0.3;
  if (c.districtCode && zoneOf(c.districtCode) === zoneOf(needDistrict)) return 0.7;
  return 0.5;
}

/** The smoothed rating centred on the prior and scaled to −1…1: unrated candidates score 0, neither helped nor hurt. */
export function reputationFactor(c: CandidateFacts, now: Date, halfLifeDays: number, w: RankingWeights): number {
  const prior = { mean: w.reputationPriorMean, strength: w.reputationPriorStrength };
  const r = smoothedRating(c.reputation, now, halfLifeDays, prior);
  return (r - prior.mean) / Math.max(prior.mean - 1, 5 - prior.mean);
}

/** Free share of the maximum load (a candidate at capacity is removed by a hard constraint before this). */
export function capacityFactor(c: Pick<CandidateFacts, 'maxLoad' | 'openLoad'>): number {
  return c.maxLoad <= 0 ? 0 : Math.max(0, (c.maxLoad - c.openLoad) / c.maxLoad);
}

/** OpenReview's bid translation (Very High 1 … Very Low −1). */
export const WILLINGNESS_SCORE: Record<Willingness, number> = {
  'very-high': 1,
  high: 0.5,
  neutral: 0,
  low: -0.5,
  'very-low': -1,
};
