import type { RankingEngine } from '../ranking.engine';
import type { BatchInput, BatchResult, Progress } from './batch';
import { buildGraph } from './batch.graph';
import { explainSolution } from './batch.explain';
import { solveGraph } from './batch.solve';

/**
 * A batch end to end, in three steps: the graph of allowed pairs with their affinities, its exact solution beside
 * the greedy baseline, and the explained result with its per-run statistics.
 */
export async function runBatch(engine: RankingEngine, input: BatchInput, progress: Progress): Promise<BatchResult> {
  const graph = await buildGraph(engine, input, progress);
  const solved = await solveGraph(graph, progress);
  return explainSolution(input.request, graph, solved);
}
