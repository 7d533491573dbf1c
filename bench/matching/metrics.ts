/** nDCG@k with gain 2^grade − 1 (the seeds' scoring protocol); the ideal ranking uses the same eligible pool. */
export function ndcgAt(k: number, ranked: string[], grades: Record<string, number>, eligible: Set<string>): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (2 ** (grades[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...eligible]
    .map((id) => grades[id] ?? 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the eligible candidates graded ≥ 2 ("clearly able") found in the top k. */
export function recallAt(k: number, ranked: string[], grades: Record<string, number>, eligible: Set<string>): number {
  const relevant = [...eligible].filter((id) => (grades[id] ?? 0) >= 2);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
