import type { FieldCode } from '@jiebang/contracts';
import type { ThesaurusHit } from './text/thesaurus';
import type { Bm25Index } from './bm25.index';
import type { WeightedField } from './factors';

/** A first-pass result: a document slot and its text score. */
export interface Scored {
  doc: number;
  score: number;
}

/** The `n` best of `docs` by `scores`, best first (n is small: a short insertion list beats sorting the pool). */
export function topDocs(docs: readonly number[], scores: Float64Array, n: number): Scored[] {
  const best: Scored[] = [];
  for (const doc of docs) {
    const score = scores[doc];
    if (best.length === n && score <= best[n - 1].score) continue;
    let i = best.length === n ? n - 1 : best.length;
    if (best.length === n) best.pop();
    while (i > 0 && best[i - 1].score < score) i--;
    best.splice(i, 0, { doc, score });
  }
  return best;
}

/**
 * Pseudo-relevance feedback (RM3-like): terms that weigh most in the first pass's best candidates — tf share × idf ×
 * the candidate's relative score — and that the query lacks. A term must occur in two of the feedback documents, so
 * one candidate's idiosyncratic words (its name, its city) are never added.
 */
export function feedbackTerms(
  index: Bm25Index,
  top: Scored[],
  inQuery: ReadonlySet<number>,
  terms: number,
): { id: number; weight: number }[] {
  if (top.length === 0) return [];
  const max = top[0].score;
  const weights = new Map<number, { w: number; docs: number }>();
  for (const { doc, score } of top) {
    const d = index.document(doc);
    if (!d) continue;
    for (let i = 0; i < d.terms.length; i++) {
      const id = d.terms[i];
      if (inQuery.has(id) || index.df(id) < 2) continue;
      const e = weights.get(id) ?? { w: 0, docs: 0 };
      e.w += (d.tfs[i] / d.length) * index.idf(id) * (score / max);
      e.docs++;
      weights.set(id, e);
    }
  }
  const minDocs = top.length >= 3 ? 2 : 1;
  const ranked = [...weights].filter(([, e]) => e.docs >= minDocs).sort((a, b) => b[1].w - a[1].w).slice(0, terms);
  const best = ranked[0]?.[1].w ?? 1;
  return ranked.map(([id, e]) => ({ id, weight: e.w / best }));
}

/**
 * Fields for a need that names none: half from the fields of the first pass's best candidates (weighted by score),
 * half from the fields of the thesaurus entries the text triggered. Fields under 15 % are dropped; the rest are
 * scaled by `confidence`, so an inferred field never counts as much as a declared one.
 */
export function inferFields(
  top: Scored[],
  fieldsOf: (doc: number) => readonly FieldCode[],
  hits: ThesaurusHit[],
  confidence: number,
): WeightedField[] {
  const fromDocs = new Map<FieldCode, number>();
  const max = top[0]?.score ?? 1;
  for (const { doc, score } of top) {
    const fields = fieldsOf(doc);
    for (const f of fields) fromDocs.set(f, (fromDocs.get(f) ?? 0) + score / max / fields.length);
  }
  const fromThesaurus = new Map<FieldCode, number>();
  for (const { entry } of hits) {
    for (const f of entry.fields) fromThesaurus.set(f, (fromThesaurus.get(f) ?? 0) + entry.weight / entry.fields.length);
  }
  const parts = [fromDocs, fromThesaurus].filter((m) => m.size > 0).map(normalized);
  const combined = new Map<FieldCode, number>();
  for (const part of parts) for (const [f, p] of part) combined.set(f, (combined.get(f) ?? 0) + p / parts.length);
  const kept = [...combined].filter(([, p]) => p >= 0.15);
  const total = kept.reduce((s, [, p]) => s + p, 0);
  return kept.sort((a, b) => b[1] - a[1]).map(([code, p]) => ({ code, p: (p / total) * confidence }));
}

function normalized(m: Map<FieldCode, number>): Map<FieldCode, number> {
  const total = [...m.values()].reduce((s, v) => s + v, 0);
  return new Map([...m].map(([f, v]) => [f, v / total]));
}
