import fc from 'fast-check';
import { reachableMinimums, statsOf, type AssignmentProblem } from './assignment.domain';
import { solveExplained } from './batch.solve';
import { checkFeasibility } from './feasibility';
import { greedyAssignment } from './greedy';
import { solveOptimal } from './highs.solver';

/** Every subset of edges that meets the quotas exactly, best total affinity first (small cases only). */
function bruteForceBest(p: AssignmentProblem): number | undefined {
  let best: number | undefined;
  for (let mask = 0; mask < 1 << p.edges.length; mask++) {
    const need = p.items.map((i) => i.demand);
    const load = p.candidates.map(() => 0);
    let total = 0;
    p.edges.forEach((e, i) => {
      if (!(mask & (1 << i))) return;
      need[e.item]--;
      load[e.candidate]++;
      total += e.affinity;
    });
    const ok = need.every((n) => n === 0) && p.candidates.every((c, j) => load[j] >= c.minLoad && load[j] <= c.maxLoad);
    if (ok && (best === undefined || total > best)) best = total;
  }
  return best;
}

const smallProblem = fc
  .record({ items: fc.integer({ min: 1, max: 4 }), candidates: fc.integer({ min: 1, max: 4 }) })
  .chain(({ items, candidates }) =>
    fc.record({
      items: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: items, maxLength: items }),
      // The maximum is drawn apart from the minimum: a candidate whose free capacity is below the requested
      // minimum load (maxLoad < minLoad, even 0) is a case real batches produce.
      candidates: fc.array(
        fc.record({ minLoad: fc.integer({ min: 0, max: 2 }), maxLoad: fc.integer({ min: 0, max: 3 }) }),
        { minLength: candidates, maxLength: candidates },
      ),
      affinities: fc.array(fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined, freq: 4 }), {
        minLength: items * candidates,
        maxLength: items * candidates,
      }),
    }),
  )
  .map(({ items, candidates, affinities }): AssignmentProblem => ({
    items: items.map((demand, i) => ({ id: `i${i}`, demand })),
    candidates: candidates.map((c, j) => ({ id: `c${j}`, minLoad: c.minLoad, maxLoad: c.maxLoad })),
    edges: affinities.flatMap((a, n) =>
      a === undefined ? [] : [{ item: Math.floor(n / candidates.length), candidate: n % candidates.length, affinity: a / 10 }],
    ),
  }));

describe('batch assignment', () => {
  it('is optimal on small cases, checked against brute force; infeasible quotas are reported, not hidden', async () => {
    let aboveCapacity = 0;
    await fc.assert(
      fc.asyncProperty(smallProblem, async (p) => {
        // What the batch gives the solver: minimums above capacity lowered to it, the pre-check naming them.
        const solvable = reachableMinimums(p);
        const precheck = checkFeasibility(p);
        if (p.candidates.some((c) => c.minLoad > c.maxLoad)) {
          aboveCapacity++;
          expect(precheck.map((x) => x.code)).toContain('MIN_LOAD_ABOVE_CAPACITY');
        }
        const best = bruteForceBest(solvable);
        const solution = await solveOptimal(solvable);
        if (best === undefined) {
          expect(solution.shortfall.length + solution.underMinimum.length).toBeGreaterThan(0);
        } else {
          expect(solution.shortfall).toEqual([]);
          expect(solution.underMinimum).toEqual([]);
          expect(statsOf(p, solution).totalAffinity).toBeCloseTo(best, 6);
          expect(solution.integralRelaxation).toBe(true);
        }
        // The quotas as stated: whenever they cannot all hold, something says so.
        if (bruteForceBest(p) === undefined) {
          expect(precheck.length + solution.shortfall.length + solution.underMinimum.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200, seed: 20260301 },
    );
    expect(aboveCapacity).toBeGreaterThan(20);
  });

  it('makes HiGHS itself report a minimum above the maximum as infeasible; the batch then explains instead of failing', async () => {
    const p: AssignmentProblem = {
      items: [{ id: 'i0', demand: 1 }, { id: 'i1', demand: 1 }],
      candidates: [{ id: 'c0', minLoad: 2, maxLoad: 1 }, { id: 'c1', minLoad: 0, maxLoad: 2 }],
      edges: [
        { item: 0, candidate: 0, affinity: 0.5 },
        { item: 1, candidate: 0, affinity: 0.4 },
        { item: 1, candidate: 1, affinity: 0.3 },
      ],
    };
    await expect(solveOptimal(p)).rejects.toMatchObject({ name: 'SolverStatusError', status: 8, infeasible: true });
    const feasibility = checkFeasibility(p);
    expect(feasibility).toEqual([expect.objectContaining({ code: 'MIN_LOAD_ABOVE_CAPACITY', candidateId: 'c0' })]);
    expect(feasibility[0].message).toMatch(/最多还能承担 1 项，低于最低负荷 2：请降低最低负荷/);
    const solution = await solveExplained(p, feasibility);
    expect(solution).toMatchObject({ chosen: [], shortfall: [{ item: 0, missing: 1 }, { item: 1, missing: 1 }] });
    expect(feasibility).toHaveLength(1);
    const unexplained: ReturnType<typeof checkFeasibility> = [];
    await solveExplained(p, unexplained);
    expect(unexplained).toEqual([expect.objectContaining({ code: 'QUOTAS_UNSATISFIABLE' })]);
  });

  it('never does worse than greedy, and beats it where greedy spends a strong candidate too early', async () => {
    // Greedy gives c0 to i0 (0.9) and leaves i1 with its weak option; optimal gives c0 to i1 and c1 to i0.
    const p: AssignmentProblem = {
      items: [{ id: 'i0', demand: 1 }, { id: 'i1', demand: 1 }],
      candidates: [{ id: 'c0', minLoad: 0, maxLoad: 1 }, { id: 'c1', minLoad: 0, maxLoad: 1 }],
      edges: [
        { item: 0, candidate: 0, affinity: 0.9 },
        { item: 0, candidate: 1, affinity: 0.8 },
        { item: 1, candidate: 0, affinity: 0.85 },
        { item: 1, candidate: 1, affinity: 0.1 },
      ],
    };
    const optimal = statsOf(p, await solveOptimal(p));
    const greedy = statsOf(p, greedyAssignment(p));
    expect(optimal.totalAffinity).toBeCloseTo(1.65, 6);
    expect(greedy.totalAffinity).toBeCloseTo(1.0, 6);
    expect(optimal.minItemAffinity).toBeGreaterThan(greedy.minItemAffinity);
  });

  it('explains infeasible quotas with the numbers and what to relax', () => {
    const p: AssignmentProblem = {
      items: Array.from({ length: 50 }, (_, i) => ({ id: `order-${i}`, demand: 3 })),
      candidates: Array.from({ length: 10 }, (_, j) => ({ id: `team-${j}`, minLoad: 0, maxLoad: 12 })),
      edges: [],
    };
    const problems = checkFeasibility(p);
    expect(problems[0]).toMatchObject({ code: 'DEMAND_EXCEEDS_CAPACITY' });
    expect(problems[0].message).toContain('负荷上限合计 120 低于需求 150');
    expect(problems[0].message).toMatch(/提高负荷上限|增加候选方/);
    expect(problems.filter((x) => x.code === 'ITEM_TOO_FEW_CANDIDATES')).toHaveLength(20);
  });

  it('names the items that cannot be filled when only a subset is short (the slack the solver reports)', async () => {
    // Each check passes alone, yet i0 and i1 both need c0 only: one of them must go short.
    const p: AssignmentProblem = {
      items: [{ id: 'i0', demand: 1 }, { id: 'i1', demand: 1 }, { id: 'i2', demand: 1 }],
      candidates: [{ id: 'c0', minLoad: 0, maxLoad: 1 }, { id: 'c1', minLoad: 0, maxLoad: 2 }],
      edges: [
        { item: 0, candidate: 0, affinity: 0.5 },
        { item: 1, candidate: 0, affinity: 0.6 },
        { item: 2, candidate: 1, affinity: 0.4 },
      ],
    };
    expect(checkFeasibility(p)).toEqual([]);
    const solution = await solveOptimal(p);
    expect(solution.shortfall).toEqual([{ item: 0, missing: 1 }]);
  });

  it('reports a minimum load nobody can meet', () => {
    const p: AssignmentProblem = {
      items: [{ id: 'i0', demand: 1 }],
      candidates: [{ id: 'c0', minLoad: 2, maxLoad: 3 }],
      edges: [{ item: 0, candidate: 0, affinity: 1 }],
    };
    expect(checkFeasibility(p).map((x) => x.code)).toEqual(['MIN_LOAD_EXCEEDS_DEMAND', 'MIN_LOAD_UNREACHABLE']);
  });
});
