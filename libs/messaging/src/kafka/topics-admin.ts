import { allTopics, namespacedTopic } from '@jiebang/contracts';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates every platform topic for a namespace, explicitly (auto-create is off on our broker).
 * Returns the topics it created; existing ones are left alone, so it is safe to run again.
 */
export async function ensureTopics(brokers: string[], namespace = ''): Promise<string[]> {
  const admin = new Kafka({ clientId: 'jiebang-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = allTopics().map((t) => ({ ...t, topic: namespacedTopic(namespace, t.topic) }));
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: 1 })),
      });
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}
