import type { CandidateKind } from '@jiebang/contracts';
import type { CandidateFacts } from '../candidate';
import { declaredConflict, type Violation } from '../constraints';
import type { RankingEngine } from '../ranking.engine';
import type { Need } from '../need';
import type { FactorScore, MatchedTerm } from '../result';
import type { RankingWeights } from '../weights';
import { round } from '../round';
import { reachableMinimums, statsOf, type AssignmentProblem, type AssignmentStats, type Edge } from './assignment.domain';
import { checkFeasibility, type FeasibilityProblem } from './feasibility';
import { greedyAssignment } from './greedy';
import { SolverStatusError } from './highs.solver';
import { solveInWorker, type ThreadedSolution } from './highs.thread';

/** One item of a batch: a need with its id in its own service and, optionally, its own number of candidates. */
export interface BatchItem extends Omit<Need, 'wants' | 'districtCode'> {
  id: string;
  districtCode?: string | null;
  k?: number;
}

/** A batch as the engine reads it: the HTTP request (assignment.dto.ts) is one, already validated. */
export interface BatchRequest {
  wants: CandidateKind;
  items: BatchItem[];
  /** Candidates per item unless the item says otherwise. */
  k: number;
  /** The candidate pool; every indexed candidate of the wanted kind when absent. */
  candidateIds?: string[];
  minLoad: number;
  maxLoad?: number;
  conflicts: { itemId: string; candidateId: string; reason?: string }[];
  alternates: number;
}

export interface AssignedCandidate {
  candidateId: string;
  name: string;
  affinity: number;
  breakdown: FactorScore[];
  matchedTerms: MatchedTerm[];
}

export interface BatchResult {
  status: 'COMPLETED' | 'INFEASIBLE';
  method: 'highs-lp' | 'highs-mip';
  /** What to relax when the quotas cannot all hold (empty when they can). */
  feasibility: FeasibilityProblem[];
  optimal: AssignmentStats;
  greedy: AssignmentStats;
  improvement: { totalAffinity: number; minItemAffinity: number };
  items: {
    itemId: string;
    title: string;
    demand: number;
    missing: number;
    assigned: AssignedCandidate[];
    alternates: { candidateId: string; name: string; affinity: number }[];
    excluded: { candidateId: string; name: string; violations: readonly Violation[] }[];
  }[];
  loads: { candidateId: string; name: string; load: number; minLoad: number; maxLoad: number }[];
  /** The graph solved; `conflicts`: declared conflicts that removed one of an item's top candidates. */
  graph: { items: number; candidates: number; edges: number; conflicts: number };
  timings: { affinityMs: number; solveMs: number; greedyMs: number };
  /**
   * The thread HiGHS ran on (a worker thread, never the service's event loop; -1 when it reported infeasible) and
   * its time there; `timings.solveMs` adds starting the thread and copying the problem to it.
   */
  solver: { threadId: number; solveMs: number };
}

export interface BatchInput {
  request: BatchRequest;
  district: string | null;
  weights: RankingWeights;
  now: Date;
  edgesPerItem: number;
}

type Progress = (stage: string, percent: number) => Promise<void>;

interface ItemScores {
  edges: { candidate: CandidateFacts; affinity: number; breakdown: FactorScore[]; matchedTerms: MatchedTerm[] }[];
  excluded: BatchResult['items'][number]['excluded'];
  conflicts: number;
}

/**
 * A batch end to end: affinities from the ranking engine (top-K per item, hard constraints and declared conflicts
 * removed), the feasibility pre-check, the exact HiGHS solution and the greedy baseline, and the per-run statistics.
 */
export async function runBatch(engine: RankingEngine, input: BatchInput, progress: Progress): Promise<BatchResult> {
  const { request } = input;
  const started = performance.now();
  const poolIds = request.candidateIds ?? allOfKind(engine, request.wants);
  const pool = engine.index.pool(poolIds, request.wants);
  const conflicts = new Map(request.conflicts.map((c) => [`${c.itemId}\u0000${c.candidateId}`, c.reason]));
  const scores: ItemScores[] = [];
  for (const [i, item] of request.items.entries()) {
    scores.push(scoreItem(engine, item, input, pool, conflicts));
    if (i % 50 === 49) await progress('affinities', Math.round((60 * (i + 1)) / request.items.length));
  }
  const affinityMs = performance.now() - started;

  const candidates = new Map<string, { index: number; facts: CandidateFacts }>();
  const edges: Edge[] = [];
  scores.forEach((s, item) =>
    s.edges.forEach((e) => {
      let c = candidates.get(e.candidate.id);
      if (!c) candidates.set(e.candidate.id, (c = { index: candidates.size, facts: e.candidate }));
      edges.push({ item, candidate: c.index, affinity: e.affinity });
    }),
  );
  // A minimum load binds every candidate of the pool that can take work, also those no item found relevant (the
  // pre-check names them); a suspended or full candidate is out of the batch, and no minimum binds it.
  if (request.minLoad > 0) {
    for (const id of poolIds) {
      const facts = engine.index.get(id);
      if (facts?.kind === request.wants && !candidates.has(id) && canTakeWork(facts)) candidates.set(id, { index: candidates.size, facts });
    }
  }
  const stated: AssignmentProblem = {
    items: request.items.map((it) => ({ id: it.id, demand: it.k ?? request.k })),
    candidates: [...candidates.values()].map(({ facts }) => ({
      id: facts.id,
      minLoad: request.minLoad,
      maxLoad: Math.min(request.maxLoad ?? Infinity, Math.max(0, facts.maxLoad - facts.openLoad)),
    })),
    edges,
  };
  const titles = new Map(request.items.map((it) => [it.id, it.title || it.id]));
  const names = new Map([...candidates.values()].map(({ facts }) => [facts.id, facts.name]));
  const feasibility = checkFeasibility(stated, (id) => titles.get(id)!, (id) => names.get(id)!);
  const problem = reachableMinimums(stated);

  await progress('solving', 65);
  const solveStart = performance.now();
  const optimal = await solveExplained(problem, feasibility);
  const solveMs = performance.now() - solveStart;
  await progress('comparing', 90);
  const greedyStart = performance.now();
  const greedy = greedyAssignment(problem);
  const greedyMs = performance.now() - greedyStart;

  for (const s of optimal.shortfall) {
    const item = problem.items[s.item];
    feasibility.push({
      code: 'QUOTAS_UNSATISFIABLE',
      itemId: item.id,
      message: `「${titles.get(item.id)}」只能配到 ${item.demand - s.missing}/${item.demand} 个候选方（可选的候选方已被其他事项占满）：请降低该项人数、提高负荷上限或扩大候选池`,
    });
  }
  for (const u of optimal.underMinimum) {
    const c = problem.candidates[u.candidate];
    feasibility.push({
      code: 'QUOTAS_UNSATISFIABLE',
      candidateId: c.id,
      message: `候选方「${names.get(c.id)}」达不到最低负荷 ${c.minLoad}（差 ${u.missing} 项）：请降低最低负荷`,
    });
  }
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
    items: itemsOf(request, problem, scores, optimal.chosen, optimal.shortfall, request.alternates),
    loads: loadsOf(problem, candidates, optimal.chosen),
    graph: {
      items: problem.items.length,
      candidates: problem.candidates.length,
      edges: edges.length,
      conflicts: scores.reduce((n, s) => n + s.conflicts, 0),
    },
    timings: { affinityMs: Math.round(affinityMs), solveMs: Math.round(solveMs), greedyMs: Math.round(greedyMs) },
    solver: { threadId: optimal.threadId, solveMs: Math.round(optimal.solveMs) },
  };
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

/** A candidate a batch may give work to: not suspended and below its maximum load. */
function canTakeWork(facts: CandidateFacts): boolean {
  return !facts.suspended && facts.openLoad < facts.maxLoad;
}

function scoreItem(
  engine: RankingEngine,
  item: BatchItem,
  input: BatchInput,
  pool: ReturnType<RankingEngine['index']['pool']>,
  conflicts: Map<string, string | undefined>,
): ItemScores {
  const need = {
    title: item.title,
    text: item.text,
    keywords: item.keywords,
    fields: item.fields,
    districtCode: item.districtCode ?? input.district,
    enterpriseOrgId: item.enterpriseOrgId,
    relatedOrgIds: item.relatedOrgIds,
    wants: input.request.wants,
  };
  const ranked = engine.rank(need, { k: input.edgesPerItem, weights: input.weights, now: input.now, pool });
  const excluded = ranked.excluded.map((e) => ({ candidateId: e.candidateId, name: e.name, violations: e.violations }));
  const edges: ItemScores['edges'] = [];
  for (const r of ranked.results) {
    const key = `${item.id}\u0000${r.candidateId}`;
    if (conflicts.has(key)) {
      excluded.push({ candidateId: r.candidateId, name: r.name, violations: [declaredConflict(conflicts.get(key))] });
      continue;
    }
    edges.push({ candidate: engine.index.get(r.candidateId)!, affinity: r.score, breakdown: r.breakdown, matchedTerms: r.matchedTerms });
  }
  return { edges, excluded: excluded.slice(0, 10), conflicts: ranked.results.length - edges.length };
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

function allOfKind(engine: RankingEngine, kind: CandidateFacts['kind']): string[] {
  const ids: string[] = [];
  const mask = engine.index.kindMask(kind);
  for (let slot = 0; slot < engine.index.slotCount; slot++) if (mask[slot] === 1) ids.push(engine.index.factsAt(slot)!.id);
  return ids;
}
