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
}

/** A gap inside a colloquial phrase (`冒…坑`) allows up to this many characters between its parts. */
const MAX_GAP = 8;

/**
 * The domain thesaurus (seeds/matching/thesaurus.json): colloquial and trade words → technical terms, weighted.
 * Phrases are matched on the normalised raw text, not on tokens, because colloquial phrases are exactly what the
 * segmenter splits badly (冒小坑 → 冒/小坑).
 */
export class Thesaurus {
  private readonly patterns: { entry: ThesaurusEntry; phrase: string; parts: string[]; via: ThesaurusHit['via'] }[];

  constructor(readonly entries: readonly ThesaurusEntry[]) {
    this.patterns = entries.flatMap((entry) => [
      ...entry.colloquial.map((phrase) => ({ entry, phrase, parts: partsOf(phrase), via: 'colloquial' as const })),
      ...entry.technical.map((phrase) => ({ entry, phrase, parts: partsOf(phrase), via: 'technical' as const })),
    ]);
  }

  static parse(json: unknown): Thesaurus {
    const { entries } = thesaurusSchema.parse(json);
    return new Thesaurus(entries.map((e) => ({ ...e, fields: e.fields ?? [] })));
  }

  /** Entries triggered by `text`; one hit per entry, colloquial hits first. */
  lookup(text: string): ThesaurusHit[] {
    const normalized = normalize(text);
    const hits = new Map<string, ThesaurusHit>();
    for (const p of this.patterns) {
      const seen = hits.get(p.entry.id);
      if (seen && (seen.via === 'colloquial' || p.via === 'technical')) continue;
      if (occurs(normalized, p.parts)) hits.set(p.entry.id, { entry: p.entry, phrase: p.phrase, via: p.via });
    }
    return [...hits.values()];
  }
}

function partsOf(phrase: string): string[] {
  return normalize(phrase)
    .split(/…|\.\.\.|\*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function occurs(text: string, parts: string[]): boolean {
  let from = text.indexOf(parts[0]);
  while (from >= 0) {
    if (restFollows(text, parts, 1, from + parts[0].length)) return true;
    from = text.indexOf(parts[0], from + 1);
  }
  return false;
}

function restFollows(text: string, parts: string[], i: number, at: number): boolean {
  if (i === parts.length) return true;
  const next = text.indexOf(parts[i], at);
  return next >= 0 && next - at <= MAX_GAP && restFollows(text, parts, i + 1, next + parts[i].length);
}
