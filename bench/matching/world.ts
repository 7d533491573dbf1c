import {
  Analyzer,
  CandidateIndex,
  RankingEngine,
  Segmenter,
  Thesaurus,
  type CandidateAnalysis,
} from '@jiebang/matching-service/src/engine';
import type { GeneratedProfile } from './generator';
import { dictionary, thesaurusJson } from './seeds';

/** An empty engine with the seed dictionary and thesaurus. */
export function emptyEngine(): RankingEngine {
  return new RankingEngine(new CandidateIndex(new Analyzer(Segmenter.load(dictionary()))), Thesaurus.parse(thesaurusJson()));
}

/** An engine over generated profiles, timing analysis and indexing apart. */
export function buildEngine(profiles: GeneratedProfile[]) {
  const engine = emptyEngine();
  const analyzer = engine.index.analyzer;
  let t = performance.now();
  const analyses: CandidateAnalysis[] = profiles.map((p) => engine.index.analyze(p.text));
  const analyseMs = performance.now() - t;
  t = performance.now();
  profiles.forEach((p, i) => engine.index.upsert(p.facts, analyses[i]));
  const indexMs = performance.now() - t;
  return { engine, analyzer, analyses, analyseMs, indexMs };
}
