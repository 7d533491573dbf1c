import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryQueues } from '../queues/delivery.queues';
import { DeliveryStore } from './delivery.store';

const BATCH = 500;

/**
 * Redis here keeps nothing on disk, so a restart loses every job. Postgres still lists what is pending; at boot and
 * then periodically, pending deliveries whose job is gone are re-armed, and those whose job failed without the
 * processor recording it (stalled past BullMQ's limit) are parked with BullMQ's reason. The job looked at is the
 * one of the delivery's current generation (`jobIdOf`), so an operator's replay whose job was never added is re-armed,
 * not parked again because of the failed job it replays.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliverySweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly deliveries: DeliveryStore,
    private readonly queues: DeliveryQueues,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep(0);
    this.timer = setInterval(() => void this.sweep(this.config.SWEEP_GRACE_MS), this.config.SWEEP_INTERVAL_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-arms what needs it; resolves to how many jobs were added. One sweep at a time. */
  sweep(graceMs: number): Promise<number> {
    this.running ??= this.run(graceMs)
      .catch((e: Error) => {
        this.logger.warn(`sweep failed (${e.message}); next one in ${this.config.SWEEP_INTERVAL_MS} ms`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(graceMs: number): Promise<number> {
    let rearmed = 0;
    for (const d of await this.deliveries.findStale(graceMs, BATCH)) {
      const job = await this.queues.job(d);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') await this.deliveries.park(d.id, job!.failedReason);
      if (state === 'missing' || state === 'completed' || state === 'unknown') {
        await this.queues.rearm(d);
        rearmed++;
      }
    }
    if (rearmed) this.logger.warn(`re-armed ${rearmed} deliveries whose jobs were lost`);
    return rearmed;
  }
}
