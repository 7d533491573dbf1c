import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { MessagingOptions } from '../messaging-options';

/**
 * The service's producers. The relay's is idempotent with one request in flight (acks=all is implied), so broker
 * retries can neither duplicate nor reorder within a partition; dead letters get their own so they never queue
 * behind a large relay batch.
 */
export class KafkaProducers {
  readonly relay: Producer;
  readonly deadLetters: Producer;
  connected = false;

  constructor(opts: MessagingOptions) {
    const logger = new Logger('kafkajs');
    const kafka = new Kafka({
      clientId: `${opts.service}-producer`,
      brokers: opts.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => {
        const line = `${log.message}${log.error ? `: ${log.error}` : ''}`;
        if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
    });
    this.relay = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    for (const p of [this.relay, this.deadLetters]) {
      p.on(p.events.DISCONNECT, () => (this.connected = false));
    }
  }

  async connect(): Promise<void> {
    await Promise.all([this.relay.connect(), this.deadLetters.connect()]);
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    await Promise.all([this.relay.disconnect(), this.deadLetters.disconnect()]);
    this.connected = false;
  }
}
