import { allTopics, namespacedTopic } from '@jiebang/contracts';
import { createPlatformTopics } from '@jiebang/messaging';
import { brokers, parseArgs } from './args';

/** Creates the platform's topics (from libs/contracts) for a namespace; `--namespace t1` for an isolated test set. */
async function main(): Promise<void> {
  const args = parseArgs();
  const namespace = typeof args.namespace === 'string' ? args.namespace : (process.env.KAFKA_TOPIC_NAMESPACE ?? '');
  const created = await createPlatformTopics(brokers(), namespace);
  const total = allTopics().length;
  const label = namespace ? `namespace "${namespace}"` : 'default namespace';
  if (created.length) console.log(`[jiebang] Kafka topics (${label}): created ${created.join(', ')}`);
  console.log(
    `[jiebang] Kafka topics (${label}): ${total} present (${allTopics()
      .map((t) => `${namespacedTopic(namespace, t.topic)}×${t.partitions}`)
      .join(', ')})`,
  );
}

main().catch((e) => {
  console.error(`[jiebang] creating topics failed: ${(e as Error).message}`);
  process.exit(1);
});
