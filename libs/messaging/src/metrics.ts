import { Counter, Gauge, Histogram, register } from 'prom-client';

/** Registered once per process: a second Nest app in the same process (tests, two instances) reuses the metric. */
function single<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

function counter(name: string, help: string, labelNames: string[]): Counter {
  return single(name, () => new Counter({ name, help, labelNames }));
}

/** Outcome of every consumed message, so an unhandled or dead-lettered type is visible on /metrics. */
export const consumedEvents = counter('jiebang_events_consumed_total', 'Kafka messages consumed, by outcome', [
  'group',
  'type',
  'outcome',
]);

export const publishedEvents = counter('jiebang_events_published_total', 'Outbox rows published to Kafka', ['source']);

export const outboxBacklog = single(
  'jiebang_outbox_backlog',
  () => new Gauge({ name: 'jiebang_outbox_backlog', help: 'Unpublished outbox rows at the last check', labelNames: ['source'] }),
);

/** How long the oldest unpublished row has waited: a stuck relay shows here long before the backlog looks large. */
export const outboxOldestAge = single(
  'jiebang_outbox_oldest_unpublished_age_seconds',
  () =>
    new Gauge({
      name: 'jiebang_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest unpublished outbox row at the last check (0 when none)',
      labelNames: ['source'],
    }),
);

/** Rows per relay publish batch: near 1 when idle, up to the batch size under load. */
export const relayBatchSize = single(
  'jiebang_outbox_relay_batch_size',
  () =>
    new Histogram({
      name: 'jiebang_outbox_relay_batch_size',
      help: 'Outbox rows sent to Kafka in one relay batch',
      labelNames: ['source'],
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    }),
);

export const consumerLag = single(
  'jiebang_consumer_lag_messages',
  () =>
    new Gauge({
      name: 'jiebang_consumer_lag_messages',
      help: "Messages between the group's committed offset and the partition's high watermark (sampled)",
      labelNames: ['group', 'topic', 'partition'],
    }),
);

/** The slice of a kafkajs admin client lag needs (two cheap metadata requests per topic, no consumer involved). */
export interface LagAdmin {
  fetchOffsets(options: { groupId: string; topics: string[] }): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
  fetchTopicOffsets(topic: string): Promise<{ partition: number; high: string; low: string }[]>;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Lag per partition of a group, set on the gauge. A partition the group never committed on is behind by what the
 * broker still holds when the group reads from the beginning, and by nothing when it starts at the end.
 */
export async function sampleConsumerLag(admin: LagAdmin, group: string, topics: string[], fromBeginning: boolean): Promise<PartitionLag[]> {
  if (topics.length === 0) return [];
  const committed = await admin.fetchOffsets({ groupId: group, topics });
  const lags: PartitionLag[] = [];
  for (const topic of topics) {
    const offsets = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      const at = offsets.get(partition) ?? -1;
      const from = at >= 0 ? at : fromBeginning ? Number(low) : Number(high);
      const lag = Math.max(0, Number(high) - from);
      consumerLag.set({ group, topic, partition: String(partition) }, lag);
      lags.push({ topic, partition, lag });
    }
  }
  return lags;
}

/** A BullMQ queue as the depth gauge sees it (structural, so this library needs no BullMQ). */
export interface DepthSource {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused', 'failed', 'completed'];
const COLLECT_TIMEOUT_MS = 1_000;
const watchedQueues = new Set<DepthSource>();

function withTimeout<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), COLLECT_TIMEOUT_MS)));
  return Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/** Read at scrape time from Redis (one command per queue); a queue whose Redis is away is left out, not a failed scrape. */
export const queueDepth = single(
  'jiebang_queue_jobs',
  () =>
    new Gauge({
      name: 'jiebang_queue_jobs',
      help: 'BullMQ jobs per queue and state, read at scrape time',
      labelNames: ['queue', 'state'],
      async collect() {
        this.reset();
        for (const queue of watchedQueues) {
          const counts = await withTimeout(queue.getJobCounts(...QUEUE_STATES));
          for (const [state, n] of Object.entries(counts ?? {})) this.set({ queue: queue.name, state }, n);
        }
      },
    }),
);

/** Shows a queue's depth on /metrics until the returned function is called (at shutdown). */
export function watchQueueDepth(...queues: DepthSource[]): () => void {
  queues.forEach((q) => watchedQueues.add(q));
  return () => queues.forEach((q) => watchedQueues.delete(q));
}
