import type { IHeaders } from 'kafkajs';
import { dlqTopic } from '@jiebang/contracts';

export interface DeadLetterProducer {
  send(record: { topic: string; messages: { key: Buffer | string | null; value: Buffer | string | null; headers: IHeaders }[]; acks?: number }): Promise<unknown>;
}

export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

export interface Failure {
  reason: 'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data' | 'wrong-topic' | 'handler-failed';
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

/** Copies the original bytes and headers unchanged to `<topic>.dlq`, adding why it failed. Awaited with acks=all. */
export class DeadLetters {
  constructor(
    private readonly producer: DeadLetterProducer,
    private readonly consumerGroup: string,
  ) {}

  async send(message: FailedMessage, failure: Failure): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      [DLQ_HEADERS.reason]: failure.reason,
      [DLQ_HEADERS.error]: failure.error.slice(0, 4000),
      [DLQ_HEADERS.attempts]: String(failure.attempts),
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: this.consumerGroup,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    await this.producer.send({
      topic: dlqTopic(message.topic),
      messages: [{ key: message.key, value: message.value, headers }],
      acks: -1,
    });
  }
}
