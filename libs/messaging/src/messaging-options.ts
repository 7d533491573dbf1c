import type { ServiceName } from '@jiebang/contracts';

export interface MessagingOptions {
  service: ServiceName;
  brokers: string[];
  /** Topic prefix that keeps test runs and deployments apart on one broker; '' in production. */
  namespace: string;
  /** The exact consumer group id (Nest's '-server' postfix is switched off so tools see the real name). */
  consumerGroup: string;
  /** Partitions handled at once; order still holds within each partition, i.e. per aggregate. */
  partitionsConsumedConcurrently: number;
  /** Handler attempts before dead-lettering a message. */
  maxAttempts: number;
  retryBackoffMs: number;
  /** Consumer restarts kafkajs may make within `restartWindowMs` after retriable crashes before the service exits. */
  maxConsumerRestarts: number;
  restartWindowMs: number;
  /** kafkajs retries of a failing fetch or handler before it crashes the consumer (and maybe restarts it). */
  consumerRetry: { retries: number; initialRetryTime: number };
  sessionTimeoutMs: number;
  relay: { batchSize: number; pollIntervalMs: number; enabled: boolean };
  /**
   * How long published outbox rows and inbox ids are kept. The inbox must outlive any redelivery: Kafka keeps
   * messages 7 days (log.retention.hours=168), so 30 days leaves a wide margin for DLQ re-drives too.
   */
  retention: { outboxDays: number; inboxDays: number };
  /** Read a brand-new group's topics from the start, so a service deployed after events were published still sees them. */
  fromBeginning: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** Called when the consumer is gone for good. Default: fail the process so its supervisor restarts it. */
export const ON_FATAL = Symbol('MESSAGING_ON_FATAL');
/** Optional `EventContextRunner` wrapping each event's handling (service-kit puts a correlated logger there). */
export const EVENT_CONTEXT = Symbol('MESSAGING_EVENT_CONTEXT');

export const DEFAULT_MESSAGING_OPTIONS = {
  partitionsConsumedConcurrently: 4,
  maxAttempts: 3,
  retryBackoffMs: 200,
  maxConsumerRestarts: 20,
  restartWindowMs: 10 * 60_000,
  consumerRetry: { retries: 5, initialRetryTime: 300 },
  sessionTimeoutMs: 30_000,
  relay: { batchSize: 500, pollIntervalMs: 1_000, enabled: true },
  fromBeginning: true,
  retention: { outboxDays: 7, inboxDays: 30 },
} satisfies Partial<MessagingOptions>;
