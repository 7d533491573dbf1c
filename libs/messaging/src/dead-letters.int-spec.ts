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
    await produceRaw(namespace, TOPIC, [
      { key, value: Buffer.from('{"not json'), headers: { traceparent: '{"span":1}', binary } },
      { key, value: JSON.stringify(valid) },
    ]);
    await eventually(async () => expect(await effects(valid.subject)).toHaveLength(1)); // the partition moved on
    const [dead] = await readTopic(namespacedTopic(namespace, dlqTopic(TOPIC)), (m) => m.length >= 1);
    expect(dead.key).toEqual(key);
    expect(dead.value).toEqual(Buffer.from('{"not json'));
    expect(dead.headers?.binary).toEqual(binary);
    expect(dead.headers?.traceparent?.toString()).toBe('{"span":1}');
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('malformed-json');
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
