import { commonConfigSchema, env, parseConfig, queueConfigSchema } from '@jiebang/service-kit';
import { timerDelaySchema } from '@jiebang/timers';
import { z } from 'zod';

export const challengeConfigSchema = commonConfigSchema.extend({
  PORT: env.port(3001),
  PGDATABASE: commonConfigSchema.shape.PGDATABASE.default('jiebang_challenge'),
  ...queueConfigSchema.shape,
  /** How long the bureau has to start 专家论证 on a submitted 榜单 before it is escalated: `5wd` = 5 working days. */
  VETTING_SLA: z.string().default('5wd').pipe(timerDelaySchema),
  /** How long the 公示 of the proposed winners runs (calendar days: `7d`); objections are taken until it ends. */
  PUBLIC_NOTICE_PERIOD: z.string().default('7d').pipe(timerDelaySchema),
  /** How long the enterprise has to review a submitted milestone before it is escalated to the bureau (never approved). */
  MILESTONE_REVIEW_SLA: z.string().default('10wd').pipe(timerDelaySchema),
  /** When a delivered service order the enterprise has not confirmed yet is reminded about. */
  CONFIRM_REMINDER_AFTER: z.string().default('3wd').pipe(timerDelaySchema),
  /** When a delivered service order is confirmed automatically if the enterprise stays silent (and has not disputed). */
  AUTO_CONFIRM_AFTER: z.string().default('5wd').pipe(timerDelaySchema),
  /** How long the serving team may appeal a rating before the order is closed. */
  RATING_APPEAL_WINDOW: z.string().default('5wd').pipe(timerDelaySchema),
  /** How often armed timers are re-armed from Postgres (their BullMQ jobs are lost if Redis restarts empty). */
  TIMER_SWEEP_INTERVAL_MS: env.int(60_000, 50),
  /** Optional JSON file of the bureau's 法定节假日/调休 for years chinese-days does not hold yet (`libs/timers`). */
  WORKING_CALENDAR_FILE: z.string().optional(),
});

export type ChallengeConfig = ReturnType<typeof loadConfig>;

/** Nest token of the parsed configuration. */
export const CHALLENGE_CONFIG = Symbol('CHALLENGE_CONFIG');

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  return parseConfig(challengeConfigSchema, environment);
}
