import { randomUUID } from 'node:crypto';
import { challengeSubmittedV1, dlqTopic, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { deleteNamespace, eventually, freshDatabase, freshNamespace, kafka, produceRaw, query, readTopic } from '@jiebang/test-infra';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DLQ_HEADERS } from './inbox/dead-letter';
import { consumedEvents } from './metrics';
import { Outbox } from './outbox/outbox';
import { OutboxRelay, type BatchProducer } from './outbox/outbox-relay';
import { openSession } from './pg-session';
import { startHarness, submittedEvent, type Harness } from './testing/harness';

const TOPIC = STREAMS.challenge.topic;
const ctx = { actor: { id: 'u-1', role: 'enterprise' as const, orgId: 'org-1' }, correlationId: 'test-correlation' };

async function outcomes(group: string, outcome: string): Promise<number> {
  const metric = await consumedEvents.get();
  return metric.values
    .filter((v) => v.labels.group === group && v.labels.outcome === outcome)
    .reduce((n, v) => n + v.value, 0);
}

describe('delivery guarantees (real Kafka, Postgres)', () => {
  let database: string;
  let namespace: string;
  let h: Harness;
  const effects = (subject?: string) =>
    query<{ event_id: string; sequence: number }>(
      database,
      `SELECT event_id, sequence FROM effects ${subject ? 'WHERE subject = $1' : ''} ORDER BY id`,
      subject ? [subject] : [],
    );

  beforeEach(async () => {
    database = await freshDatabase('matching');
    namespace = await freshNamespace();
    h = await startHarness(database, namespace);
  });

  afterEach(async () => {
    await h?.close();
    await deleteNamespace(namespace);
  });

  it('writes the outbox row in the business transaction: a rollback leaves no row, a commit is published and applied', async () => {
    const ds = h.app.get<DataSource>(getDataSourceToken());
    const outbox = h.app.get(Outbox);
    const rolledBack = randomUUID();
    await expect(
      ds.transaction(async (em) => {
        await outbox.append(em, challengeSubmittedV1, { subject: rolledBack, sequence: 2, data: submittedEvent().data }, ctx);
        throw new Error('business rule failed after the append');
      }),
    ).rejects.toThrow('business rule failed');
    const committed = randomUUID();
    await ds.transaction((em) =>
      outbox.append(em, challengeSubmittedV1, { subject: committed, sequence: 2, data: submittedEvent().data }, ctx),
    );

    expect(await query(database, 'SELECT key FROM outbox')).toEqual([{ key: committed }]);
    await eventually(async () => expect(await effects(committed)).toHaveLength(1));
    expect(await effects(rolledBack)).toHaveLength(0);
    await eventually(async () => expect(await query(database, 'SELECT 1 FROM outbox WHERE published_at IS NULL')).toHaveLength(0));
  });

  it('refuses to append an event that violates its contract, failing the business transaction', async () => {
    const ds = h.app.get<DataSource>(getDataSourceToken());
    const bad = { ...submittedEvent().data, districtCode: '999999' };
    await expect(
      ds.transaction((em) => h.app.get(Outbox).append(em, challengeSubmittedV1, { subject: 'x', sequence: 1, data: bad }, ctx)),
    ).rejects.toThrow(/violates its contract/);
    expect(await query(database, 'SELECT 1 FROM outbox')).toHaveLength(0);
  });

  it('applies an event delivered twice exactly once', async () => {
    const event = submittedEvent();
    const message = { key: event.subject, value: JSON.stringify(event) };
    await produceRaw(namespace, TOPIC, [message, message]);
    await eventually(async () => expect(await outcomes(`harness-${namespace}`, 'duplicate')).toBe(1));
    expect(await effects(event.subject)).toEqual([{ event_id: event.id, sequence: 2 }]);
    expect(h.handlers.calls).toBe(1);
  });

  it('sends a schema-invalid message to the DLQ with the error, and still processes the next valid one', async () => {
    const invalid = { ...submittedEvent(), data: { title: '缺少其他字段' } };
    const valid = submittedEvent();
    // One key, hence one partition: the valid message queues behind the two bad ones.
    const key = valid.subject;
    await produceRaw(namespace, TOPIC, [
      { key, value: '{"not json' },
      { key, value: JSON.stringify(invalid), headers: { origin: 'test' } },
      { key, value: JSON.stringify(valid) },
    ]);

    await eventually(async () => expect(await effects(valid.subject)).toHaveLength(1));
    const dead = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 2);
    expect(dead.map((m) => m.headers?.[DLQ_HEADERS.reason]?.toString())).toEqual(['malformed-json', 'invalid-data']);
    expect(dead[1].value?.toString()).toBe(JSON.stringify(invalid)); // original bytes kept for re-drive
    expect(dead[1].headers?.origin?.toString()).toBe('test'); // original headers kept
    expect(dead[1].headers?.[DLQ_HEADERS.error]?.toString()).toMatch(/description/);
    expect(dead[1].headers?.[DLQ_HEADERS.originalTopic]?.toString()).toBe(namespacedTopic(namespace, TOPIC));
  });

  it('retries a failing handler, then dead-letters it after the last attempt; the partition moves on', async () => {
    h.handlers.behaviour.failAlways = true;
    const poison = submittedEvent();
    await produceRaw(namespace, TOPIC, [{ key: poison.subject, value: JSON.stringify(poison) }]);
    const [dead] = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 1);
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('handler-failed');
    expect(dead.headers?.[DLQ_HEADERS.attempts]?.toString()).toBe('3');
    expect(h.handlers.calls).toBe(3);

    h.handlers.behaviour.failAlways = false;
    const next = submittedEvent(poison.subject, 3); // same key, hence same partition
    await produceRaw(namespace, TOPIC, [{ key: next.subject, value: JSON.stringify(next) }]);
    await eventually(async () => expect(await effects(next.subject)).toEqual([{ event_id: next.id, sequence: 3 }]));
  });

  it('a handler that fails twice then succeeds is applied once, without a dead letter', async () => {
    h.handlers.behaviour.failTimes = 2;
    const event = submittedEvent();
    await produceRaw(namespace, TOPIC, [{ key: event.subject, value: JSON.stringify(event) }]);
    await eventually(async () => expect(await effects(event.subject)).toHaveLength(1));
    expect(h.handlers.calls).toBe(3);
    expect(await outcomes(`harness-${namespace}`, 'dead-lettered')).toBe(0);
  });

  it('a relay killed between send and mark duplicates on the wire but not in effects', async () => {
    await h.runtime.relay.stop(); // drive the relays by hand below
    const ds = h.app.get<DataSource>(getDataSourceToken());
    const subject = randomUUID();
    await ds.transaction((em) =>
      h.app.get(Outbox).append(em, challengeSubmittedV1, { subject, sequence: 2, data: submittedEvent().data }, ctx),
    );

    const producer = kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const crashingAfterSend: BatchProducer = {
      sendBatch: async (batch) => {
        await producer.sendBatch(batch);
        throw new Error('relay process killed after the broker acknowledged the batch');
      },
    };
    const options = { namespace, batchSize: 100, pollIntervalMs: 1000, connect: () => openSession(ds) };
    const log = { log: () => undefined, warn: () => undefined, error: () => undefined };
    const dying = new OutboxRelay(ds, crashingAfterSend, options, log);
    await expect(dying.drain()).rejects.toThrow('killed');
    expect(await query(database, 'SELECT 1 FROM outbox WHERE published_at IS NULL')).toHaveLength(1); // not marked
    await dying.stop(); // the process is gone: its session, and with it the leader lock, ends

    const restarted = new OutboxRelay(ds, producer, options, log);
    expect(await restarted.drain()).toBe(1); // the next leader sends it again
    await restarted.stop();
    await producer.disconnect();

    const onWire = await readTopic(namespacedTopic(namespace, TOPIC), (m) => m.filter((x) => x.key?.toString() === subject).length >= 2);
    expect(onWire.filter((m) => m.key?.toString() === subject)).toHaveLength(2);
    await eventually(async () => expect(await effects(subject)).toHaveLength(1));
    await eventually(async () => expect(await outcomes(`harness-${namespace}`, 'duplicate')).toBeGreaterThanOrEqual(1));
    expect(await effects(subject)).toHaveLength(1);
  });
});

