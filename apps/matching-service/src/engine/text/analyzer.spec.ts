import { testAnalyzer, TEST_DICTIONARY } from '../../testing/engine-fixtures';
import { gramsOf, normalize } from './analyzer';
import { Segmenter } from './segmenter';

describe('Chinese segmentation with the domain dictionary', () => {
  const analyzer = testAnalyzer();

  it('keeps dictionary terms whole', () => {
    const words = analyzer.words('重庆企业发布揭榜挂帅榜单：基于工业互联网的新材料碳中和路径');
    expect(words).toEqual(expect.arrayContaining(['揭榜挂帅', '工业互联网', '新材料', '碳中和']));
    expect(words).not.toContain('材料');
  });

  it('splits a term the base dictionary does not know, which is why the domain dictionary exists', () => {
    const plain = Segmenter.load('');
    expect(plain.cut('新材料')).not.toEqual(['新材料']);
    expect(Segmenter.load(TEST_DICTIONARY).cut('新材料')).toEqual(['新材料']);
  });

  it('drops stop words and bare numbers but keeps technical words and latin terms', () => {
    const words = analyzer.words('我们需要把PLC控制的产线良品率提高到99.5%');
    expect(words).toEqual(expect.arrayContaining(['plc', '控制', '产线', '良品率']));
    expect(words).not.toContain('我们');
    expect(words).not.toContain('99.5%');
  });

  it('normalises full-width characters and case so both sides meet', () => {
    expect(normalize('ＰＬＣ控制')).toBe('plc控制');
  });

  it('makes bigrams of long words and of runs of single characters, not across stop words', () => {
    expect(gramsOf(['高压铸造', '冒', '小', '坑', '的', '漏', '气'])).toEqual(['高压', '压铸', '铸造', '冒小', '小坑', '漏气']);
  });
});
