import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { namespacedTopic, STREAMS } from '@jiebang/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeadLetters } from './inbox/dead-letter';
import { InboxConsumer, type EventContextRunner } from './inbox/inbox-consumer';
import { ParkedDeadLetters } from './inbox/parked-dead-letters';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { KafkaProducers } from './kafka/kafka-producers';
import { MessagingExplorer } from './messaging.explorer';
import { EVENT_CONTEXT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { outboxBacklog, outboxOldestAge, publishedEvents, relayBatchSize, sampleConsumerLag } from './metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { openSession } from './pg-session';

const HOUR = 3_600_000;

/**
 * Starts and stops the messaging parts in the order the guarantees need: handlers bound before the consumer
 * starts; producers and relay up at bootstrap; at shutdown, stop consuming and let in-flight messages finish,
 * then stop the relay, then close producers. The database closes after this (TypeORM's shutdown hook), so no
 * handler loses its connection mid-effect. Background chores: backlog metric, moving parked dead letters to the
 * DLQ, and pruning old outbox rows and inbox ids.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  readonly relay: OutboxRelay;
  readonly parked: ParkedDeadLetters;
  inbox: InboxConsumer;
  consumedTopics: string[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producers: KafkaProducers,
    private readonly server: KafkaEventServer,
    private readonly explorer: MessagingExplorer,
    @Inject(EVENT_CONTEXT) private readonly runInContext: EventContextRunner | null,
  ) {
    this.relay = new OutboxRelay(
      dataSource,
      producers.relay,
      {
        namespace: options.namespace,
        batchSize: options.relay.batchSize,
        pollIntervalMs: options.relay.pollIntervalMs,
        connect: () => openSession(dataSource),
        onPublished: (n) => {
          publishedEvents.inc({ source: options.service }, n);
          relayBatchSize.observe({ source: options.service }, n);
        },
      },
      new Logger('OutboxRelay'),
    );
    this.parked = new ParkedDeadLetters(dataSource);
  }

  onModuleInit(): void {
    const subscriptions = new Map(
      this.explorer
        .explore()
        .subscriptions()
        .map((s) => [namespacedTopic(this.options.namespace, STREAMS[s.stream].topic), s]),
    );
    this.consumedTopics = [...subscriptions.keys()];
    this.inbox = new InboxConsumer(
      this.dataSource,
      subscriptions,
      new DeadLetters(this.producers.deadLetters, this.options.consumerGroup, this.parked),
      {
        consumerGroup: this.options.consumerGroup,
        runInContext: this.runInContext ?? undefined,
        maxAttempts: this.options.maxAttempts,
        retryBackoffMs: this.options.retryBackoffMs,
      },
      new Logger('InboxConsumer'),
    );
    this.server.bindTopics(this.consumedTopics, this.inbox);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producers.connect();
    if (this.options.relay.enabled) this.relay.start();
    this.every('backlog', 5_000, () => this.sampleBacklog());
    this.every('lag', 15_000, () => this.sampleLag());
    this.every('parked', 30_000, () => this.flushParked());
    this.every('housekeeping', HOUR, () => this.housekeep(), 60_000);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    await this.server.stopConsuming().catch((e: Error) => this.logger.warn(`stopping consumer: ${e.message}`));
    await this.relay.stop();
    await this.producers.disconnect().catch((e: Error) => this.logger.warn(`closing producers: ${e.message}`));
  }

  /** Moves dead letters parked while the DLQ topic was unavailable to it; returns how many. */
  flushParked(): Promise<number> {
    return this.parked.flush(this.producers.deadLetters);
  }

  /** Deletes published outbox rows and inbox ids past their retention; safe to run on every instance. */
  async housekeep(): Promise<{ outbox: number; inbox: number }> {
    const { outboxDays, inboxDays } = this.options.retention;
    const [, outbox] = await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)`,
      [outboxDays],
    );
    const [, inbox] = await this.dataSource.query(`DELETE FROM inbox WHERE processed_at < now() - make_interval(days => $1)`, [
      inboxDays,
    ]);
    return { outbox, inbox };
  }

  /** The sampled gauges (backlog, oldest unpublished row, consumer lag) now, as the periodic chores set them. */
  async sampleMetrics(): Promise<void> {
    await Promise.all([this.sampleBacklog(), this.sampleLag()]);
  }

  private async sampleBacklog(): Promise<void> {
    const source = { source: this.options.service };
    outboxBacklog.set(source, await this.relay.backlog());
    // The partial index on unpublished positions makes this one index probe.
    const [oldest] = await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM now() - created_at)::float8 AS age FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT 1`,
    );
    outboxOldestAge.set(source, oldest ? Math.max(0, oldest.age) : 0);
  }

  private async sampleLag(): Promise<void> {
    if (!this.producers.connected) return;
    await sampleConsumerLag(this.producers.admin, this.options.consumerGroup, this.consumedTopics, this.options.fromBeginning);
  }

  /** Runs a chore periodically (first after `firstAfterMs`), never overlapping itself, logging its failures. */
  private every(name: string, intervalMs: number, chore: () => Promise<unknown>, firstAfterMs = intervalMs): void {
    const tick = async () => {
      await chore().catch((e: Error) => this.logger.warn(`${name} failed: ${e.message}`));
      if (this.timers.has(name)) this.timers.set(name, setTimeout(tick, intervalMs).unref());
    };
    this.timers.set(name, setTimeout(tick, firstAfterMs).unref());
  }
}
