import { allTopics, ensureTopics, namespacedTopic } from '@jiebang/contracts';
import { Kafka, logLevel } from 'kafkajs';

/** Connects an admin client and creates the platform's missing topics for a namespace (see contracts' ensureTopics). */
export async function createPlatformTopics(brokers: string[], namespace = ''): Promise<string[]> {
  const admin = new Kafka({ clientId: 'jiebang-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, namespace);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The platform topics of a namespace the broker does not have (broker auto-create is off). A service started before
 * they exist would otherwise die in the consumer with kafkajs' "This server does not host this topic-partition";
 * naming them, with the command that creates them, is what the operator needs. Null when the broker cannot be asked:
 * the consumer's own retries then deal with an absent broker.
 */
export async function missingPlatformTopics(brokers: string[], namespace = ''): Promise<string[] | null> {
  const admin = new Kafka({ clientId: 'jiebang-topics-check', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    return allTopics()
      .map((t) => namespacedTopic(namespace, t.topic))
      .filter((t) => !existing.has(t));
  } catch {
    return null;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
