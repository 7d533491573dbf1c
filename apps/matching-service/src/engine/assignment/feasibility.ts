import type { AssignmentProblem } from './assignment.domain';

export interface FeasibilityProblem {
  code:
    | 'DEMAND_EXCEEDS_CAPACITY'
    | 'MIN_LOAD_EXCEEDS_DEMAND'
    | 'MIN_LOAD_ABOVE_CAPACITY'
    | 'ITEM_TOO_FEW_CANDIDATES'
    | 'MIN_LOAD_UNREACHABLE'
    | 'QUOTAS_UNSATISFIABLE';
  /** What is wrong and what to relax, in words a district officer acts on. */
  message: string;
  itemId?: string;
  candidateId?: string;
}

const MAX_LISTED = 20;

/**
 * Necessary conditions checked before solving (OpenReview MinMax's range check, plus per-item and per-candidate
 * counts), each with the remedy. They are not sufficient: a subset of items can still compete for too few
 * candidates, which the solver's slack variables then reveal item by item.
 */
export function checkFeasibility(
  p: AssignmentProblem,
  labels: (itemId: string) => string = (id) => id,
  candidateLabels: (candidateId: string) => string = (id) => id,
): FeasibilityProblem[] {
  const problems: FeasibilityProblem[] = [];
  const demand = p.items.reduce((s, i) => s + i.demand, 0);
  const maxTotal = p.candidates.reduce((s, c) => s + c.maxLoad, 0);
  const minTotal = p.candidates.reduce((s, c) => s + c.minLoad, 0);
  if (maxTotal < demand) {
    problems.push({
      code: 'DEMAND_EXCEEDS_CAPACITY',
      message: `候选方负荷上限合计 ${maxTotal} 低于需求 ${demand}（缺 ${demand - maxTotal}）：请提高负荷上限、增加候选方或降低每项所需人数`,
    });
  }
  if (minTotal > demand) {
    problems.push({
      code: 'MIN_LOAD_EXCEEDS_DEMAND',
      message: `候选方最低负荷合计 ${minTotal} 高于需求 ${demand}：请降低最低负荷或增加事项`,
    });
  }
  // A minimum above what the candidate can still take (its maximum, or its free capacity) can never hold; the
  // solver is then given the maximum as the minimum (reachableMinimums), so this is the explanation that remains.
  const overfull = p.candidates.filter((c) => c.minLoad > c.maxLoad);
  for (const c of overfull.slice(0, MAX_LISTED)) {
    problems.push({
      code: 'MIN_LOAD_ABOVE_CAPACITY',
      candidateId: c.id,
      message: `候选方「${candidateLabels(c.id)}」最多还能承担 ${c.maxLoad} 项，低于最低负荷 ${c.minLoad}：请降低最低负荷、提高其负荷上限或将其移出候选池`,
    });
  }
  const itemOptions = new Int32Array(p.items.length);
  const candidateOptions = new Int32Array(p.candidates.length);
  for (const e of p.edges) {
    if (p.candidates[e.candidate].maxLoad > 0) itemOptions[e.item]++;
    candidateOptions[e.candidate]++;
  }
  const short = p.items.map((item, i) => ({ item, options: itemOptions[i] })).filter((x) => x.options < x.item.demand);
  for (const { item, options } of short.slice(0, MAX_LISTED)) {
    problems.push({
      code: 'ITEM_TOO_FEW_CANDIDATES',
      itemId: item.id,
      message: `「${labels(item.id)}」只有 ${options} 个可配对的候选方，需要 ${item.demand} 个：请降低该项人数、扩大候选池或复核回避设置`,
    });
  }
  const unreachable = p.candidates
    .map((c, j) => ({ c, options: candidateOptions[j] }))
    .filter((x) => x.options < Math.min(x.c.minLoad, x.c.maxLoad));
  for (const { c, options } of unreachable.slice(0, MAX_LISTED)) {
    problems.push({
      code: 'MIN_LOAD_UNREACHABLE',
      candidateId: c.id,
      message: `候选方「${candidateLabels(c.id)}」只能与 ${options} 个事项配对，低于其最低负荷 ${c.minLoad}：请降低其最低负荷`,
    });
  }
  return problems;
}
