import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Channel } from '../catalogue/notice';
import { NOTIFICATION_CONFIG, queuePrefix, type NotificationConfig } from '../config';

/** One queue per channel, so a slow SMTP server never holds up the inbox or webhooks; plus one for scheduled work. */
export const QUEUE_NAMES = { inbox: 'notify-inbox', email: 'notify-email', webhook: 'notify-webhook' } satisfies Record<Channel, string>;
export const MAINTENANCE_QUEUE = 'notify-maintenance';

export interface DeliveryJob {
  deliveryId: string;
}

/**
 * The BullMQ side of deliveries. Jobs carry only the delivery id (= job id): the delivery row in Postgres is the
 * truth, so a job lost with Redis is re-armed from it and a duplicate add is a no-op.
 */
@Injectable()
export class DeliveryQueues implements OnApplicationShutdown {
  readonly prefix: string;
  readonly channels: Record<Channel, Queue<DeliveryJob>>;
  readonly maintenance: Queue;
  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    this.prefix = queuePrefix(config);
    // The producer side fails fast (no offline queue) while Redis is away: callers fall back on the sweep.
    const connection = { ...redisOptions(config.REDIS_URL), enableOfflineQueue: false };
    const queue = (name: string) => new Queue(name, { connection, prefix: this.prefix });
    this.channels = { inbox: queue(QUEUE_NAMES.inbox), email: queue(QUEUE_NAMES.email), webhook: queue(QUEUE_NAMES.webhook) };
    this.maintenance = queue(MAINTENANCE_QUEUE);
  }

  all(): Queue[] {
    return [...Object.values(this.channels), this.maintenance];
  }

  jobOptions(id: string): JobsOptions {
    return {
      jobId: id,
      attempts: this.config.DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    };
  }

  async enqueue(items: { id: string; channel: Channel }[]): Promise<void> {
    await Promise.all(
      (Object.keys(this.channels) as Channel[]).map(async (channel) => {
        const jobs = items.filter((i) => i.channel === channel);
        if (jobs.length) {
          await this.channels[channel].addBulk(jobs.map((j) => ({ name: channel, data: { deliveryId: j.id }, opts: this.jobOptions(j.id) })));
        }
      }),
    );
  }

  /** Removes whatever job holds this id (a parked one, on replay) and adds a fresh one. */
  async rearm(id: string, channel: Channel): Promise<void> {
    await (await this.channels[channel].getJob(id))?.remove();
    await this.enqueue([{ id, channel }]);
  }

  /** Options, not a client: BullMQ then owns the connections (and sets `maxRetriesPerRequest: null` for workers). */
  workerConnection(): ConnectionOptions {
    return redisOptions(this.config.REDIS_URL);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}

function redisOptions(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number(u.pathname.slice(1) || 0),
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}
