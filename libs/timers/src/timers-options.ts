import type { ServiceName } from '@jiebang/contracts';

export interface TimersOptions {
  /** Whose timers: the queue is `timers-<service>`, so services sharing a Redis and prefix never take each other's jobs. */
  service: ServiceName;
  redisUrl: string;
  /** BullMQ key prefix: one per topic namespace, so test runs sharing a Redis never see each other's jobs. */
  prefix: string;
  /** How often armed timers are re-armed from Postgres (Redis here keeps nothing on disk). */
  sweepIntervalMs: number;
  concurrency: number;
  /** Tries of a failing firing (exponential backoff from `backoffMs`); after the last one the sweep tries again. */
  attempts: number;
  backoffMs: number;
  /** The bureau's 法定节假日/调休 file (`WORKING_CALENDAR_FILE`), loaded at boot over the chinese-days package. */
  workingCalendarFile?: string;
}

export const TIMERS_OPTIONS = Symbol('TIMERS_OPTIONS');

export const DEFAULT_TIMERS_OPTIONS = {
  sweepIntervalMs: 60_000,
  concurrency: 8,
  attempts: 5,
  backoffMs: 1_000,
} satisfies Partial<TimersOptions>;
