import {
  deleteNamespace,
  eventually,
  freshDatabase,
  freshNamespace,
  http,
  mintToken,
  principals,
  query,
  startServiceApp,
  testEnv,
  verifiedEnterprise,
  type RunningApp,
} from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { dispatchFact, driveTo, publishDispatch, servingTeam, submittedOrder, TO_DELIVERED } from '../testing/service-orders';

const scores = { response: 4, expertise: 5, effect: 3, attitude: 5 };

/** 企业评价 with second-long settings: the same timer code paths as working days, only shorter. */
describe('service order evaluation: confirmation timers, rating, appeal (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    const env = testEnv(database, namespace, { CONFIRM_REMINDER_AFTER: '2s', AUTO_CONFIRM_AFTER: '4s', RATING_APPEAL_WINDOW: '3s' });
    svc = await startServiceApp(AppModule.forRoot(loadConfig(env)));
    api = `${svc.url}/api/v1/service-orders`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    await verifiedEnterprise(svc.url, principals.enterprise);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  const types = async (id: string) =>
    (await query<{ type: string }>(database, 'SELECT type FROM outbox WHERE key = $1 ORDER BY position', [id])).map((r) => r.type);
  const envelopes = (id: string, type: string) =>
    query<{ envelope: any }>(database, 'SELECT envelope FROM outbox WHERE key = $1 AND type = $2 ORDER BY position', [id, type]);
  const delivered = async () => {
    const id = await submittedOrder(api, tokens.enterprise);
    await driveTo(api, namespace, tokens.enterprise, id, TO_DELIVERED, 'DELIVERED');
    return id;
  };
  const statusOf = async (id: string) => (await http('GET', `${api}/${id}`, { token: tokens.enterprise })).body.status;

  it('reminds the silent enterprise first, then confirms automatically (actor system)', async () => {
    const id = await delivered();
    await eventually(async () => expect(await types(id)).toEqual(['service-order.submitted', 'service-order.confirmation-reminded', 'service-order.confirmed']), 20_000);
    const [reminded] = await envelopes(id, 'service-order.confirmation-reminded');
    const [confirmed] = await envelopes(id, 'service-order.confirmed');
    expect(reminded.envelope).toMatchObject({ actor: { role: 'system' }, data: { team: servingTeam } });
    expect(confirmed.envelope).toMatchObject({ actor: { role: 'system' }, data: { auto: true, team: servingTeam } });
    expect(Date.parse(reminded.envelope.data.dueAt)).toBeLessThanOrEqual(Date.parse(confirmed.envelope.data.confirmedAt));
    expect(await statusOf(id)).toBe('CONFIRMED');
  });

  it('a dispute stops the clock; the district sends the team back, and a new delivery re-arms it', async () => {
    const id = await delivered();
    expect((await http('POST', `${api}/${id}/dispute`, { token: tokens.enterprise, body: { reason: '气孔问题仍然存在' } })).status).toBe(200);
    const resolved = await http('POST', `${api}/${id}/dispute/resolve`, { token: tokens.district, body: { outcome: 'RESUME_SERVICE', reason: '请团队继续服务' } });
    expect(resolved.body.status).toBe('IN_SERVICE');
    await new Promise((r) => setTimeout(r, 4_500));
    expect(await types(id)).toEqual(['service-order.submitted', 'service-order.delivery-disputed', 'service-order.dispute-resolved']);
    await publishDispatch(namespace, dispatchFact('dispatch.delivered', id, 7));
    await eventually(async () => expect((await types(id)).at(-1)).toBe('service-order.confirmed'), 20_000);
  });

  it('a dispute the district resolves CONFIRM is itself the confirmation: no service-order.confirmed follows', async () => {
    const id = await delivered();
    await http('POST', `${api}/${id}/dispute`, { token: tokens.enterprise, body: { reason: '报告缺少检测数据' } });
    const confirm = await http('POST', `${api}/${id}/confirm`, { token: tokens.enterprise });
    expect(confirm.status).toBe(409);
    expect(confirm.body.details.currentState).toBe('DELIVERED');
    const resolved = await http('POST', `${api}/${id}/dispute/resolve`, { token: tokens.district, body: { outcome: 'CONFIRM', reason: '检测数据已补交' } });
    expect(resolved.body.status).toBe('CONFIRMED');
    await new Promise((r) => setTimeout(r, 4_500));
    expect(await types(id)).toEqual(['service-order.submitted', 'service-order.delivery-disputed', 'service-order.dispute-resolved']);
    const [ruling] = await envelopes(id, 'service-order.dispute-resolved');
    expect(ruling.envelope).toMatchObject({ actor: { role: 'district' }, data: { outcome: 'CONFIRM', team: servingTeam } });
  });

  it('rates once (two racing ratings: one wins), the team appeals, the district upholds: voided, then CLOSED after the window', async () => {
    const id = await delivered();
    expect((await http('POST', `${api}/${id}/confirm`, { token: tokens.enterprise })).status).toBe(200);
    const race = await Promise.all([1, 2].map(() => http('POST', `${api}/${id}/rating`, { token: tokens.enterprise, body: { ...scores, comment: '响应很快' } })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await query(database, 'SELECT 1 FROM service_order_ratings WHERE order_id = $1', [id])).toHaveLength(1);
    const [rated] = await envelopes(id, 'service-order.rated');
    expect(rated.envelope.data).toMatchObject({ team: servingTeam, scores, comment: '响应很快' });

    const appealed = await http('POST', `${api}/${id}/rating/appeal`, { token: tokens.team, body: { reason: '企业未按约提供样件' } });
    expect(appealed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 3_500));
    expect(await statusOf(id)).toBe('RATED'); // the window passed with the appeal open: the ruling closes it
    const decided = await http('POST', `${api}/${id}/rating/appeal/decide`, { token: tokens.district, body: { uphold: true, reason: '申诉理由成立' } });
    expect(decided.body).toMatchObject({ status: 'VOIDED', appealStatus: 'UPHELD' });
    expect(await statusOf(id)).toBe('CLOSED');
    expect((await types(id)).slice(-4)).toEqual(['service-order.rated', 'service-order.rating-appealed', 'service-order.rating-voided', 'service-order.closed']);
    const [voided] = await envelopes(id, 'service-order.rating-voided');
    expect(voided.envelope.data).toMatchObject({ ratingId: rated.envelope.data.ratingId, team: servingTeam });

    const stats = await http('GET', `${api}/stats`, { token: tokens.bureau });
    expect(stats.body.teams.find((t: any) => t.team.profileId === servingTeam.profileId)).toBeUndefined(); // voided ratings do not count
  });

  it('closes a rated order when the appeal window passes with no appeal; a late appeal is refused', async () => {
    const id = await delivered();
    await http('POST', `${api}/${id}/confirm`, { token: tokens.enterprise });
    expect((await http('POST', `${api}/${id}/rating`, { token: tokens.enterprise, body: scores })).status).toBe(201);
    await eventually(async () => expect(await statusOf(id)).toBe('CLOSED'), 20_000);
    const late = await http('POST', `${api}/${id}/rating/appeal`, { token: tokens.team, body: { reason: '迟到的申诉' } });
    expect(late.status).toBe(409);
    const stats = await http('GET', `${api}/stats`, { token: tokens.bureau });
    expect(stats.body.teams.find((t: any) => t.team.profileId === servingTeam.profileId)?.ratings).toMatchObject({ count: 1, expertise: 5 });
  });

  it('lets only the enterprise rate, and only a confirmed order', async () => {
    const id = await delivered();
    const early = await http('POST', `${api}/${id}/rating`, { token: tokens.enterprise, body: scores });
    expect(early.status).toBe(409);
    expect(early.body.details.currentState).toBe('DELIVERED');
    expect((await http('POST', `${api}/${id}/rating`, { token: tokens.team, body: scores })).status).toBe(403);
    const bad = await http('POST', `${api}/${id}/rating`, { token: tokens.enterprise, body: { ...scores, effect: 6 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('effect');
  });
});
