/** Scores, weights and affinities are reported to four decimals: enough to order and explain, short to read. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
