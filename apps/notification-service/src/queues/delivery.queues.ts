import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { watchQueueDepth } from '@jiebang/messaging';
import { queuePrefix } from '@jiebang/service-kit';
import { captureTraceContext, type TraceCarrier } from '@jiebang/telemetry';
import { Queue, type ConnectionOptions, type JobsOptions, type JobType } from 'bullmq';
import type { Channel } from '../catalogue/notice';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';

/** One queue per channel, so a slow SMTP server never holds up the inbox or webhooks; plus one for scheduled work. */
export const QUEUE_NAMES = { inbox: 'notify-inbox', email: 'notify-email', webhook: 'notify-webhook' } satisfies Record<Channel, string>;
export const MAINTENANCE_QUEUE = 'notify-maintenance';

export interface DeliveryJob {
  deliveryId: string;
  /** The trace of whatever added the job (the consumer of the event, an operator's replay); the worker continues it. */
  trace?: TraceCarrier;
}

/** A delivery as its job sees it: which queue, and how many times an operator replayed it. */
export interface JobRef {
  id: string;
  channel: Channel;
  replays?: number;
}

/**
 * The job id of a delivery: the delivery id, and after the n-th replay `<id>.r<n>`. Each replay is a job of its
 * own, so whatever became of the previous one (a failed job Redis would not let go of) never stands for it.
 */
export function jobIdOf(d: Pick<JobRef, 'id' | 'replays'>): string {
  return d.replays ? `${d.id}.r${d.replays}` : d.id;
}

/** Every Redis command of the producer side gives up after this long, so a hung Redis cannot hang a caller. */
const COMMAND_TIMEOUT_MS = 2_000;

/**
 * The BullMQ side of deliveries. Jobs carry only the delivery id; the job id is derived from it (`jobIdOf`): the
 * delivery row in Postgres is the truth, so a job lost with Redis is re-armed from it and a duplicate add is a no-op.
 */
@Injectable()
export class DeliveryQueues implements OnApplicationShutdown {
  readonly prefix: string;
  readonly channels: Record<Channel, Queue<DeliveryJob>>;
  readonly maintenance: Queue;
  private readonly unwatch: () => void;
  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    this.prefix = queuePrefix(config);
    // The producer side fails fast (no offline queue, a time limit per command) while Redis is away or hung: callers
    // fall back on the sweep, and readiness reports the queues down.
    const connection = { ...redisOptions(config.REDIS_URL), enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS };
    const queue = (name: string) => new Queue(name, { connection, prefix: this.prefix });
    this.channels = { inbox: queue(QUEUE_NAMES.inbox), email: queue(QUEUE_NAMES.email), webhook: queue(QUEUE_NAMES.webhook) };
    this.maintenance = queue(MAINTENANCE_QUEUE);
    this.unwatch = watchQueueDepth(...this.all());
  }

  all(): Queue[] {
    return [...Object.values(this.channels), this.maintenance];
  }

  jobOptions(d: JobRef): JobsOptions {
    return {
      jobId: jobIdOf(d),
      attempts: this.config.DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    };
  }

  async enqueue(items: JobRef[]): Promise<void> {
    const trace = captureTraceContext();
    const data = (j: JobRef): DeliveryJob => (trace ? { deliveryId: j.id, trace } : { deliveryId: j.id });
    await Promise.all(
      (Object.keys(this.channels) as Channel[]).map(async (channel) => {
        const jobs = items.filter((i) => i.channel === channel);
        if (jobs.length) {
          await this.channels[channel].addBulk(jobs.map((j) => ({ name: channel, data: data(j), opts: this.jobOptions(j) })));
        }
      }),
    );
  }

  /** The job standing for this delivery now (its latest replay's), if Redis still has it. */
  job(d: JobRef) {
    return this.channels[d.channel].getJob(jobIdOf(d));
  }

  /** Removes the delivery's current job if there is one (e.g. completed) and adds it again. */
  async rearm(d: JobRef): Promise<void> {
    await (await this.job(d))?.remove();
    await this.enqueue([d]);
  }

  /** Job counts per queue, for operators. */
  async counts(...states: JobType[]): Promise<Record<string, Record<string, number>>> {
    return Object.fromEntries(await Promise.all(this.all().map(async (q) => [q.name, await q.getJobCounts(...states)] as const)));
  }

  /** Options, not a client: BullMQ then owns the connections (and sets `maxRetriesPerRequest: null` for workers). */
  workerConnection(): ConnectionOptions {
    return redisOptions(this.config.REDIS_URL);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unwatch();
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
