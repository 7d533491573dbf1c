import type { CandidateIndex } from './candidate-index';
import type { TermSource } from './query';
import type { MatchedTerm } from './result';
import { round } from './round';
import type { RankingWeights } from './weights';

export interface WeightedTerm {
  weight: number;
  via: TermSource[];
}

const MAX_TERMS = 12;
const MAX_GRAMS = 3;

/**
 * The query terms a candidate matched, each with its share of the final score (w_text × term BM25 / query maximum),
 * best first. Thesaurus terms name the colloquial phrase that brought them in, so an officer sees 「冒小坑 → 气孔」.
 */
export function explainTerms(
  index: CandidateIndex,
  doc: number,
  words: ReadonlyMap<number, WeightedTerm>,
  grams: ReadonlyMap<string, number>,
  w: RankingWeights,
  maxText: number,
): MatchedTerm[] {
  const scale = w.text / maxText;
  const matched: MatchedTerm[] = [];
  for (const [id, q] of words) {
    const s = index.words.termScore(id, doc, w);
    if (s === 0) continue;
    const source = q.via[0];
    matched.push({
      term: index.words.term(id),
      via: source.via,
      ...('phrase' in source ? { phrase: source.phrase } : {}),
      contribution: round(q.weight * s * scale),
    });
  }
  const gramHits: MatchedTerm[] = [];
  for (const [gram, weight] of grams) {
    const id = index.grams.termId(gram);
    const s = id === undefined ? 0 : index.grams.termScore(id, doc, w);
    if (s > 0) gramHits.push({ term: gram, via: 'ngram', contribution: round(weight * s * scale) });
  }
  const best = (a: MatchedTerm, b: MatchedTerm) => b.contribution - a.contribution;
  return [...matched.sort(best).slice(0, MAX_TERMS), ...gramHits.sort(best).slice(0, MAX_GRAMS)];
}
