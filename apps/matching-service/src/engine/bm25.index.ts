export interface Bm25Params {
  k1: number;
  b: number;
}

class Postings {
  docs = new Int32Array(4);
  tfs = new Float32Array(4);

  /** Gives back the growth slack (doubling leaves up to half of each array unused). */
  trim(): void {
    if (this.docs.length === Math.max(4, this.n)) return;
    this.docs = this.docs.slice(0, Math.max(4, this.n));
    this.tfs = this.tfs.slice(0, Math.max(4, this.n));
  }

  /** Entries in use, including those of removed documents until the next purge. */
  n = 0;
  /** Live documents containing the term. */
  df = 0;

  push(doc: number, tf: number): void {
    if (this.n === this.docs.length) {
      const docs = new Int32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Float32Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n++] = tf;
  }
}

/** Where the query accumulates scores: one slot per document, reset through `touched` after each query. */
export interface Accumulator {
  scores: Float64Array;
  touched: number[];
  /** Only documents with `accept[doc] === 1` are scored (the kind of candidate wanted). */
  accept: Uint8Array;
}

/**
 * An in-memory inverted index scored with BM25, kept current document by document. Postings are typed arrays that
 * grow by doubling; a removed document is dropped from the statistics at once and from the postings at the next
 * `purge`, so an update costs O(terms of the document), never a rebuild.
 */
export class Bm25Index {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly postings: Postings[] = [];
  // Forward lists live in one arena (start and count per document), not in a typed array per document: 100,000
  // documents would otherwise mean 200,000 small allocations and a build dominated by garbage collection.
  private arenaTerms = new Int32Array(1 << 16);
  private arenaTfs = new Float32Array(1 << 16);
  private arenaUsed = 0;
  private docStart = new Int32Array(1024);
  /** Terms of the document; -1 when the slot holds no live document. */
  private docCount = new Int32Array(1024).fill(-1);
  private docLen = new Float32Array(1024);
  private live = 0;
  private totalLen = 0;
  private deadEntries = 0;
  private pendingDoc = -1;
  private pendingStart = 0;
  /** Per term: where it was last written in the arena (finds a repeat within the document being added). */
  private mark = new Int32Array(1024).fill(-1);

  get documents(): number {
    return this.live;
  }

  get averageLength(): number {
    return this.live === 0 ? 1 : this.totalLen / this.live;
  }

  get vocabulary(): number {
    return this.names.length;
  }

  /** Postings of removed documents still held; `purge` drops them. */
  get stalePostings(): number {
    return this.deadEntries;
  }

  add(doc: number, tf: ReadonlyMap<string, number>): void {
    this.begin(doc);
    for (const [term, f] of tf) this.addTerm(term, f);
    this.end();
  }

  /**
   * Streaming form of `add`: `begin`, then `addTerm` for each occurrence (repeats are summed, so several fields merge
   * without an intermediate map), then `end`, which writes the postings.
   */
  begin(doc: number): void {
    this.ensureDoc(doc);
    if (this.docCount[doc] >= 0 || this.pendingDoc >= 0) throw new Error(`document slot ${doc} is already indexed`);
    this.pendingDoc = doc;
    this.pendingStart = this.arenaUsed;
  }

  addTerm(term: string, tf: number): void {
    if (tf <= 0) return;
    const id = this.intern(term);
    const at = this.mark[id];
    if (at >= this.pendingStart && at < this.arenaUsed && this.arenaTerms[at] === id) {
      this.arenaTfs[at] += tf;
      return;
    }
    this.ensureArena(this.arenaUsed + 1);
    this.arenaTerms[this.arenaUsed] = id;
    this.arenaTfs[this.arenaUsed] = tf;
    this.mark[id] = this.arenaUsed++;
  }

  end(): void {
    const doc = this.pendingDoc;
    let len = 0;
    for (let i = this.pendingStart; i < this.arenaUsed; i++) {
      const p = this.postings[this.arenaTerms[i]];
      p.push(doc, this.arenaTfs[i]);
      p.df++;
      len += this.arenaTfs[i];
    }
    this.docStart[doc] = this.pendingStart;
    this.docCount[doc] = this.arenaUsed - this.pendingStart;
    this.docLen[doc] = len;
    this.totalLen += len;
    this.live++;
    this.pendingDoc = -1;
  }

  remove(doc: number): void {
    if (!this.has(doc)) return;
    const start = this.docStart[doc];
    const n = this.docCount[doc];
    for (let i = start; i < start + n; i++) this.postings[this.arenaTerms[i]].df--;
    this.deadEntries += n;
    this.totalLen -= this.docLen[doc];
    this.live--;
    this.docCount[doc] = -1;
  }

  has(doc: number): boolean {
    return doc < this.docCount.length && this.docCount[doc] >= 0;
  }

  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.names[id];
  }

  df(id: number): number {
    return this.postings[id]?.df ?? 0;
  }

  idf(id: number): number {
    const df = this.df(id);
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Adds `weight × BM25(term, doc)` to every accepted live document containing the term. */
  accumulate(id: number, weight: number, params: Bm25Params, acc: Accumulator): void {
    const p = this.postings[id];
    if (!p || p.df === 0) return;
    const idf = this.idf(id) * weight;
    const k = params.k1;
    const norm0 = k * (1 - params.b);
    const norm1 = (k * params.b) / this.averageLength;
    const { docs, tfs } = p;
    const { scores, touched, accept } = acc;
    const count = this.docCount;
    for (let i = 0; i < p.n; i++) {
      const doc = docs[i];
      if (accept[doc] !== 1 || count[doc] < 0) continue;
      const tf = tfs[i];
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] += (idf * tf * (k + 1)) / (tf + norm0 + norm1 * this.docLen[doc]);
    }
  }

  /** The BM25 contribution of one term to one document (0 when absent): what the explanation lists. */
  termScore(id: number, doc: number, params: Bm25Params): number {
    const tf = this.tf(id, doc);
    if (tf === 0) return 0;
    const k = params.k1;
    return (this.idf(id) * tf * (k + 1)) / (tf + k * (1 - params.b + (params.b * this.docLen[doc]) / this.averageLength));
  }

  /** A linear scan of the document's forward list: only explanations (top k × query terms) ask. */
  tf(id: number, doc: number): number {
    if (!this.has(doc)) return 0;
    const start = this.docStart[doc];
    const end = start + this.docCount[doc];
    for (let i = start; i < end; i++) if (this.arenaTerms[i] === id) return this.arenaTfs[i];
    return 0;
  }

  /** The document's terms and weighted frequencies (pseudo-relevance feedback reads them). */
  document(doc: number): { terms: Int32Array; tfs: Float32Array; length: number } | undefined {
    if (!this.has(doc)) return undefined;
    const start = this.docStart[doc];
    const end = start + this.docCount[doc];
    return { terms: this.arenaTerms.subarray(start, end), tfs: this.arenaTfs.subarray(start, end), length: this.docLen[doc] };
  }

  /** Drops the postings and forward lists of removed documents; afterwards their slots may be reused. */
  purge(): void {
    for (const p of this.postings) {
      let w = 0;
      for (let r = 0; r < p.n; r++) {
        if (this.docCount[p.docs[r]] < 0) continue;
        p.docs[w] = p.docs[r];
        p.tfs[w++] = p.tfs[r];
      }
      p.n = w;
    }
    const terms = new Int32Array(Math.max(1 << 16, this.arenaUsed - this.deadEntries));
    const tfs = new Float32Array(terms.length);
    let used = 0;
    for (let doc = 0; doc < this.docCount.length; doc++) {
      const n = this.docCount[doc];
      if (n < 0) continue;
      const start = this.docStart[doc];
      terms.set(this.arenaTerms.subarray(start, start + n), used);
      tfs.set(this.arenaTfs.subarray(start, start + n), used);
      this.docStart[doc] = used;
      used += n;
    }
    this.arenaTerms = terms;
    this.arenaTfs = tfs;
    this.arenaUsed = used;
    this.deadEntries = 0;
  }

  /** Releases growth slack after a bulk load (a rebuild), when no growth is expected for a while. */
  trim(): void {
    for (const p of this.postings) p.trim();
    this.arenaTerms = this.arenaTerms.slice(0, this.arenaUsed + 1024);
    this.arenaTfs = this.arenaTfs.slice(0, this.arenaUsed + 1024);
  }

  /** Approximate bytes held by postings and forward lists (for the index benchmark). */
  approximateBytes(): number {
    let bytes = this.arenaTerms.byteLength + this.arenaTfs.byteLength;
    for (const p of this.postings) bytes += p.docs.byteLength + p.tfs.byteLength + 48;
    return bytes + this.docLen.byteLength + this.docStart.byteLength + this.docCount.byteLength;
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      this.postings.push(new Postings());
      if (id >= this.mark.length) {
        const mark = new Int32Array(this.mark.length * 2).fill(-1);
        mark.set(this.mark);
        this.mark = mark;
      }
    }
    return id;
  }

  private ensureArena(size: number): void {
    if (size <= this.arenaTerms.length) return;
    const capacity = Math.max(size, this.arenaTerms.length * 2);
    const terms = new Int32Array(capacity);
    terms.set(this.arenaTerms.subarray(0, this.arenaUsed));
    const tfs = new Float32Array(capacity);
    tfs.set(this.arenaTfs.subarray(0, this.arenaUsed));
    this.arenaTerms = terms;
    this.arenaTfs = tfs;
  }

  private ensureDoc(doc: number): void {
    if (doc < this.docCount.length) return;
    const capacity = Math.max(doc + 1, this.docCount.length * 2);
    const start = new Int32Array(capacity);
    start.set(this.docStart);
    const count = new Int32Array(capacity).fill(-1);
    count.set(this.docCount);
    const len = new Float32Array(capacity);
    len.set(this.docLen);
    this.docStart = start;
    this.docCount = count;
    this.docLen = len;
  }
}
