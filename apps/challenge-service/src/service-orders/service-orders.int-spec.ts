import type { Principal } from '@jiebang/contracts';
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
import { dispatchFact, driveTo, orderBody, publishDispatch, servingTeam, submittedOrder, TO_DELIVERED } from '../testing/service-orders';

describe('service orders over HTTP and dispatch facts (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};
  const as = async (p: Principal) => mintToken(p);

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/service-orders`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await as(p);
    tokens.otherTeam = await as({ sub: 'u-team-2', role: 'team', orgId: 'org-team-other' });
    await verifiedEnterprise(svc.url, principals.enterprise);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  const outboxOf = (id: string) =>
    query<{ type: string; envelope: any }>(database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [id]);
  const timelineOf = async (id: string) => (await http('GET', `${api}/${id}/timeline`, { token: tokens.enterprise })).body as any[];

  it('drafts in the enterprise’s district and submits it: the event, the timeline, in one transaction', async () => {
    const draft = await http('POST', api, { token: tokens.enterprise, body: orderBody });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'DRAFT', districtCode: '500112', enterpriseName: '重庆渝江铝业压铸有限公司' });
    const submitted = await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.enterprise, headers: { 'x-correlation-id': 'req-so-1' } });
    expect(submitted.status).toBe(200);
    const [row] = await outboxOf(draft.body.id);
    expect(row).toMatchObject({ type: 'service-order.submitted' });
    expect(row.envelope).toMatchObject({
      sequence: 2,
      correlationId: 'req-so-1',
      actor: { role: 'enterprise', orgId: principals.enterprise.orgId },
      data: { title: orderBody.title, districtCode: '500112', resubmission: false, urgency: 'HIGH' },
    });
    const timeline = await timelineOf(draft.body.id);
    expect(timeline.map((t) => [t.fromStatus, t.toStatus, t.actorRole])).toEqual([
      [null, 'DRAFT', 'enterprise'],
      ['DRAFT', 'SUBMITTED', 'enterprise'],
    ]);
    expect(timeline[1].eventId).toBe(row.envelope.id);
  });

  it('refuses an unverified enterprise (409 ENTERPRISE_NOT_VERIFIED), bad input (400 with the field), an illegal step (409 with the state)', async () => {
    const draft = await http('POST', api, { token: tokens.otherEnterprise, body: orderBody });
    expect(draft.status).toBe(201);
    const refused = await http('POST', `${api}/${draft.body.id}/submit`, { token: tokens.otherEnterprise });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENTERPRISE_NOT_VERIFIED');

    const bad = await http('POST', api, { token: tokens.enterprise, body: { ...orderBody, urgency: 'ASAP' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('urgency');
    const inverted = await http('POST', api, { token: tokens.enterprise, body: { ...orderBody, window: { from: '2027-02-01', to: '2027-01-01' } } });
    expect(inverted.status).toBe(400);
    expect(inverted.body.details.field).toBe('window.to');

    const id = await submittedOrder(api, tokens.enterprise);
    const again = await http('POST', `${api}/${id}/submit`, { token: tokens.enterprise });
    expect(again.status).toBe(409);
    expect(again.body.details.currentState).toBe('SUBMITTED');
    const edit = await http('PATCH', `${api}/${id}`, { token: tokens.enterprise, body: { title: '改' } });
    expect(edit.status).toBe(409);
    expect(edit.body.details.currentState).toBe('SUBMITTED');
  });

  it('follows dispatch facts in order: status, serving team, timeline with the envelope’s actor; replays and stale facts apply once', async () => {
    const id = await submittedOrder(api, tokens.enterprise);
    const accepted = dispatchFact('dispatch.accepted', id, 1);
    await publishDispatch(namespace, accepted, accepted);
    const order = await driveTo(api, namespace, tokens.enterprise, id, TO_DELIVERED.slice(0, 5), 'IN_SERVICE');
    expect(order.team).toEqual(servingTeam);
    // A stale re-drive (sequence 3 again) after newer facts changes nothing; a newer one still applies.
    await publishDispatch(namespace, dispatchFact('dispatch.recommended', id, 3), dispatchFact('dispatch.paused', id, 6, { reason: '等待企业提供样件' }));
    await eventually(async () => expect((await http('GET', `${api}/${id}`, { token: tokens.enterprise })).body.status).toBe('WAITING_ENTERPRISE'));
    const timeline = await timelineOf(id);
    expect(timeline.map((t) => t.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'DISTRICT_ACCEPTED',
      'RECOMMENDED',
      'OFFERED',
      'TEAM_ACCEPTED',
      'IN_SERVICE',
      'WAITING_ENTERPRISE',
    ]);
    expect(timeline[2]).toMatchObject({ action: 'dispatch.accepted', actorRole: accepted.actor.role, actorId: accepted.actor.id, eventId: accepted.id });
    expect(timeline[7]).toMatchObject({ reason: '等待企业提供样件' });
    expect(await query(database, 'SELECT 1 FROM inbox WHERE event_id = $1', [accepted.id])).toHaveLength(1);
  });

  it('records escalations as flags and puts an order with no team left back with the district', async () => {
    const id = await submittedOrder(api, tokens.enterprise);
    await driveTo(api, namespace, tokens.enterprise, id, TO_DELIVERED.slice(0, 3), 'OFFERED');
    const escalated = dispatchFact('dispatch.escalated', id, 4, { level: 'district', reason: 'no-team-left', message: '推荐的团队均未接单', dueAt: null });
    await publishDispatch(namespace, escalated);
    await eventually(async () => expect((await http('GET', `${api}/${id}`, { token: tokens.enterprise })).body.status).toBe('DISTRICT_ACCEPTED'));
    const flag = (await timelineOf(id)).at(-1);
    expect(flag).toMatchObject({ kind: 'flag', action: 'dispatch.escalated', reason: '推荐的团队均未接单', fromStatus: 'OFFERED' });
  });

  it('lets a returned order be edited and resubmitted (resubmission: true)', async () => {
    const id = await submittedOrder(api, tokens.enterprise);
    await driveTo(api, namespace, tokens.enterprise, id, ['dispatch.returned'], 'RETURNED');
    expect((await http('PATCH', `${api}/${id}`, { token: tokens.enterprise, body: { description: '补充了缺陷照片与工艺参数。' } })).status).toBe(200);
    expect((await http('POST', `${api}/${id}/submit`, { token: tokens.enterprise })).status).toBe(200);
    const rows = await outboxOf(id);
    expect(rows.map((r) => [r.type, r.envelope.data.resubmission])).toEqual([
      ['service-order.submitted', false],
      ['service-order.submitted', true],
    ]);
  });

  it('cancels: the enterprise before service starts; after it only the district, with a reason', async () => {
    const draft = await http('POST', api, { token: tokens.enterprise, body: orderBody });
    expect((await http('POST', `${api}/${draft.body.id}/cancel`, { token: tokens.enterprise, body: { reason: '不再需要' } })).body.status).toBe('CANCELLED');
    expect(await outboxOf(draft.body.id)).toEqual([]); // drafts are private: nobody is told
    const early = await submittedOrder(api, tokens.enterprise);
    const byEnterprise = await http('POST', `${api}/${early}/cancel`, { token: tokens.enterprise, body: { reason: '问题已自行解决' } });
    expect(byEnterprise.body.status).toBe('CANCELLED');

    const id = await submittedOrder(api, tokens.enterprise);
    await driveTo(api, namespace, tokens.enterprise, id, TO_DELIVERED.slice(0, 5), 'IN_SERVICE');
    const refused = await http('POST', `${api}/${id}/cancel`, { token: tokens.enterprise, body: { reason: '不需要了' } });
    expect(refused.status).toBe(409);
    expect(refused.body.details.currentState).toBe('IN_SERVICE');
    expect((await http('POST', `${api}/${id}/cancel`, { token: tokens.district, body: {} })).body.details.field).toBe('reason');
    const cancelled = await http('POST', `${api}/${id}/cancel`, { token: tokens.district, body: { reason: '企业停产整改' } });
    expect(cancelled.status).toBe(200);
    const last = (await outboxOf(id)).at(-1)!;
    expect(last.envelope).toMatchObject({ type: 'service-order.cancelled', data: { cancelledBy: 'district', reason: '企业停产整改', team: servingTeam } });
  });

  it('answers 404 to every other party on every route; lists are scoped; the bureau sees the stats', async () => {
    const id = await submittedOrder(api, tokens.enterprise);
    const withBreach = [...TO_DELIVERED.slice(0, 5), 'dispatch.escalated', 'dispatch.delivered'];
    await driveTo(api, namespace, tokens.enterprise, id, withBreach, 'DELIVERED');
    const reason = { reason: '理由充分' };
    const routes: [string, string, object | undefined, string[]][] = [
      ['GET', '', undefined, ['otherEnterprise', 'otherDistrict', 'otherTeam', 'solver', 'expert']],
      ['GET', '/timeline', undefined, ['otherEnterprise', 'otherDistrict', 'otherTeam', 'solver', 'expert']],
      ['GET', '/rating', undefined, ['otherEnterprise', 'otherDistrict', 'otherTeam']],
      ['PATCH', '', { title: '改' }, ['otherEnterprise']],
      ['POST', '/submit', undefined, ['otherEnterprise']],
      ['POST', '/cancel', reason, ['otherEnterprise', 'otherDistrict']],
      ['POST', '/confirm', undefined, ['otherEnterprise']],
      ['POST', '/dispute', reason, ['otherEnterprise']],
      ['POST', '/dispute/resolve', { outcome: 'CONFIRM', reason: '理由充分' }, ['otherDistrict']],
      ['POST', '/rating', { response: 5, expertise: 5, effect: 5, attitude: 5 }, ['otherEnterprise']],
      ['POST', '/rating/appeal', reason, ['otherTeam']],
      ['POST', '/rating/appeal/decide', { uphold: true, reason: '理由充分' }, ['otherDistrict']],
    ];
    for (const [method, path, body, parties] of routes) {
      for (const party of parties) {
        const res = await http(method as 'GET', `${api}/${id}${path}`, { token: tokens[party], body });
        expect([method, path, party, res.status]).toEqual([method, path, party, 404]);
      }
    }
    expect((await http('GET', `${api}/${id}`, { token: tokens.team })).status).toBe(200);
    expect((await http('GET', `${api}/${id}`, { token: tokens.district })).status).toBe(200);
    const listed = async (token: string) => ((await http('GET', api, { token })).body.items as { id: string }[]).map((o) => o.id);
    expect(await listed(tokens.team)).toContain(id);
    expect(await listed(tokens.otherTeam)).toEqual([]);
    expect(await listed(tokens.otherDistrict)).toEqual([]);
    expect(await listed(tokens.enterprise)).toContain(id);
    expect(await listed(tokens.otherEnterprise)).not.toContain(id);

    expect((await http('GET', `${api}/stats`, { token: tokens.district })).status).toBe(403);
    const stats = await http('GET', `${api}/stats`, { token: tokens.bureau });
    expect(stats.status).toBe(200);
    const district = stats.body.districts.find((d: any) => d.districtCode === '500112');
    expect(district.byStatus.DELIVERED).toBeGreaterThanOrEqual(1);
    expect(district.breaches).toBeGreaterThanOrEqual(1);
    expect(district.medianSecondsToStep.SUBMITTED).toBeGreaterThanOrEqual(0);
  });
});
