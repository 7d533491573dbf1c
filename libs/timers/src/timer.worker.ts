import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { closeRedis } from '@jiebang/redis-kit';
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { FireRequest, FiringOutcome } from './timer.domain';
import { TimerFiring } from './timer.firing';
import { TimerQueue } from './timer.queue';
import { TIMERS_OPTIONS, type TimersOptions } from './timers-options';

/** Runs due jobs; stopped (in-flight firings finished) before the database closes. */
@Injectable()
export class TimerWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TimerWorker');
  private worker?: Worker<FireRequest, FiringOutcome>;
  private connection?: Redis;

  constructor(
    @Inject(TIMERS_OPTIONS) private readonly options: TimersOptions,
    private readonly queue: TimerQueue,
    private readonly firing: TimerFiring,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.queue.connect();
    this.worker = new Worker<FireRequest, FiringOutcome>(this.queue.name, (job) => this.firing.fire(job.data), {
      connection: this.connection,
      prefix: this.queue.prefix,
      concurrency: this.options.concurrency,
    });
    this.worker.on('failed', (job, e) => {
      this.logger.warn(`timer job ${job?.id} failed (try ${job?.attemptsMade}): ${e.message}`);
      if (job) void this.firing.recordFailure(job.data, e.message);
    });
    // At-least-once: a stalled job is re-run, and the firing transaction makes the second run a no-op.
    this.worker.on('stalled', (id) => this.logger.warn(`timer job ${id} stalled; BullMQ re-runs it`));
    this.worker.on('error', (e) => this.logger.error(`timer worker: ${e.message}`));
  }

  /** For operators and tests: stop taking jobs (in-flight firings finish); due jobs wait until `resume`. */
  async pause(): Promise<void> {
    await this.worker?.pause();
  }

  resume(): void {
    this.worker?.resume();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await closeRedis(this.connection);
  }
}
