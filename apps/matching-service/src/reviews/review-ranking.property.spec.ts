import fc from 'fast-check';
import { MAX_RESERVES, rankApplications, type ScoredApplication } from './review.domain';

/**
 * The review round's ranking over any scores (ties included, as experts on a 0–100 scale produce them): a total
 * order of every application, outcomes by rank, the score the weighted mean over experts, and every tie explained.
 */
const score = fc.integer({ min: 0, max: 10 }).map((n) => n * 10); // coarse, so ties are frequent
const criteria = fc.record({ technical: score, team: score, feasibility: score });
const application = (i: number) =>
  fc.record({
    applicationId: fc.constant(`a-${i}`),
    submittedAt: fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2027, 0, 1 + d))),
    scores: fc.array(criteria, { minLength: 1, maxLength: 4 }),
  });
const applications = fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => application(i))));
const weights = fc.constantFrom({ technical: 0.4, team: 0.3, feasibility: 0.3 }, { technical: 0.5, team: 0.25, feasibility: 0.25 }, { technical: 1, team: 0, feasibility: 0 });

describe('review ranking (property)', () => {
  it('ranks every application once, best first, with outcomes by rank and every tie explained', () => {
    fc.assert(
      fc.property(applications, weights, fc.integer({ min: 1, max: 3 }), (apps: ScoredApplication[], w, maxWinners) => {
        const ranking = rankApplications(apps, w, maxWinners);
        expect(ranking.map((r) => r.rank)).toEqual(apps.map((_, i) => i + 1));
        expect(new Set(ranking.map((r) => r.applicationId))).toEqual(new Set(apps.map((a) => a.applicationId)));
        expect(ranking.filter((r) => r.outcome === 'PROPOSED')).toHaveLength(Math.min(maxWinners, apps.length));
        expect(ranking.filter((r) => r.outcome === 'SHORTLISTED').length).toBeLessThanOrEqual(MAX_RESERVES);
        const raw = new Map(
          apps.map((a) => [a.applicationId, a.scores.reduce((s, c) => s + w.technical * c.technical + w.team * c.team + w.feasibility * c.feasibility, 0) / a.scores.length]),
        );
        for (const r of ranking) expect(Math.abs(r.score - raw.get(r.applicationId)!)).toBeLessThanOrEqual(0.005 + 1e-9); // shown to 2 decimals
        for (let i = 1; i < ranking.length; i++) {
          const [prev, cur] = [ranking[i - 1], ranking[i]];
          const [p, c] = [raw.get(prev.applicationId)!, raw.get(cur.applicationId)!];
          expect(p).toBeGreaterThanOrEqual(c - 1e-9);
          if (Math.abs(p - c) <= 1e-9) {
            expect(prev.tieBreak).toBeDefined();
            expect(cur.tieBreak).toBeDefined();
            expect(prev.criteria.technical).toBeGreaterThanOrEqual(cur.criteria.technical - 0.01);
          }
          const order = ['PROPOSED', 'SHORTLISTED', 'NOT_SELECTED'];
          expect(order.indexOf(prev.outcome)).toBeLessThanOrEqual(order.indexOf(cur.outcome));
        }
      }),
      { numRuns: 800, seed: 13 },
    );
  });
});
