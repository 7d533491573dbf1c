import { eventually } from '@jiebang/testing';
import { call, closedChallenge, inPublicNotice, outboxOf, reviewFact, standardRanking, startAward, statusBecomes, timerOf, type AwardTestApp } from '../testing/award-app';

const OBJECTION = { reasons: ['拟定揭榜方的团队成员与申报材料不符'], evidence: [{ name: '人员名单比对.xlsx', url: 'files/evidence/members.xlsx' }] };

/** 公示异议 over HTTP: who may lodge and see, the bureau's decisions, their facts and the 公示 timer (real PG, Redis, Kafka). */
describe('objections to the 公示 (real Postgres, Redis, Kafka)', () => {
  let t: AwardTestApp;

  beforeAll(async () => {
    t = await startAward({ PUBLIC_NOTICE_PERIOD: '1h' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const objections = (id: string) => `/challenges/${id}/objections`;

  it('anyone who sees the 榜单 may lodge (solver, expert); another enterprise 404; the bureau 403; bad input 400', async () => {
    const { id, challenge } = await inPublicNotice(t);
    const bySolver = await call(t, 'POST', objections(id), 'solver', OBJECTION);
    expect(bySolver.status).toBe(201);
    expect(bySolver.body).toMatchObject({ status: 'OPEN', objectorOrgId: 'org-sol-cqu-materials', objectorRole: 'solver', reasons: OBJECTION.reasons });
    expect((await call(t, 'POST', objections(id), 'expert', { reasons: ['评审打分存在明显偏差'] })).status).toBe(201);
    expect((await call(t, 'POST', objections(id), 'otherEnterprise', OBJECTION)).status).toBe(404);
    expect((await call(t, 'POST', objections(id), 'bureau', OBJECTION)).status).toBe(403);
    const empty = await call(t, 'POST', objections(id), 'team', { reasons: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toMatchObject({ field: 'reasons' });
    expect((await call(t, 'POST', objections(id), 'team', { ...OBJECTION, extra: 1 })).status).toBe(400);
    const lodged = (await outboxOf(t, id)).filter((r) => r.type === 'challenge.objection-lodged').map((r) => r.envelope);
    expect(lodged).toHaveLength(2);
    expect(lodged[0].data).toMatchObject({ objectionId: bySolver.body.id, objectorRole: 'solver', publicNoticeEndsAt: challenge.publicNoticeEndsAt, evidence: OBJECTION.evidence });
    // Lodging changes no state: the 公示 and its timer go on.
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status).toBe('IN_PUBLIC_NOTICE');
    expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('armed');
  });

  it('only during 公示: a CLOSED 榜单 refuses with 409 and its state', async () => {
    const id = await closedChallenge(t);
    const res = await call(t, 'POST', objections(id), 'solver', OBJECTION);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CHALLENGE_INVALID_STATE', details: { currentState: 'CLOSED' } });
  });

  it('the bureau sees all with the objector; the enterprise all without; others only their own; another enterprise 404', async () => {
    const { id } = await inPublicNotice(t);
    const mine = await call(t, 'POST', objections(id), 'solver', OBJECTION);
    await call(t, 'POST', objections(id), 'expert', { reasons: ['评审打分存在明显偏差'] });
    const bureau = (await call(t, 'GET', objections(id), 'bureau')).body as any[];
    expect(bureau.map((o) => o.objectorRole)).toEqual(['solver', 'expert']);
    const enterprise = (await call(t, 'GET', objections(id), 'enterprise')).body as any[];
    expect(enterprise).toHaveLength(2);
    expect(enterprise.every((o) => o.objectorOrgId === null && o.objectorId === null && o.objectorRole === null)).toBe(true);
    expect(((await call(t, 'GET', objections(id), 'solver')).body as any[]).map((o) => o.id)).toEqual([mine.body.id]);
    expect((await call(t, 'GET', objections(id), 'team')).body).toEqual([]);
    expect((await call(t, 'GET', objections(id), 'otherEnterprise')).status).toBe(404);
  });

  it('upheld (bureau only): IN_PUBLIC_NOTICE → UNDER_REVIEW, the timer cancelled, objection-upheld; reopened changes nothing; a new round re-opens the 公示', async () => {
    const { id, ranking } = await inPublicNotice(t);
    const lodged = await call(t, 'POST', objections(id), 'team', OBJECTION);
    const path = `${objections(id)}/${lodged.body.id}`;
    const body = { reason: '经核查，团队成员与申报不符', applicationIds: [ranking[0].applicationId] };
    expect((await call(t, 'POST', `${path}/uphold`, 'enterprise', body)).status).toBe(403);
    expect((await call(t, 'POST', `${objections(id)}/${ranking[0].applicationId}/uphold`, 'bureau', body)).status).toBe(404);
    const unknown = await call(t, 'POST', `${path}/uphold`, 'bureau', { ...body, applicationIds: [lodged.body.id] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'OBJECTION_APPLICATION_UNKNOWN', details: { field: 'applicationIds' } });

    const upheld = await call(t, 'POST', `${path}/uphold`, 'bureau', body);
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({ status: 'UPHELD', applicationIds: body.applicationIds, decisionReason: body.reason });
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body).toMatchObject({ status: 'UNDER_REVIEW', publicNoticeEndsAt: null });
    expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('cancelled');
    const event = (await outboxOf(t, id)).find((r) => r.type === 'challenge.objection-upheld')!.envelope;
    expect(event.data).toMatchObject({ objectionId: lodged.body.id, objectorRole: 'team', applicationIds: body.applicationIds, reason: body.reason });
    const again = await call(t, 'POST', `${path}/dismiss`, 'bureau', { reason: '再次裁定' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'OBJECTION_ALREADY_DECIDED', details: { currentState: 'UPHELD' } });

    // matching reopens the reviews (review.reopened): the 榜单 is already UNDER_REVIEW, so it is only noted.
    await reviewFact(t, 'review.reopened', id, 4, { objectionId: lodged.body.id, applicationIds: body.applicationIds });
    await eventually(async () => expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.reviewSequence).toBe(4));
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status).toBe('UNDER_REVIEW');
    // The re-review completes with a new ranking: a new 公示, the timer armed again.
    const second = standardRanking().reverse().map((r, i) => ({ ...r, rank: i + 1, outcome: i < 2 ? ('PROPOSED' as const) : ('SHORTLISTED' as const) }));
    await reviewFact(t, 'review.completed', id, 5, { mode: 'HORSE_RACE', maxWinners: 2, ranking: second });
    await statusBecomes(t, id, 'IN_PUBLIC_NOTICE');
    expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('armed');
    const opened = (await outboxOf(t, id)).filter((r) => r.type === 'challenge.public-notice-opened').at(-1)!.envelope;
    expect(opened.data.proposed.map((p: any) => p.applicationId)).toEqual([second[0].applicationId, second[1].applicationId]);
  });

  it('dismissed within the window: the 公示 goes on (no award before its end)', async () => {
    const { id } = await inPublicNotice(t);
    const lodged = await call(t, 'POST', objections(id), 'solver', OBJECTION);
    const dismissed = await call(t, 'POST', `${objections(id)}/${lodged.body.id}/dismiss`, 'bureau', { reason: '证据不足' });
    expect(dismissed.status).toBe(200);
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status).toBe('IN_PUBLIC_NOTICE');
    const types = (await outboxOf(t, id)).map((r) => r.type);
    expect(types.at(-1)).toBe('challenge.objection-dismissed');
    expect(types).not.toContain('challenge.awarded');
    expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('armed');
  });

  it('two racing decisions on one objection: exactly one wins, the other 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { id, ranking } = await inPublicNotice(t);
      const lodged = await call(t, 'POST', objections(id), 'expert', OBJECTION);
      const path = `${objections(id)}/${lodged.body.id}`;
      const [uphold, dismiss] = await Promise.all([
        call(t, 'POST', `${path}/uphold`, 'bureau', { reason: '成立', applicationIds: [ranking[1].applicationId] }),
        call(t, 'POST', `${path}/dismiss`, 'bureau', { reason: '不成立' }),
      ]);
      expect([uphold.status, dismiss.status].sort()).toEqual([200, 409]);
      const decided = (await outboxOf(t, id)).map((r) => r.type).filter((x) => x === 'challenge.objection-upheld' || x === 'challenge.objection-dismissed');
      expect(decided).toHaveLength(1);
      const status = (await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status;
      expect(status).toBe(uphold.status === 200 ? 'UNDER_REVIEW' : 'IN_PUBLIC_NOTICE');
    }
  });
});
