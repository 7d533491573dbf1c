import type { Analyzer } from './text/analyzer';
import { gramsOf } from './text/analyzer';
import type { Thesaurus, ThesaurusHit } from './text/thesaurus';
import type { Need } from './need';
import type { RankingWeights } from './weights';

/** Where a query term came from: the need itself, the thesaurus (with the phrase that triggered it), or feedback. */
export type TermSource =
  | { via: 'need' }
  | { via: 'thesaurus' | 'sibling'; entryId: string; phrase: string }
  | { via: 'prf' };

export interface QueryTerm {
  term: string;
  weight: number;
  sources: TermSource[];
}

export interface WeightedQuery {
  words: Map<string, QueryTerm>;
  grams: Map<string, number>;
  hits: ThesaurusHit[];
}

/** No single term may dominate a query however often it is repeated or expanded. */
const MAX_TERM_WEIGHT = 2.5;

export function needText(need: Pick<Need, 'title' | 'text' | 'keywords'>): string {
  return [need.title, need.text, need.keywords.join('，')].filter(Boolean).join('。');
}

function dampened(count: number): number {
  return 1 + 0.5 * Math.log(count);
}

/**
 * The need's words (repeats dampened), plus thesaurus expansions weighted by entry and by `weights.thesaurus` /
 * `weights.siblings`, plus character bigrams that are not already words.
 */
export function buildQuery(analyzer: Analyzer, thesaurus: Thesaurus, need: Need, w: RankingWeights): WeightedQuery {
  const text = needText(need);
  const { words, grams } = analyzer.analyze(text);
  const query = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, source: TermSource) => {
    const q = query.get(term);
    if (q) {
      q.weight = Math.min(MAX_TERM_WEIGHT, q.weight + weight);
      if (!q.sources.some((s) => s.via === source.via)) q.sources.push(source);
    } else query.set(term, { term, weight: Math.min(MAX_TERM_WEIGHT, weight), sources: [source] });
  };
  for (const [term, n] of counts(words)) add(term, dampened(n), { via: 'need' });

  // A loose match switched off is no hit at all: it neither expands the query nor suggests a field.
  const hits = w.thesaurus > 0 || w.siblings > 0 ? thesaurus.lookup(text).filter((h) => !h.loose || w.thesaurusLoose > 0) : [];
  const expansionGrams: [string, number][] = [];
  for (const hit of hits) {
    const weight = (hit.via === 'colloquial' ? w.thesaurus : w.siblings) * hit.entry.weight * (hit.loose ? w.thesaurusLoose : 1);
    if (weight <= 0) continue;
    const source = { via: hit.via === 'colloquial' ? 'thesaurus' : 'sibling', entryId: hit.entry.id, phrase: hit.phrase } as const;
    for (const technical of hit.entry.technical) {
      if (technical === hit.phrase) continue;
      const tokens = analyzer.tokens(technical);
      for (const term of new Set(analyzer.words(technical))) add(term, weight, source);
      for (const g of gramsOf(tokens)) expansionGrams.push([g, weight]);
    }
  }

  const gramQuery = new Map<string, number>();
  if (w.ngram > 0) {
    for (const [g, n] of counts(grams)) if (!query.has(g)) gramQuery.set(g, w.ngram * dampened(n));
    for (const [g, weight] of expansionGrams) {
      if (!query.has(g)) gramQuery.set(g, Math.min(MAX_TERM_WEIGHT * w.ngram, (gramQuery.get(g) ?? 0) + w.ngram * weight));
    }
  }
  return { words: query, grams: gramQuery, hits };
}

function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
