import type { Logger } from '@nestjs/common';
import { namespacedTopic } from '@jiebang/contracts';
import { captureTraceContext, contextFrom, SpanKind, SpanStatusCode, startSpan, trace, traceHeaders, type Span, type TraceCarrier } from '@jiebang/telemetry';
import type { IHeaders, Message, TopicMessages } from 'kafkajs';
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';

/** The slice of a kafkajs producer the relay needs; tests pass a real producer wrapped to inject faults. */
export interface BatchProducer {
  sendBatch(batch: { topicMessages: TopicMessages[]; acks?: number }): Promise<unknown>;
}

export interface RelayOptions {
  namespace: string;
  batchSize: number;
  /** Fallback poll; NOTIFY is not durable, so a relay that was down or missed a wake-up still drains. */
  pollIntervalMs: number;
  /** Opens the relay's own Postgres session: it holds the leader lock and LISTENs for commits. */
  connect: () => Promise<PgClient>;
  /** A send that has not been acknowledged by then counts as failed (the batch is sent again later). */
  sendTimeoutMs?: number;
  onPublished?: (count: number) => void;
}

interface Row {
  position: string;
  event_id: string;
  topic: string;
  key: string;
  type: string;
  envelope: Record<string, unknown> & { correlationId?: string };
  trace_context: TraceCarrier | null;
}

/** Any constant works: each service has its own database, so the lock only excludes that service's relays. */
const RELAY_LOCK_KEY = 7_242_001;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes outbox rows in position order with an idempotent producer and marks them published afterwards.
 * Exactly one instance per database publishes: the one whose session holds the advisory lock. If that process
 * dies, its session ends, the lock is freed and another instance takes over within a poll interval. Reads and
 * marks are short statements, so no transaction stays open while Kafka is slow or away. A crash between send
 * and mark re-sends the batch: a duplicate on the wire that consumers' inboxes absorb.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;
  private session?: PgClient;
  private leader = false;
  private failures = 0;
  lastError?: string;
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: BatchProducer,
    private readonly options: RelayOptions,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now; called on NOTIFY from any instance's commit. */
  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.closeSession();
  }

  /** Publishes everything unpublished now if this relay is (or becomes) the leader; returns how many it sent. */
  async drain(): Promise<number> {
    if (!(await this.lead())) return 0;
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.options.batchSize || (this.loop && !this.running)) return total;
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
        // Backoff is not cut short by NOTIFY: a commit storm must not turn an outage into a busy loop.
        await this.sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures), false);
        continue;
      }
      if (this.running && !this.pending) await this.sleep(this.options.pollIntervalMs, true);
    }
  }

  /** Opens (or re-opens, after a lost connection) the session and tries to take the leader lock. */
  private async lead(): Promise<boolean> {
    if (!this.session) {
      const session = await this.options.connect();
      session.on('notification', () => this.nudge());
      session.on('error', (err) => {
        this.logger.warn(`outbox relay session lost (${err.message}); reconnecting`);
        void this.closeSession();
      });
      await session.query('LISTEN outbox');
      this.session = session;
    }
    if (!this.leader) {
      const { rows } = await this.session.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK_KEY]);
      this.leader = rows[0].locked === true;
      if (this.leader) this.logger.log('outbox relay is the publishing instance for this database');
    }
    return this.leader;
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.leader = false; // ending the session releases the advisory lock
    await session?.end().catch(() => undefined);
  }

  private sleep(ms: number, wakeOnNudge: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => (wakeOnNudge || !this.running ? done() : undefined);
    });
  }

  private async publishBatch(): Promise<number> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT position, event_id, topic, key, type, envelope, trace_context FROM outbox
        WHERE published_at IS NULL ORDER BY position LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;
    const spans: Span[] = [];
    try {
      await this.send(this.toTopicMessages(rows, spans));
    } catch (e) {
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
      throw e;
    } finally {
      for (const span of spans) span.end();
    }
    await this.dataSource.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
      rows.map((r) => r.position),
    ]);
    this.published += rows.length;
    this.options.onPublished?.(rows.length);
    return rows.length;
  }

  private async send(topicMessages: TopicMessages[]): Promise<void> {
    const timeoutMs = this.options.sendTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Kafka did not acknowledge the batch within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.producer.sendBatch({ topicMessages, acks: -1 }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One producer span per traced row, a child of the append that wrote it; its context travels in the headers. */
  private toTopicMessages(rows: Row[], spans: Span[]): TopicMessages[] {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = namespacedTopic(this.options.namespace, row.topic);
      const headers: IHeaders = { 'event-id': row.event_id, 'event-type': row.type };
      if (row.envelope.correlationId) headers['correlation-id'] = row.envelope.correlationId;
      if (row.trace_context) {
        const span = startSpan(`publish ${topic}`, {
          kind: SpanKind.PRODUCER,
          parent: contextFrom(row.trace_context),
          attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': topic, 'messaging.kafka.message.key': row.key, 'jiebang.event.id': row.event_id, 'jiebang.event.type': row.type },
        });
        spans.push(span);
        Object.assign(headers, traceHeaders(captureTraceContext(trace.setSpan(contextFrom(row.trace_context), span))));
      }
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: row.key, value: JSON.stringify(row.envelope), headers });
      byTopic.set(topic, messages);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}
