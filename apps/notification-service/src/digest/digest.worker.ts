import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryQueues, MAINTENANCE_QUEUE } from '../queues/delivery.queues';
import { DigestService } from './digest.service';

export const DIGEST_SCHEDULER = 'daily-digest';

/**
 * What a digest run folds in: everything waiting when it runs. Not `job.timestamp`: a scheduler creates the next
 * job when the previous one runs, so its timestamp is a whole period old, and the day's notices would wait a day more.
 */
function digestCutoff(job: Pick<Job, 'processedOn'>): Date {
  return new Date(job.processedOn ?? Date.now());
}

/**
 * Schedules the digest with a BullMQ job scheduler (cron, in China's time zone) and runs it. The scheduler lives in
 * Redis, so it is checked again every sweep interval and re-created if a Redis restart took it away.
 */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DigestWorker');
  private worker?: Worker;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly queues: DeliveryQueues,
    private readonly digest: DigestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(
      MAINTENANCE_QUEUE,
      async (job) => (job.name === DIGEST_SCHEDULER ? this.digest.run(digestCutoff(job)) : undefined),
      { connection: this.queues.workerConnection(), prefix: this.queues.prefix, concurrency: 1 },
    );
    this.worker.on('error', (e) => this.logger.error(`maintenance worker: ${e.message}`));
    await this.ensureScheduled();
    this.timer = setInterval(() => void this.ensureScheduled(), this.config.SWEEP_INTERVAL_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.worker?.close();
  }

  private async ensureScheduled(): Promise<void> {
    try {
      const q = this.queues.maintenance;
      if (await q.getJobScheduler(DIGEST_SCHEDULER)) return;
      await q.upsertJobScheduler(
        DIGEST_SCHEDULER,
        { pattern: this.config.DIGEST_CRON, tz: this.config.DIGEST_TZ },
        { name: DIGEST_SCHEDULER, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 100 } } },
      );
    } catch (e) {
      this.logger.warn(`could not schedule the daily digest: ${(e as Error).message}`);
    }
  }
}
