import type { CandidateFacts } from '../candidate';
import { round } from '../round';
import { statsOf, type AssignmentProblem } from './assignment.domain';
import type { BatchRequest, BatchResult } from './batch';
import type { BatchGraph, ItemScores } from './batch.graph';
import type { SolvedBatch } from './batch.solve';
import type { FeasibilityProblem } from './feasibility';

/**
 * The run as a district officer reads it: per item who was assigned and why (the breakdown and matched terms), the
 * alternates and the excluded; per candidate its load; what to relax where quotas could not hold; and how the
 * exact solution compares with the greedy baseline.
 */
export function explainSolution(request: BatchRequest, graph: BatchGraph, solved: SolvedBatch): BatchResult {
  const { problem, optimal, greedy } = solved;
  const feasibility = [...solved.feasibility, ...unmetQuotas(graph, solved)];
  const optimalStats = statsOf(problem, optimal);
  const greedyStats = statsOf(problem, greedy);
  return {
    status: feasibility.length > 0 ? 'INFEASIBLE' : 'COMPLETED',
    method: optimal.integralRelaxation ? 'highs-lp' : 'highs-mip',
    feasibility,
    optimal: optimalStats,
    greedy: greedyStats,
    improvement: {
      totalAffinity: round(optimalStats.totalAffinity - greedyStats.totalAffinity),
      minItemAffinity: round(optimalStats.minItemAffinity - greedyStats.minItemAffinity),
    },
    items: itemsOf(request, problem, graph.scores, optimal.chosen, optimal.shortfall, request.alternates),
    loads: loadsOf(problem, graph.candidates, optimal.chosen),
    graph: {
      items: problem.items.length,
      candidates: problem.candidates.length,
      edges: problem.edges.length,
      conflicts: graph.scores.reduce((n, s) => n + s.conflicts, 0),
    },
    timings: { affinityMs: Math.round(graph.affinityMs), solveMs: Math.round(solved.solveMs), greedyMs: Math.round(solved.greedyMs) },
    solver: { threadId: optimal.threadId, solveMs: Math.round(optimal.solveMs) },
  };
}

/** The items the solution left short and the candidates it left under their minimum, each with what to relax. */
function unmetQuotas({ titles, names }: BatchGraph, { problem, optimal }: SolvedBatch): FeasibilityProblem[] {
  const notes: FeasibilityProblem[] = [];
  for (const s of optimal.shortfall) {
    const item = problem.items[s.item];
    notes.push({
      code: 'QUOTAS_UNSATISFIABLE',
      itemId: item.id,
      message: `「${titles.get(item.id)}」只能配到 ${item.demand - s.missing}/${item.demand} 个候选方（可选的候选方已被其他事项占满）：请降低该项人数、提高负荷上限或扩大候选池`,
    });
  }
  for (const u of optimal.underMinimum) {
    const c = problem.candidates[u.candidate];
    notes.push({
      code: 'QUOTAS_UNSATISFIABLE',
      candidateId: c.id,
      message: `候选方「${names.get(c.id)}」达不到最低负荷 ${c.minLoad}（差 ${u.missing} 项）：请降低最低负荷`,
    });
  }
  return notes;
}

function itemsOf(
  request: BatchRequest,
  problem: AssignmentProblem,
  scores: ItemScores[],
  chosen: number[],
  shortfall: { item: number; missing: number }[],
  alternates: number,
): BatchResult['items'] {
  const assignedTo = problem.items.map(() => new Set<string>());
  for (const e of chosen) assignedTo[problem.edges[e].item].add(problem.candidates[problem.edges[e].candidate].id);
  const missing = new Map(shortfall.map((s) => [s.item, s.missing]));
  return request.items.map((it, i) => {
    const taken = assignedTo[i];
    const edges = scores[i].edges;
    return {
      itemId: it.id,
      title: it.title,
      demand: problem.items[i].demand,
      missing: missing.get(i) ?? 0,
      assigned: edges
        .filter((e) => taken.has(e.candidate.id))
        .map((e) => ({ candidateId: e.candidate.id, name: e.candidate.name, affinity: e.affinity, breakdown: e.breakdown, matchedTerms: e.matchedTerms })),
      alternates: edges
        .filter((e) => !taken.has(e.candidate.id))
        .slice(0, alternates)
        .map((e) => ({ candidateId: e.candidate.id, name: e.candidate.name, affinity: e.affinity })),
      excluded: scores[i].excluded,
    };
  });
}

function loadsOf(
  problem: AssignmentProblem,
  candidates: Map<string, { index: number; facts: CandidateFacts }>,
  chosen: number[],
): BatchResult['loads'] {
  const loads = new Int32Array(problem.candidates.length);
  for (const e of chosen) loads[problem.edges[e].candidate]++;
  return [...candidates.values()].map(({ index, facts }) => ({
    candidateId: facts.id,
    name: facts.name,
    load: loads[index],
    minLoad: problem.candidates[index].minLoad,
    maxLoad: problem.candidates[index].maxLoad,
  }));
}
