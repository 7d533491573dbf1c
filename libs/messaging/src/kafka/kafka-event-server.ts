import { Logger } from '@nestjs/common';
import { ServerKafka, type KafkaContext } from '@nestjs/microservices';
import type { Consumer, ConsumerCrashEvent } from 'kafkajs';
import type { InboxConsumer } from '../inbox/inbox-consumer';
import type { ConsumerHealth } from './consumer-health';
import type { MessagingOptions } from '../messaging-options';

/**
 * The Nest Kafka transport with our guarantees around it: every stream topic gets one event handler that runs the
 * inbox pipeline on the raw bytes (so a dead letter keeps the original), several partitions are consumed at once,
 * and a crash kafkajs will not recover from ends the process instead of leaving it running without a consumer.
 */
export class KafkaEventServer extends ServerKafka {
  private readonly log = new Logger('KafkaEventServer');
  private inFlight = 0;

  constructor(
    private readonly opts: MessagingOptions,
    private readonly health: ConsumerHealth,
    private readonly onFatal: (reason: string) => void,
  ) {
    super({
      postfixId: '',
      client: { clientId: `${opts.service}-consumer`, brokers: opts.brokers },
      consumer: {
        groupId: opts.consumerGroup,
        sessionTimeout: opts.sessionTimeoutMs,
        heartbeatInterval: Math.max(500, Math.floor(opts.sessionTimeoutMs / 10)),
        retry: {
          ...opts.consumerRetry,
          restartOnFailure: async (err: Error) => {
            health.restarts++;
            health.lastError = err.message;
            return health.restarts <= opts.maxConsumerRestarts;
          },
        },
      },
      subscribe: { fromBeginning: opts.fromBeginning },
      run: { partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently },
      parser: { keepBinary: true },
    });
  }

  /** Binds each topic to the inbox pipeline; call before the microservice starts listening. */
  bindTopics(topics: string[], inbox: InboxConsumer): void {
    for (const topic of topics) {
      this.addHandler(topic, (value: Buffer | null, ctx: KafkaContext) => this.consume(inbox, value, ctx), true);
    }
  }

  /** Stops fetching and waits for the messages in flight; the offsets of finished ones are committed by kafkajs. */
  async stopConsuming(): Promise<void> {
    if (!this.consumer) return;
    await this.consumer.stop();
    this.health.state = 'stopped';
  }

  get messagesInFlight(): number {
    return this.inFlight;
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer as Consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.health.state = 'running'));
    consumer.on(consumer.events.REBALANCING, () => (this.health.state = 'rebalancing'));
    consumer.on(consumer.events.CRASH, (e: ConsumerCrashEvent) => this.onCrash(e));
  }

  private async consume(inbox: InboxConsumer, value: Buffer | null, ctx: KafkaContext): Promise<void> {
    const raw = ctx.getMessage();
    this.inFlight++;
    try {
      await inbox.handle(
        {
          topic: ctx.getTopic(),
          partition: ctx.getPartition(),
          offset: raw.offset,
          key: raw.key === null || raw.key === undefined ? null : Buffer.from(String(raw.key)),
          value,
          headers: raw.headers ?? {},
        },
        ctx.getHeartbeat(),
      );
      this.health.restarts = 0;
    } finally {
      this.inFlight--;
    }
  }

  private onCrash(event: ConsumerCrashEvent): void {
    const { error, restart } = event.payload;
    this.health.lastError = error.message;
    if (restart) {
      this.health.state = 'restarting';
      this.log.warn(`Kafka consumer crashed and will restart: ${error.message}`);
      return;
    }
    this.health.state = 'dead';
    this.log.error(`Kafka consumer crashed for good: ${error.message}`);
    this.onFatal(`Kafka consumer crashed: ${error.message}`);
  }
}
