import { deleteRedisKeys, eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { queuePrefix } from '@jiebang/service-kit';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { castingTeams, events, offerTo, submitOrder } from '../testing/dispatch-int';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dispatch timers with short durations (real Postgres, Redis, Kafka)', () => {
  let m: MatchingTestApp;
  let district: string;
  let teams: { id: string; orgId: string }[];
  let teamTokens: string[];

  beforeAll(async () => {
    m = await startMatching({
      OFFER_RESPONSE_TIME: '3s',
      DISTRICT_SLA: '3s',
      SERVICE_SLA_NORMAL: '3s',
      ESCALATION_GRACE: '3s',
      TIMER_SWEEP_INTERVAL_MS: '500',
    });
    district = await mintToken(principals.district);
    teams = await castingTeams(m, await mintToken(principals.bureau));
    teamTokens = await Promise.all(teams.map((t) => mintToken({ ...principals.team, sub: `u-${t.orgId}`, orgId: t.orgId })));
  });

  afterAll(async () => {
    await m?.stop();
  });

  const post = (id: string, path: string, token: string, body?: unknown) => http('POST', `${m.api}/dispatches/${id}/${path}`, { token, body });
  const types = async (id: string) => (await events(m, id)).map((e) => e.type);
  const escalations = async (id: string) =>
    (await events(m, id)).filter((e) => e.type === 'dispatch.escalated').map((e) => (e.envelope.data as { level: string; reason: string }));

  it('tells the bureau once when the district does not recommend in time', async () => {
    const { id } = await submitOrder(m);
    await eventually(async () => expect(await escalations(id)).toEqual([expect.objectContaining({ level: 'bureau', reason: 'district-overdue' })]), 20_000);
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.district-sla' AND subject = $1`, [id])).toEqual([{ status: 'fired' }]);
    await sleep(1_000);
    expect(await escalations(id)).toHaveLength(1);
  });

  it('moves an expired offer to the next team, then back to the district when none is left', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[0].id, teams[1].id]);
    await eventually(async () => expect((await types(id)).filter((t) => t === 'dispatch.offer-expired')).toHaveLength(2), 20_000);
    const [row] = await query(m.database, 'SELECT status FROM dispatches WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'DISTRICT_ACCEPTED' });
    expect(await escalations(id)).toContainEqual(expect.objectContaining({ level: 'district', reason: 'no-team-left' }));
    // Back with the district, its SLA runs again from then: a new breach reaches the bureau.
    await eventually(async () => expect(await escalations(id)).toContainEqual(expect.objectContaining({ level: 'bureau', reason: 'district-overdue' })), 20_000);
    const [timer] = await query<{ status: string; due_at: Date }>(m.database, `SELECT status, due_at FROM timers WHERE kind = 'dispatch.district-sla' AND subject = $1`, [id]);
    const [back] = await query<{ at: Date }>(m.database, `SELECT max(at) AS at FROM dispatch_transitions WHERE dispatch_id = $1 AND to_status = 'DISTRICT_ACCEPTED' AND from_status = 'OFFERED'`, [id]);
    expect(timer.status).toBe('fired');
    expect(timer.due_at.getTime()).toBeGreaterThanOrEqual(back.at.getTime() + 3_000 - 5);
  });

  it('races an accept against the offer timer: one of them wins, never both', async () => {
    const { id } = await submitOrder(m);
    const offered = await offerTo(m, district, id, [teams[2].id]);
    const dueAt = new Date(offered.offers[0].dueAt).getTime();
    await sleep(Math.max(0, dueAt - Date.now()));
    const answer = await post(id, 'offer/accept', teamTokens[2]);
    await sleep(1_500); // any firing has happened by now
    const [offer] = await query<{ status: string }>(m.database, 'SELECT status FROM dispatch_offers WHERE dispatch_id = $1', [id]);
    const expired = (await types(id)).filter((t) => t === 'dispatch.offer-expired');
    if (answer.status === 200) {
      expect([offer.status, expired.length]).toEqual(['ACCEPTED', 0]);
    } else {
      expect(answer.status).toBe(409);
      expect([offer.status, expired.length]).toEqual(['EXPIRED', 1]);
    }
  });

  it('pauses the service SLA while waiting, re-arms it on resume, then escalates to the district and after the grace to the bureau', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[1].id]);
    expect((await post(id, 'offer/accept', teamTokens[1])).status).toBe(200);
    expect((await post(id, 'start', teamTokens[1])).status).toBe(200);
    expect((await post(id, 'wait', teamTokens[1], { reason: '等待企业提供样件' })).status).toBe(200);
    await sleep(3_500);
    expect((await escalations(id)).filter((e) => e.reason === 'service-overdue')).toEqual([]);
    expect((await post(id, 'resume', teamTokens[1])).status).toBe(200);
    await eventually(async () => expect((await escalations(id)).filter((e) => e.reason === 'service-overdue')).toEqual([
      expect.objectContaining({ level: 'district' }),
    ]), 20_000);
    await eventually(async () => expect((await escalations(id)).filter((e) => e.reason === 'service-overdue')).toEqual([
      expect.objectContaining({ level: 'district' }),
      expect.objectContaining({ level: 'bureau' }),
    ]), 20_000);
  });

  it('stops the escalation grace while the team waits on the enterprise, and tells the bureau only after serving on', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[0].id]);
    expect((await post(id, 'offer/accept', teamTokens[0])).status).toBe(200);
    expect((await post(id, 'start', teamTokens[0])).status).toBe(200);
    await eventually(async () => expect(await escalations(id)).toEqual([expect.objectContaining({ level: 'district', reason: 'service-overdue' })]), 20_000);
    expect((await post(id, 'wait', teamTokens[0], { reason: '等待企业停产检修' })).status).toBe(200);
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.escalation-grace' AND subject = $1`, [id])).toEqual([{ status: 'cancelled' }]);
    await sleep(4_000); // longer than the whole grace
    expect(await escalations(id)).toHaveLength(1);
    const resumedAt = Date.now();
    expect((await post(id, 'resume', teamTokens[0])).status).toBe(200);
    const [grace] = await query<{ status: string; due_at: Date }>(m.database, `SELECT status, due_at FROM timers WHERE kind = 'dispatch.escalation-grace' AND subject = $1`, [id]);
    expect(grace.status).toBe('armed');
    expect(grace.due_at.getTime()).toBeGreaterThan(resumedAt);
    await eventually(async () => expect((await escalations(id)).map((e) => e.level)).toEqual(['district', 'bureau']), 20_000);
  });

  it('re-arms every pending timer from Postgres after Redis is emptied, and each fires exactly once', async () => {
    const orders = [await submitOrder(m), await submitOrder(m)];
    for (const { id } of orders) await offerTo(m, district, id, [teams[0].id]);
    await deleteRedisKeys(`${queuePrefix(m.config)}:*`);
    for (const { id } of orders) {
      await eventually(async () => expect((await types(id)).filter((t) => t === 'dispatch.offer-expired')).toHaveLength(1), 20_000);
    }
    await sleep(1_500); // a few more sweeps: nothing fires twice
    for (const { id } of orders) {
      expect((await types(id)).filter((t) => t === 'dispatch.offer-expired')).toHaveLength(1);
      expect(await escalations(id)).toContainEqual(expect.objectContaining({ reason: 'no-team-left' }));
    }
  });
});
