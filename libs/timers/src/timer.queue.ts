import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { closeRedis } from '@jiebang/redis-kit';
import { Queue, type JobsOptions } from 'bullmq';
import Redis, { type RedisOptions } from 'ioredis';
import { delayUntil, fireRequest, jobNeedsReplacing, timerJobId, type ArmedTimer, type FireRequest, type FiringOutcome } from './timer.domain';
import { TIMERS_OPTIONS, type TimersOptions } from './timers-options';

/**
 * The trigger side of timers: one delayed BullMQ job per (timer, due time). Jobs carry only the timer id and due
 * time; Postgres decides at firing time whether they still mean anything.
 */
@Injectable()
export class TimerQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('TimerQueue');
  readonly name: string;
  readonly prefix: string;
  readonly queue: Queue<FireRequest, FiringOutcome>;
  private readonly connection: Redis;

  constructor(@Inject(TIMERS_OPTIONS) private readonly options: TimersOptions) {
    this.name = `timers-${options.service}`;
    this.prefix = options.prefix;
    // No offline queue: while Redis is away an add fails at once and the sweep re-arms later, instead of piling up.
    this.connection = this.connect({ enableOfflineQueue: false });
    this.queue = new Queue(this.name, { connection: this.connection, prefix: this.prefix });
    this.queue.on('error', (e) => this.logger.warn(`timer queue: ${e.message}`));
  }

  /** A connection of our own, as BullMQ wants it (`maxRetriesPerRequest: null`); the caller closes it. */
  connect(extra: RedisOptions = {}): Redis {
    return new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, ...extra });
  }

  /** Adds each timer's job; one already there under the same id (same timer and due time) is left as it is. */
  async add(timers: ArmedTimer[], now = new Date()): Promise<void> {
    if (!timers.length) return;
    await this.queue.addBulk(
      timers.map((t) => ({ name: 'fire', data: fireRequest(t.id, t.dueAt), opts: this.jobOptions(t, now) })),
    );
  }

  /** Like `add`, but a finished job under the same id (or a lost one) is replaced, so the timer fires again. */
  async schedule(timers: ArmedTimer[], now = new Date()): Promise<void> {
    for (const t of timers) {
      const job = await this.queue.getJob(timerJobId(t.id, t.dueAt));
      if (job && jobNeedsReplacing(await job.getState())) await job.remove();
    }
    await this.add(timers, now);
  }

  private jobOptions(t: ArmedTimer, now: Date): JobsOptions {
    return {
      jobId: timerJobId(t.id, t.dueAt),
      delay: delayUntil(t.dueAt, now),
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      // Kept for a while so operators (and tests) can see what each job decided.
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await closeRedis(this.connection);
  }
}
