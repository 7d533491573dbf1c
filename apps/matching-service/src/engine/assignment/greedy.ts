import type { AssignmentProblem, AssignmentSolution } from './assignment.domain';

/**
 * The baseline: take pairs best affinity first while the item still needs someone and the candidate has room.
 * Fast and intuitive, but it spends strong candidates on the first items it meets and ignores minimum loads.
 */
export function greedyAssignment(p: AssignmentProblem): AssignmentSolution {
  const order = p.edges.map((_, i) => i).sort((a, b) => p.edges[b].affinity - p.edges[a].affinity);
  const need = Int32Array.from(p.items, (i) => i.demand);
  const room = Int32Array.from(p.candidates, (c) => c.maxLoad);
  const chosen: number[] = [];
  for (const e of order) {
    const { item, candidate } = p.edges[e];
    if (need[item] > 0 && room[candidate] > 0) {
      chosen.push(e);
      need[item]--;
      room[candidate]--;
    }
  }
  const loads = new Int32Array(p.candidates.length);
  for (const e of chosen) loads[p.edges[e].candidate]++;
  return {
    chosen,
    shortfall: [...need].map((missing, item) => ({ item, missing })).filter((s) => s.missing > 0),
    underMinimum: p.candidates
      .map((c, candidate) => ({ candidate, missing: c.minLoad - loads[candidate] }))
      .filter((u) => u.missing > 0),
  };
}
