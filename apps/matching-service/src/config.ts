import { resolve } from 'node:path';
import { commonConfigSchema, env, parseConfig } from '@jiebang/service-kit';
import { timerDelaySchema } from '@jiebang/timers';
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
  /** Times a batch run is started before it is given up as FAILED (a run that keeps crashing its worker). */
  ASSIGNMENT_MAX_ATTEMPTS: env.int(3, 1),
  /** Batch runs one district (or the bureau) may have queued or running at once: one office cannot fill the queue. */
  ASSIGNMENT_MAX_OPEN_RUNS: env.int(3, 1),
  /** Ranking runs (and finished batch runs) are deleted after this many days; runs with an override are kept. */
  MATCHING_RUN_RETENTION_DAYS: env.int(90, 1),
  /** How often old runs are purged. */
  MATCHING_RETENTION_INTERVAL_MS: env.int(3_600_000, 50),
  /** The index listener's health ping: a connection that does not answer within the timeout is replaced. */
  MATCHING_LISTENER_PING_MS: env.int(10_000, 50),
  MATCHING_LISTENER_TIMEOUT_MS: env.int(5_000, 50),
  /** How often the index is compared with Postgres (live count and version sum) to catch a change it missed. */
  MATCHING_RECONCILE_INTERVAL_MS: env.int(60_000, 50),
  /** How long experts have to score their reviews before they are reminded (once): `10wd` = 10 working days. */
  REVIEW_PERIOD: z.string().default('10wd').pipe(timerDelaySchema),
  /** How long a selected applicant has to sign before it forfeits and the best reserve is promoted (递补). */
  SIGN_DEADLINE: z.string().default('10wd').pipe(timerDelaySchema),
  /** How often armed timers are re-armed from Postgres (their BullMQ jobs are lost if Redis restarts empty). */
  TIMER_SWEEP_INTERVAL_MS: env.int(60_000, 50),
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
