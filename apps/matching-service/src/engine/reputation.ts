/** Decay weights are kept relative to this instant, so a candidate's tally needs no update as time passes. */
const EPOCH = Date.UTC(2020, 0, 1);
const DAY = 86_400_000;

/** Σ of decay weights and of score × weight, both relative to EPOCH: O(1) to update and to read. */
export interface ReputationTally {
  count: number;
  weight: number;
  weightedSum: number;
}

export const EMPTY_TALLY: ReputationTally = { count: 0, weight: 0, weightedSum: 0 };

/**
 * How far a rating's or dispute's date may run ahead of this service's clock (another host's clock may be a little
 * ahead): a later one is refused when recorded, and not counted when loaded.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Adds one rating. A weight that is not a finite number (a date centuries ahead overflows 2^x) would turn the whole
 * tally into Infinity and every score read from it into NaN, so such a rating is left out; dates in the future are
 * refused before they get here (at the HTTP edge, by the profile rules, and when loading).
 */
export function addRating(t: ReputationTally, score: number, at: Date, halfLifeDays: number): ReputationTally {
  const w = 2 ** ((at.getTime() - EPOCH) / (halfLifeDays * DAY));
  const next = { count: t.count + 1, weight: t.weight + w, weightedSum: t.weightedSum + score * w };
  return Number.isFinite(next.weight) && Number.isFinite(next.weightedSum) ? next : t;
}

export function tallyOf(ratings: { score: number; at: Date }[], halfLifeDays: number): ReputationTally {
  return ratings.reduce((t, r) => addRating(t, r.score, r.at, halfLifeDays), EMPTY_TALLY);
}

/**
 * The smoothed mean rating (1–5) at `now`: (C·m + Σ wᵢ·sᵢ) / (C + Σ wᵢ), with wᵢ = ½^(ageᵢ / halfLife). Few or old
 * ratings stay close to the prior m, so one lucky 5 does not beat a long record of 4.8s.
 */
export function smoothedRating(
  t: ReputationTally,
  now: Date,
  halfLifeDays: number,
  prior: { mean: number; strength: number },
): number {
  if (t.count === 0) return prior.mean;
  const f = 2 ** ((EPOCH - now.getTime()) / (halfLifeDays * DAY));
  const mean = (prior.strength * prior.mean + t.weightedSum * f) / (prior.strength + t.weight * f);
  // Never a non-finite score: a NaN total would sort unpredictably and be reported as null.
  return Number.isFinite(mean) ? Math.min(5, Math.max(1, mean)) : prior.mean;
}
