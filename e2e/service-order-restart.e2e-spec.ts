import { deleteRedisKeys, eventually, mintToken, principals, query, verifiedEnterprise } from '@jiebang/testing';
import { orderBody, registerTeam, sleep, workflowApi, type Team, type WorkflowApi } from './support/service-orders';
import { startSystem, type RunningSystem } from './support/system';

const CASTING = {
  fields: ['light-metal'],
  capabilities: '铝合金高压铸造工艺优化，铸件气孔、缩松缺陷分析与控制，气密性检测',
  keywords: ['高压铸造', '气孔'],
};

type Armed = { kind: string; subject: string; status: string };
const armed = (database: string, subjects: string[]) =>
  query<Armed>(database, `SELECT kind, subject, status FROM timers WHERE subject = ANY($1) AND status = 'armed' ORDER BY kind, subject`, [subjects]);

/**
 * Durable timers across a restart: with one order waiting at each timer of the workflow (the district's SLA, an
 * offer, the service SLA; the reminder and the automatic confirmation; the appeal window), the three services are
 * stopped, Redis is flushed of the run's queues, and the services start again. Every timer is re-armed from
 * Postgres at boot (the periodic sweep is a minute away) and fires exactly once.
 */
describe('service-order and dispatch timers survive a Redis flush and a restart of the services', () => {
  let system: RunningSystem;
  let api: WorkflowApi;
  let enterprise: string;
  let district: string;
  let teams: Team[];

  beforeAll(async () => {
    system = await startSystem({
      challenge: { CONFIRM_REMINDER_AFTER: '30s', AUTO_CONFIRM_AFTER: '40s', RATING_APPEAL_WINDOW: '30s' },
      matching: { OFFER_RESPONSE_TIME: '30s', DISTRICT_SLA: '30s', SERVICE_SLA_NORMAL: '30s', ESCALATION_GRACE: '3s' },
    });
    api = workflowApi(system);
    [enterprise, district] = await Promise.all([principals.enterprise, principals.district].map((p) => mintToken(p)));
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    teams = [];
    for (const n of [1, 2, 3]) teams.push(await registerTeam(system, `压铸工艺特派员团${n}`, CASTING));
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  /** Placed, recommended to `team` alone and accepted: the first steps every order below shares. */
  const offered = async (title: string, team: Team) => {
    const id = await api.place(enterprise, district, orderBody(title));
    const { runId, ranked } = await api.acceptAndRank(id, district);
    expect(ranked).toContain(team.id);
    await api.recommend(id, district, runId, [team.id]);
    return id;
  };
  const served = async (title: string, team: Team) => {
    const id = await offered(title, team);
    expect((await api.dispatchPost(id, 'offer/accept', team.token)).status).toBe(200);
    expect((await api.dispatchPost(id, 'start', team.token)).status).toBe(200);
    return id;
  };
  const delivered = async (title: string, team: Team) => {
    const id = await served(title, team);
    expect((await api.dispatchPost(id, 'deliver', team.token, { summary: '完成工艺优化' })).status).toBe(200);
    await api.orderIn(id, enterprise, 'DELIVERED');
    return id;
  };
  const count = (actions: string[], action: string) => actions.filter((a) => a === action).length;
  const notes = async (id: string, reason: string) =>
    ((await api.dispatch(id, district)).body.history as { reason: string | null }[]).filter((h) => h.reason === reason).length;

  it('re-arms every pending timer from Postgres after the restart, and each fires exactly once', async () => {
    // The longest setups first, so that every timer is still pending when the services stop.
    const rated = await delivered('压铸件气孔诊断（待申诉期满）', teams[2]);
    expect((await api.orderPost(rated, 'confirm', enterprise)).status).toBe(200);
    expect((await api.orderPost(rated, 'rating', enterprise, { response: 4, expertise: 4, effect: 4, attitude: 4, comment: null })).status).toBe(201);
    const silent = await delivered('压铸件缩松分析（企业未确认）', teams[2]);
    const serving = await served('真空压铸工艺优化（服务中）', teams[1]);
    const waitingOffer = await offered('压铸模具排气改进（待团队响应）', teams[0]);
    const queued = await api.place(enterprise, district, orderBody('压铸件气密性检测（待区县受理）'));

    const challengeTimers = await armed(system.databases.challenge, [rated, silent]);
    expect(challengeTimers.map((t) => [t.kind, t.subject])).toEqual(
      [
        ['service-order.appeal-window', rated],
        ['service-order.auto-confirm', silent],
        ['service-order.confirm-reminder', silent],
      ].sort(),
    );
    const matchingTimers = await armed(system.databases.matching, [queued, waitingOffer, serving]);
    expect(matchingTimers.map((t) => [t.kind, t.subject]).sort()).toEqual(
      [
        ['dispatch.district-sla', queued],
        ['dispatch.offer', waitingOffer],
        ['dispatch.service-sla', serving],
      ].sort(),
    );

    let flushed = 0;
    await system.restart({
      meanwhile: async () => {
        flushed = await deleteRedisKeys(`*${system.namespace}*`);
      },
    });
    expect(flushed).toBeGreaterThan(0); // the delayed jobs were in Redis, and are gone

    // challenge-service: the appeal window closes the rated order; the silent one is reminded, then confirmed.
    await api.orderIn(rated, enterprise, 'CLOSED', 60_000);
    await api.orderIn(silent, enterprise, 'CONFIRMED', 60_000);
    // matching-service: the district is late, the offer lapses (no team left), the service overruns and, after the
    // grace armed by that firing, the bureau is told.
    await eventually(async () => {
      const d = (await api.dispatch(queued, district)).body;
      expect(d.escalations.districtOverdueAt).not.toBeNull();
      const o = (await api.dispatch(waitingOffer, district)).body;
      expect(o.status).toBe('DISTRICT_ACCEPTED');
      const s = (await api.dispatch(serving, district)).body;
      expect(s.escalations.serviceBureauAt).not.toBeNull();
    }, 60_000, 250);

    await sleep(3_000); // room for a second firing, were there one
    expect(count(await api.timeline(rated, enterprise), 'close')).toBe(1);
    const silentTimeline = await api.timeline(silent, enterprise);
    expect([count(silentTimeline, 'remind'), count(silentTimeline, 'auto-confirm')]).toEqual([1, 1]);
    expect(await notes(queued, '区县推荐超期')).toBe(1);
    expect(await notes(waitingOffer, '邀约超时未响应')).toBe(1);
    expect(await notes(serving, '服务超期')).toBe(1);
    expect(await notes(serving, '服务超期上报市局')).toBe(1);
    expect(count(await api.timeline(waitingOffer, enterprise), 'dispatch.offer-expired')).toBe(1);
    expect(count(await api.timeline(serving, enterprise), 'dispatch.escalated')).toBe(2);
    const timers = await query<Armed>(
      system.databases.matching,
      `SELECT kind, subject, status FROM timers WHERE subject = ANY($1) AND NOT (kind = 'dispatch.district-sla' AND subject = $2)`,
      [[queued, waitingOffer, serving], waitingOffer], // the offer's order has a district SLA again, armed after the restart
    );
    const key = (t: Armed) => `${t.kind} ${t.subject}`;
    expect(timers.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [
        { kind: 'dispatch.district-sla', subject: queued, status: 'fired' },
        { kind: 'dispatch.offer', subject: waitingOffer, status: 'fired' },
        { kind: 'dispatch.offer', subject: serving, status: 'cancelled' },
        { kind: 'dispatch.district-sla', subject: serving, status: 'cancelled' },
        { kind: 'dispatch.service-sla', subject: serving, status: 'fired' },
        { kind: 'dispatch.escalation-grace', subject: serving, status: 'fired' },
      ].sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(await armed(system.databases.challenge, [rated, silent])).toEqual([]);
  });
});
