import { randomUUID } from 'node:crypto';
import { challengeSubmittedV1, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { deleteNamespace, eventually, freshDatabase, freshNamespace, kafka, produceRaw, query, readTopic } from '@jiebang/test-infra';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeadLetters } from './inbox/dead-letter';
import { HandlerRegistry, type StreamSubscription } from './inbox/handler-registry';
import { InboxConsumer } from './inbox/inbox-consumer';
import { ConsumerHealth } from './kafka/consumer-health';
import { MessagingHealthIndicator } from './messaging.health';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { ParkedDeadLetters } from './inbox/parked-dead-letters';
import { openSession } from './pg-session';
import { startHarness, submittedEvent, type Harness } from './testing/harness';

const TOPIC = STREAMS.challenge.topic;
const ctx = { actor: { id: 'u-1', role: 'enterprise' as const }, correlationId: 'c-1' };
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('consumer and relay lifecycle (real Kafka, Postgres)', () => {
  let database: string;
  let namespace: string;
  const harnesses: Harness[] = [];
  const start = async (overrides = {}) => {
    const h = await startHarness(database, namespace, overrides);
    harnesses.push(h);
    return h;
  };
  const effects = (subject: string) =>
    query<{ sequence: number }>(database, 'SELECT sequence FROM effects WHERE subject = $1 ORDER BY id', [subject]);

  beforeEach(async () => {
    database = await freshDatabase('matching');
    namespace = await freshNamespace();
  });

  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close().catch(() => undefined);
    await deleteNamespace(namespace);
  });

  it('keeps per-aggregate order while consuming four partitions at once', async () => {
    await start();
    const subjects = Array.from({ length: 8 }, () => randomUUID());
    const messages = [];
    for (let seq = 1; seq <= 15; seq++) {
      for (const s of subjects) messages.push({ key: s, value: JSON.stringify(submittedEvent(s, seq)) });
    }
    await produceRaw(namespace, TOPIC, messages);
    for (const s of subjects) {
      await eventually(async () => expect((await effects(s)).map((r) => r.sequence)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1)));
    }
  });

  it('wakes the relay on commit through LISTEN/NOTIFY, without waiting for the poll', async () => {
    const h = await start({ relay: { batchSize: 500, pollIntervalMs: 60_000, enabled: true } });
    await eventually(() => expect(h.app.get(ConsumerHealth).state).toBe('running'));
    const ds = h.app.get<DataSource>(getDataSourceToken());
    await new Promise((r) => setTimeout(r, 500)); // let the relay's first drain finish and go to sleep
    const subject = randomUUID();
    await ds.transaction((em) =>
      h.app.get(Outbox).append(em, challengeSubmittedV1, { subject, sequence: 2, data: submittedEvent().data }, ctx),
    );
    // A 60 s poll would miss this window; only the NOTIFY wake-up can make it.
    await eventually(async () => expect(await effects(subject)).toHaveLength(1), 10_000);
  });

  it('two relays on one database publish every event once, in order per subject', async () => {
    const h = await start({ relay: { batchSize: 500, pollIntervalMs: 200, enabled: false } });
    const ds = h.app.get<DataSource>(getDataSourceToken());
    const outbox = h.app.get(Outbox);
    const subjects = Array.from({ length: 5 }, () => randomUUID());
    const producers = [0, 1].map(() => kafka().producer({ idempotent: true, maxInFlightRequests: 1 }));
    await Promise.all(producers.map((p) => p.connect()));
    const relays = producers.map(
      (p) => new OutboxRelay(ds, p, { namespace, batchSize: 7, pollIntervalMs: 50, connect: () => openSession(ds) }, quiet),
    );
    relays.forEach((r) => r.start());
    for (let seq = 1; seq <= 20; seq++) {
      await Promise.all(
        subjects.map((subject) =>
          ds.transaction((em) => outbox.append(em, challengeSubmittedV1, { subject, sequence: seq, data: submittedEvent().data }, ctx)),
        ),
      );
    }
    await eventually(async () => expect(await query(database, 'SELECT 1 FROM outbox WHERE published_at IS NULL')).toHaveLength(0));
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(producers.map((p) => p.disconnect()));

    expect(relays[0].published + relays[1].published).toBe(100);
    expect(relays.filter((r) => r.published > 0)).toHaveLength(1); // one leader; the other stood by
    const wire = await readTopic(namespacedTopic(namespace, TOPIC), (m) => m.length >= 100, 20_000);
    expect(wire).toHaveLength(100);
    for (const s of subjects) {
      const seqs = wire.filter((m) => m.key?.toString() === s).map((m) => JSON.parse(m.value!.toString()).sequence);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  });

  it('counts and logs an event type without a handler, skips a declared-ignored one, and dead-letters neither', async () => {
    const h = await start();
    const ds = h.app.get<DataSource>(getDataSourceToken());
    const producer = kafka().producer();
    await producer.connect();
    const topic = namespacedTopic(namespace, TOPIC);
    const warnings: string[] = [];
    const consumerFor = (registry: HandlerRegistry) =>
      new InboxConsumer(
        ds,
        new Map(registry.subscriptions().map((s) => [topic, s])),
        new DeadLetters(producer, 'lifecycle', new ParkedDeadLetters(ds)),
        { consumerGroup: 'lifecycle', maxAttempts: 1, retryBackoffMs: 1 },
        { ...quiet, warn: (m: string) => warnings.push(m) },
      );
    const event = submittedEvent();
    const message = { topic, partition: 0, offset: '0', key: Buffer.from(event.subject), value: Buffer.from(JSON.stringify(event)), headers: {} };

    const withHandler = new HandlerRegistry().on(challengeSubmittedV1, async () => undefined);
    const withoutHandler: StreamSubscription = { stream: 'challenge', handlers: new Map(), ignored: new Set() };
    const unhandled = new InboxConsumer(ds, new Map([[topic, withoutHandler]]), new DeadLetters(producer, 'lifecycle', new ParkedDeadLetters(ds)),
      { consumerGroup: 'lifecycle', maxAttempts: 1, retryBackoffMs: 1 }, { ...quiet, warn: (m: string) => warnings.push(m) });

    expect(await unhandled.handle(message)).toBe('unhandled');
    expect(warnings.join('\n')).toMatch(/no handler for challenge\.submitted@v1/);
    expect(await consumerFor(new HandlerRegistry().ignore(challengeSubmittedV1)).handle(message)).toBe('ignored');
    expect(await consumerFor(withHandler).handle(message)).toBe('applied');
    const dead = await readTopic(`${topic}.dlq`, (m) => m.length > 0, 2_000);
    expect(dead).toHaveLength(0);
    await producer.disconnect();
  });

  it('reports unhealthy and shuts down when the consumer crashes for good, instead of running on without consuming', async () => {
    const h = await start({ maxConsumerRestarts: 0, consumerRetry: { retries: 1, initialRetryTime: 100 } });
    await eventually(() => expect(h.app.get(ConsumerHealth).state).toBe('running'));
    h.handlers.behaviour.infrastructureDown = true; // the database "is gone": not the message's fault, so no DLQ
    const event = submittedEvent();
    await produceRaw(namespace, TOPIC, [{ key: event.subject, value: JSON.stringify(event) }]);

    await eventually(() => expect(h.fatal).toHaveLength(1), 30_000);
    expect(h.fatal[0]).toMatch(/Kafka consumer crashed/);
    const health = h.app.get(MessagingHealthIndicator);
    expect(health.alive().up).toBe(false);
    expect((await health.ready()).up).toBe(false);
    const dead = await readTopic(namespacedTopic(namespace, `${TOPIC}.dlq`), (m) => m.length > 0, 2_000);
    expect(dead).toHaveLength(0);

    // After the restart the supervisor would do, the message is applied: nothing was lost.
    await h.close();
    harnesses.pop();
    const again = await start();
    await eventually(async () => expect(await effects(event.subject)).toHaveLength(1), 30_000);
    expect(again.fatal).toHaveLength(0);
  });

  it('prunes published outbox rows and inbox ids only after their retention', async () => {
    const h = await start({ relay: { batchSize: 500, pollIntervalMs: 200, enabled: false } });
    await query(database, `INSERT INTO outbox (event_id, topic, key, type, envelope, published_at) VALUES
      (gen_random_uuid(), 't', 'k', 'x', '{}', now() - interval '8 days'),
      (gen_random_uuid(), 't', 'k', 'x', '{}', now() - interval '6 days'),
      (gen_random_uuid(), 't', 'k', 'x', '{}', NULL)`);
    await query(database, `INSERT INTO inbox (consumer_group, event_id, type, subject, sequence, processed_at) VALUES
      ('g', gen_random_uuid(), 'x', 's', 1, now() - interval '31 days'),
      ('g', gen_random_uuid(), 'x', 's', 1, now() - interval '29 days')`);
    expect(await h.runtime.housekeep()).toEqual({ outbox: 1, inbox: 1 });
    expect(await query(database, 'SELECT 1 FROM outbox WHERE published_at IS NULL')).toHaveLength(1); // never unpublished ones
  });

  it('shuts down gracefully: an in-flight message finishes and its offset is committed before the database closes', async () => {
    const h = await start();
    await eventually(() => expect(h.app.get(ConsumerHealth).state).toBe('running'));
    h.handlers.behaviour.delayMs = 1_500;
    const event = submittedEvent();
    await produceRaw(namespace, TOPIC, [{ key: event.subject, value: JSON.stringify(event) }]);
    await eventually(() => expect(h.handlers.calls).toBe(1));
    await h.close(); // while the handler is still sleeping
    harnesses.pop();
    expect(await effects(event.subject)).toHaveLength(1);

    // The group's committed offset is past the message: a restart will not deliver it again.
    const admin = kafka().admin();
    await admin.connect();
    const topic = namespacedTopic(namespace, TOPIC);
    const [ends, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId: `harness-${namespace}`, topics: [topic] }),
    ]);
    await admin.disconnect();
    for (const end of ends) {
      const offset = committed.partitions.find((p) => p.partition === end.partition)?.offset;
      expect({ partition: end.partition, offset: end.high === end.low ? '-1' : offset }).toEqual({
        partition: end.partition,
        offset: end.high === end.low ? '-1' : end.high,
      });
    }
  });
});
