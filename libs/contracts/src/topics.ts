/**
 * One topic per aggregate stream, keyed by the aggregate id (the envelope's `subject`), so every consumer sees one
 * aggregate's events in order. Consumers dispatch on the envelope's `type`.
 */
export const STREAMS = {
  enterprise: { topic: 'jiebang.enterprise', owner: 'challenge-service' },
  challenge: { topic: 'jiebang.challenge', owner: 'challenge-service' },
  project: { topic: 'jiebang.project', owner: 'challenge-service' },
  serviceOrder: { topic: 'jiebang.service-order', owner: 'challenge-service' },
  application: { topic: 'jiebang.application', owner: 'matching-service' },
  /** The review round of one 榜单, keyed by the challenge id. */
  review: { topic: 'jiebang.review', owner: 'matching-service' },
  dispatch: { topic: 'jiebang.dispatch', owner: 'matching-service' },
  profile: { topic: 'jiebang.profile', owner: 'matching-service' },
} as const;

export type StreamName = keyof typeof STREAMS;
export type StreamTopic = (typeof STREAMS)[StreamName]['topic'];

/** Four partitions let up to four instances of a consumer group share a stream; two is the planned scale-out. */
export const STREAM_PARTITIONS = 4;
/** Dead letters are rare and read by operators; one partition keeps them in arrival order. */
export const DLQ_PARTITIONS = 1;

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** Every topic the platform needs, created explicitly by `tools/` (broker auto-create is off). */
export function allTopics(): { topic: string; partitions: number }[] {
  return Object.values(STREAMS).flatMap((s) => [
    { topic: s.topic, partitions: STREAM_PARTITIONS },
    { topic: dlqTopic(s.topic), partitions: DLQ_PARTITIONS },
  ]);
}

/**
 * Deployments and test runs that share one broker keep apart by a namespace prefix (`t1.jiebang.challenge`).
 * The empty namespace is production's.
 */
export function namespacedTopic(namespace: string, topic: string): string {
  return namespace ? `${namespace}.${topic}` : topic;
}

/** The slice of a Kafka admin client topic creation needs (kafkajs' admin fits it); keeps this file client-free. */
export interface TopicAdmin {
  listTopics(): Promise<string[]>;
  createTopics(options: {
    waitForLeaders: boolean;
    topics: { topic: string; numPartitions: number; replicationFactor: number }[];
  }): Promise<boolean>;
}

/**
 * Creates every platform topic of a namespace that does not exist yet (broker auto-create is off) and returns
 * the ones it created, so it is safe to run again.
 */
export async function ensureTopics(admin: TopicAdmin, namespace = ''): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = allTopics()
    .map((t) => ({ ...t, topic: namespacedTopic(namespace, t.topic) }))
    .filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: 1 })),
    });
  }
  return missing.map((t) => t.topic);
}
