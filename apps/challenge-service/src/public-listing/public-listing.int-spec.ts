import {
  deleteNamespace,
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

const base = {
  description: '公开的技术难点描述。',
  fields: ['light-metal'],
  bountyYuan: 500_000,
  deadline: '2027-06-30',
  researchContent: '保密的研究内容：配方与工艺窗口',
  durationMonths: 12,
  milestones: [{ title: '验收', deliverables: ['报告'], dueOffsetDays: 360, trancheYuan: 500_000, midterm: false }],
};

describe('terms acceptance, confidential fields and the public listing (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  let publicApi: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const as = (who: string, method: string, url: string, body?: unknown) => http(method, url, { token: tokens[who], body });

  async function publish(content: object): Promise<string> {
    const { body } = await as('enterprise', 'POST', api, { ...base, ...content });
    expect(body.id).toBeDefined();
    await as('enterprise', 'POST', `${api}/${body.id}/submit`);
    for (const step of ['vetting/start', 'vetting/approve', 'publish']) expect((await as('bureau', 'POST', `${api}/${body.id}/${step}`)).status).toBe(200);
    return body.id as string;
  }

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/challenges`;
    publicApi = `${svc.url}/api/v1/public/challenges`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    await verifiedEnterprise(svc.url, principals.enterprise);
    ids.casting = await publish({ title: '铝合金压铸件气孔控制', keywords: ['压铸', '气孔'], confidentialFields: ['researchContent', 'description'], description: '秘密配方涉及镁含量' });
    ids.welding = await publish({ title: '焊接机器人路径规划', keywords: ['焊接'], fields: ['intelligent-equipment'], bountyYuan: 1_200_000, milestones: [{ ...base.milestones[0], trancheYuan: 1_200_000 }], deadline: '2027-03-31' });
    ids.closed = await publish({ title: '压铸模具寿命提升', keywords: ['模具'] });
    await as('bureau', 'POST', `${api}/${ids.closed}/close`, { reason: '提前截止' });
    const draft = await as('enterprise', 'POST', api, { ...base, title: '压铸草稿不应公开' });
    ids.draft = draft.body.id;
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  it('hides the confidential fields from a solver until its organisation accepts the terms, then shows them', async () => {
    const before = await as('solver', 'GET', `${api}/${ids.casting}`);
    expect(before.status).toBe(200);
    expect(before.body).not.toHaveProperty('researchContent');
    expect(before.body).not.toHaveProperty('description');
    expect(before.body).toMatchObject({ title: '铝合金压铸件气孔控制', termsAcceptedAt: null, milestones: expect.any(Array) });

    const accepted = await as('solver', 'POST', `${api}/${ids.casting}/terms/accept`);
    expect(accepted).toMatchObject({ status: 200, body: { orgId: principals.solver.orgId, acceptedAt: expect.any(String) } });
    const again = await as('solver', 'POST', `${api}/${ids.casting}/terms/accept`);
    expect(again.body.acceptedAt).toBe(accepted.body.acceptedAt); // accepted once
    const events = await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.terms-accepted'`, [ids.casting]);
    expect(events).toHaveLength(1);
    expect(events[0].envelope).toMatchObject({ actor: { role: 'solver' }, data: { orgId: principals.solver.orgId, role: 'solver' } });

    const after = await as('solver', 'GET', `${api}/${ids.casting}`);
    expect(after.body).toMatchObject({ researchContent: base.researchContent, description: '秘密配方涉及镁含量' });
    const team = await as('team', 'GET', `${api}/${ids.casting}`); // another organisation has not accepted
    expect(team.body).not.toHaveProperty('researchContent');
    expect((await as('enterprise', 'GET', `${api}/${ids.casting}`)).body).toMatchObject({ researchContent: base.researchContent, applicationsCount: 0 });
  });

  it('accepts terms only as solver or team, and only on a published 榜单', async () => {
    for (const who of ['enterprise', 'bureau', 'district']) expect((await as(who, 'POST', `${api}/${ids.welding}/terms/accept`)).status).toBe(403);
    expect((await as('solver', 'POST', `${api}/${ids.draft}/terms/accept`)).status).toBe(404);
  });

  it('never lists confidential fields, not even to the enterprise', async () => {
    const mine = await as('enterprise', 'GET', `${api}?pageSize=100`);
    const casting = mine.body.items.find((c: any) => c.id === ids.casting);
    expect(casting).not.toHaveProperty('researchContent');
    expect(casting).toHaveProperty('title');
  });

  it('lists published states only, without sign-in, without confidential fields or internal flags', async () => {
    const res = await http('GET', publicApi);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(res.body.items.map((c: any) => c.id).sort()).toEqual([ids.casting, ids.welding, ids.closed].sort());
    const casting = res.body.items.find((c: any) => c.id === ids.casting);
    expect(casting).not.toHaveProperty('researchContent');
    expect(casting).not.toHaveProperty('description');
    expect(casting).not.toHaveProperty('withdrawalReason');
    expect(res.body.items.find((c: any) => c.id === ids.welding)).toHaveProperty('researchContent', base.researchContent);
  });

  it.each([
    ['a Chinese keyword inside a title', { q: '压铸' }, ['casting', 'closed']],
    ['terms ANDed', { q: '压铸 气孔' }, ['casting']],
    ['a keyword', { q: '焊接' }, ['welding']],
    ['a confidential description never', { q: '镁含量' }, []],
    ['a confidential research content never', { q: '工艺窗口' }, []],
    ['a public description', { q: '公开的技术' }, ['welding', 'closed']],
    ['a LIKE wildcard taken literally', { q: '%' }, []],
    ['field', { field: 'intelligent-equipment' }, ['welding']],
    ['district', { district: '500112' }, ['casting', 'welding', 'closed']],
    ['another district', { district: '500106' }, []],
    ['status', { status: 'CLOSED' }, ['closed']],
    ['bounty range', { bountyMin: '1000000', bountyMax: '2000000' }, ['welding']],
    ['deadline range', { deadlineFrom: '2027-01-01', deadlineTo: '2027-04-30' }, ['welding']],
  ])('filters by %s', async (_, params, expected) => {
    const res = await http('GET', `${publicApi}?${new URLSearchParams(params as Record<string, string>)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: any) => c.id).sort()).toEqual(expected.map((k) => ids[k]).sort());
    expect(res.body.total).toBe(expected.length);
  });

  it('paginates with the total', async () => {
    const first = await http('GET', `${publicApi}?pageSize=2&page=1`);
    const second = await http('GET', `${publicApi}?pageSize=2&page=2`);
    expect(first.body).toMatchObject({ total: 3 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((c: any) => c.id)).size).toBe(3);
  });

  it.each([
    [{ status: 'DRAFT' }, 'status'],
    [{ bountyMin: '-1' }, 'bountyMin'],
    [{ deadlineFrom: '2027/01/01' }, 'deadlineFrom'],
    [{ unknown: 'x' }, 'unknown'],
  ])('refuses %o with 400 naming the field', async (params, field) => {
    const res = await http('GET', `${publicApi}?${new URLSearchParams(params)}`);
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
  });
});
