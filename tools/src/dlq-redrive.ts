import { namespacedTopic, STREAMS } from '@jiebang/contracts';
import { brokers, parseArgs } from './args';
import { redrive } from './dlq/redrive';

const USAGE = `usage: npm run -s dlq:redrive -- --stream <${Object.keys(STREAMS).join('|')}> [--namespace <ns>] [--reason <handler-failed|invalid-data|…>] [--dry-run]
Sends the stream's dead letters back to it (after the fix is deployed); --dry-run only lists them.`;

async function main(): Promise<void> {
  const args = parseArgs();
  const stream = args.stream;
  if (typeof stream !== 'string' || !(stream in STREAMS)) {
    console.error(USAGE);
    process.exit(2);
  }
  const namespace = typeof args.namespace === 'string' ? args.namespace : (process.env.KAFKA_TOPIC_NAMESPACE ?? '');
  const report = await redrive({
    brokers: brokers(),
    topic: namespacedTopic(namespace, STREAMS[stream as keyof typeof STREAMS].topic),
    dryRun: args['dry-run'] === true,
    reason: typeof args.reason === 'string' ? args.reason : undefined,
  });
  report.lines.forEach((l) => console.log(l));
  console.log(`[jiebang] dlq: ${report.inspected} inspected, ${report.redriven} re-driven, ${report.skipped} skipped`);
}

main().catch((e) => {
  console.error(`[jiebang] dlq re-drive failed: ${(e as Error).message}`);
  process.exit(1);
});
