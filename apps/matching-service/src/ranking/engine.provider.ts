import { existsSync, readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { Analyzer } from '../engine/text/analyzer';
import { Segmenter } from '../engine/text/segmenter';
import { Thesaurus } from '../engine/text/thesaurus';
import { CandidateIndex } from '../engine/candidate-index';
import { RankingEngine } from '../engine/ranking.engine';
import { resolveWeights, type RankingWeights } from '../engine/weights';

/** The deployment's weights: defaults, overridden by `MATCHING_WEIGHTS_FILE` when set. */
export const DEPLOYMENT_WEIGHTS = Symbol('DEPLOYMENT_WEIGHTS');

function read(file: string, variable: string): string {
  if (!existsSync(file)) throw new Error(`${variable}: file not found: ${file}`);
  return readFileSync(file, 'utf8');
}

/** The engine reads its dictionary and thesaurus once at boot; a missing or malformed file stops the boot. */
export function createEngine(config: MatchingConfig): RankingEngine {
  const segmenter = Segmenter.load(read(config.MATCHING_DICTIONARY_FILE, 'MATCHING_DICTIONARY_FILE'));
  const thesaurus = Thesaurus.parse(JSON.parse(read(config.MATCHING_THESAURUS_FILE, 'MATCHING_THESAURUS_FILE')));
  return new RankingEngine(new CandidateIndex(new Analyzer(segmenter)), thesaurus);
}

export const ENGINE_PROVIDERS: Provider[] = [
  { provide: RankingEngine, inject: [MATCHING_CONFIG], useFactory: createEngine },
  {
    provide: DEPLOYMENT_WEIGHTS,
    inject: [MATCHING_CONFIG],
    useFactory: (config: MatchingConfig): RankingWeights =>
      resolveWeights(config.MATCHING_WEIGHTS_FILE ? JSON.parse(read(config.MATCHING_WEIGHTS_FILE, 'MATCHING_WEIGHTS_FILE')) : {}),
  },
];
