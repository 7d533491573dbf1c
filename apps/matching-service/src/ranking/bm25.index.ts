export interface Bm25Params {
  k1: number;
  b: number;
}

class Postings {
  docs = new Int32Array(4);
  tfs = new Float32Array(4);
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
  private docTerms: (Int32Array | undefined)[] = [];
  private docTfs: (Float32Array | undefined)[] = [];
  private docLen = new Float32Array(1024);
  private live = 0;
  private totalLen = 0;
  private deadEntries = 0;

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
    if (this.docTerms[doc]) throw new Error(`document slot ${doc} is already indexed`);
    const entries = [...tf].filter(([, f]) => f > 0).map(([term, f]) => [this.intern(term), f] as const);
    entries.sort((a, b) => a[0] - b[0]);
    const terms = new Int32Array(entries.length);
    const tfs = new Float32Array(entries.length);
    let len = 0;
    entries.forEach(([id, f], i) => {
      terms[i] = id;
      tfs[i] = f;
      len += f;
      const p = this.postings[id];
      p.push(doc, f);
      p.df++;
    });
    this.docTerms[doc] = terms;
    this.docTfs[doc] = tfs;
    this.ensureLength(doc);
    this.docLen[doc] = len;
    this.totalLen += len;
    this.live++;
  }

  remove(doc: number): void {
    const terms = this.docTerms[doc];
    if (!terms) return;
    for (const id of terms) this.postings[id].df--;
    this.deadEntries += terms.length;
    this.totalLen -= this.docLen[doc];
    this.live--;
    this.docTerms[doc] = undefined;
    this.docTfs[doc] = undefined;
  }

  has(doc: number): boolean {
    return this.docTerms[doc] !== undefined;
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
    for (let i = 0; i < p.n; i++) {
      const doc = docs[i];
      if (accept[doc] !== 1 || this.docTerms[doc] === undefined) continue;
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

  tf(id: number, doc: number): number {
    const terms = this.docTerms[doc];
    if (!terms) return 0;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] === id) return this.docTfs[doc]![mid];
      if (terms[mid] < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The document's terms and weighted frequencies (pseudo-relevance feedback reads them). */
  document(doc: number): { terms: Int32Array; tfs: Float32Array; length: number } | undefined {
    const terms = this.docTerms[doc];
    return terms && { terms, tfs: this.docTfs[doc]!, length: this.docLen[doc] };
  }

  /** Drops the postings of removed documents; afterwards their slots may be reused. */
  purge(): void {
    for (const p of this.postings) {
      let w = 0;
      for (let r = 0; r < p.n; r++) {
        if (this.docTerms[p.docs[r]] === undefined) continue;
        p.docs[w] = p.docs[r];
        p.tfs[w++] = p.tfs[r];
      }
      p.n = w;
    }
    this.deadEntries = 0;
  }

  /** Approximate bytes held by postings and forward lists (for the index benchmark). */
  approximateBytes(): number {
    let bytes = 0;
    for (const p of this.postings) bytes += p.docs.byteLength + p.tfs.byteLength + 48;
    for (const t of this.docTerms) if (t) bytes += t.byteLength * 2 + 96;
    return bytes + this.docLen.byteLength;
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      this.postings.push(new Postings());
    }
    return id;
  }

  private ensureLength(doc: number): void {
    if (doc < this.docLen.length) return;
    const next = new Float32Array(Math.max(doc + 1, this.docLen.length * 2));
    next.set(this.docLen);
    this.docLen = next;
  }
}
