import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEvent, type Principal } from '@jiebang/contracts';
import { deleteNamespace, freshDatabase, freshNamespace, http, mintToken, principals, query, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { creditCodeCheckCharacter } from './enterprise.domain';

const ROOT = resolve(__dirname, '../../../..');

/** A valid 统一社会信用代码 of its own for each test enterprise (the index keeps credit codes unique). */
let serial = 0;
function creditCode(district: string): string {
  const first17 = `91${district}MA${String(++serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

let organisations = 0;
const enterpriseIn = (district: string, name = '重庆测试精密制造有限公司'): Principal => ({
  sub: `u-ent-t${++organisations}`,
  role: 'enterprise',
  orgId: `org-ent-test-${organisations}`,
  orgName: name,
  districtCode: district,
});

const profileOf = (p: Principal) => ({
  name: p.orgName!,
  creditCode: creditCode(p.districtCode!),
  districtCode: p.districtCode!,
  type: 'private',
  qualifications: ['tech-sme'],
  contacts: [{ name: '王立新', title: '技术负责人', phone: '138-0236-0101', email: 'wang@test-precision.example.com' }],
  relatedOrgIds: [],
});

describe('enterprise profiles and their verification (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/enterprises`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  /** A new enterprise of `district` with its profile registered (PENDING). */
  const registered = async (district = '500112') => {
    const principal = enterpriseIn(district);
    const token = await mintToken(principal);
    const profile = profileOf(principal);
    const res = await http('PUT', `${api}/me`, { token, body: profile });
    expect(res.status).toBe(201);
    return { principal, token, profile, orgId: principal.orgId };
  };
  const outboxOf = async (orgId: string) => {
    const rows = await query<{ type: string; topic: string; envelope: unknown }>(
      database,
      'SELECT type, topic, envelope FROM outbox WHERE key = $1 ORDER BY position',
      [orgId],
    );
    return rows.map((r) => {
      const parsed = parseEvent(JSON.stringify(r.envelope));
      if (!parsed.ok) throw new Error(`${r.type} in the outbox violates its contract: ${parsed.error}`);
      return { topic: r.topic, ...parsed.event };
    });
  };
  const historyOf = (orgId: string) =>
    query<{ action: string; from_status: string | null; to_status: string; actor_role: string; reason: string | null; changes: any; event_id: string }>(
      database,
      'SELECT action, from_status, to_status, actor_role, reason, changes, event_id FROM enterprise_transitions WHERE enterprise_org_id = $1 ORDER BY id',
      [orgId],
    );

  it('registers a profile (201, Location), replaces it (200), and records both in the outbox and the audit trail', async () => {
    const principal = enterpriseIn('500112');
    const token = await mintToken(principal);
    const profile = profileOf(principal);
    const created = await http('PUT', `${api}/me`, { token, body: profile, headers: { 'x-correlation-id': 'req-ent-1' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/enterprises/${principal.orgId}`);
    expect(created.body).toMatchObject({ orgId: principal.orgId, status: 'PENDING', version: 1, ...profile });

    const replaced = await http('PUT', `${api}/me`, { token, body: { ...profile, qualifications: ['tech-sme', 'high-tech'] } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('location')).toBeNull();
    expect(replaced.body).toMatchObject({ status: 'PENDING', version: 2, qualifications: ['tech-sme', 'high-tech'] });
    expect((await http('GET', `${api}/me`, { token })).body).toMatchObject({ orgId: principal.orgId, version: 2 });

    const [registeredEvent, updatedEvent] = await outboxOf(principal.orgId);
    expect(registeredEvent).toMatchObject({
      topic: 'jiebang.enterprise',
      type: 'enterprise.registered',
      subject: principal.orgId,
      sequence: 1,
      correlationId: 'req-ent-1',
      actor: { id: principal.sub, role: 'enterprise', orgId: principal.orgId },
      data: { name: profile.name, creditCode: profile.creditCode, districtCode: '500112', status: 'PENDING' },
    });
    expect(registeredEvent.data).not.toHaveProperty('contacts'); // people's phone numbers stay in this service
    expect(updatedEvent).toMatchObject({ type: 'enterprise.updated', sequence: 2, data: { verificationReset: false, qualifications: ['tech-sme', 'high-tech'] } });
    expect(await historyOf(principal.orgId)).toEqual([
      expect.objectContaining({ action: 'register', from_status: null, to_status: 'PENDING', actor_role: 'enterprise', event_id: registeredEvent.id }),
      expect.objectContaining({ action: 'update', from_status: 'PENDING', to_status: 'PENDING', changes: { qualifications: { from: ['tech-sme'], to: ['tech-sme', 'high-tech'] } } }),
    ]);

    // The same profile again changes nothing: no version, no event, no audit entry.
    const again = await http('PUT', `${api}/me`, { token, body: { ...profile, qualifications: ['tech-sme', 'high-tech'] } });
    expect(again).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await outboxOf(principal.orgId)).toHaveLength(2);
  });

  it.each([
    ['a wrong check character', (p: any) => ({ ...p, creditCode: `${p.creditCode.slice(0, 17)}${p.creditCode[17] === '0' ? '1' : '0'}` }), 'creditCode', 'ENTERPRISE_CREDIT_CODE_INVALID'],
    ['a forbidden letter', (p: any) => ({ ...p, creditCode: `${p.creditCode.slice(0, 10)}O${p.creditCode.slice(11)}` }), 'creditCode', 'ENTERPRISE_CREDIT_CODE_INVALID'],
    ['a credit code of 15 characters', (p: any) => ({ ...p, creditCode: p.creditCode.slice(0, 15) }), 'creditCode', 'ENTERPRISE_CREDIT_CODE_INVALID'],
    ['an unknown field', (p: any) => ({ ...p, status: 'VERIFIED' }), 'status', 'VALIDATION_FAILED'],
    ['an unknown qualification', (p: any) => ({ ...p, qualifications: ['unicorn'] }), 'qualifications.0', 'VALIDATION_FAILED'],
    ['no contact', (p: any) => ({ ...p, contacts: [] }), 'contacts', 'VALIDATION_FAILED'],
    ['another district than the token’s', (p: any) => ({ ...p, districtCode: '500106' }), 'districtCode', 'ENTERPRISE_DISTRICT_MISMATCH'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, change, field, code) => {
    const principal = enterpriseIn('500112');
    const res = await http('PUT', `${api}/me`, { token: await mintToken(principal), body: change(profileOf(principal)) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, details: { field } });
    expect(await query(database, 'SELECT 1 FROM enterprises WHERE org_id = $1', [principal.orgId])).toHaveLength(0);
  });

  it('refuses a credit code another organisation registered with 409, and other roles’ PUT with 403', async () => {
    const first = await registered();
    const second = enterpriseIn('500112');
    const taken = await http('PUT', `${api}/me`, { token: await mintToken(second), body: { ...profileOf(second), creditCode: first.profile.creditCode } });
    expect(taken).toMatchObject({ status: 409, body: { code: 'ENTERPRISE_CREDIT_CODE_TAKEN', details: { field: 'creditCode' } } });
    expect((await http('PUT', `${api}/me`, { token: tokens.bureau, body: first.profile })).body.code).toBe('AUTH_ROLE_FORBIDDEN');
  });

  it('scopes reads and decisions: own district, the bureau, the enterprise itself; anyone else gets 404', async () => {
    const yubei = await registered('500112');
    const shapingba = await registered('500106');
    const get = (orgId: string, token: string) => http('GET', `${api}/${orgId}`, { token }).then((r) => r.status);

    expect(await get(yubei.orgId, tokens.district)).toBe(200); // 渝北区科技局
    expect(await get(yubei.orgId, tokens.otherDistrict)).toBe(404); // 沙坪坝区科技局
    expect(await get(yubei.orgId, tokens.bureau)).toBe(200);
    expect(await get(yubei.orgId, yubei.token)).toBe(200);
    expect(await get(yubei.orgId, shapingba.token)).toBe(404);
    expect(await get(yubei.orgId, tokens.solver)).toBe(404);
    expect((await http('GET', `${api}/${yubei.orgId}/history`, { token: tokens.otherDistrict })).status).toBe(404);
    expect((await http('POST', `${api}/${yubei.orgId}/verify`, { token: tokens.otherDistrict })).status).toBe(404);
    expect((await http('POST', `${api}/${yubei.orgId}/reject`, { token: tokens.otherDistrict, body: { reason: '不在本区县' } })).status).toBe(404);
    expect((await http('POST', `${api}/${yubei.orgId}/verify`, { token: yubei.token })).status).toBe(403);

    const queue = (token: string) => http('GET', `${api}?status=PENDING&pageSize=100`, { token }).then((r) => r.body.items.map((e: any) => e.orgId));
    const own = await queue(tokens.district);
    expect(own).toContain(yubei.orgId);
    expect(own).not.toContain(shapingba.orgId);
    expect(await queue(tokens.bureau)).toEqual(expect.arrayContaining([yubei.orgId, shapingba.orgId]));
    expect((await http('GET', api, { token: tokens.solver })).status).toBe(403);
    expect((await http('GET', `${api}?status=SLEEPING`, { token: tokens.bureau })).body.details.field).toBe('status');

    expect((await http('POST', `${api}/${yubei.orgId}/verify`, { token: tokens.district })).body).toMatchObject({ status: 'VERIFIED', version: 2 });
    expect((await http('POST', `${api}/${shapingba.orgId}/verify`, { token: tokens.bureau })).body).toMatchObject({ status: 'VERIFIED' });
  });

  it('verifies and rejects pending profiles only: 409 with the current state, audit rows and events for each decision', async () => {
    const verified = await registered();
    const ok = await http('POST', `${api}/${verified.orgId}/verify`, { token: tokens.district, headers: { 'x-correlation-id': 'req-verify' } });
    expect(ok).toMatchObject({ status: 200, body: { status: 'VERIFIED', verifiedAt: expect.any(String) } });
    const twice = await http('POST', `${api}/${verified.orgId}/verify`, { token: tokens.district });
    expect(twice).toMatchObject({ status: 409, body: { code: 'ENTERPRISE_INVALID_STATE', details: { currentState: 'VERIFIED' } } });
    expect(twice.body.message).toContain('已认证');
    expect((await http('POST', `${api}/${verified.orgId}/reject`, { token: tokens.bureau, body: { reason: '补充材料' } })).body.details).toEqual({
      currentState: 'VERIFIED',
    });

    const rejected = await registered();
    const reason = '营业执照上的企业名称与填报名称不一致，请更正后重新提交';
    expect((await http('POST', `${api}/${rejected.orgId}/reject`, { token: tokens.district, body: {} })).body.details.field).toBe('reason');
    const no = await http('POST', `${api}/${rejected.orgId}/reject`, { token: tokens.district, body: { reason } });
    expect(no).toMatchObject({ status: 200, body: { status: 'REJECTED', rejectionReason: reason } });

    const events = [...(await outboxOf(verified.orgId)), ...(await outboxOf(rejected.orgId))];
    expect(events.map((e) => [e.subject, e.type, e.sequence])).toEqual([
      [verified.orgId, 'enterprise.registered', 1],
      [verified.orgId, 'enterprise.verified', 2],
      [rejected.orgId, 'enterprise.registered', 1],
      [rejected.orgId, 'enterprise.verification-rejected', 2],
    ]);
    expect(events[1]).toMatchObject({ correlationId: 'req-verify', actor: { role: 'district', orgId: 'org-district-500112' }, data: { districtCode: '500112' } });
    expect(events[3].data).toMatchObject({ reason, name: rejected.profile.name });

    const history = await http('GET', `${api}/${rejected.orgId}/history`, { token: rejected.token });
    expect(history.body.map((t: any) => [t.action, t.fromStatus, t.toStatus, t.actorRole, t.actorOrgId, t.reason])).toEqual([
      ['register', null, 'PENDING', 'enterprise', rejected.orgId, null],
      ['reject', 'PENDING', 'REJECTED', 'district', 'org-district-500112', reason],
    ]);
    expect(history.body[1]).toMatchObject({ eventId: events[3].id, changes: { status: { from: 'PENDING', to: 'REJECTED' } } });
  });

  it('sends a verified profile back to PENDING when its name changes, not when its contacts do', async () => {
    const e = await registered();
    await http('POST', `${api}/${e.orgId}/verify`, { token: tokens.district });
    const contacts = [{ name: '陈晓雯', phone: '139-2300-0102' }];
    expect((await http('PUT', `${api}/me`, { token: e.token, body: { ...e.profile, contacts } })).body).toMatchObject({ status: 'VERIFIED', contacts });
    const renamed = await http('PUT', `${api}/me`, { token: e.token, body: { ...e.profile, contacts, name: '重庆测试精密制造股份有限公司' } });
    expect(renamed).toMatchObject({ status: 200, body: { status: 'PENDING', verifiedAt: null, version: 4 } });

    const updates = (await outboxOf(e.orgId)).filter((ev) => ev.type === 'enterprise.updated');
    expect(updates.map((u) => [u.sequence, (u.data as any).status, (u.data as any).verificationReset])).toEqual([
      [3, 'VERIFIED', false],
      [4, 'PENDING', true],
    ]);
    const [, , , reset] = await historyOf(e.orgId);
    expect(reset).toMatchObject({ action: 'update', from_status: 'VERIFIED', to_status: 'PENDING', changes: { name: { to: '重庆测试精密制造股份有限公司' } } });
  });

  it('lets exactly one of two concurrent verifications through (row lock), and one of two first registrations create', async () => {
    const e = await registered();
    const answers = await Promise.all([
      http('POST', `${api}/${e.orgId}/verify`, { token: tokens.district }),
      http('POST', `${api}/${e.orgId}/verify`, { token: tokens.bureau }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.details.currentState).toBe('VERIFIED');
    expect((await historyOf(e.orgId)).filter((t) => t.action === 'verify')).toHaveLength(1);
    expect((await outboxOf(e.orgId)).filter((ev) => ev.type === 'enterprise.verified')).toHaveLength(1);

    const newcomer = enterpriseIn('500112');
    const token = await mintToken(newcomer);
    const body = profileOf(newcomer);
    const puts = await Promise.all([http('PUT', `${api}/me`, { token, body }), http('PUT', `${api}/me`, { token, body })]);
    expect(puts.map((p) => p.status).sort()).toEqual([200, 201]);
    expect((await outboxOf(newcomer.orgId)).map((ev) => ev.type)).toEqual(['enterprise.registered']);
  });

  it('accepts the demo profiles of seeds/enterprises.json as the seed loader sends them, one per demo enterprise', async () => {
    const { organisations } = JSON.parse(readFileSync(resolve(ROOT, 'seeds/organisations.json'), 'utf8'));
    const { enterprises } = JSON.parse(readFileSync(resolve(ROOT, 'seeds/enterprises.json'), 'utf8'));
    const { challenges } = JSON.parse(readFileSync(resolve(ROOT, 'seeds/challenges.json'), 'utf8'));
    const demoEnterprises = organisations.filter((o: any) => o.role === 'enterprise');
    expect(enterprises.map((e: any) => e.orgId).sort()).toEqual(demoEnterprises.map((o: any) => o.id).sort());
    // The challenges step submits after this one: every enterprise it submits for must be verified by then.
    const submitting = new Set(challenges.filter((c: any) => c.submit).map((c: any) => c.enterpriseOrgId));
    expect(enterprises.filter((e: any) => submitting.has(e.orgId) && !e.verified)).toEqual([]);
    for (const org of demoEnterprises) {
      const token = await mintToken({ sub: `seed-${org.id}`, role: 'enterprise', orgId: org.id, orgName: org.name, districtCode: org.districtCode });
      const res = await http('PUT', `${api}/me`, { token, body: enterprises.find((e: any) => e.orgId === org.id).profile });
      expect({ orgId: org.id, status: res.status, name: res.body.name }).toEqual({ orgId: org.id, status: 201, name: org.name });
    }
  });
});
