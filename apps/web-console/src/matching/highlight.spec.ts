import { highlight } from './highlight';

describe('matched terms in the need text', () => {
  it('marks every occurrence, longer terms first, and keeps the rest as it is', () => {
    expect(highlight('压铸工艺不稳，压铸件有气孔', ['压铸', '压铸工艺', '气孔'])).toEqual([
      { text: '压铸工艺', term: '压铸工艺' },
      { text: '不稳，' },
      { text: '压铸', term: '压铸' },
      { text: '件有' },
      { text: '气孔', term: '气孔' },
    ]);
  });

  it('keeps adjacent occurrences apart and matches Latin letters in any case', () => {
    expect(highlight('PLC plc', ['plc'])).toEqual([{ text: 'PLC', term: 'plc' }, { text: ' ' }, { text: 'plc', term: 'plc' }]);
    expect(highlight('气孔气孔', ['气孔'])).toEqual([{ text: '气孔', term: '气孔' }, { text: '气孔', term: '气孔' }]);
  });

  it('leaves a text without matches whole', () => {
    expect(highlight('需要优化工艺', ['真空'])).toEqual([{ text: '需要优化工艺' }]);
    expect(highlight('', ['真空'])).toEqual([]);
  });
});
