import type { Logger } from '@nestjs/common';
import { namespacedTopic } from '@jiebang/contracts';
import type { IHeaders, Message, TopicMessages } from 'kafkajs';
import type { Client as PgClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The slice of a kafkajs producer the relay needs; tests pass a real producer wrapped to inject faults. */
export interface BatchProducer {
  sendBatch(batch: { topicMessages: TopicMessages[]; acks?: number }): Promise<unknown>;
}

export interface RelayOptions {
  namespace: string;
  batchSize: number;
  /** Fallback poll; NOTIFY is not durable, so a relay that was down or missed a wake-up still drains. */
  pollIntervalMs: number;
  /** Opens the dedicated LISTEN connection; absent means poll only. */
  listen?: () => Promise<PgClient>;
  onPublished?: (count: number) => void;
}

interface Row {
  position: string;
  event_id: string;
  topic: string;
  key: string;
  type: string;
  envelope: Record<string, unknown> & { correlationId?: string };
}

/** Any constant works: each service has its own database, so the lock only excludes that service's relays. */
const RELAY_LOCK_KEY = 7_242_001;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes outbox rows in position order with an idempotent producer and marks them published afterwards.
 * Only the instance holding the transaction-scoped advisory lock publishes, so two instances never interleave
 * one subject's events; if it dies, the lock is released with its transaction and another instance takes over.
 * A crash between send and mark re-sends the batch: a duplicate on the wire that consumers' inboxes absorb.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;
  private listener?: PgClient;
  private failures = 0;
  lastError?: string;
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: BatchProducer,
    private readonly options: RelayOptions,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.options.listen) {
      this.listener = await this.options.listen();
      this.listener.on('notification', () => this.nudge());
      this.listener.on('error', (err) => this.logger.warn(`outbox LISTEN connection failed, polling only: ${err.message}`));
      await this.listener.query('LISTEN outbox');
    }
    this.loop = this.run();
  }

  /** In-process wake-up; also called by NOTIFY from any instance's commit. */
  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes everything unpublished now; returns how many rows this call published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.options.batchSize) return total;
    }
  }

  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    return row.n;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false;
      try {
        await this.drain();
        this.failures = 0;
        this.lastError = undefined;
      } catch (err) {
        this.failures++;
        this.lastError = (err as Error).message;
        this.logger.error(`outbox relay failed (attempt ${this.failures}): ${this.lastError}`);
        await this.sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures));
        continue;
      }
      if (!this.pending) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows: Row[] = await em.query(
        `SELECT position, event_id, topic, key, type, envelope FROM outbox
          WHERE published_at IS NULL ORDER BY position LIMIT $1`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.producer.sendBatch({ topicMessages: this.toTopicMessages(rows), acks: -1 });
      await this.markPublished(em, rows);
      this.published += rows.length;
      this.options.onPublished?.(rows.length);
      return rows.length;
    });
  }

  private async markPublished(em: EntityManager, rows: Row[]): Promise<void> {
    await em.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
      rows.map((r) => r.position),
    ]);
  }

  private toTopicMessages(rows: Row[]): TopicMessages[] {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = namespacedTopic(this.options.namespace, row.topic);
      const headers: IHeaders = { 'event-id': row.event_id, 'event-type': row.type };
      if (row.envelope.correlationId) headers['correlation-id'] = row.envelope.correlationId;
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: row.key, value: JSON.stringify(row.envelope), headers });
      byTopic.set(topic, messages);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}
