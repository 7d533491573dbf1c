import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { brokers } from './args';

/**
 * Exit 0 once the broker takes a write and hands it back to a consumer, proving the whole path works.
 * Uses a throwaway topic it deletes afterwards.
 */
async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'jiebang-ready', brokers: brokers(), logLevel: logLevel.NOTHING, retry: { retries: 20 } });
  const topic = `jiebang.ready-check.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: topic });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const value = randomUUID();
    const received = new Promise<void>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => (message.value?.toString() === value ? resolve() : undefined) });
    });
    const started = Date.now();
    await producer.send({ topic, messages: [{ value }], acks: -1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no message within 30 s')), 30_000)));
    await Promise.race([received, timeout]).finally(() => clearTimeout(timer));
    console.log(`[jiebang] Kafka: ready (produce→consume round trip ${Date.now() - started} ms)`);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

/**
 * A broker that has just started may answer the new topic's metadata with "does not host this topic-partition"
 * before its controller has placed the leader (kafkajs retries only "leader not available"): try the whole round
 * trip again a few times before calling the broker broken.
 */
async function withRetries(tries = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await main();
    } catch (e) {
      if (attempt >= tries) throw e;
      console.log(`[jiebang] Kafka not ready yet (${(e as Error).message}); trying again`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

withRetries().catch((e) => {
  console.error(`[jiebang] Kafka not ready: ${(e as Error).message}`);
  process.exit(1);
});
