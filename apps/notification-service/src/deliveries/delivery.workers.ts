import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { contextFrom, inSpan, SpanKind } from '@jiebang/telemetry';
import { Worker, type Job } from 'bullmq';
import { CHANNELS } from '../catalogue/notice';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryQueues, QUEUE_NAMES, type DeliveryJob } from '../queues/delivery.queues';
import { DeliveryProcessor } from './delivery.processor';

/** One worker per channel queue; stopped (in-flight jobs finished) before the database closes. */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorkers');
  private workers: Worker<DeliveryJob>[] = [];

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly queues: DeliveryQueues,
    private readonly processor: DeliveryProcessor,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = CHANNELS.map((channel) => {
      const worker = new Worker<DeliveryJob>(QUEUE_NAMES[channel], (job) => this.run(channel, job), {
        connection: this.queues.workerConnection(),
        prefix: this.queues.prefix,
        concurrency: this.config.DELIVERY_CONCURRENCY,
      });
      // A stalled job (worker died or its event loop blocked past the lock) is re-run once by BullMQ.
      worker.on('stalled', (id) => this.logger.warn(`${channel} job ${id} stalled; BullMQ re-runs it`));
      worker.on('error', (e) => this.logger.error(`${channel} worker: ${e.message}`));
      return worker;
    });
  }

  /** Runs the job in a consumer span continuing the trace it was added under (the event's, through its consumer). */
  private run(channel: string, job: Job<DeliveryJob>) {
    const attributes = { 'messaging.system': 'bullmq', 'messaging.operation.type': 'process', 'messaging.destination.name': job.queueName, 'messaging.message.id': job.id ?? '', 'jiebang.delivery.id': job.data.deliveryId, 'jiebang.delivery.channel': channel, 'jiebang.job.attempt': job.attemptsMade + 1 };
    return inSpan(`deliver ${channel}`, { kind: SpanKind.CONSUMER, parent: contextFrom(job.data.trace), attributes }, async (span) => {
      const outcome = await this.processor.process(job);
      span.setAttribute('jiebang.delivery.outcome', outcome);
      return outcome;
    });
  }

  /** For tests and operators: stop taking jobs (in-flight ones finish) / take them again. */
  async pause(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.pause()));
  }

  resume(): void {
    this.workers.forEach((w) => w.resume());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
