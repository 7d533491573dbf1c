import { add, need, profile, testEngine } from '../testing/engine-fixtures';
import { addRating, EMPTY_TALLY, smoothedRating, tallyOf } from './reputation';
import { DEFAULT_WEIGHTS } from './weights';

const now = new Date('2026-03-01T00:00:00Z');
const prior = { mean: 3.5, strength: 3 };
const days = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('reputation with dates it should never have been given', () => {
  it('leaves out a rating whose decay weight is not a finite number, so the tally never becomes NaN', () => {
    const real = tallyOf([{ score: 4, at: days(30) }], 365);
    const poisoned = addRating(real, 5, new Date('9999-12-31T00:00:00Z'), 365);
    expect(poisoned).toEqual(real);
    expect(Number.isFinite(smoothedRating(poisoned, now, 365, prior))).toBe(true);
  });

  it('ranks every candidate with a finite score even beside a tally built from absurd dates', () => {
    const engine = testEngine();
    const sound = profile({ capabilities: '压铸件气孔缺陷分析', fields: ['light-metal'] });
    const absurd = profile({ capabilities: '压铸件气孔缺陷分析', fields: ['light-metal'] });
    add(engine, sound, { reputation: tallyOf(Array.from({ length: 20 }, (_, i) => ({ score: 5, at: days(10 + i) })), 365) });
    add(engine, absurd, { reputation: { count: 1, weight: Infinity, weightedSum: Infinity } });
    const { results } = engine.rank(need({ text: '压铸件气孔' }), { k: 5, weights: DEFAULT_WEIGHTS, now });
    expect(results.every((r) => Number.isFinite(r.score) && r.breakdown.every((f) => Number.isFinite(f.value)))).toBe(true);
    expect(results[0].candidateId).toBe(sound.id);
    expect(smoothedRating(EMPTY_TALLY, now, 365, prior)).toBe(3.5);
  });
});
