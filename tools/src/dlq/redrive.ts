import { dlqTopic } from '@jiebang/contracts';
import { DLQ_HEADERS } from '@jiebang/messaging';
import { Kafka, logLevel, type IHeaders, type KafkaMessage } from 'kafkajs';

export interface RedriveOptions {
  brokers: string[];
  /** The stream topic (namespaced), e.g. `jiebang.challenge`; its `.dlq` twin is read. */
  topic: string;
  dryRun: boolean;
  /** Only messages that failed for this reason (e.g. `handler-failed` once the bug is fixed). */
  reason?: string;
}

export interface RedriveReport {
  inspected: number;
  redriven: number;
  skipped: number;
  lines: string[];
}

const DLQ_HEADER_NAMES = new Set<string>(Object.values(DLQ_HEADERS));

function originalHeaders(headers: IHeaders = {}): IHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !DLQ_HEADER_NAMES.has(k)));
}

/**
 * Sends dead letters back to the topic they failed on, after a fix. Reads `<topic>.dlq` up to its end as of now
 * with the consumer group `jiebang-dlq-redrive.<dlq topic>`, re-produces each original key, value and headers, then commits,
 * so a second run does not send them again. Safe because every consumer is idempotent by event id and ignores
 * stale sequences.
 */
export async function redrive(options: RedriveOptions): Promise<RedriveReport> {
  const kafka = new Kafka({ clientId: 'jiebang-dlq-redrive', brokers: options.brokers, logLevel: logLevel.ERROR });
  const source = dlqTopic(options.topic);
  const groupId = `jiebang-dlq-redrive.${source}`;
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(source);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [source] });
  await admin.disconnect();
  // Partitions with dead letters this group has not re-driven yet, and where they end as of now.
  const start = (partition: number, low: string) => {
    const offset = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    return BigInt(offset === '-1' ? low : offset);
  };
  const remaining = new Map(
    ends.filter((p) => start(p.partition, p.low) < BigInt(p.high)).map((p) => [p.partition, BigInt(p.high)]),
  );
  const report: RedriveReport = { inspected: 0, redriven: 0, skipped: 0, lines: [] };
  if (remaining.size === 0) return report;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic: source, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('re-drive did not reach the end of the DLQ within 60 s')), 60_000);
      void consumer.run({
        autoCommit: !options.dryRun,
        eachMessage: async ({ partition, message }) => {
          await handle(message, partition);
          const end = remaining.get(partition);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(deadline);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return report;

  async function handle(message: KafkaMessage, partition: number): Promise<void> {
    const reason = message.headers?.[DLQ_HEADERS.reason]?.toString();
    const target = message.headers?.[DLQ_HEADERS.originalTopic]?.toString() ?? options.topic;
    report.inspected++;
    const where = `${source}[${partition}]@${message.offset}`;
    if (options.reason && reason !== options.reason) {
      report.skipped++;
      report.lines.push(`skip ${where} (${reason})`);
      return;
    }
    report.lines.push(`${options.dryRun ? 'would re-drive' : 're-drive'} ${where} → ${target} (${reason}: ${message.headers?.[DLQ_HEADERS.error]?.toString().slice(0, 120)})`);
    if (options.dryRun) return;
    await producer.send({
      topic: target,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: { ...originalHeaders(message.headers), 'dlq-redriven-at': new Date().toISOString() } }],
    });
    report.redriven++;
  }
}
