import { parseEvent, type Envelope } from '@jiebang/contracts';
import type { Logger } from '@nestjs/common';
import { contextFrom, inSpan, SpanKind } from '@jiebang/telemetry';
import type { DataSource } from 'typeorm';
import { consumedEvents } from '../metrics';
import { DeadLetters, type FailedMessage, type Failure } from './dead-letter';
import type { EventHandler, StreamSubscription } from './handler-registry';
import { isInfrastructureError } from './infrastructure-error';
import { checkProvenance } from './provenance';

/** Runs the handling of one event inside a context (e.g. a logger that stamps its correlationId on every line). */
export type EventContextRunner = <T>(event: Envelope, fn: () => Promise<T>) => Promise<T>;

export interface InboxConsumerOptions {
  consumerGroup: string;
  runInContext?: EventContextRunner;
  /** Handler attempts before a message is dead-lettered. */
  maxAttempts: number;
  retryBackoffMs: number;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'unhandled' | 'dead-lettered' | 'parked';

/**
 * The whole path of one Kafka message: validate, dispatch on type, apply handlers and record the event id in one
 * transaction, or dead-letter it. It resolves only after the effect or the dead letter is durable, so the offset
 * kafkajs commits afterwards never runs ahead of the database. A redelivered event finds its inbox row and is a no-op.
 */
export class InboxConsumer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: ReadonlyMap<string, StreamSubscription>,
    private readonly deadLetters: DeadLetters,
    private readonly options: InboxConsumerOptions,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  ) {}

  /**
   * Handles one message inside a consumer span whose parent is the trace context its headers carry (the relay's
   * producer span), so whatever the handlers do (SQL, new outbox rows, jobs) joins the request's trace.
   */
  handle(message: FailedMessage, heartbeat?: () => Promise<void>): Promise<Outcome> {
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.topic,
      'messaging.consumer.group.name': this.options.consumerGroup,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.kafka.offset': Number(message.offset),
    };
    return inSpan(`process ${message.topic}`, { kind: SpanKind.CONSUMER, parent: contextFrom(message.headers), attributes }, async (span) => {
      const outcome = await this.process(message, heartbeat);
      span.setAttribute('jiebang.inbox.outcome', outcome);
      return outcome;
    });
  }

  private async process(message: FailedMessage, heartbeat?: () => Promise<void>): Promise<Outcome> {
    const parsed = parseEvent(message.value?.toString('utf8') ?? '');
    if (!parsed.ok) return this.deadLetter(message, { reason: parsed.reason, error: parsed.error, attempts: 0 }, 'invalid', heartbeat);
    const { event, definition } = parsed;
    const subscription = this.subscriptions.get(message.topic);
    if (!subscription || subscription.stream !== definition.stream) {
      const error = `${event.type} belongs to stream "${definition.stream}", not topic ${message.topic}`;
      return this.deadLetter(message, { reason: 'wrong-topic', error, attempts: 0 }, event.type, heartbeat);
    }
    const forged = checkProvenance(message.key, event, definition.stream);
    if (forged) return this.deadLetter(message, { ...forged, attempts: 0 }, event.type, heartbeat);
    const key = `${event.type}@v${event.version}`;
    const handlers = subscription.handlers.get(key);
    if (!handlers) return this.skip(subscription, key, event);
    const run = this.options.runInContext ?? ((_e, fn) => fn());
    return run(event, () => this.applyWithRetries(message, event, key, handlers, heartbeat));
  }

  private async applyWithRetries(
    message: FailedMessage,
    event: Envelope,
    key: string,
    handlers: EventHandler[],
    heartbeat?: () => Promise<void>,
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.apply(event, handlers);
        return this.count(event.type, outcome);
      } catch (err) {
        if (isInfrastructureError(err)) throw err;
        const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        this.logger.warn(`handler for ${key} (${event.id}) failed, attempt ${attempt}/${this.options.maxAttempts}: ${error}`);
        if (attempt >= this.options.maxAttempts) {
          return this.deadLetter(message, { reason: 'handler-failed', error, attempts: attempt }, event.type, heartbeat);
        }
        await heartbeat?.();
        await new Promise((r) => setTimeout(r, this.options.retryBackoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private apply(event: Envelope, handlers: EventHandler[]): Promise<Outcome> {
    return this.dataSource.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO inbox (consumer_group, event_id, type, subject, sequence) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.consumerGroup, event.id, event.type, event.subject, event.sequence],
      );
      if (inserted.length === 0) return 'duplicate';
      for (const handler of handlers) await handler(event, em);
      return 'applied';
    });
  }

  private skip(subscription: StreamSubscription, key: string, event: Envelope): Outcome {
    if (subscription.ignored.has(key)) return this.count(event.type, 'ignored');
    this.logger.warn(`no handler for ${key} on stream ${subscription.stream} (event ${event.id}); declare it ignored if intended`);
    return this.count(event.type, 'unhandled');
  }

  private async deadLetter(
    message: FailedMessage,
    failure: Failure,
    type: string,
    heartbeat?: () => Promise<void>,
  ): Promise<Outcome> {
    const outcome = await this.deadLetters.send(message, failure, heartbeat);
    this.logger.error(
      `${outcome} ${message.topic}[${message.partition}]@${message.offset}: ${failure.reason}: ${failure.error.slice(0, 300)}`,
    );
    return this.count(type, outcome);
  }

  private count(type: string, outcome: Outcome): Outcome {
    consumedEvents.inc({ group: this.options.consumerGroup, type, outcome });
    return outcome;
  }
}
