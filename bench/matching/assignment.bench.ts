import { DEFAULT_WEIGHTS } from '@jiebang/matching-service/src/engine';
import { runBatch } from '@jiebang/matching-service/src/engine/assignment/batch.builder';
import type { AssignmentRequest } from '@jiebang/matching-service/src/assignment/assignment.dto';
import { machine, table } from '../support/stats';
import { generateNeeds, generateProfiles, prng } from './generator';
import { buildEngine } from './world';

/**
 * Batch assignment at district, multi-district and city-year scale (items × teams, k = 3): the exact HiGHS
 * solution (on its worker thread, as the service runs it) beside the greedy baseline on the same affinity graph
 * (the engine's top-40 candidates per item, hard constraints removed, and 0.4 × items random (item, team) pairs
 * declared as conflicts — the table says how many of them hit an edge). The floor is greedy's own time on the
 * same graph.
 *
 *   npm run bench:matching:assignment -- [--sizes 200x60,1000x300,2000x500]
 */
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const SIZES = String(args.sizes ?? '200x60,1000x300,2000x500').split(',').map((s) => s.split('x').map(Number));
const K = 3;

async function main(): Promise<void> {
  console.log(`batch assignment on ${machine()}; k = ${K}; max load = ⌈1.25 × demand / teams⌉\n`);
  const rows: (string | number)[][] = [
    ['items × teams', 'edges', 'conflicts on an edge', 'max load', 'affinities', 'HiGHS solve: in thread / wall', 'greedy (floor)', 'total: optimal / greedy', 'min item: optimal / greedy', 'load spread: opt / greedy', 'unfilled', 'method'],
  ];
  for (const [items, teams] of SIZES) {
    const profiles = generateProfiles(teams * 3, 99).filter((p) => p.facts.kind === 'team').slice(0, teams);
    for (const p of profiles) Object.assign(p.facts, { suspended: false, openLoad: 0, maxLoad: 50 });
    const { engine } = buildEngine(profiles);
    const random = prng(items);
    const maxLoad = Math.ceil((1.25 * items * K) / teams);
    const request: AssignmentRequest = {
      wants: 'team',
      k: K,
      minLoad: 0,
      maxLoad,
      alternates: 3,
      items: generateNeeds(items, items).map((n, i) => ({
        id: `item-${i}`,
        title: n.title,
        text: n.text,
        keywords: [],
        fields: [],
        districtCode: n.districtCode,
        enterpriseOrgId: null,
        relatedOrgIds: [],
      })),
      conflicts: Array.from({ length: Math.round(items * 0.4) }, () => ({
        itemId: `item-${Math.floor(random() * items)}`,
        candidateId: profiles[Math.floor(random() * profiles.length)].facts.id,
      })),
    };
    const result = await runBatch(engine, { request, district: null, weights: DEFAULT_WEIGHTS, now: new Date(), edgesPerItem: 40 }, async () => undefined);
    const t = result.timings;
    const pair = (a: number, b: number) => `${a.toFixed(2)} / ${b.toFixed(2)}`;
    rows.push([
      `${items} × ${teams}`,
      result.graph.edges,
      `${result.graph.conflicts} of ${request.conflicts.length} (${((100 * result.graph.conflicts) / (result.graph.edges + result.graph.conflicts)).toFixed(2)} %)`,
      maxLoad,
      `${(t.affinityMs / 1000).toFixed(2)} s`,
      `${(result.solver.solveMs / 1000).toFixed(2)} / ${(t.solveMs / 1000).toFixed(2)} s`,
      `${t.greedyMs} ms`,
      pair(result.optimal.totalAffinity, result.greedy.totalAffinity),
      pair(result.optimal.minItemAffinity, result.greedy.minItemAffinity),
      `${result.optimal.load.spread} / ${result.greedy.load.spread}`,
      `${result.optimal.demand - result.optimal.assignedSlots} / ${result.greedy.demand - result.greedy.assignedSlots}`,
      result.method,
    ]);
  }
  table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
