import type { Thesaurus } from './text/thesaurus';
import type { Accumulator } from './bm25.index';
import type { CandidateFacts } from './candidate';
import type { CandidateIndex, CandidatePool } from './candidate-index';
import { constraintContext, violations, type ConstraintContext, type Violation } from './constraints';
import { capacityFactor, fieldOverlap, proximity, reputationFactor, WILLINGNESS_SCORE, type WeightedField } from './factors';
import { feedbackTerms, inferFields, topDocs } from './feedback';
import { explainTerms } from './explain';
import type { Need } from './need';
import { buildQuery, type WeightedQuery } from './query';
import type { WeightedTerm } from './explain';
import {
  FACTOR_LABELS,
  type ExcludedCandidate,
  type Factor,
  type FactorScore,
  type RankedCandidate,
  type RankResult,
} from './result';
import { round } from './round';
import type { RankingWeights } from './weights';

export interface RankOptions {
  k: number;
  weights: RankingWeights;
  now: Date;
  /** Only candidates of this pool (a batch's candidate list, built for the need's kind). */
  pool?: CandidatePool;
  /** How many of the top results get their matched terms listed (a batch's affinity matrix needs none). */
  explain?: number;
}

/** Candidates the first pass hands to feedback and field inference. */
const FEEDBACK_DOCS = 10;

/** What the first pass settles for a need, the same for every candidate scored against it. */
interface Pass {
  query: WeightedQuery;
  acc: Accumulator;
  wordIds: Map<number, WeightedTerm>;
  feedback: { id: number; weight: number }[];
  fields: WeightedField[];
  fieldScale: number;
  inferred: boolean;
  /** The best text score: text factors are this share of it. */
  maxText: number;
}

/** One candidate's score and breakdown within a ranking, and the rules that would remove it. */
export interface CandidateScore {
  score: number;
  breakdown: FactorScore[];
  violations: readonly Violation[];
}

/**
 * Ranks candidates for a need: weighted query (need words, thesaurus expansions, bigrams) → BM25 first pass →
 * pseudo-relevance feedback and field inference → factors combined with the run's weights → hard constraints →
 * top k with their breakdown. Synchronous and allocation-light: one query over 100,000 profiles takes milliseconds.
 */
export class RankingEngine {
  private scores = new Float64Array(0);

  constructor(
    /** Swapped whole when a rebuild finishes, so rankings never see a half-built index. */
    public index: CandidateIndex,
    readonly thesaurus: Thesaurus,
  ) {}

  rank(need: Need, options: RankOptions): RankResult {
    const w = options.weights;
    const pass = this.pass(need, options);
    const { query, acc, wordIds, feedback, fields, fieldScale, inferred, maxText } = pass;
    try {
      const ctx = constraintContext(need, options.now, w.disputeWindowDays);
      const { kept, excluded } = this.select(
        acc,
        options.k,
        maxText,
        w,
        (doc) => this.total(this.index.factsAt(doc)!, acc.scores[doc] / maxText, need, fields, fieldScale, options.now, w),
        ctx,
      );

      const explain = options.explain ?? options.k;
      const results: RankedCandidate[] = kept.map(({ doc, score }, i) => {
        const facts = this.index.factsAt(doc)!;
        const breakdown = this.breakdown(facts, acc.scores[doc] / maxText, need, fields, fieldScale, options.now, w);
        return {
          rank: i + 1,
          candidateId: facts.id,
          name: facts.name,
          kind: facts.kind,
          orgName: facts.orgName,
          districtCode: facts.districtCode,
          region: facts.region,
          score: round(score),
          breakdown,
          matchedTerms: i < explain ? explainTerms(this.index, doc, wordIds, query.grams, w, maxText) : [],
        };
      });
      return {
        results,
        excluded: this.excludedInList(kept, excluded, ctx, options.k),
        query: {
          terms: [...wordIds.entries()]
            .map(([id, q]) => ({ term: this.index.words.term(id), weight: round(q.weight), via: q.via.map((s) => s.via) }))
            .sort((a, b) => b.weight - a.weight)
            .slice(0, 40),
          expansions: query.hits.map((h) => ({
            entryId: h.entry.id,
            phrase: h.phrase,
            via: h.via,
            terms: h.entry.technical.filter((t) => t !== h.phrase),
          })),
          feedbackTerms: feedback.map((t) => this.index.words.term(t.id)),
          fields: fields.map((f) => ({ code: f.code, p: round(f.p) })),
          fieldsInferred: inferred && fields.length > 0,
        },
        pool: {
          candidates: options.pool?.size ?? this.index.count(need.wants),
          scored: acc.touched.length,
          excluded: excluded.count,
        },
      };
    } finally {
      this.reset(acc);
    }
  }

  /**
   * One candidate scored within the ranking of `need`: the same query, feedback terms, inferred fields and text
   * normalisation (the best candidate's text score) as the list itself, so the score is the one it had there — not
   * the 1.0 text score it would get in a list of its own. Undefined when it is not indexed or not of the kind wanted.
   */
  scoreWithin(need: Need, candidateId: string, options: Omit<RankOptions, 'k' | 'explain'>): CandidateScore | undefined {
    const slot = this.index.slotOf(candidateId);
    const facts = slot === undefined ? undefined : this.index.factsAt(slot);
    if (slot === undefined || !facts || facts.kind !== need.wants) return undefined;
    const w = options.weights;
    const { acc, fields, fieldScale, maxText } = this.pass(need, options);
    try {
      const text = acc.scores[slot] / maxText;
      return {
        score: round(this.total(facts, text, need, fields, fieldScale, options.now, w)),
        breakdown: this.breakdown(facts, text, need, fields, fieldScale, options.now, w),
        violations: violations(constraintContext(need, options.now, w.disputeWindowDays), facts),
      };
    } finally {
      this.reset(acc);
    }
  }

  /**
   * The part of a ranking that is the same for every candidate: the weighted query, BM25 first pass, feedback
   * terms, the need's fields (given or inferred) and the best text score. The caller resets the accumulator.
   */
  private pass(need: Need, options: Pick<RankOptions, 'weights' | 'pool'>): Pass {
    const w = options.weights;
    const query = buildQuery(this.index.analyzer, this.thesaurus, need, w);
    const acc = this.accumulator(options.pool?.mask ?? this.index.kindMask(need.wants));
    try {
      const wordIds = this.scoreWords(query, acc, w);
      this.scoreGrams(query, acc, w);
      const first = topDocs(acc.touched, acc.scores, Math.max(FEEDBACK_DOCS, w.prfDocs));
      const feedback = w.prf > 0 ? feedbackTerms(this.index.words, first.slice(0, w.prfDocs), new Set(wordIds.keys()), w.prfTerms) : [];
      for (const t of feedback) {
        this.index.words.accumulate(t.id, w.prf * t.weight, w, acc);
        wordIds.set(t.id, { weight: w.prf * t.weight, via: [{ via: 'prf' }] });
      }
      const inferred = need.fields.length === 0;
      const fields: WeightedField[] = inferred
        ? w.fieldInference > 0 && w.field > 0
          ? inferFields(first.slice(0, FEEDBACK_DOCS), (d) => this.index.factsAt(d)!.fields, query.hits, w.fieldInference)
          : []
        : need.fields.map((code) => ({ code, p: 1 }));
      const fieldScale = inferred ? w.fieldInference : 1;
      if (fields.length > 0) this.addFieldPool(fields, acc);
      const maxText = acc.touched.reduce((m, d) => Math.max(m, acc.scores[d]), 0) || 1;
      return { query, acc, wordIds, feedback, fields, fieldScale, inferred, maxText };
    } catch (e) {
      this.reset(acc);
      throw e;
    }
  }

  private reset(acc: Accumulator): void {
    for (const d of acc.touched) acc.scores[d] = 0;
  }

  private accumulator(accept: Uint8Array): Accumulator {
    if (this.scores.length < this.index.slotCount) this.scores = new Float64Array(Math.max(1024, this.index.slotCount * 2));
    return { scores: this.scores, touched: [], accept };
  }

  private scoreWords(query: WeightedQuery, acc: Accumulator, w: RankingWeights): Map<number, WeightedTerm> {
    const ids = new Map<number, WeightedTerm>();
    for (const q of query.words.values()) {
      const id = this.index.words.termId(q.term);
      if (id === undefined) continue;
      ids.set(id, { weight: q.weight, via: q.sources });
      this.index.words.accumulate(id, q.weight, w, acc);
    }
    return ids;
  }

  private scoreGrams(query: WeightedQuery, acc: Accumulator, w: RankingWeights): void {
    for (const [gram, weight] of query.grams) {
      const id = this.index.grams.termId(gram);
      if (id !== undefined) this.index.grams.accumulate(id, weight, w, acc);
    }
  }

  /** Candidates with no word in common but a field in common still compete (their text factor is 0). */
  private addFieldPool(fields: WeightedField[], acc: Accumulator): void {
    for (const f of fields) {
      for (const doc of this.index.fieldDocs.get(f.code) ?? []) {
        if (acc.accept[doc] === 1 && acc.scores[doc] === 0) {
          acc.scores[doc] = Number.MIN_VALUE;
          acc.touched.push(doc);
        }
      }
    }
  }

  /**
   * Top k eligible by total score, and the best excluded ones. The other factors add at most `rest`, so once k
   * candidates are kept, a document whose text alone cannot lift it above the k-th total is skipped unscored: the
   * text-best documents go first to raise that bar early (threshold pruning; exact, not an approximation).
   */
  private select(acc: Accumulator, k: number, maxText: number, w: RankingWeights, total: (doc: number) => number, ctx: ConstraintContext) {
    const kept: { doc: number; score: number }[] = [];
    const excluded: { doc: number; score: number }[] = [];
    const rest = w.field + w.proximity + w.reputation + w.capacity + w.willingness;
    let count = 0;
    const visit = (doc: number) => {
      const score = total(doc);
      const ruledOut = violations(ctx, this.index.factsAt(doc)!).length > 0;
      if (ruledOut) count++;
      insertTop(ruledOut ? excluded : kept, { doc, score }, k);
    };
    const first = topDocs(acc.touched, acc.scores, Math.max(64, 4 * k));
    const seen = new Set<number>();
    for (const { doc } of first) {
      seen.add(doc);
      visit(doc);
    }
    for (const doc of acc.touched) {
      if (seen.has(doc)) continue;
      if (kept.length === k && (w.text * acc.scores[doc]) / maxText + rest < kept[k - 1].score) continue;
      visit(doc);
    }
    return { kept, excluded: { top: excluded, count } };
  }

  private excludedInList(
    kept: { doc: number; score: number }[],
    excluded: { top: { doc: number; score: number }[] },
    ctx: ConstraintContext,
    k: number,
  ): ExcludedCandidate[] {
    const threshold = kept.length === k ? kept[k - 1].score : -Infinity;
    return excluded.top
      .filter((e) => e.score >= threshold)
      .map((e) => {
        const facts = this.index.factsAt(e.doc)!;
        return {
          candidateId: facts.id,
          name: facts.name,
          score: round(e.score),
          wouldRank: kept.filter((k) => k.score > e.score).length + 1,
          violations: violations(ctx, facts),
        };
      });
  }

  private values(
    c: CandidateFacts,
    text: number,
    need: Need,
    fields: WeightedField[],
    fieldScale: number,
    now: Date,
    w: RankingWeights,
  ): Record<Factor, number> {
    return {
      text,
      field: fieldOverlap(fields, c.fields) * fieldScale,
      proximity: proximity(need.districtCode, c),
      reputation: reputationFactor(c, now, this.index.settings.reputationHalfLifeDays, w),
      capacity: capacityFactor(c),
      willingness: WILLINGNESS_SCORE[c.willingness],
    };
  }

  // The same sum as `values`, without allocating: it runs for every candidate that survives pruning.
  private total(c: CandidateFacts, text: number, need: Need, fields: WeightedField[], scale: number, now: Date, w: RankingWeights) {
    let score = w.text * text;
    if (w.field > 0 && fields.length > 0) score += w.field * fieldOverlap(fields, c.fields) * scale;
    if (w.proximity > 0) score += w.proximity * proximity(need.districtCode, c);
    if (w.reputation > 0 && c.reputation.count > 0) score += w.reputation * reputationFactor(c, now, this.index.settings.reputationHalfLifeDays, w);
    if (w.capacity > 0) score += w.capacity * capacityFactor(c);
    return score + w.willingness * WILLINGNESS_SCORE[c.willingness];
  }

  private breakdown(
    c: CandidateFacts,
    text: number,
    need: Need,
    fields: WeightedField[],
    scale: number,
    now: Date,
    w: RankingWeights,
  ): FactorScore[] {
    const v = this.values(c, text, need, fields, scale, now, w);
    return (Object.keys(FACTOR_LABELS) as Factor[]).map((factor) => ({
      factor,
      label: FACTOR_LABELS[factor],
      value: round(v[factor]),
      weight: w[factor],
      contribution: round(w[factor] * v[factor]),
    }));
  }
}

function insertTop(list: { doc: number; score: number }[], item: { doc: number; score: number }, k: number): void {
  if (list.length === k && item.score <= list[k - 1].score) return;
  let i = list.length;
  while (i > 0 && list[i - 1].score < item.score) i--;
  list.splice(i, 0, item);
  if (list.length > k) list.pop();
}
