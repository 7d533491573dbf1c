import type { CandidateFacts } from '../candidate';
import { declaredConflict } from '../constraints';
import type { RankingEngine } from '../ranking.engine';
import type { FactorScore, MatchedTerm } from '../result';
import type { AssignmentProblem, Edge } from './assignment.domain';
import type { BatchInput, BatchItem, BatchResult, Progress } from './batch';

export interface ItemScores {
  edges: { candidate: CandidateFacts; affinity: number; breakdown: FactorScore[]; matchedTerms: MatchedTerm[] }[];
  excluded: BatchResult['items'][number]['excluded'];
  conflicts: number;
}

/** The bipartite graph of a batch: items, the candidates they may get, and the allowed pairs with their affinity. */
export interface BatchGraph {
  /** The quotas as requested; a minimum may exceed what a candidate can still take (the solve step clamps it). */
  stated: AssignmentProblem;
  scores: ItemScores[];
  candidates: Map<string, { index: number; facts: CandidateFacts }>;
  titles: Map<string, string>;
  names: Map<string, string>;
  affinityMs: number;
}

/**
 * Affinities from the ranking engine (top-K per item, hard constraints and declared conflicts removed) become the
 * edges; the candidates they reach, and under a minimum load every pool candidate that can take work, the nodes.
 */
export async function buildGraph(engine: RankingEngine, input: BatchInput, progress: Progress): Promise<BatchGraph> {
  const { request } = input;
  const started = performance.now();
  const poolIds = request.candidateIds ?? allOfKind(engine, request.wants);
  const scores = await scoreItems(engine, input, poolIds, progress);
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
  return { stated, scores, candidates, titles, names, affinityMs };
}

async function scoreItems(engine: RankingEngine, input: BatchInput, poolIds: string[], progress: Progress): Promise<ItemScores[]> {
  const { request } = input;
  const pool = engine.index.pool(poolIds, request.wants);
  const conflicts = new Map(request.conflicts.map((c) => [`${c.itemId}\u0000${c.candidateId}`, c.reason]));
  const scores: ItemScores[] = [];
  for (const [i, item] of request.items.entries()) {
    scores.push(scoreItem(engine, item, input, pool, conflicts));
    if (i % 50 === 49) await progress('affinities', Math.round((60 * (i + 1)) / request.items.length));
  }
  return scores;
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

function allOfKind(engine: RankingEngine, kind: CandidateFacts['kind']): string[] {
  const ids: string[] = [];
  const mask = engine.index.kindMask(kind);
  for (let slot = 0; slot < engine.index.slotCount; slot++) if (mask[slot] === 1) ids.push(engine.index.factsAt(slot)!.id);
  return ids;
}
