import { dlqTopic, ensureTopics, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { deleteNamespace, eventually, freshDatabase, freshNamespace, kafka, produceRaw, query, readTopic } from '@jiebang/test-infra';
import { DLQ_HEADERS } from './inbox/dead-letter';
import { startHarness, submittedEvent, type Harness } from './testing/harness';

const TOPIC = STREAMS.challenge.topic;

describe('dead letters (real Kafka, Postgres)', () => {
  let database: string;
  let namespace: string;
  let h: Harness;
  const effects = (subject: string) => query(database, 'SELECT 1 FROM effects WHERE subject = $1', [subject]);

  beforeEach(async () => {
    database = await freshDatabase('matching');
    namespace = await freshNamespace();
    h = await startHarness(database, namespace);
  });

  afterEach(async () => {
    await h?.close();
    await deleteNamespace(namespace);
  });

  it('keeps the original key, value and headers byte for byte, even binary and JSON-looking ones', async () => {
    const valid = submittedEvent();
    const binary = Buffer.from([0xff, 0x00, 0xfe, 0x7b]);
    const key = Buffer.from('{"looks":"like json"}');
    // A valid event under that key is a forged record (its key is not its subject): dead-lettered too, after the first,
    // which shows the partition moved on past the malformed one.
    await produceRaw(namespace, TOPIC, [
      { key, value: Buffer.from('{"not json'), headers: { traceparent: '{"span":1}', binary } },
      { key, value: JSON.stringify(valid) },
    ]);
    const [dead, forged] = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 2);
    expect(forged.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('wrong-key');
    expect(forged.key).toEqual(key);
    expect(await effects(valid.subject)).toHaveLength(0);
    expect(dead.key).toEqual(key);
    expect(dead.value).toEqual(Buffer.from('{"not json'));
    expect(dead.headers?.binary).toEqual(binary);
    expect(dead.headers?.traceparent?.toString()).toBe('{"span":1}');
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('malformed-json');
  });

  it('sends a record from a service that does not own the stream to the DLQ, never to a handler', async () => {
    const forged = { ...submittedEvent(), source: 'notification-service' };
    const valid = submittedEvent();
    await produceRaw(namespace, TOPIC, [
      { key: forged.subject, value: JSON.stringify(forged) },
      { key: valid.subject, value: JSON.stringify(valid) },
    ]);
    await eventually(async () => expect(await effects(valid.subject)).toHaveLength(1));
    const [dead] = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 1);
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('wrong-source');
    expect(await effects(forged.subject)).toHaveLength(0);
  });

  it('parks a dead letter in the database when the DLQ topic is unusable, moves on, and flushes it later', async () => {
    const admin = kafka().admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [namespacedTopic(namespace, dlqTopic(TOPIC))] });
    const valid = submittedEvent();
    await produceRaw(namespace, TOPIC, [
      { key: valid.subject, value: Buffer.from('not an event') },
      { key: valid.subject, value: JSON.stringify(valid) },
    ]);
    await eventually(async () => expect(await effects(valid.subject)).toHaveLength(1), 60_000);
    const parked = await query<{ value: Buffer }>(database, 'SELECT value FROM parked_dead_letters');
    expect(parked.map((p) => p.value.toString())).toEqual(['not an event']);

    await ensureTopics(admin, namespace); // the operator fixes the topic
    await admin.disconnect();
    expect(await h.runtime.flushParked()).toBe(1);
    const [dead] = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 1);
    expect(dead.value?.toString()).toBe('not an event');
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('malformed-json');
    expect(await query(database, 'SELECT 1 FROM parked_dead_letters')).toHaveLength(0);
  });
});
