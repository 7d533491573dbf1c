import type { IHeaders } from 'kafkajs';
import { dlqTopic } from '@jiebang/contracts';

export interface DeadLetterProducer {
  send(record: {
    topic: string;
    messages: { key: Buffer | string | null; value: Buffer | string | null; headers: IHeaders }[];
    acks?: number;
  }): Promise<unknown>;
}

/** A consumed message exactly as kafkajs delivered it: bytes, not decoded strings. */
export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

export interface Failure {
  reason: 'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data' | 'wrong-topic' | 'wrong-key' | 'wrong-source' | 'handler-failed';
  error: string;
  attempts: number;
}

/** Header names on a dead letter; `tools/dlq-redrive` reads them to send the original back. */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetter {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/** Where a dead letter waits when the DLQ topic cannot take it (the database, flushed later). */
export interface DeadLetterParking {
  park(letter: DeadLetter): Promise<void>;
}

const SEND_ATTEMPTS = 3;

/**
 * Copies the original key, value and headers byte for byte to `<topic>.dlq`, adding why it failed (acks=all).
 * If the DLQ cannot be written (topic missing, broker refusing), the letter is parked in the database so the
 * partition can still move on; a background flush moves parked letters to the DLQ later. Only when parking
 * fails too (database down) does this throw, and the message is retried instead of lost.
 */
export class DeadLetters {
  constructor(
    private readonly producer: DeadLetterProducer,
    private readonly consumerGroup: string,
    private readonly parking: DeadLetterParking,
    private readonly backoffMs = 500,
  ) {}

  async send(message: FailedMessage, failure: Failure, heartbeat?: () => Promise<void>): Promise<'dead-lettered' | 'parked'> {
    const letter: DeadLetter = {
      topic: dlqTopic(message.topic),
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        [DLQ_HEADERS.reason]: failure.reason,
        [DLQ_HEADERS.error]: failure.error.slice(0, 4000),
        [DLQ_HEADERS.attempts]: String(failure.attempts),
        [DLQ_HEADERS.originalTopic]: message.topic,
        [DLQ_HEADERS.originalPartition]: String(message.partition),
        [DLQ_HEADERS.originalOffset]: message.offset,
        [DLQ_HEADERS.consumerGroup]: this.consumerGroup,
        [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      },
    };
    for (let attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
      try {
        await this.producer.send({ topic: letter.topic, messages: [letter], acks: -1 });
        return 'dead-lettered';
      } catch {
        await heartbeat?.();
        if (attempt < SEND_ATTEMPTS) await new Promise((r) => setTimeout(r, this.backoffMs * attempt));
      }
    }
    await this.parking.park(letter);
    return 'parked';
  }
}
