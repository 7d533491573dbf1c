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
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { DeadLetters } from './inbox/dead-letter';
import { InboxConsumer, type EventContextRunner } from './inbox/inbox-consumer';
import { KafkaEventServer } from './kafka/kafka-event-server';
import { KafkaProducers } from './kafka/kafka-producers';
import { MessagingExplorer } from './messaging.explorer';
import { EVENT_CONTEXT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { outboxBacklog, publishedEvents } from './metrics';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * Starts and stops the messaging parts in the order the guarantees need: handlers bound before the consumer
 * starts; producers and relay up at bootstrap; at shutdown, stop consuming and let in-flight messages finish,
 * then stop the relay, then close producers. The database closes after this (TypeORM's shutdown hook), so no
 * handler loses its connection mid-effect.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  readonly relay: OutboxRelay;
  inbox: InboxConsumer;
  consumedTopics: string[] = [];
  private metricsTimer?: NodeJS.Timeout;
  private housekeepingTimer?: NodeJS.Timeout;

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
        listen: () => this.listenConnection(),
        onPublished: (n) => publishedEvents.inc({ source: options.service }, n),
      },
      new Logger('OutboxRelay'),
    );
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
      new DeadLetters(this.producers.deadLetters, this.options.consumerGroup),
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
    if (this.options.relay.enabled) await this.relay.start();
    this.metricsTimer = setInterval(() => void this.sampleBacklog(), 5_000).unref();
    this.housekeepingTimer = setInterval(() => void this.housekeep().catch(() => undefined), 3_600_000).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.metricsTimer);
    clearInterval(this.housekeepingTimer);
    await this.server.stopConsuming().catch((e: Error) => this.logger.warn(`stopping consumer: ${e.message}`));
    await this.relay.stop();
    await this.producers.disconnect().catch((e: Error) => this.logger.warn(`closing producers: ${e.message}`));
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

  private async sampleBacklog(): Promise<void> {
    const n = await this.relay.backlog().catch(() => undefined);
    if (n !== undefined) outboxBacklog.set({ source: this.options.service }, n);
  }

  private async listenConnection(): Promise<PgClient> {
    const o = this.dataSource.options as PostgresDataSourceOptions;
    const client = new PgClient({
      host: o.host,
      port: o.port,
      user: o.username,
      password: typeof o.password === 'string' ? o.password : undefined,
      database: o.database,
    });
    await client.connect();
    return client;
  }
}
