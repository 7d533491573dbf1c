import type { Principal } from '@jiebang/contracts';
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
import { creditCodeCheckCharacter } from '../enterprises/enterprise.domain';

const body = {
  title: '压铸件气孔导致气密性不合格',
  description: '电池包壳体压铸件机加工后出现气孔。',
  fields: ['light-metal'],
  bountyYuan: 500_000,
  deadline: '2027-12-31',
};

describe('challenge-service over HTTP (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/challenges`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    await verifiedEnterprise(svc.url, principals.enterprise);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true }); // the vetting timers of this file's submits
    await svc?.close();
    await deleteNamespace(namespace);
  });

  const create = () => http('POST', api, { token: tokens.enterprise, body });

  it('writes the challenge, its audit trail and the outbox row in the submit transaction', async () => {
    const draft = await create();
    expect(draft.status).toBe(201);
    expect(await query(database, 'SELECT 1 FROM outbox WHERE key = $1', [draft.body.id])).toHaveLength(0); // drafts are private

    const submitted = await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.enterprise, headers: { 'x-correlation-id': 'req-42' } });
    expect(submitted.status).toBe(200);

    const [row] = await query<{ type: string; topic: string; envelope: any }>(database, 'SELECT type, topic, envelope FROM outbox WHERE key = $1', [draft.body.id]);
    expect(row).toMatchObject({ type: 'challenge.submitted', topic: 'jiebang.challenge' });
    expect(row.envelope).toMatchObject({
      subject: draft.body.id,
      sequence: 2,
      source: 'challenge-service',
      correlationId: 'req-42',
      actor: { id: principals.enterprise.sub, role: 'enterprise', orgId: principals.enterprise.orgId },
      data: { title: body.title, districtCode: '500112', enterpriseName: '重庆渝江铝业压铸有限公司', bountyYuan: 500_000 },
    });
    const history = await http('GET', `${api}/${draft.body.id}/history`, { token: tokens.enterprise });
    expect(history.body.map((t: any) => [t.fromStatus, t.toStatus, t.actorRole])).toEqual([
      [null, 'DRAFT', 'enterprise'],
      ['DRAFT', 'SUBMITTED', 'enterprise'],
    ]);
    expect(history.body[1].eventId).toBe(row.envelope.id);
  });

  it('answers an illegal transition with 409, the current state, and no partial write', async () => {
    const draft = await create();
    await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.enterprise });
    const again = await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.enterprise });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CHALLENGE_INVALID_STATE', details: { currentState: 'SUBMITTED' } });
    expect(again.body.message).toMatch(/已提交/);
    expect(await query(database, 'SELECT 1 FROM outbox WHERE key = $1', [draft.body.id])).toHaveLength(1);
    expect(await query(database, 'SELECT 1 FROM challenge_transitions WHERE challenge_id = $1', [draft.body.id])).toHaveLength(2);
  });

  it.each([
    ['an unknown field', { ...body, status: 'AWARDED' }, 'status'],
    ['a bad date', { ...body, deadline: '31/12/2027' }, 'deadline'],
    ['an unknown field code', { ...body, fields: ['alchemy'] }, 'fields.0'],
    ['a negative bounty', { ...body, bountyYuan: -1 }, 'bountyYuan'],
    ['a past deadline', { ...body, deadline: '2020-01-01' }, 'deadline'],
    ['winners that do not fit the mode', { ...body, mode: 'HORSE_RACE', maxWinners: 1 }, 'maxWinners'],
    ['another district than the enterprise’s own', { ...body, districtCode: '500106' }, 'districtCode'],
  ])('refuses %s with 400 naming the field', async (_, payload, field) => {
    const res = await http('POST', api, { token: tokens.enterprise, body: payload });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
    expect(res.body.code).toMatch(/^(VALIDATION_FAILED|CHALLENGE_)/);
  });

  it('refuses malformed JSON and a malformed id with 400, never 500', async () => {
    expect((await http('POST', api, { token: tokens.enterprise, body: '{"title":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const res = await http('GET', `${api}/not-a-uuid`, { token: tokens.enterprise });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'id' } });
  });

  it('authenticates every route and checks roles', async () => {
    expect((await http('GET', api)).status).toBe(401);
    expect((await http('GET', api, { token: 'not.a.jwt' })).body.code).toBe('AUTH_TOKEN_INVALID');
    const forged = await mintToken(principals.enterprise, { issuer: 'someone-else' });
    expect((await http('GET', api, { token: forged })).status).toBe(401);
    const asBureau = await http('POST', api, { token: tokens.bureau, body });
    expect(asBureau.status).toBe(403);
    expect(asBureau.body.code).toBe('AUTH_ROLE_FORBIDDEN');
    // Health stays public, but only operators read its details (versions, queue names, error texts).
    const anonymous = await http('GET', `${svc.url}/health/ready`);
    expect(anonymous).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(Object.keys(anonymous.body)).toEqual(['status']);
    const asEnterprise = await http('GET', `${svc.url}/health/ready`, { token: tokens.enterprise });
    expect(Object.keys(asEnterprise.body)).toEqual(['status']);
    const asOperator = await http('GET', `${svc.url}/health/ready`, { token: tokens.bureau });
    expect(asOperator.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' }, kafka: { status: 'up' } });
    expect((await http('GET', `${svc.url}/health/live`)).body).toEqual({ status: 'ok' });
  });

  it('documents the API at /docs, with the zod request schemas', async () => {
    const doc = await http('GET', `${svc.url}/docs-json`);
    expect(doc.status).toBe(200);
    const create = doc.body.paths['/api/v1/challenges'].post;
    expect(create.requestBody.content['application/json'].schema.properties.title).toMatchObject({ type: 'string', maxLength: 120 });
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect((await http('GET', `${svc.url}/docs`)).status).toBe(200);
  });

  it('scopes reads: own organisation, own district, the bureau; nobody else sees drafts or another’s challenge', async () => {
    const draft = await create();
    const submittedDraft = await create();
    await http('POST', `${api}/${submittedDraft.body.id}/submit`, { token: tokens.enterprise });

    expect((await http('GET', `${api}/${draft.body.id}`, { token: tokens.otherEnterprise })).status).toBe(404);
    expect((await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.otherEnterprise })).status).toBe(404);
    expect((await http('GET', `${api}/${draft.body.id}`, { token: tokens.bureau })).status).toBe(404); // drafts are private
    expect((await http('GET', `${api}/${submittedDraft.body.id}`, { token: tokens.bureau })).status).toBe(200);
    expect((await http('GET', `${api}/${submittedDraft.body.id}`, { token: tokens.district })).status).toBe(200); // 渝北区
    expect((await http('GET', `${api}/${submittedDraft.body.id}`, { token: tokens.otherDistrict })).status).toBe(404); // 沙坪坝区
    expect((await http('GET', `${api}/${submittedDraft.body.id}`, { token: tokens.solver })).status).toBe(404); // not yet published

    const others = await http('GET', api, { token: tokens.otherEnterprise });
    expect(others.body).toEqual({ items: [], total: 0 });
    const mine = await http('GET', `${api}?status=DRAFT&pageSize=100`, { token: tokens.enterprise });
    expect(mine.body.items.every((c: any) => c.status === 'DRAFT' && c.enterpriseOrgId === principals.enterprise.orgId)).toBe(true);
  });

  it('submits only for a VERIFIED enterprise (409 with MISSING, then PENDING), taking its name and district from the profile', async () => {
    // No district claim in this token: its draft names a district, which the profile's corrects at submission.
    const newcomer: Principal = { sub: 'u-ent-9', role: 'enterprise', orgId: 'org-ent-gate', orgName: '重庆门禁测试科技有限公司' };
    const token = await mintToken(newcomer);
    const draft = await http('POST', api, { token, body: { ...body, districtCode: '500106' } });
    expect(draft.status).toBe(201);
    const submit = () => http('POST', `${api}/${draft.body.id}/submit`, { token });

    const missing = await submit();
    expect(missing).toMatchObject({ status: 409, body: { code: 'ENTERPRISE_NOT_VERIFIED', details: { currentState: 'MISSING' } } });
    const first17 = '91500112MA5UGATE1';
    const profile = {
      name: '重庆门禁测试科技股份有限公司',
      creditCode: first17 + creditCodeCheckCharacter(first17),
      districtCode: '500112',
      type: 'private',
      contacts: [{ name: '孙明', phone: '137-0231-5566' }],
    };
    expect((await http('PUT', `${svc.url}/api/v1/enterprises/me`, { token, body: profile })).status).toBe(201);
    const pending = await submit();
    expect(pending).toMatchObject({ status: 409, body: { code: 'ENTERPRISE_NOT_VERIFIED', details: { currentState: 'PENDING' } } });
    expect(pending.body.message).toMatch(/认证/);
    expect(await query(database, 'SELECT 1 FROM outbox WHERE key = $1', [draft.body.id])).toHaveLength(0);
    expect(await query(database, 'SELECT 1 FROM challenge_transitions WHERE challenge_id = $1', [draft.body.id])).toHaveLength(1);

    await verifiedEnterprise(svc.url, newcomer, profile);
    const submitted = await submit();
    expect(submitted).toMatchObject({ status: 200, body: { status: 'SUBMITTED', enterpriseName: profile.name, districtCode: '500112' } });
    const history = await http('GET', `${api}/${draft.body.id}/history`, { token });
    expect(history.body[1].changes).toEqual({
      status: { from: 'DRAFT', to: 'SUBMITTED' },
      enterpriseName: { from: newcomer.orgName, to: profile.name },
      districtCode: { from: '500106', to: '500112' },
    });
    const [event] = await query<{ envelope: any }>(database, 'SELECT envelope FROM outbox WHERE key = $1', [draft.body.id]);
    expect(event.envelope.data).toMatchObject({ enterpriseName: profile.name, districtCode: '500112' });
  });
});
