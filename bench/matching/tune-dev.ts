import type { WeightOverrides } from '@jiebang/matching-service/src/engine';
import { needOf } from './eval';
import { mean, ndcgAt } from './metrics';
import { needs, qrels } from './seeds';
import { buildWorld, engineSystem } from './systems';

/**
 * Weight exploration on the dev split only (test needs are never read here). Two dev measures: colloquial nDCG@10
 * as shipped, and the same without the thesaurus, which stands in for needs the thesaurus does not cover (the
 * machinery that must generalise: feedback, bigrams, field inference).
 *
 *   node -r @swc-node/register bench/matching/tune-dev.ts ['{"ngram": 0.4}']
 */
const world = buildWorld();
const judgements = qrels();
const dev = needs().filter((n) => n.split === 'dev');

function score(overrides: WeightOverrides): [number, number] {
  const at = (o: WeightOverrides) => {
    const system = engineSystem(world, 'candidate', o);
    return mean(dev.map((n) => {
      const need = needOf(n, 'colloquial');
      return ndcgAt(10, system.rank(need, 10), judgements[n.id], world.eligible(need));
    }));
  };
  return [at(overrides), at({ ...overrides, thesaurus: 0, siblings: 0 })];
}

const grid: [string, WeightOverrides][] = process.argv.length > 2
  ? [[process.argv[2], JSON.parse(process.argv[2])]]
  : [
      ['defaults', {}],
      ['prf 0.15', { prf: 0.15 }],
      ['prf 0.5', { prf: 0.5 }],
      ['prfDocs 3', { prfDocs: 3 }],
      ['prfDocs 8', { prfDocs: 8 }],
      ['prfTerms 6', { prfTerms: 6 }],
      ['prfTerms 20', { prfTerms: 20 }],
      ['ngram 0.1', { ngram: 0.1 }],
      ['ngram 0.4', { ngram: 0.4 }],
      ['fieldInference 0.4', { fieldInference: 0.4 }],
      ['fieldInference 0.8', { fieldInference: 0.8 }],
      ['field 0.25', { field: 0.25 }],
      ['thesaurus 0.6', { thesaurus: 0.6 }],
      ['thesaurus 1.0', { thesaurus: 1.0 }],
      ['siblings 0.5', { siblings: 0.5 }],
      ['k1 1.5', { k1: 1.5 }],
      ['b 0.5', { b: 0.5 }],
    ];
for (const [name, o] of grid) {
  const [shipped, uncovered] = score(o);
  console.log(`${name.padEnd(22)} dev colloquial ${shipped.toFixed(3)}   without thesaurus ${uncovered.toFixed(3)}`);
}
