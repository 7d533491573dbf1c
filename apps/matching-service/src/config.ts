import { resolve } from 'node:path';
import { commonConfigSchema, env, parseConfig } from '@jiebang/service-kit';
import { z } from 'zod';

const SEEDS = resolve(__dirname, '../../../seeds/matching');

export const matchingConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3002),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_matching'),
  /** jieba user dictionary (`词 频率 词性` per line): domain terms that must stay whole. */
  MATCHING_DICTIONARY_FILE: z.string().default(resolve(SEEDS, 'dictionary.txt')),
  /** Colloquial → technical thesaurus (JSON `{entries: [...]}`), used for weighted query expansion. */
  MATCHING_THESAURUS_FILE: z.string().default(resolve(SEEDS, 'thesaurus.json')),
  /** Optional JSON object overriding the default ranking weights for this deployment. */
  MATCHING_WEIGHTS_FILE: z.string().optional(),
  /** BullMQ key prefix; defaults to one per topic namespace, so test runs sharing a Redis never see each other's jobs. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
    .optional(),
  /** How often Postgres is swept for batch runs whose BullMQ job was lost (Redis here keeps nothing on disk). */
  ASSIGNMENT_SWEEP_INTERVAL_MS: env.int(30_000, 50),
  /** Candidates kept per item in a batch's affinity matrix (OpenReview keeps the top-K too: the LP stays sparse). */
  ASSIGNMENT_EDGES_PER_ITEM: env.int(40, 3),
});

export type MatchingConfig = z.infer<typeof matchingConfigSchema>;

/** Nest token of the parsed configuration. */
export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): MatchingConfig {
  return parseConfig(matchingConfigSchema, environment);
}

export function queuePrefix(config: MatchingConfig): string {
  return config.QUEUE_PREFIX ?? (config.KAFKA_TOPIC_NAMESPACE ? `jiebang-${config.KAFKA_TOPIC_NAMESPACE}` : 'jiebang');
}
