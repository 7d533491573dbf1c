import { randomBytes, randomUUID } from 'node:crypto';
import { ensureTopics, namespacedTopic } from '@jiebang/contracts';
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
    await ensureTopics(admin, namespace);
  } finally {
    await admin.disconnect();
  }
  return namespace;
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
