import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, produceRaw, query } from '@jiebang/testing';
import { register } from 'prom-client';
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

describe('matching-service challenge lifecycle facts (real Kafka, Postgres)', () => {
  let m: MatchingTestApp;
  const golden = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));
  const fact = (type: string, subject: string, sequence: number, data: Record<string, unknown> = {}) => {
    const f = golden(type);
    return { key: subject, value: JSON.stringify({ ...f, id: randomUUID(), subject, sequence, data: { ...f.data, ...data } }) };
  };

  beforeAll(async () => {
    m = await startMatching();
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('keeps status, deadline, eligibility, weights and the related organisations from publication to closing', async () => {
    const id = randomUUID();
    await produceRaw(m.namespace, STREAMS.challenge.topic, [
      fact('challenge.published', id, 8),
      fact('challenge.deadline-extended', id, 9, { deadlineAt: '2026-07-16T00:00:00.000+08:00', deadline: '2026-07-15' }),
      fact('challenge.closed', id, 10),
    ]);
    await eventually(async () =>
      expect(
        await query(
          m.database,
          `SELECT status, deadline_at, deadline::text, max_winners, eligibility, review_weights, enterprise_related_org_ids, last_sequence
             FROM known_challenges WHERE id = $1`,
          [id],
        ),
      ).toEqual([
        {
          status: 'CLOSED',
          deadline_at: new Date('2026-07-15T16:00:00.000Z'),
          deadline: '2026-07-15',
          max_winners: 2,
          eligibility: { solverTypes: ['university', 'institute', 'enterprise', 'team'], qualifications: [], consortiumAllowed: true },
          review_weights: { technical: 0.4, team: 0.3, feasibility: 0.3 },
          enterprise_related_org_ids: ['org-ent-cq-energy-group', 'org-ent-fuling-gas-pipeline'],
          last_sequence: 10,
        },
      ]),
    );
  });

  it('records each organisation’s acceptance of the terms once, without moving the challenge’s sequence', async () => {
    const id = randomUUID();
    const accepted = fact('challenge.terms-accepted', id, 9);
    await produceRaw(m.namespace, STREAMS.challenge.topic, [fact('challenge.published', id, 8), accepted, { ...accepted, value: accepted.value }]);
    await eventually(async () =>
      expect(await query(m.database, 'SELECT org_id, role FROM challenge_terms_acceptances WHERE challenge_id = $1', [id])).toEqual([
        { org_id: 'org-sol-cqu', role: 'solver' },
      ]),
    );
    expect(await query(m.database, 'SELECT last_sequence FROM known_challenges WHERE id = $1', [id])).toEqual([{ last_sequence: 8 }]);
  });

  it('handles or deliberately ignores every challenge fact', async () => {
    const id = randomUUID();
    const types = ['withdrawal-requested', 'withdrawal-denied', 'objection-lodged', 'objection-dismissed', 'question-asked', 'question-answered'];
    const facts = [fact('challenge.published', id, 8), ...types.map((t, i) => fact(`challenge.${t}`, id, 9 + i)), fact('challenge.awarded', id, 20)];
    await produceRaw(m.namespace, STREAMS.challenge.topic, facts);
    await eventually(async () => expect(await query(m.database, 'SELECT status FROM known_challenges WHERE id = $1', [id])).toEqual([{ status: 'AWARDED' }]));
    const metrics = await register.getSingleMetricAsString('jiebang_events_consumed_total');
    expect(metrics).not.toMatch(/type="challenge\.[a-z-]+",outcome="unhandled"/);
    expect(metrics).toMatch(/type="challenge\.question-asked",outcome="ignored"/);
  });
});
