import { ensureTopics } from '@jiebang/contracts';
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
