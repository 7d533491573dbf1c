import type { Segmenter } from './segmenter';
import { STOPWORDS } from './stopwords';

const CJK = /[\u3400-\u9fff]/;
const WORD = /[\p{L}\p{N}]/u;
const NUMBERISH = /^[\p{N}.%‰×xX*+\-~·/]+$/u;

/** Bump when the analysis below changes: stored analyses carry it and are redone when it differs. */
export const ANALYZER_REVISION = 2;

/** Full-width to half-width, one case, one form of each character, so 「ＰＬＣ」 and 「plc」 meet. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Text → the terms BM25 sees. `words` are jieba words without stop words and bare numbers. `grams` are character
 * bigrams for words the segmenter may split differently on the two sides (压铸件 vs 高压铸造 share 压铸): every
 * two-character word, the bigrams inside longer words, and the bigrams of runs of single characters (冒/小/坑 → 冒小, 小坑).
 */
export class Analyzer {
  constructor(readonly segmenter: Segmenter) {}

  /** Identifies segmentation and analysis together, for stored analyses. */
  get revision(): string {
    return `${ANALYZER_REVISION}:${this.segmenter.dictionaryId}`;
  }

  tokens(text: string): string[] {
    return this.segmenter.cut(normalize(text)).map((t) => t.trim());
  }

  words(text: string): string[] {
    return this.tokens(text).filter(isContentWord);
  }

  analyze(text: string): { words: string[]; grams: string[] } {
    const tokens = this.tokens(text);
    return { words: tokens.filter(isContentWord), grams: gramsOf(tokens) };
  }
}

export function isContentWord(token: string): boolean {
  return token.length > 0 && WORD.test(token) && !NUMBERISH.test(token) && !STOPWORDS.has(token);
}

export function gramsOf(tokens: string[]): string[] {
  const grams: string[] = [];
  let run = '';
  const flushRun = () => {
    for (let i = 0; i + 2 <= run.length; i++) grams.push(run.slice(i, i + 2));
    run = '';
  };
  for (const token of tokens) {
    if (!CJK.test(token) || STOPWORDS.has(token)) {
      flushRun();
      continue;
    }
    if (token.length === 1) {
      run += token;
      continue;
    }
    flushRun();
    if (token.length === 2) grams.push(token);
    else for (let i = 0; i + 2 <= token.length; i++) grams.push(token.slice(i, i + 2));
  }
  flushRun();
  return grams.filter((g) => CJK.test(g[0]) && CJK.test(g[1]));
}
