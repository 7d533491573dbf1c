import { reachableMinimums, type AssignmentProblem, type AssignmentSolution } from './assignment.domain';
import type { Progress } from './batch';
import type { BatchGraph } from './batch.graph';
import { checkFeasibility, type FeasibilityProblem } from './feasibility';
import { greedyAssignment } from './greedy';
import { SolverStatusError } from './highs.solver';
import { solveInWorker, type ThreadedSolution } from './highs.thread';

export interface SolvedBatch {
  /** The problem the solvers were given: the stated one, its minimums lowered to what each candidate can take. */
  problem: AssignmentProblem;
  /** The pre-check's findings (and the solver's, should it prove the quotas contradictory). */
  feasibility: FeasibilityProblem[];
  optimal: ThreadedSolution;
  greedy: AssignmentSolution;
  solveMs: number;
  greedyMs: number;
}

/** The feasibility pre-check on the stated quotas, then the exact HiGHS solution and the greedy baseline. */
export async function solveGraph(graph: BatchGraph, progress: Progress): Promise<SolvedBatch> {
  const feasibility = checkFeasibility(graph.stated, (id) => graph.titles.get(id)!, (id) => graph.names.get(id)!);
  const problem = reachableMinimums(graph.stated);
  await progress('solving', 65);
  const solveStart = performance.now();
  const optimal = await solveExplained(problem, feasibility);
  const solveMs = performance.now() - solveStart;
  await progress('comparing', 90);
  const greedyStart = performance.now();
  const greedy = greedyAssignment(problem);
  const greedyMs = performance.now() - greedyStart;
  return { problem, feasibility, optimal, greedy, solveMs, greedyMs };
}

/**
 * The exact solve, off the event loop. Should HiGHS still prove the quotas contradictory (the slack columns and
 * the clamped minimums are meant to rule that out), the run is reported INFEASIBLE with the pre-check's explanation
 * — or, if the pre-check found nothing, a general one — and nothing assigned, never as a failed run.
 */
export async function solveExplained(problem: AssignmentProblem, feasibility: FeasibilityProblem[]): Promise<ThreadedSolution> {
  try {
    return await solveInWorker(problem);
  } catch (e) {
    if (!(e instanceof SolverStatusError && e.infeasible)) throw e;
    if (feasibility.length === 0) {
      feasibility.push({
        code: 'QUOTAS_UNSATISFIABLE',
        message: '求解器判定这组配额无法同时满足：请降低每项所需人数或最低负荷、提高负荷上限，或扩大候选池',
      });
    }
    return {
      chosen: [],
      shortfall: problem.items.map((item, i) => ({ item: i, missing: item.demand })),
      underMinimum: [],
      objective: 0,
      integralRelaxation: true,
      threadId: -1,
      solveMs: 0,
    };
  }
}
