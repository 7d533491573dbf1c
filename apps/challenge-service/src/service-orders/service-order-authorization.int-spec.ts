import type { Principal } from '@jiebang/contracts';
import { deleteNamespace, freshDatabase, freshNamespace, http, mintToken, principals, query, startServiceApp, testEnv, verifiedEnterprise, type RunningApp } from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { driveTo, orderBody, submittedOrder, TO_DELIVERED } from '../testing/service-orders';

type Caller = 'anonymous' | 'otherEnterprise' | 'otherDistrict' | 'otherTeam' | 'enterprise' | 'district' | 'team' | 'bureau' | 'solver' | 'expert';
type State = 'NONE' | 'DRAFT' | 'SUBMITTED' | 'DELIVERED' | 'DISPUTED' | 'CONFIRMED' | 'RATED' | 'APPEALED';

const reason = { reason: '越权操作测试' };
const stars = { response: 5, expertise: 5, effect: 5, attitude: 5 };
const others: [Caller, number][] = [['anonymous', 401], ['otherEnterprise', 404], ['otherDistrict', 404], ['otherTeam', 404], ['solver', 404], ['expert', 404]];

/**
 * Every service-order route (企业下单 and 企业评价) refused to whoever may not use it: another enterprise, another
 * district's office and a team that does not serve the order get 404 (they cannot tell it exists), a role the route
 * is not for 403, no token 401. Each row runs on an order in the state where the rightful caller would succeed, and
 * checks that nothing moved: the row, its timeline, its rating, the outbox.
 */
const ROUTES: { route: string; state: State; body?: object; refused: [Caller, number][] }[] = [
  { route: 'POST ', state: 'NONE', body: orderBody, refused: [['anonymous', 401], ['district', 403], ['team', 403], ['bureau', 403], ['solver', 403]] },
  { route: 'GET ', state: 'NONE', refused: [['anonymous', 401]] },
  { route: 'GET stats', state: 'NONE', refused: [['anonymous', 401], ['district', 403], ['enterprise', 403], ['team', 403]] },
  { route: 'GET :id', state: 'SUBMITTED', refused: others },
  { route: 'GET :id', state: 'DRAFT', refused: [['district', 404], ['bureau', 404], ['otherEnterprise', 404]] },
  { route: 'GET :id/timeline', state: 'SUBMITTED', refused: others },
  { route: 'PATCH :id', state: 'DRAFT', body: { title: '越权修改' }, refused: [['anonymous', 401], ['otherEnterprise', 404], ['district', 403], ['team', 403]] },
  { route: 'POST :id/submit', state: 'DRAFT', refused: [['anonymous', 401], ['otherEnterprise', 404], ['district', 403], ['bureau', 403]] },
  { route: 'POST :id/cancel', state: 'SUBMITTED', body: reason, refused: [['anonymous', 401], ['otherEnterprise', 404], ['otherDistrict', 404], ['team', 403], ['bureau', 403]] },
  { route: 'POST :id/confirm', state: 'DELIVERED', refused: [['anonymous', 401], ['otherEnterprise', 404], ['district', 403], ['team', 403]] },
  { route: 'POST :id/dispute', state: 'DELIVERED', body: reason, refused: [['anonymous', 401], ['otherEnterprise', 404], ['district', 403], ['team', 403]] },
  {
    route: 'POST :id/dispute/resolve',
    state: 'DISPUTED',
    body: { outcome: 'CONFIRM', reason: '越权裁定测试' },
    refused: [['anonymous', 401], ['otherDistrict', 404], ['enterprise', 403], ['team', 403], ['bureau', 403]],
  },
  { route: 'POST :id/rating', state: 'CONFIRMED', body: stars, refused: [['anonymous', 401], ['otherEnterprise', 404], ['team', 403], ['district', 403]] },
  { route: 'GET :id/rating', state: 'RATED', refused: [['anonymous', 401], ['otherEnterprise', 404], ['otherDistrict', 404], ['otherTeam', 404]] },
  { route: 'POST :id/rating/appeal', state: 'RATED', body: reason, refused: [['anonymous', 401], ['otherTeam', 404], ['enterprise', 403], ['district', 403]] },
  {
    route: 'POST :id/rating/appeal/decide',
    state: 'APPEALED',
    body: { uphold: true, reason: '越权裁定测试' },
    refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403], ['bureau', 403]],
  },
];

describe('service-order authorization: every route, every wrong caller (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  const orders = {} as Record<Exclude<State, 'NONE'>, string>;

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/service-orders`;
    const as = (p: Principal) => mintToken(p);
    Object.assign(tokens, {
      enterprise: await as(principals.enterprise),
      otherEnterprise: await as(principals.otherEnterprise),
      district: await as(principals.district),
      otherDistrict: await as(principals.otherDistrict),
      team: await as(principals.team),
      otherTeam: await as({ sub: 'u-team-2', role: 'team', orgId: 'org-team-other' }),
      bureau: await as(principals.bureau),
      solver: await as(principals.solver),
      expert: await as(principals.expert),
    });
    await verifiedEnterprise(svc.url, principals.enterprise);
    await verifiedEnterprise(svc.url, principals.otherEnterprise);
    const post = async (id: string, path: string, token: string, body?: object) => {
      const res = await http('POST', `${api}/${id}/${path}`, { token, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    orders.DRAFT = (await http('POST', api, { token: tokens.enterprise, body: orderBody })).body.id;
    orders.SUBMITTED = await submittedOrder(api, tokens.enterprise);
    for (const state of ['DELIVERED', 'DISPUTED', 'CONFIRMED', 'RATED', 'APPEALED'] as const) {
      const id = await submittedOrder(api, tokens.enterprise);
      await driveTo(api, namespace, tokens.enterprise, id, TO_DELIVERED, 'DELIVERED');
      orders[state] = id;
      if (state === 'DISPUTED') await post(id, 'dispute', tokens.enterprise, { reason: '交付内容与约定不符' });
      if (state === 'DELIVERED' || state === 'DISPUTED') continue;
      await post(id, 'confirm', tokens.enterprise);
      if (state === 'CONFIRMED') continue;
      await post(id, 'rating', tokens.enterprise, { ...stars, comment: null });
      if (state === 'APPEALED') await post(id, 'rating/appeal', tokens.team, { reason: '评价与事实不符' });
    }
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  /** Everything a refused call could have touched. */
  const snapshot = async (id: string | null) => ({
    order: id ? await query(database, 'SELECT version, status, updated_at, title FROM service_orders WHERE id = $1', [id]) : null,
    timeline: id ? await query(database, 'SELECT count(*)::int AS n FROM service_order_timeline WHERE order_id = $1', [id]) : null,
    rating: id ? await query(database, 'SELECT status, appeal_status FROM service_order_ratings WHERE order_id = $1', [id]) : null,
    orders: await query(database, 'SELECT count(*)::int AS n FROM service_orders'),
    outbox: await query(database, 'SELECT count(*)::int AS n FROM outbox'),
  });

  const cases = ROUTES.flatMap(({ route, state, body, refused }) => refused.map(([caller, status]) => [route, state, caller, status, body] as const));

  it.each(cases)('%s (%s) as %s → %i, nothing changes', async (route, state, caller, status, body) => {
    const id = state === 'NONE' ? null : orders[state];
    const [method, template] = route.split(' ') as ['GET' | 'POST' | 'PATCH', string];
    const path = id ? template.replace(':id', id) : template;
    const before = await snapshot(id);
    const res = await http(method, `${api}${path ? `/${path}` : ''}`, { token: caller === 'anonymous' ? undefined : tokens[caller], body });
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body.code).toBe('SERVICE_ORDER_NOT_FOUND');
    expect(await snapshot(id)).toEqual(before);
  });

  it('the rightful callers still may (the refusals above are about who, not what)', async () => {
    expect((await http('GET', `${api}/${orders.SUBMITTED}`, { token: tokens.district })).status).toBe(200);
    expect((await http('GET', `${api}/${orders.RATED}/rating`, { token: tokens.team })).status).toBe(200);
    expect((await http('POST', `${api}/${orders.DELIVERED}/confirm`, { token: tokens.enterprise })).status).toBe(200);
    expect((await http('POST', `${api}/${orders.DISPUTED}/dispute/resolve`, { token: tokens.district, body: { outcome: 'CONFIRM', reason: '交付符合约定' } })).status).toBe(200);
    expect((await http('POST', `${api}/${orders.APPEALED}/rating/appeal/decide`, { token: tokens.district, body: { uphold: false, reason: '评价属实' } })).status).toBe(200);
  });

  it('lists only what the caller may see', async () => {
    const ids = async (token: string) => ((await http('GET', `${api}?pageSize=100`, { token })).body.items as { id: string }[]).map((o) => o.id);
    const all = Object.values(orders);
    expect(await ids(tokens.otherEnterprise)).toEqual([]);
    expect(await ids(tokens.otherDistrict)).toEqual([]);
    expect(await ids(tokens.otherTeam)).toEqual([]);
    expect(await ids(tokens.solver)).toEqual([]);
    expect((await ids(tokens.enterprise)).sort()).toEqual(all.sort());
    expect((await ids(tokens.district)).sort()).toEqual(all.filter((o) => o !== orders.DRAFT).sort());
    expect((await ids(tokens.team)).sort()).toEqual([orders.DELIVERED, orders.DISPUTED, orders.CONFIRMED, orders.RATED, orders.APPEALED].sort());
  });
});
