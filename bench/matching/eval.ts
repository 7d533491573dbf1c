import { FIELDS } from '@jiebang/contracts';
import type { Need } from '@jiebang/matching-service/src/engine';
import { mean, ndcgAt, recallAt } from './metrics';
import { needs, qrels, type EvalNeed } from './seeds';
import { allSystems, buildWorld } from './systems';

/**
 * `npm run eval:matching`: nDCG@10 and recall@10 of the engine, its ablations, plain BM25 and MiniSearch on the
 * labelled needs (seeds/matching/eval), technical and colloquial versions apart, dev and test splits apart.
 * `--per-need dev` also lists each dev need's colloquial score (tuning looks at dev only, never at test).
 */
const K = 10;
export type Variant = 'technical' | 'colloquial';

export function needOf(n: EvalNeed, variant: Variant): Need {
  const base = { districtCode: n.districtCode, enterpriseOrgId: n.enterpriseOrgId, relatedOrgIds: [], wants: n.wants };
  if (variant === 'technical') {
    const t = n.technical;
    return { ...base, title: t.title, text: t.text, keywords: t.keywords, fields: t.field ? [t.field] : [] };
  }
  const c = n.colloquial;
  return { ...base, title: '', text: c.text, keywords: [], fields: c.field ? [c.field] : [] };
}

function main(): void {
  const started = performance.now();
  const world = buildWorld();
  const judgements = qrels();
  const all = needs();
  const systems = allSystems(world);
  const cells = ['dev', 'test'].flatMap((split) => (['technical', 'colloquial'] as Variant[]).map((variant) => ({ split, variant })));
  const table = systems.map((system) => ({
    system: system.name,
    scores: cells.map(({ split, variant }) => {
      const runs = all
        .filter((n) => n.split === split)
        .map((n) => {
          const need = needOf(n, variant);
          const eligible = world.eligible(need);
          const ranked = system.rank(need, K);
          return { id: n.id, ndcg: ndcgAt(K, ranked, judgements[n.id], eligible), recall: recallAt(K, ranked, judgements[n.id], eligible) };
        });
      return { ndcg: mean(runs.map((r) => r.ndcg)), recall: mean(runs.map((r) => r.recall)), runs };
    }),
  }));

  const f = (x: number) => x.toFixed(3);
  console.log(`\nMatching quality on seeds/matching/eval (${all.length} needs: ${all.filter((n) => n.split === 'dev').length} dev, ${all.filter((n) => n.split === 'test').length} test; ${world.seeds.length} candidates; k = ${K})\n`);
  console.log(`| system | ${cells.map((c) => `${c.split} ${c.variant} nDCG@10 / R@10`).join(' | ')} |`);
  console.log(`| --- | ${cells.map(() => '---').join(' | ')} |`);
  for (const row of table) console.log(`| ${row.system} | ${row.scores.map((s) => `${f(s.ndcg)} / ${f(s.recall)}`).join(' | ')} |`);

  const colloquialTest = cells.findIndex((c) => c.split === 'test' && c.variant === 'colloquial');
  const at = (name: string) => table.find((r) => r.system.startsWith(name))!.scores[colloquialTest].ndcg;
  const engine = at('engine');
  console.log(`\nColloquial test nDCG@10: engine ${f(engine)}; plain BM25 ${f(at('plain BM25'))} (Δ ${f(engine - at('plain BM25'))}); MiniSearch ${f(at('MiniSearch'))} (Δ ${f(engine - at('MiniSearch'))}); target Δ ≥ 0.150`);

  if (process.argv.includes('--per-need')) {
    const split = process.argv[process.argv.indexOf('--per-need') + 1] === 'test' ? 'test' : 'dev';
    const cell = cells.findIndex((c) => c.split === split && c.variant === 'colloquial');
    console.log(`\nPer-need colloquial nDCG@10 (${split}): engine vs plain BM25`);
    const plain = table.find((r) => r.system.startsWith('plain'))!.scores[cell].runs;
    table[0].scores[cell].runs.forEach((r, i) => {
      const n = all.find((x) => x.id === r.id)!;
      const field = n.technical.field ? FIELDS.find((x) => x.code === n.technical.field)?.name : '';
      console.log(`${r.id} ${f(r.ndcg)} ${f(plain[i].ndcg)}  ${field}  ${n.technical.title}`);
    });
  }
  console.log(`\n(${Math.round(performance.now() - started)} ms)`);
}

if (require.main === module) main();
