import {
  Analyzer,
  CandidateIndex,
  constraintContext,
  DEFAULT_INDEX_SETTINGS,
  needText,
  RankingEngine,
  resolveWeights,
  Segmenter,
  Thesaurus,
  violations,
  type CandidateFacts,
  type Need,
  type WeightOverrides,
} from '@jiebang/matching-service/src/engine';
import MiniSearch from 'minisearch';
import { candidates, dictionary, factsOf, thesaurusJson, type SeedCandidate } from './seeds';

/** Ratings in the seeds run to 2026-11; every system ranks as of this fixed instant, so runs are reproducible. */
export const EVAL_NOW = new Date('2026-12-01T00:00:00+08:00');

export interface System {
  name: string;
  /** Eligible candidates of the wanted kind, best first. */
  rank(need: Need, k: number): string[];
}

export interface World {
  seeds: SeedCandidate[];
  facts: Map<string, CandidateFacts>;
  analyzer: Analyzer;
  engine: RankingEngine;
  /** Candidates of the wanted kind no hard constraint removes (the pool every system and the ideal ranking use). */
  eligible(need: Need): Set<string>;
}

export function buildWorld(): World {
  const seeds = candidates();
  const analyzer = new Analyzer(Segmenter.load(dictionary()));
  const engine = new RankingEngine(new CandidateIndex(analyzer), Thesaurus.parse(thesaurusJson()));
  const facts = new Map<string, CandidateFacts>();
  for (const c of seeds) {
    const f = factsOf(c, DEFAULT_INDEX_SETTINGS.reputationHalfLifeDays);
    facts.set(c.id, f);
    engine.index.upsert(f, engine.index.analyze(c));
  }
  const eligible = (need: Need) => {
    const ctx = constraintContext(need, EVAL_NOW, resolveWeights().disputeWindowDays);
    return new Set([...facts.values()].filter((f) => f.kind === need.wants && violations(ctx, f).length === 0).map((f) => f.id));
  };
  return { seeds, facts, analyzer, engine, eligible };
}

export function engineSystem(world: World, name: string, overrides: WeightOverrides = {}, engine = world.engine): System {
  const weights = resolveWeights(overrides);
  return { name, rank: (need, k) => engine.rank(need, { k, weights, now: EVAL_NOW, explain: 0 }).results.map((r) => r.candidateId) };
}

const TEXT_ONLY: WeightOverrides = { field: 0, proximity: 0, reputation: 0, capacity: 0, willingness: 0 };

/** The plain BM25 baseline: same segmenter and dictionary, one field, need words only, nothing else. */
export function plainBm25(world: World): System {
  const flat = { ...DEFAULT_INDEX_SETTINGS, fieldBoosts: { name: 1, keywords: 1, capabilities: 1, pastWork: 1 } };
  const engine = new RankingEngine(new CandidateIndex(world.analyzer, flat), world.engine.thesaurus);
  for (const c of world.seeds) engine.index.upsert(world.facts.get(c.id)!, engine.index.analyze(c));
  return engineSystem(world, 'plain BM25 (jieba + dictionary)', { ...TEXT_ONLY, thesaurus: 0, siblings: 0, prf: 0, ngram: 0, fieldInference: 0 }, engine);
}

/** The peer library: MiniSearch (BM25+) over the same fields with the same jieba tokenizer, default options. */
export function miniSearch(world: World): System {
  const search = new MiniSearch<{ id: string; name: string; keywords: string; capabilities: string; pastWork: string }>({
    fields: ['name', 'keywords', 'capabilities', 'pastWork'],
    tokenize: (text) => world.analyzer.words(text),
    processTerm: (term) => term,
  });
  search.addAll(
    world.seeds.map((c) => ({ id: c.id, name: c.name, keywords: c.keywords.join('，'), capabilities: c.capabilities, pastWork: c.pastWork.join('。') })),
  );
  return {
    name: 'MiniSearch 7 (same jieba tokenizer)',
    rank(need, k) {
      const eligible = world.eligible(need);
      return search
        .search(needText(need))
        .map((r) => String(r.id))
        .filter((id) => eligible.has(id))
        .slice(0, k);
    },
  };
}

/** The engine, its ablations (each switches one part off) and the two baselines, in table order. */
export function allSystems(world: World): System[] {
  return [
    engineSystem(world, 'engine (all factors)'),
    engineSystem(world, '− thesaurus', { thesaurus: 0, siblings: 0 }),
    engineSystem(world, '+ loose phrase matching (off by default)', { thesaurusLoose: 0.6 }),
    engineSystem(world, '− sibling terms', { siblings: 0 }),
    engineSystem(world, '− pseudo-relevance feedback', { prf: 0 }),
    engineSystem(world, '− character bigrams', { ngram: 0 }),
    engineSystem(world, '− field inference', { fieldInference: 0 }),
    engineSystem(world, '− field overlap', { field: 0 }),
    engineSystem(world, '− proximity', { proximity: 0 }),
    engineSystem(world, '− reputation', { reputation: 0 }),
    engineSystem(world, '− capacity and willingness', { capacity: 0, willingness: 0 }),
    engineSystem(world, 'text only (no factors)', TEXT_ONLY),
    plainBm25(world),
    miniSearch(world),
  ];
}
