import { CANDIDATE_KINDS, type CandidateKind, type FieldCode } from '@jiebang/contracts';
import type { Analyzer } from './text/analyzer';
import { Bm25Index } from './bm25.index';
import type { CandidateAnalysis, CandidateFacts, CandidateText } from './candidate';
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from './weights';

const TEXT_FIELDS = ['name', 'keywords', 'capabilities', 'pastWork'] as const;

/** A set of candidates a batch may use, as a slot mask (built once per batch, read for every item). */
export interface CandidatePool {
  readonly mask: Uint8Array;
  readonly size: number;
}

/**
 * Every candidate the matcher can rank: two BM25 indexes (words with per-field boosts, and character bigrams), the
 * facts the factors read, and a slot mask per kind. Upserts and removals are incremental; a removed slot is reused
 * only after its postings are purged, which happens once stale postings outnumber a fifth of the live ones.
 */
export class CandidateIndex {
  readonly words = new Bm25Index();
  readonly grams = new Bm25Index();
  private facts: (CandidateFacts | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly kinds: Record<CandidateKind, Uint8Array>;
  private readonly kindCounts: Record<CandidateKind, number> = { team: 0, solver: 0, expert: 0 };
  readonly fieldDocs = new Map<FieldCode, Set<number>>();
  private versions = 0;
  private free: number[] = [];
  private dead: number[] = [];
  private next = 0;
  private capacity = 1024;

  constructor(
    readonly analyzer: Analyzer,
    readonly settings: IndexSettings = DEFAULT_INDEX_SETTINGS,
  ) {
    this.kinds = Object.fromEntries(CANDIDATE_KINDS.map((k) => [k, new Uint8Array(this.capacity)])) as Record<
      CandidateKind,
      Uint8Array
    >;
  }

  get size(): number {
    return this.slots.size;
  }

  /** Σ of the indexed profiles' versions: with `size`, a cheap fingerprint to compare with the table. */
  get versionSum(): number {
    return this.versions;
  }

  ids(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Slots allocated so far: the length every per-query scratch array needs. */
  get slotCount(): number {
    return this.next;
  }

  /** Segments the profile's text (the expensive part of indexing; done once per write and stored with the row). */
  analyze(text: CandidateText): CandidateAnalysis {
    const a = this.analyzer;
    const terms = (t: string) => packTerms(a.words(t));
    const all = [text.name, text.keywords.join('，'), text.capabilities, ...text.pastWork].join('。');
    return {
      revision: a.revision,
      words: {
        name: terms(text.name),
        keywords: terms(text.keywords.join('，')),
        capabilities: terms(text.capabilities),
        pastWork: terms(text.pastWork.join('。')),
      },
      grams: packTerms(a.analyze(all).grams),
    };
  }

  /** Adds or replaces a candidate. Returns false (and changes nothing) when the index already holds a newer version. */
  upsert(facts: CandidateFacts, analysis: CandidateAnalysis): boolean {
    const old = this.slots.get(facts.id);
    if (old !== undefined && this.facts[old]!.version > facts.version) return false;
    if (old !== undefined) this.release(old);
    const slot = this.allocate();
    const boosts = this.settings.fieldBoosts;
    this.words.begin(slot);
    for (const field of TEXT_FIELDS) unpackTerms(analysis.words[field], boosts[field], (t, n) => this.words.addTerm(t, n));
    this.words.end();
    this.grams.begin(slot);
    unpackTerms(analysis.grams, 1, (t, n) => this.grams.addTerm(t, n));
    this.grams.end();
    this.bind(slot, facts);
    return true;
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot !== undefined) this.release(slot);
  }

  get(id: string): CandidateFacts | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.facts[slot];
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  factsAt(slot: number): CandidateFacts | undefined {
    return this.facts[slot];
  }

  kindMask(kind: CandidateKind): Uint8Array {
    return this.kinds[kind];
  }

  /** Live candidates of `kind`. */
  count(kind: CandidateKind): number {
    return this.kindCounts[kind];
  }

  /** The candidates among `ids` that are indexed and of `kind`. */
  pool(ids: Iterable<string>, kind: CandidateKind): CandidatePool {
    const mask = new Uint8Array(this.capacity);
    let size = 0;
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot !== undefined && this.facts[slot]!.kind === kind && mask[slot] === 0) {
        mask[slot] = 1;
        size++;
      }
    }
    return { mask, size };
  }

  approximateBytes(): number {
    return this.words.approximateBytes() + this.grams.approximateBytes() + this.facts.length * 200;
  }

  private bind(slot: number, facts: CandidateFacts): void {
    this.facts[slot] = facts;
    this.slots.set(facts.id, slot);
    this.kinds[facts.kind][slot] = 1;
    this.kindCounts[facts.kind]++;
    this.versions += facts.version;
    for (const f of facts.fields) {
      let docs = this.fieldDocs.get(f);
      if (!docs) this.fieldDocs.set(f, (docs = new Set()));
      docs.add(slot);
    }
  }

  private unbindFacts(slot: number): void {
    const facts = this.facts[slot]!;
    this.kinds[facts.kind][slot] = 0;
    this.kindCounts[facts.kind]--;
    this.versions -= facts.version;
    for (const f of facts.fields) this.fieldDocs.get(f)?.delete(slot);
  }

  private release(slot: number): void {
    const facts = this.facts[slot]!;
    this.unbindFacts(slot);
    this.slots.delete(facts.id);
    this.facts[slot] = undefined;
    this.words.remove(slot);
    this.grams.remove(slot);
    this.dead.push(slot);
    if (this.dead.length > 1000 && this.words.stalePostings > this.liveTerms() / 5) this.purge();
  }

  private liveTerms(): number {
    return this.words.documents * 50;
  }

  /** After a bulk load: drops stale postings and the arrays' growth slack. */
  trim(): void {
    this.purge();
    this.words.trim();
    this.grams.trim();
  }

  /** Drops stale postings; only then may removed slots be handed out again. */
  purge(): void {
    this.words.purge();
    this.grams.purge();
    this.free.push(...this.dead);
    this.dead = [];
  }

  private allocate(): number {
    const slot = this.free.pop() ?? this.next++;
    if (slot >= this.capacity) this.grow();
    return slot;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const kind of CANDIDATE_KINDS) {
      const mask = new Uint8Array(this.capacity);
      mask.set(this.kinds[kind]);
      this.kinds[kind] = mask;
    }
  }
}

const COUNT = '\u001f';

/** `词 词 词 另一词` → `词\u001f3 另一词`: each distinct term once, its count after a unit separator when above 1. */
export function packTerms(terms: string[]): string {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([t, n]) => (n === 1 ? t : `${t}${COUNT}${n}`)).join(' ');
}

function unpackTerms(packed: string, boost: number, each: (term: string, tf: number) => void): void {
  if (!packed) return;
  for (const entry of packed.split(' ')) {
    const at = entry.indexOf(COUNT);
    if (at < 0) each(entry, boost);
    else each(entry.slice(0, at), Number(entry.slice(at + 1)) * boost);
  }
}
