import { http, mintToken, principals, query } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { castingTeams, offerTo, submitOrder } from '../testing/dispatch-int';

type Caller = 'anonymous' | 'otherDistrict' | 'otherTeam' | 'enterprise' | 'team' | 'district' | 'bureau';
type State = 'QUEUED' | 'DISTRICT_ACCEPTED' | 'OFFERED' | 'TEAM_ACCEPTED' | 'IN_SERVICE' | 'WAITING_ENTERPRISE';

const record = { date: '2026-03-03', mode: 'ON_SITE', hours: 2, participants: ['李工'], work: '现场取样', outcome: '初步判断', attachments: [] };
const reason = { reason: '越权操作测试' };

/**
 * Every dispatch route (区县推荐 and 特派员团服务) refused to whoever may not use it: another district's office and a
 * team never offered the order get 404 (they cannot tell it exists), a role the route is not for 403, no token 401.
 * Each row runs on a dispatch in the state where the rightful caller would succeed, and checks nothing moved.
 */
const ROUTES: { route: string; state: State; refused: [Caller, number][] }[] = [
  { route: 'GET :id', state: 'QUEUED', refused: [['anonymous', 401], ['otherDistrict', 404], ['otherTeam', 404], ['enterprise', 404]] },
  { route: 'POST :id/accept', state: 'QUEUED', refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403], ['bureau', 403]] },
  { route: 'POST :id/return', state: 'QUEUED', refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403]] },
  { route: 'POST :id/reject', state: 'QUEUED', refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403]] },
  { route: 'POST :id/ranking', state: 'DISTRICT_ACCEPTED', refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403]] },
  { route: 'POST :id/recommendation', state: 'DISTRICT_ACCEPTED', refused: [['anonymous', 401], ['otherDistrict', 404], ['team', 403], ['enterprise', 403]] },
  { route: 'POST :id/offer/accept', state: 'OFFERED', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
  { route: 'POST :id/offer/decline', state: 'OFFERED', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
  { route: 'POST :id/start', state: 'TEAM_ACCEPTED', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['bureau', 403]] },
  { route: 'POST :id/records', state: 'IN_SERVICE', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
  { route: 'POST :id/wait', state: 'IN_SERVICE', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
  { route: 'POST :id/deliver', state: 'IN_SERVICE', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
  { route: 'POST :id/resume', state: 'WAITING_ENTERPRISE', refused: [['anonymous', 401], ['otherTeam', 404], ['district', 403], ['enterprise', 403]] },
];

const BODIES: Record<string, unknown> = {
  return: reason,
  reject: reason,
  ranking: { k: 3 },
  'offer/decline': reason,
  records: record,
  wait: reason,
  deliver: { summary: '交付' },
};

describe('dispatch authorization: every route, every wrong caller (real Postgres, Kafka, Redis)', () => {
  let m: MatchingTestApp;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  const dispatches = {} as Record<State, string>;
  let runId: string;
  let teamId: string;

  beforeAll(async () => {
    m = await startMatching();
    const bureau = await mintToken(principals.bureau);
    const teams = await castingTeams(m, bureau);
    teamId = teams[0].id;
    Object.assign(tokens, {
      district: await mintToken(principals.district),
      otherDistrict: await mintToken(principals.otherDistrict),
      enterprise: await mintToken(principals.enterprise),
      bureau,
      team: await mintToken({ ...principals.team, sub: 'u-team-a', orgId: teams[0].orgId }),
      otherTeam: await mintToken({ ...principals.team, sub: 'u-team-b', orgId: teams[1].orgId }),
    });
    const post = (id: string, path: string, body?: unknown) => http('POST', `${m.api}/dispatches/${id}/${path}`, { token: path.startsWith('offer') || ['start', 'wait'].includes(path) ? tokens.team : tokens.district, body });
    for (const state of Object.keys({ QUEUED: 0, DISTRICT_ACCEPTED: 0, OFFERED: 0, TEAM_ACCEPTED: 0, IN_SERVICE: 0, WAITING_ENTERPRISE: 0 }) as State[]) {
      const { id } = await submitOrder(m);
      dispatches[state] = id;
      if (state === 'QUEUED') continue;
      if (state === 'DISTRICT_ACCEPTED') {
        expect((await post(id, 'accept')).status).toBe(200);
        runId = (await post(id, 'ranking', { k: 3 })).body.runId;
        continue;
      }
      await offerTo(m, tokens.district, id, [teamId]);
      if (state === 'OFFERED') continue;
      expect((await post(id, 'offer/accept')).status).toBe(200);
      if (state === 'TEAM_ACCEPTED') continue;
      expect((await post(id, 'start')).status).toBe(200);
      if (state === 'WAITING_ENTERPRISE') expect((await post(id, 'wait', reason)).status).toBe(200);
    }
  });

  afterAll(async () => {
    await m?.stop();
  });

  /** Everything a refused call could have touched: the row, its offers and records, the audit trail, the outbox. */
  const snapshot = async (id: string) => ({
    row: await query(m.database, 'SELECT version, status, updated_at, service_sla, district_due_at FROM dispatches WHERE id = $1', [id]),
    offers: await query(m.database, 'SELECT id, status FROM dispatch_offers WHERE dispatch_id = $1 ORDER BY attempt', [id]),
    records: await query(m.database, 'SELECT count(*)::int AS n FROM dispatch_service_records WHERE dispatch_id = $1', [id]),
    audit: await query(m.database, 'SELECT count(*)::int AS n FROM dispatch_transitions WHERE dispatch_id = $1', [id]),
    outbox: await query(m.database, 'SELECT count(*)::int AS n FROM outbox'),
    runs: await query(m.database, 'SELECT count(*)::int AS n FROM match_runs'),
  });

  const cases = ROUTES.flatMap(({ route, state, refused }) => refused.map(([caller, status]) => [route, caller, status, state] as const));

  it.each(cases)('%s as %s → %i, nothing changes', async (route, caller, status, state) => {
    const id = dispatches[state];
    const [method, template] = route.split(' ') as ['GET' | 'POST', string];
    const path = template.replace(':id', id);
    const action = template.replace(':id/', '');
    const body = action === 'recommendation' ? { runId, teamIds: [teamId] } : BODIES[action];
    const before = await snapshot(id);
    const res = await http(method, `${m.api}/dispatches/${path}`, { token: caller === 'anonymous' ? undefined : tokens[caller], body: method === 'POST' ? (body ?? {}) : undefined });
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body.code).toBe('DISPATCH_NOT_FOUND');
    expect(await snapshot(id)).toEqual(before);
  });

  it('the rightful callers still may (the refusals above are about who, not what)', async () => {
    expect((await http('GET', `${m.api}/dispatches/${dispatches.QUEUED}`, { token: tokens.district })).status).toBe(200);
    expect((await http('POST', `${m.api}/dispatches/${dispatches.QUEUED}/accept`, { token: tokens.district })).status).toBe(200);
    expect((await http('POST', `${m.api}/dispatches/${dispatches.OFFERED}/offer/accept`, { token: tokens.team })).status).toBe(200);
    expect((await http('POST', `${m.api}/dispatches/${dispatches.WAITING_ENTERPRISE}/resume`, { token: tokens.team })).status).toBe(200);
  });

  it('lists only what the caller may see: not another district’s, nor another team’s offers, nothing for an enterprise', async () => {
    const ids = async (token?: string) => {
      const res = await http('GET', `${m.api}/dispatches?pageSize=100`, { token });
      return res.status === 200 ? (res.body.items as { id: string }[]).map((d) => d.id) : res.status;
    };
    expect(await ids()).toBe(401);
    expect(await ids(tokens.otherDistrict)).toEqual([]);
    expect(await ids(tokens.enterprise)).toEqual([]);
    expect(await ids(tokens.otherTeam)).toEqual([]);
    expect((await ids(tokens.team)) as string[]).toEqual(
      expect.arrayContaining([dispatches.OFFERED, dispatches.TEAM_ACCEPTED, dispatches.IN_SERVICE, dispatches.WAITING_ENTERPRISE]),
    );
    expect(((await ids(tokens.team)) as string[]).sort()).toHaveLength(4);
    expect(((await ids(tokens.district)) as string[]).sort()).toEqual(Object.values(dispatches).sort());
  });
});
