import { createHash } from 'node:crypto';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

// HMM guesses words jieba's dictionary lacks; it keeps unknown technical compounds (e.g. 真空压铸) together.
const HMM = true;

const instances = new Map<string, Segmenter>();

/**
 * jieba (`@node-rs/jieba`) with its base dictionary plus the domain dictionary (`词 频率 词性` lines), so terms such as
 * 揭榜挂帅 or 工业互联网 stay whole. Loading takes a fraction of a second and a few MB, so there is one instance per
 * dictionary per process (`Segmenter.load`).
 */
export class Segmenter {
  private constructor(
    private readonly jieba: Jieba,
    /** Identifies the dictionary: terms analysed with another dictionary must be analysed again. */
    readonly dictionaryId: string,
  ) {}

  static load(domainDictionary: string): Segmenter {
    const id = createHash('sha256').update(domainDictionary).digest('hex').slice(0, 12);
    let segmenter = instances.get(id);
    if (!segmenter) {
      const jieba = Jieba.withDict(dict);
      if (domainDictionary.trim()) jieba.loadDict(Buffer.from(domainDictionary, 'utf8'));
      segmenter = new Segmenter(jieba, id);
      instances.set(id, segmenter);
    }
    return segmenter;
  }

  cut(text: string): string[] {
    return this.jieba.cut(text, HMM);
  }
}
