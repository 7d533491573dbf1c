import { fieldCodeSchema, type FieldCode } from '@jiebang/contracts';
import { z } from 'zod';
import { normalize } from './analyzer';

const entrySchema = z.object({
  id: z.string().min(1),
  colloquial: z.array(z.string().min(1)),
  technical: z.array(z.string().min(1)).min(1),
  weight: z.number().positive().max(5),
  fields: z.array(fieldCodeSchema).optional(),
});
const thesaurusSchema = z.object({ entries: z.array(entrySchema) });

export interface ThesaurusEntry {
  id: string;
  colloquial: string[];
  technical: string[];
  weight: number;
  fields: FieldCode[];
}

/** One entry the need's text triggered, and the phrase that triggered it (shown in the explanation). */
export interface ThesaurusHit {
  entry: ThesaurusEntry;
  phrase: string;
  /** `colloquial`: everyday words mapped to technical terms; `technical`: a technical term pulls in its siblings. */
  via: 'colloquial' | 'technical';
  /** Matched with words between its two halves (小猪…拉稀 in 小猪崽老是拉稀): counted at a lower weight. */
  loose: boolean;
}

/** A gap inside a colloquial phrase (`冒…坑`) allows up to this many characters between its parts. */
const MAX_GAP = 8;
/** A loose match allows this many characters between the two halves of a phrase written without a gap. */
const LOOSE_GAP = 4;

/**
 * The domain thesaurus (seeds/matching/thesaurus.json): colloquial and trade words → technical terms, weighted.
 * Phrases are matched on the normalised raw text, not on tokens, because colloquial phrases are exactly what the
 * segmenter splits badly (冒小坑 → 冒/小坑).
 */
export class Thesaurus {
  private readonly patterns: { entry: ThesaurusEntry; phrase: string; parts: string[]; via: ThesaurusHit['via']; loose: boolean }[];

  constructor(readonly entries: readonly ThesaurusEntry[]) {
    this.patterns = entries.flatMap((entry) => [
      ...entry.colloquial.map((phrase) => ({ entry, phrase, parts: partsOf(phrase), via: 'colloquial' as const, loose: false })),
      ...entry.technical.map((phrase) => ({ entry, phrase, parts: partsOf(phrase), via: 'technical' as const, loose: false })),
      ...entry.colloquial.flatMap((phrase) => looseSplits(phrase).map((parts) => ({ entry, phrase, parts, via: 'colloquial' as const, loose: true }))),
    ]);
  }

  static parse(json: unknown): Thesaurus {
    const { entries } = thesaurusSchema.parse(json);
    return new Thesaurus(entries.map((e) => ({ ...e, fields: e.fields ?? [] })));
  }

  /** Entries triggered by `text`; one hit per entry, the strongest: exact colloquial, then technical, then loose. */
  lookup(text: string): ThesaurusHit[] {
    const normalized = normalize(text);
    const hits = new Map<string, ThesaurusHit>();
    for (const p of this.patterns) {
      const seen = hits.get(p.entry.id);
      if (seen && rank(seen) <= rank(p)) continue;
      if (occurs(normalized, p.parts, p.loose ? LOOSE_GAP : MAX_GAP)) hits.set(p.entry.id, { entry: p.entry, phrase: p.phrase, via: p.via, loose: p.loose });
    }
    return [...hits.values()];
  }
}

function rank(h: Pick<ThesaurusHit, 'via' | 'loose'>): number {
  return h.loose ? 2 : h.via === 'colloquial' ? 0 : 1;
}

/**
 * Owners add words inside set phrases (小猪崽老是拉稀 for 小猪拉稀). A phrase of four or more characters without
 * an explicit gap may also match as two halves of at least two characters, in order, a few characters apart.
 */
function looseSplits(phrase: string): string[][] {
  const p = normalize(phrase);
  if (/…|\.\.\.|\*/.test(p) || p.length < 4) return [];
  const splits: string[][] = [];
  for (let i = 2; i + 2 <= p.length; i++) splits.push([p.slice(0, i), p.slice(i)]);
  return splits;
}

function partsOf(phrase: string): string[] {
  return normalize(phrase)
    .split(/…|\.\.\.|\*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function occurs(text: string, parts: string[], gap: number): boolean {
  let from = text.indexOf(parts[0]);
  while (from >= 0) {
    if (restFollows(text, parts, 1, from + parts[0].length, gap)) return true;
    from = text.indexOf(parts[0], from + 1);
  }
  return false;
}

function restFollows(text: string, parts: string[], i: number, at: number, gap: number): boolean {
  if (i === parts.length) return true;
  const next = text.indexOf(parts[i], at);
  return next >= 0 && next - at <= gap && restFollows(text, parts, i + 1, next + parts[i].length, gap);
}
