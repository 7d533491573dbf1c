import { dlqTopic, namespacedTopic, STREAMS } from '@jiebang/contracts';
import { DLQ_HEADERS } from '@jiebang/messaging';
import { brokers, deleteNamespace, freshNamespace, produceRaw, readTopic } from '@jiebang/test-infra';
import { redrive } from './redrive';

describe('DLQ re-drive (real Kafka)', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await freshNamespace();
  });
  afterAll(() => deleteNamespace(namespace));

  it('sends dead letters back with their original key, value and headers, once', async () => {
    const stream = namespacedTopic(namespace, STREAMS.challenge.topic);
    const dead = (value: string, reason: string) => ({
      key: 'subject-1',
      value,
      headers: { 'event-id': value, [DLQ_HEADERS.reason]: reason, [DLQ_HEADERS.originalTopic]: stream, [DLQ_HEADERS.error]: 'boom' },
    });
    await produceRaw(namespace, dlqTopic(STREAMS.challenge.topic), [dead('a', 'handler-failed'), dead('b', 'invalid-data')]);

    const preview = await redrive({ brokers: brokers(), topic: stream, dryRun: true });
    expect(preview).toMatchObject({ inspected: 2, redriven: 0 });

    const first = await redrive({ brokers: brokers(), topic: stream, dryRun: false, reason: 'handler-failed' });
    expect(first).toMatchObject({ inspected: 2, redriven: 1, skipped: 1 });
    const [back] = await readTopic(stream, (m) => m.length >= 1, 10_000);
    expect(back.value?.toString()).toBe('a');
    expect(back.key?.toString()).toBe('subject-1');
    expect(back.headers?.['event-id']?.toString()).toBe('a');
    expect(back.headers?.[DLQ_HEADERS.reason]).toBeUndefined();

    const second = await redrive({ brokers: brokers(), topic: stream, dryRun: false });
    expect(second.redriven).toBe(0); // committed: nothing is sent twice
    expect(await readTopic(stream, () => false, 3_000)).toHaveLength(1);
  });
});
