import { round } from '../round';

/**
 * A batch assignment problem as the solvers see it: items (orders, applications) that each need `demand`
 * candidates, candidates with a load range, and the allowed pairs with their affinity. A conflicted pair is simply
 * absent (OpenReview's "conflict = no edge").
 */
export interface AssignmentProblem {
  items: { id: string; demand: number }[];
  candidates: { id: string; minLoad: number; maxLoad: number }[];
  edges: Edge[];
}

/**
 * The quotas the solver is given: a minimum load above the candidate's maximum (its free capacity was smaller
 * than the requested minimum) is lowered to that maximum. Lower bound above upper bound would make the whole model
 * infeasible; this way the batch is still solved, and the pre-check says which minimum cannot hold.
 */
export function reachableMinimums(p: AssignmentProblem): AssignmentProblem {
  if (p.candidates.every((c) => c.minLoad <= c.maxLoad)) return p;
  return { ...p, candidates: p.candidates.map((c) => ({ ...c, minLoad: Math.min(c.minLoad, c.maxLoad) })) };
}

export interface Edge {
  item: number;
  candidate: number;
  affinity: number;
}

/** Chosen edges (indexes into `problem.edges`) and what the solver could not satisfy. */
export interface AssignmentSolution {
  chosen: number[];
  /** Slots an item could not fill (only when the quotas are infeasible). */
  shortfall: { item: number; missing: number }[];
  /** Candidates left under their minimum load (only when infeasible). */
  underMinimum: { candidate: number; missing: number }[];
}

export interface AssignmentStats {
  totalAffinity: number;
  /** Lowest total affinity of one item: the fairness measure (FairFlow's objective). */
  minItemAffinity: number;
  meanItemAffinity: number;
  assignedSlots: number;
  demand: number;
  load: { min: number; max: number; spread: number; std: number };
}

export function statsOf(problem: AssignmentProblem, solution: Pick<AssignmentSolution, 'chosen'>): AssignmentStats {
  const perItem = new Float64Array(problem.items.length);
  const loads = new Int32Array(problem.candidates.length);
  let total = 0;
  for (const e of solution.chosen) {
    const { item, candidate, affinity } = problem.edges[e];
    perItem[item] += affinity;
    loads[candidate]++;
    total += affinity;
  }
  const n = problem.candidates.length || 1;
  const mean = loads.reduce((s, l) => s + l, 0) / n;
  const variance = loads.reduce((s, l) => s + (l - mean) ** 2, 0) / n;
  const min = loads.length ? Math.min(...loads) : 0;
  const max = loads.length ? Math.max(...loads) : 0;
  return {
    totalAffinity: round(total),
    minItemAffinity: round(perItem.length ? Math.min(...perItem) : 0),
    meanItemAffinity: round(perItem.length ? total / perItem.length : 0),
    assignedSlots: solution.chosen.length,
    demand: problem.items.reduce((s, i) => s + i.demand, 0),
    load: { min, max, spread: max - min, std: round(Math.sqrt(variance)) },
  };
}
