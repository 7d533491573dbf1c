import { eventually, query } from '@jiebang/testing';
import { call, closedChallenge, outboxOf, reviewFact, standardRanking, startAward, statusBecomes, timerOf, type AwardTestApp } from '../testing/award-app';

/** challenge-service follows matching's review stream: facts → 榜单 states, each applied once (real PG, Redis, Kafka). */
describe('review facts move the 榜单: 流标, 评审, 公示 (real Postgres, Redis, Kafka)', () => {
  let t: AwardTestApp;

  beforeAll(async () => {
    t = await startAward({ PUBLIC_NOTICE_PERIOD: '1h' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const history = async (id: string) => (await call(t, 'GET', `/challenges/${id}/history`, 'bureau')).body as any[];

  it('formal check with none qualified: CLOSED → FAILED, challenge.failed by the system, audited', async () => {
    const id = await closedChallenge(t);
    await reviewFact(t, 'review.formal-check-completed', id, 1, { qualified: [], ineligibleCount: 2, withdrawnCount: 1 });
    await statusBecomes(t, id, 'FAILED');
    const failed = (await outboxOf(t, id)).find((r) => r.type === 'challenge.failed')!.envelope;
    expect(failed).toMatchObject({
      actor: { id: 'challenge-service', role: 'system' },
      correlationId: `review-${id}`,
      data: { ineligibleCount: 2, withdrawnCount: 1, applicants: [] },
    });
    expect((await history(id)).at(-1)).toMatchObject({ fromStatus: 'CLOSED', toStatus: 'FAILED', actorRole: 'system', eventId: failed.id });
  });

  it('formal check with qualified ones: stays CLOSED, noted in the history, no fact of ours', async () => {
    const id = await closedChallenge(t);
    await reviewFact(t, 'review.formal-check-completed', id, 1);
    await eventually(async () => expect((await history(id)).at(-1)).toMatchObject({ fromStatus: 'CLOSED', toStatus: 'CLOSED', reason: '形式审查完成' }));
    expect((await outboxOf(t, id)).map((r) => r.type).at(-1)).toBe('challenge.closed');
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body).toMatchObject({ status: 'CLOSED', reviewSequence: 1 });
  });

  it('experts assigned → UNDER_REVIEW (review-started); completed → IN_PUBLIC_NOTICE with the proposed, the 公示 timer armed', async () => {
    const id = await closedChallenge(t);
    const assigned = await reviewFact(t, 'review.experts-assigned', id, 2);
    await statusBecomes(t, id, 'UNDER_REVIEW');
    const started = (await outboxOf(t, id)).find((r) => r.type === 'challenge.review-started')!.envelope;
    const experts = new Set(assigned.data.assignments.flatMap((a: any) => a.experts.map((e: any) => e.profileId)));
    expect(started.data).toMatchObject({ applicationCount: assigned.data.assignments.length, expertCount: experts.size, reviewDueAt: assigned.data.dueAt });
    const ranking = standardRanking();
    const before = Date.now();
    await reviewFact(t, 'review.completed', id, 3, { mode: 'HORSE_RACE', maxWinners: 2, ranking });
    const challenge = await statusBecomes(t, id, 'IN_PUBLIC_NOTICE');
    const opened = (await outboxOf(t, id)).find((r) => r.type === 'challenge.public-notice-opened')!.envelope;
    expect(opened.data.proposed.map((p: any) => p.applicationId)).toEqual([ranking[0].applicationId, ranking[1].applicationId]);
    const endsAt = new Date(opened.data.endsAt).getTime();
    expect(endsAt - before).toBeGreaterThanOrEqual(3_600_000 - 1_000);
    expect(endsAt - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(challenge.publicNoticeEndsAt).toBe(opened.data.endsAt);
    const timer = await timerOf(t, 'challenge.public-notice', id);
    expect(timer.status).toBe('armed');
    expect(timer.due_at.toISOString()).toBe(opened.data.endsAt);
    expect((await history(id)).at(-1)).toMatchObject({ fromStatus: 'UNDER_REVIEW', toStatus: 'IN_PUBLIC_NOTICE', actorRole: 'system', eventId: opened.id });
  });

  it('a redelivered fact (same id) and a stale re-drive (older sequence) are no-ops', async () => {
    const id = await closedChallenge(t);
    const assigned = await reviewFact(t, 'review.experts-assigned', id, 2);
    await statusBecomes(t, id, 'UNDER_REVIEW');
    await reviewFact(t, 'review.experts-assigned', id, 2, {}, assigned.id); // the same event again
    await reviewFact(t, 'review.formal-check-completed', id, 1, { qualified: [] }); // older: would fail the 榜单
    // A later marker fact shows both were consumed before it (one partition per subject keeps the order).
    await reviewFact(t, 'review.completed', id, 3, { mode: 'HORSE_RACE', maxWinners: 2, ranking: standardRanking() });
    await statusBecomes(t, id, 'IN_PUBLIC_NOTICE');
    const types = (await outboxOf(t, id)).map((r) => r.type);
    expect(types.filter((x) => x === 'challenge.review-started')).toHaveLength(1);
    expect(types).not.toContain('challenge.failed');
    const inbox = await query(t.database, `SELECT 1 FROM inbox WHERE event_id = $1`, [assigned.id]);
    expect(inbox).toHaveLength(1);
  });

  it('a fact the 榜单 does not expect (experts assigned to a 榜单 already in review) changes nothing', async () => {
    const id = await closedChallenge(t);
    await reviewFact(t, 'review.experts-assigned', id, 2);
    await statusBecomes(t, id, 'UNDER_REVIEW');
    await reviewFact(t, 'review.experts-assigned', id, 3);
    await eventually(async () => expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.reviewSequence).toBe(3));
    expect((await outboxOf(t, id)).filter((r) => r.type === 'challenge.review-started')).toHaveLength(1);
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status).toBe('UNDER_REVIEW');
  });
});
