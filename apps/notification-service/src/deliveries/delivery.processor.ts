import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { Counter, register } from 'prom-client';
import type { DeliveryJob } from '../queues/delivery.queues';
import { DeliveryChannels } from './delivery.channels';
import { DeliveryStore } from './delivery.store';

const outcomes =
  (register.getSingleMetric('jiebang_notification_deliveries_total') as Counter | undefined) ??
  new Counter({ name: 'jiebang_notification_deliveries_total', help: 'Delivery attempts by channel and outcome', labelNames: ['channel', 'outcome'] });

/**
 * Runs one delivery job. Idempotent: a job for a delivery no longer pending does nothing, so a duplicate job, a
 * stalled-and-rerun job or a re-armed one never sends twice once the first send was recorded.
 */
@Injectable()
export class DeliveryProcessor {
  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly channels: DeliveryChannels,
  ) {}

  async process(job: Job<DeliveryJob>): Promise<'sent' | 'not-pending'> {
    const delivery = await this.deliveries.findPending(job.data.deliveryId);
    if (!delivery) return 'not-pending';
    // attemptsMade counts the failures before this run.
    const attempt = job.attemptsMade + 1;
    const started = performance.now();
    try {
      await this.channels.deliver(delivery);
    } catch (e) {
      const park = e instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
      const error = e instanceof Error ? e.message : String(e);
      await this.deliveries.recordFailure(delivery.id, attempt, error, Math.round(performance.now() - started), park);
      outcomes.inc({ channel: delivery.channel, outcome: park ? 'parked' : 'retry' });
      throw e;
    }
    await this.deliveries.recordSent(delivery.id, attempt, Math.round(performance.now() - started));
    outcomes.inc({ channel: delivery.channel, outcome: 'sent' });
    return 'sent';
  }
}
