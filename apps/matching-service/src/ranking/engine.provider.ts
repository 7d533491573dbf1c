import { existsSync, readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { ConfigError } from '@jiebang/service-kit';
import { z } from 'zod';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { CandidateIndex } from '../engine/candidate-index';
import { RankingEngine } from '../engine/ranking.engine';
import { Analyzer } from '../engine/text/analyzer';
import { Segmenter } from '../engine/text/segmenter';
import { Thesaurus } from '../engine/text/thesaurus';
import { resolveWeights, type RankingWeights } from '../engine/weights';

/** The deployment's weights: defaults, overridden by `MATCHING_WEIGHTS_FILE` when set. */
export const DEPLOYMENT_WEIGHTS = Symbol('DEPLOYMENT_WEIGHTS');

// The files are configuration: a problem in one stops the boot with the same list as a bad environment variable.
function read(file: string, variable: string): string {
  if (!existsSync(file)) throw new ConfigError([`${variable}: file not found: ${file}`]);
  return readFileSync(file, 'utf8');
}

/** The file's JSON as `parse` reads it; its schema's complaints are listed one per line, with the path at fault. */
function readJson<T>(file: string, variable: string, parse: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(read(file, variable));
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError([`${variable}: ${file} is not valid JSON (${(e as Error).message})`]);
  }
  try {
    return parse(json);
  } catch (e) {
    if (!(e instanceof z.ZodError)) throw e;
    throw new ConfigError(e.issues.map((issue) => `${variable}: ${issue.path.join('.') || '(file)'}: ${issue.message} (in ${file})`));
  }
}

/** The engine reads its dictionary and thesaurus once at boot; a missing or malformed file stops the boot. */
export function createEngine(config: MatchingConfig): RankingEngine {
  const segmenter = Segmenter.load(read(config.MATCHING_DICTIONARY_FILE, 'MATCHING_DICTIONARY_FILE'));
  const thesaurus = readJson(config.MATCHING_THESAURUS_FILE, 'MATCHING_THESAURUS_FILE', (json) => Thesaurus.parse(json));
  return new RankingEngine(new CandidateIndex(new Analyzer(segmenter)), thesaurus);
}

export function deploymentWeights(config: Pick<MatchingConfig, 'MATCHING_WEIGHTS_FILE'>): RankingWeights {
  if (!config.MATCHING_WEIGHTS_FILE) return resolveWeights({});
  return readJson(config.MATCHING_WEIGHTS_FILE, 'MATCHING_WEIGHTS_FILE', (json) => resolveWeights(json as object));
}

export const ENGINE_PROVIDERS: Provider[] = [
  { provide: RankingEngine, inject: [MATCHING_CONFIG], useFactory: createEngine },
  { provide: DEPLOYMENT_WEIGHTS, inject: [MATCHING_CONFIG], useFactory: deploymentWeights },
];
