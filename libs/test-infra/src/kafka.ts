import { randomBytes, randomUUID } from 'node:crypto';
import { allTopics, ensureTopics, namespacedTopic } from '@jiebang/contracts';
import { Kafka, logLevel, type IHeaders, type KafkaMessage } from 'kafkajs';

export function brokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

export function kafka(): Kafka {
  return new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers: brokers(), logLevel: logLevel.NOTHING });
}

/** A topic namespace of its own for one test file, with every platform topic created in it. */
export async function freshNamespace(): Promise<string> {
  const namespace = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const admin = kafka().admin();
  await admin.connect();
  try {
    // A busy single broker may answer metadata for a topic it is still creating with "does not host this
    // topic-partition" (kafkajs retries only "leader not available"): try again until every topic has a leader.
    const topics = allTopics().map((t) => namespacedTopic(namespace, t.topic));
    await retryingKafka(async () => {
      await ensureTopics(admin, namespace);
      await admin.fetchTopicMetadata({ topics });
    });
  } finally {
    await admin.disconnect();
  }
  return namespace;
}

async function retryingKafka(attempt: () => Promise<void>, tries = 8): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const retriable = (e as { retriable?: boolean; type?: string }).retriable || (e as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!retriable || n >= tries) throw e;
      await new Promise((r) => setTimeout(r, 250 * n));
    }
  }
}

export async function deleteNamespace(namespace: string): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
    if (topics.length) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

export interface RawMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

/** Produces raw bytes, as a broken or foreign producer would: no validation on the way in. */
export async function produceRaw(namespace: string, topic: string, messages: RawMessage[]): Promise<void> {
  const producer = kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic: namespacedTopic(namespace, topic), messages, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic from the beginning until `done(messages)` holds or the timeout passes; returns what it saw. */
export async function readTopic(
  topic: string,
  done: (messages: KafkaMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka().consumer({ groupId: `reader-${randomUUID()}` });
  const seen: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message);
          if (done(seen)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}
