import { eventually } from '@jiebang/testing';
import { TIMER_ACTOR } from '@jiebang/timers';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { call, inPublicNotice, outboxOf, startAward, statusBecomes, timerOf, type AwardTestApp } from '../testing/award-app';
import { PublicNoticeTimer } from './public-notice.timer';

const EVIDENCE = [{ name: '论文查重报告.pdf', url: 'files/evidence/plagiarism.pdf' }];

/** 定榜 by the 公示 timer: the projects and challenge.awarded in the award's own transaction (real PG, Redis, Kafka). */
describe('the 公示 timer awards the 榜单 (real Postgres, Redis, Kafka)', () => {
  let t: AwardTestApp;

  beforeAll(async () => {
    t = await startAward({ PUBLIC_NOTICE_PERIOD: '3s' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('at the end of the 公示 with no objection: AWARDED, one project per winner in rank order, challenge.awarded', async () => {
    const { id, ranking, challenge } = await inPublicNotice(t);
    const awarded = await statusBecomes(t, id, 'AWARDED');
    expect(new Date(awarded.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(challenge.publicNoticeEndsAt).getTime());
    const event = (await outboxOf(t, id)).find((r) => r.type === 'challenge.awarded')!.envelope;
    expect(event).toMatchObject({
      actor: TIMER_ACTOR,
      sequence: awarded.version,
      data: { mode: 'HORSE_RACE', bountyYuan: 600_001 },
    });
    expect(event.data.winners.map((w: any) => [w.applicationId, w.solverOrgId, w.solverRole, w.profileId])).toEqual(
      ranking.slice(0, 2).map((r) => [r.applicationId, r.applicantOrgId, r.applicantRole, r.profileId]),
    );
    for (const [i, w] of event.data.winners.entries()) {
      const project = await call(t, 'GET', `/projects/${w.projectId}`, 'bureau');
      expect(project.status).toBe(200);
      expect(project.body).toMatchObject({ status: 'PENDING_CONTRACT', challengeId: id, applicationId: w.applicationId, rank: i + 1 });
      expect((await outboxOf(t, w.projectId)).map((r) => r.type)).toEqual(['project.created']);
    }
    expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('fired');
    const history = (await call(t, 'GET', `/challenges/${id}/history`, 'bureau')).body as any[];
    expect(history.at(-1)).toMatchObject({ fromStatus: 'IN_PUBLIC_NOTICE', toStatus: 'AWARDED', actorRole: 'system', eventId: event.id });
  });

  it('a firing on an AWARDED 榜单 (a duplicate job) does nothing', async () => {
    const { id } = await inPublicNotice(t);
    await statusBecomes(t, id, 'AWARDED');
    const before = await outboxOf(t, id);
    const handler = t.svc.app.get(PublicNoticeTimer);
    const ds = t.svc.app.get<DataSource>(getDataSourceToken());
    await ds.transaction(async (em) => {
      await handler.lockSubject(em, id);
      await handler.fire(em, { id: 'x', kind: handler.kind, subject: id, dueAt: new Date(), firedAt: new Date(), data: {}, ctx: { actor: TIMER_ACTOR, correlationId: 'dup' } });
    });
    expect(await outboxOf(t, id)).toHaveLength(before.length);
  });

  it('with an open objection the timer does nothing; a late objection is refused; the dismissal awards', async () => {
    const { id, ranking } = await inPublicNotice(t);
    const lodged = await call(t, 'POST', `/challenges/${id}/objections`, 'expert', { reasons: ['拟定揭榜方的业绩材料存疑'], evidence: EVIDENCE });
    expect(lodged.status).toBe(201);
    await statusBecomes(t, id, 'IN_PUBLIC_NOTICE');
    // The timer fires at the end of the 公示 and, finding the objection open, leaves the 榜单 in 公示.
    await eventually(async () => expect((await timerOf(t, 'challenge.public-notice', id)).status).toBe('fired'), 15_000);
    expect((await call(t, 'GET', `/challenges/${id}`, 'bureau')).body.status).toBe('IN_PUBLIC_NOTICE');
    expect((await outboxOf(t, id)).map((r) => r.type)).not.toContain('challenge.awarded');
    const late = await call(t, 'POST', `/challenges/${id}/objections`, 'solver', { reasons: ['迟到的异议'] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CHALLENGE_PUBLIC_NOTICE_ENDED', details: { currentState: 'IN_PUBLIC_NOTICE' } });
    const dismissed = await call(t, 'POST', `/challenges/${id}/objections/${lodged.body.id}/dismiss`, 'bureau', { reason: '经核查，业绩材料真实有效' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.status).toBe('DISMISSED');
    const awarded = (await call(t, 'GET', `/challenges/${id}`, 'bureau')).body;
    expect(awarded.status).toBe('AWARDED');
    const types = (await outboxOf(t, id)).map((r) => r.type);
    expect(types.slice(-2)).toEqual(['challenge.objection-dismissed', 'challenge.awarded']);
    const event = (await outboxOf(t, id)).find((r) => r.type === 'challenge.awarded')!.envelope;
    expect(event.actor).toMatchObject({ role: 'bureau' });
    expect(event.data.winners.map((w: any) => w.applicationId)).toEqual([ranking[0].applicationId, ranking[1].applicationId]);
    for (const w of event.data.winners) expect((await call(t, 'GET', `/projects/${w.projectId}`, 'bureau')).status).toBe(200);
  });
});
