import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { MessagingOptions } from '../messaging-options';
import { kafkaLogCreator } from './kafka-log';

/**
 * The service's producers. The relay's is idempotent with one request in flight (acks=all is implied), so broker
 * retries can neither duplicate nor reorder within a partition; dead letters get their own so they never queue
 * behind a large relay batch.
 */
export class KafkaProducers {
  readonly relay: Producer;
  readonly deadLetters: Producer;
  /** Also asked for consumer lag (committed offsets and high watermarks), so it costs no extra connection. */
  readonly admin: Admin;
  connected = false;

  constructor(opts: MessagingOptions) {
    const logger = new Logger('kafkajs');
    const kafka = new Kafka({
      clientId: `${opts.service}-producer`,
      brokers: opts.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger),
    });
    this.relay = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    // Few retries: when the DLQ topic is unusable the letter is parked in the database instead of blocking the partition.
    this.deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 2, initialRetryTime: 200 } });
    this.admin = kafka.admin();
    for (const p of [this.relay, this.deadLetters]) {
      p.on(p.events.DISCONNECT, () => (this.connected = false));
    }
  }

  async connect(): Promise<void> {
    await Promise.all([this.relay.connect(), this.deadLetters.connect(), this.admin.connect()]);
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    await Promise.all([this.relay.disconnect(), this.deadLetters.disconnect(), this.admin.disconnect()]);
    this.connected = false;
  }

  /**
   * Asks the broker for its metadata, for readiness: kafkajs producers only notice a lost broker when they next
   * send, so a service with nothing to publish would otherwise look ready through an outage.
   */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answer = this.admin.describeCluster().then(
      (c) => c.brokers.length > 0,
      () => false,
    );
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }
}
