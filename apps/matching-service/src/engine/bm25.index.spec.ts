import { testAnalyzer } from '../testing/engine-fixtures';
import { Bm25Index, type Accumulator } from './bm25.index';

const params = { k1: 1.2, b: 0.75 };

function tf(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function search(index: Bm25Index, terms: string[], docs = 16): number[] {
  const acc: Accumulator = { scores: new Float64Array(docs), touched: [], accept: new Uint8Array(docs).fill(1) };
  for (const t of terms) {
    const id = index.termId(t);
    if (id !== undefined) index.accumulate(id, 1, params, acc);
  }
  return [...acc.touched].sort((a, b) => acc.scores[b] - acc.scores[a]);
}

describe('BM25 over segmented Chinese text', () => {
  const analyzer = testAnalyzer();
  const docs = [
    '铝合金高压铸造工艺优化，解决铸件气孔与缩松缺陷',
    '铝合金型材销售与物流配送，铸件仓储',
    '生猪养殖场氨气减排与除臭工程',
    '工业互联网平台建设，设备联网与数据采集',
  ];

  function build(): Bm25Index {
    const index = new Bm25Index();
    docs.forEach((d, i) => index.add(i, tf(analyzer.words(d))));
    return index;
  }

  it('ranks the document whose words match the need first', () => {
    expect(search(build(), analyzer.words('铸件有气孔缺陷'))[0]).toBe(0);
    expect(search(build(), analyzer.words('猪场氨气减排'))[0]).toBe(2);
  });

  it('weighs a rare term above a common one', () => {
    const index = build();
    expect(index.idf(index.termId('气孔')!)).toBeGreaterThan(index.idf(index.termId('铝合金')!));
  });

  it('matches a dictionary term as one unit, not as its characters', () => {
    const index = build();
    expect(index.termId('工业互联网')).toBeDefined();
    expect(index.termId('互联网')).toBeUndefined();
    expect(search(index, analyzer.words('工业互联网'))).toEqual([3]);
  });

  it('prefers the shorter document at equal term frequency (length normalisation)', () => {
    const index = new Bm25Index();
    index.add(0, tf(['气孔', '检测']));
    index.add(1, tf(['气孔', '检测', '销售', '物流', '仓储', '包装', '运输', '培训']));
    index.add(2, tf(['销售']));
    expect(search(index, ['气孔'])).toEqual([0, 1]);
  });

  it('forgets a removed document at once and keeps scores identical after purging', () => {
    const index = build();
    const before = index.termScore(index.termId('气孔')!, 0, params);
    index.add(5, tf(analyzer.words('气孔检测')));
    index.remove(5);
    expect(search(index, ['气孔'])).toEqual([0]);
    expect(index.documents).toBe(4);
    expect(index.termScore(index.termId('气孔')!, 0, params)).toBeCloseTo(before, 10);
    index.purge();
    expect(index.stalePostings).toBe(0);
    expect(index.termScore(index.termId('气孔')!, 0, params)).toBeCloseTo(before, 10);
    index.add(5, tf(['缩松']));
    expect(search(index, ['缩松'])).toEqual([5, 0]);
  });
});
