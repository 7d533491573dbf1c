import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, produceRaw, query } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';

const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../../../libs/contracts/fixtures/challenge.submitted.v1.json'), 'utf8'));
const submitted = (subject: string, sequence: number, title: string) => ({
  ...fixture,
  id: randomUUID(),
  subject,
  sequence,
  data: { ...fixture.data, title },
});

describe('matching-service challenge read model (real Kafka, Postgres)', () => {
  let m: MatchingTestApp;
  let database: string;
  let namespace: string;
  const rows = (id: string) => query(database, 'SELECT title, last_sequence FROM known_challenges WHERE id = $1', [id]);

  beforeAll(async () => {
    m = await startMatching();
    ({ database, namespace } = m);
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('applies a replayed event once', async () => {
    const id = randomUUID();
    const event = submitted(id, 2, '第一版');
    const message = { key: id, value: JSON.stringify(event) };
    await produceRaw(namespace, STREAMS.challenge.topic, [message, message]);
    await eventually(async () => expect(await query(database, 'SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1));
    expect(await rows(id)).toEqual([{ title: '第一版', last_sequence: 2 }]);
  });

  it('never lets a stale sequence overwrite newer state (e.g. a DLQ re-drive of an old fact)', async () => {
    const id = randomUUID();
    const newer = submitted(id, 5, '退回修改后的第二版');
    const stale = submitted(id, 2, '第一版');
    const probe = submitted(id, 6, '第三版');
    await produceRaw(namespace, STREAMS.challenge.topic, [{ key: id, value: JSON.stringify(newer) }, { key: id, value: JSON.stringify(stale) }]);
    await eventually(async () => expect(await query(database, 'SELECT 1 FROM inbox WHERE event_id = $1', [stale.id])).toHaveLength(1));
    expect(await rows(id)).toEqual([{ title: '退回修改后的第二版', last_sequence: 5 }]);

    await produceRaw(namespace, STREAMS.challenge.topic, [{ key: id, value: JSON.stringify(probe) }]);
    await eventually(async () => expect(await rows(id)).toEqual([{ title: '第三版', last_sequence: 6 }]));
  });
});
