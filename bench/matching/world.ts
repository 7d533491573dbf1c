import {
  Analyzer,
  CandidateIndex,
  RankingEngine,
  Segmenter,
  Thesaurus,
  type CandidateAnalysis,
} from '../../apps/matching-service/src/engine';
import type { GeneratedProfile } from './generator';
import { dictionary, thesaurusJson } from './seeds';

/** An engine over generated profiles with the seed dictionary and thesaurus, timing analysis and indexing apart. */
export function buildEngine(profiles: GeneratedProfile[]) {
  const analyzer = new Analyzer(Segmenter.load(dictionary()));
  const engine = new RankingEngine(new CandidateIndex(analyzer), Thesaurus.parse(thesaurusJson()));
  let t = performance.now();
  const analyses: CandidateAnalysis[] = profiles.map((p) => engine.index.analyze(p.text));
  const analyseMs = performance.now() - t;
  t = performance.now();
  profiles.forEach((p, i) => engine.index.upsert(p.facts, analyses[i]));
  const indexMs = performance.now() - t;
  return { engine, analyzer, analyses, analyseMs, indexMs };
}
