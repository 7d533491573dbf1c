import { add, need, profile, testEngine } from '../testing/engine-fixtures';
import { DEFAULT_WEIGHTS, resolveWeights } from './weights';
import { tallyOf } from './reputation';

const now = new Date('2026-03-01T00:00:00Z');
const opts = { k: 5, weights: DEFAULT_WEIGHTS, now };

function casting(over: Parameters<typeof profile>[0] = {}) {
  return profile({
    capabilities: '铝合金高压铸造工艺优化，铸件气孔、缩松缺陷分析与控制，气密性检测',
    keywords: ['高压铸造', '气孔'],
    fields: ['light-metal'],
    ...over,
  });
}

const distractor = () =>
  profile({ capabilities: '铝合金铸件销售、仓储与物流配送服务', keywords: ['铸件销售'], fields: ['light-metal'] });
const pig = () => profile({ capabilities: '养殖场氨气减排、除臭与粪污资源化', fields: ['modern-agriculture'] });

const colloquial = need({ text: '我们的铸件一加工就冒小坑，打压还漏' });

describe('ranking engine', () => {
  it('bridges colloquial words to technical terms through the thesaurus, and says so', () => {
    const engine = testEngine();
    const c = casting();
    [c, distractor(), pig()].forEach((p) => add(engine, p));
    const result = engine.rank(colloquial, opts);
    expect(result.results[0].candidateId).toBe(c.id);
    expect(result.query.expansions.map((e) => e.entryId)).toContain('casting-porosity');
    expect(result.results[0].matchedTerms).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: '气孔', via: 'thesaurus', phrase: '冒小坑' })]),
    );
  });

  it('without the thesaurus the same colloquial need cannot find the competent team first', () => {
    const engine = testEngine();
    const c = casting();
    [c, distractor(), pig()].forEach((p) => add(engine, p));
    const plain = engine.rank(colloquial, { ...opts, weights: resolveWeights({ thesaurus: 0, siblings: 0, prf: 0 }) });
    expect(plain.results[0]?.candidateId).not.toBe(c.id);
  });

  it('gives every result a breakdown whose contributions add up to its score', () => {
    const engine = testEngine();
    [casting(), distractor()].forEach((p) => add(engine, p));
    for (const r of engine.rank(colloquial, opts).results) {
      const sum = r.breakdown.reduce((s, f) => s + f.contribution, 0);
      expect(sum).toBeCloseTo(r.score, 3);
      expect(r.breakdown.map((f) => f.factor)).toEqual(['text', 'field', 'proximity', 'reputation', 'capacity', 'willingness']);
    }
  });

  it('infers the field from the text when the need names none', () => {
    const engine = testEngine();
    [casting(), distractor(), pig()].forEach((p) => add(engine, p));
    const { query } = engine.rank(colloquial, opts);
    expect(query.fieldsInferred).toBe(true);
    expect(query.fields[0].code).toBe('light-metal');
  });

  it('only ranks the kind of candidate wanted', () => {
    const engine = testEngine();
    const solver = casting({ kind: 'solver' });
    const team = casting();
    [solver, team].forEach((p) => add(engine, p));
    expect(engine.rank({ ...colloquial, wants: 'solver' }, opts).results.map((r) => r.candidateId)).toEqual([solver.id]);
  });

  it('prefers the same district, then the same zone, then Sichuan, other things equal', () => {
    const engine = testEngine();
    const same = casting({ districtCode: '500112' });
    const zone = casting({ districtCode: '500106' });
    const far = casting({ districtCode: '500101' });
    const sichuan = casting({ districtCode: null, region: 'sichuan', city: '成都' });
    [sichuan, far, zone, same].forEach((p) => add(engine, p));
    const order = engine.rank(colloquial, opts).results.map((r) => r.candidateId);
    expect(order).toEqual([same.id, zone.id, far.id, sichuan.id]);
  });

  it('ranks a long good record above one lucky rating (Bayesian smoothing), and recent above old', () => {
    const engine = testEngine();
    const steady = casting();
    const lucky = casting();
    const faded = casting();
    const days = (d: number) => new Date(now.getTime() - d * 86_400_000);
    add(engine, steady, { reputation: tallyOf(Array.from({ length: 12 }, (_, i) => ({ score: 5, at: days(30 + i) })), 365) });
    add(engine, lucky, { reputation: tallyOf([{ score: 5, at: days(10) }], 365) });
    add(engine, faded, { reputation: tallyOf(Array.from({ length: 12 }, (_, i) => ({ score: 5, at: days(2000 + i) })), 365) });
    const order = engine.rank(colloquial, opts).results.map((r) => r.candidateId);
    expect(order.indexOf(steady.id)).toBeLessThan(order.indexOf(lucky.id));
    expect(order.indexOf(steady.id)).toBeLessThan(order.indexOf(faded.id));
  });

  it('applies an update at once, and ignores an older version arriving late', () => {
    const engine = testEngine();
    const a = casting({ id: 'a' });
    const b = profile({ id: 'b', capabilities: '铸件销售' });
    [a, b].forEach((p) => add(engine, p));
    expect(engine.rank(colloquial, opts).results[0].candidateId).toBe('a');
    add(engine, profile({ id: 'a', version: 2, capabilities: '物流配送' }));
    add(engine, profile({ id: 'b', version: 2, capabilities: '压铸件气孔与缩松缺陷控制，气密性提升' }));
    add(engine, casting({ id: 'b', version: 1 }));
    expect(engine.rank(colloquial, opts).results[0].candidateId).toBe('b');
    expect(engine.index.size).toBe(2);
  });

  it('scores one candidate within the need’s ranking: the same score and breakdown it has in a longer list', () => {
    const engine = testEngine();
    const best = casting();
    const weaker = profile({ capabilities: '铝合金铸件气密性检测服务', fields: ['light-metal'] });
    [best, weaker, distractor(), pig()].forEach((p) => add(engine, p));
    const list = engine.rank(colloquial, opts);
    const inList = list.results.find((r) => r.candidateId === weaker.id)!;
    const alone = engine.scoreWithin(colloquial, weaker.id, { weights: DEFAULT_WEIGHTS, now })!;
    expect(alone.score).toBe(inList.score);
    expect(alone.breakdown).toEqual(inList.breakdown);
    expect(alone.breakdown.find((f) => f.factor === 'text')!.value).toBeLessThan(1);
    expect(alone.violations).toEqual([]);
    expect(engine.scoreWithin({ ...colloquial, wants: 'solver' }, weaker.id, { weights: DEFAULT_WEIGHTS, now })).toBeUndefined();
  });

  it('leaves loose phrase matching off unless a run asks for it', () => {
    const engine = testEngine();
    [casting(), pig()].forEach((p) => add(engine, p));
    const loose = need({ text: '猪场那个味道实在太大了' });
    expect(engine.rank(loose, opts).query.expansions).toEqual([]);
    const on = engine.rank(loose, { ...opts, weights: resolveWeights({ thesaurusLoose: 0.6 }) });
    expect(on.query.expansions).toEqual([expect.objectContaining({ entryId: 'odour', via: 'colloquial' })]);
  });
});
