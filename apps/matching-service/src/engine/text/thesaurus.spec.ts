import { Thesaurus } from './thesaurus';

const thesaurus = Thesaurus.parse({
  entries: [
    { id: 'piglet-diarrhoea', colloquial: ['小猪拉稀'], technical: ['仔猪腹泻', '流行性腹泻'], weight: 0.8, fields: ['modern-agriculture'] },
    { id: 'casting', colloquial: ['冒…坑'], technical: ['气孔'], weight: 0.8 },
    { id: 'porosity-tech', colloquial: [], technical: ['气孔', '针孔'], weight: 0.6 },
  ],
});

const hits = (text: string) => thesaurus.lookup(text).map((h) => [h.entry.id, h.via, h.loose]);

describe('thesaurus lookup on the raw text', () => {
  it('matches a colloquial phrase exactly, and an explicit gap pattern', () => {
    expect(hits('场里小猪拉稀好几天了')).toEqual([['piglet-diarrhoea', 'colloquial', false]]);
    expect(hits('一加工就冒出一个个小坑')).toEqual([['casting', 'colloquial', false]]);
  });

  it('matches a phrase loosely when the owner put words between its halves, and says so', () => {
    expect(hits('小猪崽老是拉稀')).toEqual([['piglet-diarrhoea', 'colloquial', true]]);
    expect(hits('小猪长得慢，隔壁说拉稀的药管用')).toEqual([]);
  });

  it('lets a technical term in the need pull in its siblings', () => {
    expect(hits('铸件气孔超标')).toEqual([
      ['casting', 'technical', false],
      ['porosity-tech', 'technical', false],
    ]);
  });

  it('normalises full-width text before matching', () => {
    expect(hits('小猪拉稀！！')).toHaveLength(1);
  });
});
