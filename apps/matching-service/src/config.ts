import { resolve } from 'node:path';
import { commonConfigSchema, env, parseConfig, queueConfigSchema } from '@jiebang/service-kit';
import { timerDelaySchema } from '@jiebang/timers';
import { z } from 'zod';

const SEEDS = resolve(__dirname, '../../../seeds/matching');

export const matchingConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3002),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_matching'),
  ...queueConfigSchema.shape,
  /** jieba user dictionary (`词 频率 词性` per line): domain terms that must stay whole. */
  MATCHING_DICTIONARY_FILE: z.string().default(resolve(SEEDS, 'dictionary.txt')),
  /** Colloquial → technical thesaurus (JSON `{entries: [...]}`), used for weighted query expansion. */
  MATCHING_THESAURUS_FILE: z.string().default(resolve(SEEDS, 'thesaurus.json')),
  /** Optional JSON object overriding the default ranking weights for this deployment. */
  MATCHING_WEIGHTS_FILE: z.string().optional(),
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
  /** 区县推荐: how long the district has from submission to recommend teams before the bureau is told. */
  DISTRICT_SLA: z.string().default('3wd').pipe(timerDelaySchema),
  /** How long an offered team has to accept or decline before the next team is offered the order. */
  OFFER_RESPONSE_TIME: z.string().default('2wd').pipe(timerDelaySchema),
  /** How long the team has from accepting to delivering, by urgency (paused while waiting for the enterprise). */
  SERVICE_SLA_HIGH: z.string().default('5wd').pipe(timerDelaySchema),
  SERVICE_SLA_NORMAL: z.string().default('10wd').pipe(timerDelaySchema),
  SERVICE_SLA_LOW: z.string().default('20wd').pipe(timerDelaySchema),
  /** After a service-overdue escalation to the district, how long until the bureau is told too. */
  ESCALATION_GRACE: z.string().default('2wd').pipe(timerDelaySchema),
  /** How often armed timers are re-armed from Postgres (their BullMQ jobs are lost if Redis restarts empty). */
  TIMER_SWEEP_INTERVAL_MS: env.int(60_000, 50),
  /** Optional JSON file of the bureau's 法定节假日/调休 for years chinese-days does not hold yet (`libs/timers`). */
  WORKING_CALENDAR_FILE: z.string().optional(),
  /** How long experts have to score their reviews before they are reminded (once): `10wd` = 10 working days. */
  REVIEW_PERIOD: z.string().default('10wd').pipe(timerDelaySchema),
  /** How long a selected applicant has to sign before it forfeits and the best reserve is promoted (递补). */
  SIGN_DEADLINE: z.string().default('10wd').pipe(timerDelaySchema),
});

export type MatchingConfig = z.infer<typeof matchingConfigSchema>;

/** Nest token of the parsed configuration. */
export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): MatchingConfig {
  return parseConfig(matchingConfigSchema, environment);
}
