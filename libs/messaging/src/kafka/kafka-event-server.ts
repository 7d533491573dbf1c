import { Logger } from '@nestjs/common';
import { ServerKafka } from '@nestjs/microservices';
import type { Consumer, ConsumerCrashEvent, EachMessagePayload } from 'kafkajs';
import type { InboxConsumer } from '../inbox/inbox-consumer';
import type { MessagingOptions } from '../messaging-options';
import { kafkaLogCreator } from './kafka-log';
import type { ConsumerHealth } from './consumer-health';

/**
 * The Nest Kafka transport (connection, group membership, subscription, status) with our guarantees around it:
 * each message goes, untouched, to the inbox pipeline (Nest's parser would decode keys and headers to strings
 * and JSON-parse some; a dead letter must keep the original bytes), several partitions are consumed at once,
 * and a crash kafkajs will not recover from ends the process instead of leaving it running without a consumer.
 */
export class KafkaEventServer extends ServerKafka {
  private readonly log = new Logger('KafkaEventServer');
  private inbox?: InboxConsumer;
  private restartTimes: number[] = [];

  constructor(
    private readonly opts: MessagingOptions,
    private readonly health: ConsumerHealth,
    private readonly onFatal: (reason: string) => void,
  ) {
    super({
      postfixId: '',
      client: { clientId: `${opts.service}-consumer`, brokers: opts.brokers, logCreator: kafkaLogCreator(new Logger('kafkajs')) },
      consumer: {
        groupId: opts.consumerGroup,
        sessionTimeout: opts.sessionTimeoutMs,
        heartbeatInterval: Math.max(500, Math.floor(opts.sessionTimeoutMs / 10)),
        retry: { ...opts.consumerRetry, restartOnFailure: async (err: Error) => this.mayRestart(err) },
      },
      subscribe: { fromBeginning: opts.fromBeginning },
      run: { partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently },
    });
  }

  /** Subscribes these topics and routes their messages to the inbox; call before the microservice listens. */
  bindTopics(topics: string[], inbox: InboxConsumer): void {
    this.inbox = inbox;
    // Registering a handler is how ServerKafka learns which topics to subscribe; messages bypass it (see below).
    const unused = async () => undefined;
    for (const topic of topics) this.addHandler(topic, unused, true);
  }

  override getMessageHandler() {
    return async ({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> => {
      await this.inbox!.handle(
        { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers ?? {} },
        heartbeat,
      );
    };
  }

  /** Stops fetching and waits for the messages in flight; the offsets of finished ones are committed by kafkajs. */
  async stopConsuming(): Promise<void> {
    if (!this.consumer) return;
    await this.consumer.stop();
    this.health.state = 'stopped';
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer as unknown as Consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => (this.health.state = 'running'));
    consumer.on(consumer.events.REBALANCING, () => (this.health.state = 'rebalancing'));
    consumer.on(consumer.events.CRASH, (e: ConsumerCrashEvent) => this.onCrash(e));
  }

  /**
   * kafkajs asks before restarting after a retriable crash (broker away, database down: the inbox rethrows
   * those). Restarts are fine while they are rare; too many within the window means something is stuck, and a
   * fresh process under its supervisor is the better remedy.
   */
  private mayRestart(err: Error): boolean {
    const now = Date.now();
    this.restartTimes = [...this.restartTimes.filter((t) => now - t < this.opts.restartWindowMs), now];
    this.health.restarts = this.restartTimes.length;
    this.health.lastError = err.message;
    return this.restartTimes.length <= this.opts.maxConsumerRestarts;
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
