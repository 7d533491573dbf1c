import { randomUUID } from 'node:crypto';
import type { Envelope, StreamName } from '@jiebang/contracts';
import { eventually, http, mintToken, principals } from '@jiebang/testing';
import { fixtureEvent, publish, startNotificationApp, type NotificationApp } from '../testing/notification-app';

/** A fact about `subject` at sequence `sequence`, its data overriding the golden fixture's. */
const fact = (type: string, subject: string, sequence: number, data: Record<string, unknown>): Envelope =>
  fixtureEvent(`${type}.v1`, { subject, sequence, data });
const hoursAfter = (base: string, h: number) => new Date(new Date(base).getTime() + h * 3_600_000).toISOString();

/**
 * The 驾驶舱 projection end to end inside notification-service: facts produced to the broker as their owners' relays
 * would, consumed through the inbox, read back through GET /dashboard. A redelivered fact, and an older one arriving
 * late, change nothing; only the bureau may read it.
 */
describe('驾驶舱 projection (GET /dashboard)', () => {
  let app: NotificationApp;
  let bureau: string;
  const get = (query = '', token = bureau) => http('GET', `${app.url}/api/v1/dashboard${query}`, { token });

  const T0 = '2026-03-02T09:00:00.000+08:00';
  const awarded = randomUUID();
  const rejected = randomUUID();
  const order = randomUUID();
  const voidedRating = randomUUID();
  const voidedOrder = randomUUID();
  const overdueOrder = randomUUID();
  const [teamA, teamB, solver, project] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const teamRef = (profileId: string, name: string) => ({ profileId, orgId: `org-${profileId.slice(0, 8)}`, name });
  const paid = fact('project.tranche-paid', project, 9, { challengeId: awarded, districtCode: '500112', amountYuan: 450_000, paidAt: hoursAfter(T0, 400) });
  const rated = fact('service-order.rated', order, 3, {
    districtCode: '500118',
    ratingId: randomUUID(),
    team: teamRef(teamA, '永川智能制造科技特派员团'),
    scores: { response: 5, expertise: 4, effect: 4, attitude: 5 },
    ratedAt: hoursAfter(T0, 40),
  });

  beforeAll(async () => {
    app = await startNotificationApp();
    bureau = await mintToken(principals.bureau);
    const ref = (districtCode: string, title: string) => ({ districtCode, title });
    const profiles: [string, Envelope][] = [
      ['profile', fact('profile.registered', teamA, 1, { kind: 'team', name: '永川智能制造科技特派员团', districtCode: '500118' })],
      ['profile', fact('profile.registered', teamB, 1, { kind: 'team', name: '万州数字农业科技特派员团', districtCode: '500101' })],
      ['profile', fact('profile.registered', solver, 1, { kind: 'solver', name: '重庆大学材料学院', districtCode: '500106' })],
    ];
    const a = ref('500112', '电池包壳体压铸气孔控制');
    const challengeFacts: [string, number, Record<string, unknown>][] = [
      ['challenge.submitted', 0, { ...a, fields: ['light-metal'], bountyYuan: 2_000_000, submittedAt: T0 }],
      ['challenge.vetting-started', 24, { ...a, startedAt: '' }],
      ['challenge.approved', 48, { ...a, approvedAt: '' }],
      ['challenge.published', 72, { ...a, fields: ['light-metal'], publishedAt: '' }],
      ['challenge.closed', 200, { ...a, closedAt: '' }],
      ['challenge.review-started', 210, { ...a, startedAt: '' }],
      ['challenge.public-notice-opened', 300, { ...a, openedAt: '' }],
    ];
    const atKey = (data: Record<string, unknown>) => Object.keys(data).find((k) => k.endsWith('At'))!;
    const challenges = challengeFacts.map(([type, h, data], i) => fact(type, awarded, i + 1, { ...data, [atKey(data)]: hoursAfter(T0, h) }));
    challenges.push(
      fact('challenge.awarded', awarded, 8, {
        ...a,
        bountyYuan: 2_000_000,
        winners: [{ applicationId: randomUUID(), solverOrgId: 'org-sol-cqu', solverName: '重庆大学', solverRole: 'solver', profileId: solver, projectId: project }],
        awardedAt: hoursAfter(T0, 350),
      }),
    );
    const b = ref('500101', '柑橘采后保鲜');
    challenges.push(
      fact('challenge.submitted', rejected, 1, { ...b, fields: ['modern-agriculture'], submittedAt: T0 }),
      fact('challenge.vetting-started', rejected, 2, { ...b, startedAt: hoursAfter(T0, 10) }),
      fact('challenge.rejected', rejected, 3, { ...b, rejectedAt: hoursAfter(T0, 20) }),
    );
    const o = ref('500118', '主轴热变形补偿');
    const orders = [
      fact('service-order.submitted', order, 1, { ...o, fields: ['intelligent-equipment'], submittedAt: T0 }),
      fact('service-order.confirmed', order, 2, { ...o, team: teamRef(teamA, '永川智能制造科技特派员团'), confirmedAt: hoursAfter(T0, 36) }),
      rated,
      fact('service-order.submitted', overdueOrder, 1, { ...ref('500241', '茶叶加工'), fields: ['food-processing'], submittedAt: T0 }),
      fact('service-order.submitted', voidedOrder, 1, { ...ref('500241', '茶叶加工'), fields: ['food-processing'], submittedAt: T0 }),
      fact('service-order.rated', voidedOrder, 2, { ...ref('500241', '茶叶加工'), ratingId: voidedRating, scores: { response: 1, expertise: 1, effect: 1, attitude: 1 }, ratedAt: hoursAfter(T0, 50) }),
      fact('service-order.rating-voided', voidedOrder, 3, { ...ref('500241', '茶叶加工'), ratingId: voidedRating, voidedAt: hoursAfter(T0, 60) }),
    ];
    const dispatches = [
      fact('dispatch.accepted', order, 1, { ...o, acceptedAt: hoursAfter(T0, 2) }),
      fact('dispatch.recommended', order, 2, {
        ...o,
        teams: [teamRef(teamA, '永川智能制造科技特派员团'), teamRef(teamB, '万州数字农业科技特派员团')],
        recommendedAt: hoursAfter(T0, 5),
      }),
      fact('dispatch.offered', order, 3, { ...o, team: teamRef(teamA, '永川智能制造科技特派员团'), offeredAt: hoursAfter(T0, 5) }),
      fact('dispatch.team-accepted', order, 4, { ...o, team: teamRef(teamA, '永川智能制造科技特派员团'), acceptedAt: hoursAfter(T0, 6) }),
      fact('dispatch.service-started', order, 5, { ...o, team: teamRef(teamA, '永川智能制造科技特派员团'), startedAt: hoursAfter(T0, 7) }),
      fact('dispatch.escalated', order, 6, { ...o, level: 'district', reason: 'service-overdue', escalatedAt: hoursAfter(T0, 20) }),
      fact('dispatch.escalated', order, 7, { ...o, level: 'bureau', reason: 'service-overdue', escalatedAt: hoursAfter(T0, 25) }),
      fact('dispatch.delivered', order, 8, { ...o, team: teamRef(teamA, '永川智能制造科技特派员团'), deliveredAt: hoursAfter(T0, 30) }),
      fact('dispatch.escalated', overdueOrder, 1, { ...ref('500241', '茶叶加工'), level: 'bureau', reason: 'district-overdue', escalatedAt: hoursAfter(T0, 72) }),
    ];
    const streams: [StreamName, Envelope[]][] = [
      ['profile', profiles.map(([, e]) => e)],
      ['challenge', challenges],
      ['project', [paid]],
      ['serviceOrder', orders],
      ['dispatch', dispatches],
    ];
    for (const [stream, events] of streams) await publish(app.namespace, stream, ...events);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers every figure from the facts, with zh-CN labels and all 38 districts', async () => {
    const body = await eventually(async () => {
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.body.bounty.paidYuan).toBe(450_000);
      expect(res.body.ratings.count).toBe(1);
      expect(res.body.serviceOrders.steps.find((s: { step: string }) => s.step === 'RATED').count).toBe(2);
      expect(res.body.challenges.funnel.at(-1).count).toBe(1);
      expect(res.body.fairness.teams.find((t: { profileId: string }) => t.profileId === solver)?.districtCode).toBe('500106');
      // The dispatch stream is another topic, consumed at its own pace: wait for its last facts too.
      for (const s of ['DISTRICT_ACCEPTED', 'RECOMMENDED', 'TEAM_ACCEPTED', 'DELIVERED']) {
        expect(res.body.serviceOrders.steps.find((x: { step: string }) => x.step === s).medianHours).not.toBeNull();
      }
      return res.body;
    }, 30_000, 250);

    expect(body.challenges.funnel.map((s: { label: string; count: number }) => `${s.label}:${s.count}`)).toEqual([
      '已提交:2', '专家论证:2', '待发榜:1', '揭榜中:1', '截止:1', '评审中:1', '公示中:1', '已定榜:1',
    ]);
    const state = (s: string) => body.challenges.byState.find((x: { stage: string }) => x.stage === s);
    expect([state('AWARDED').count, state('REJECTED').count, state('REJECTED').label]).toEqual([1, 1, '论证驳回']);

    const step = (s: string) => body.serviceOrders.steps.find((x: { step: string }) => x.step === s);
    expect(step('DISTRICT_ACCEPTED')).toMatchObject({ label: '区县受理', medianHours: 2 });
    expect(step('RECOMMENDED').medianHours).toBe(3);
    expect(step('TEAM_ACCEPTED').medianHours).toBe(1);
    expect(step('DELIVERED')).toMatchObject({ label: '服务交付', medianHours: 24 });
    expect(step('CONFIRMED').medianHours).toBe(6);
    expect(step('SUBMITTED').count).toBe(1); // the overdue order was never accepted

    expect(body.districts).toHaveLength(38);
    const district = (code: string) => body.districts.find((d: { code: string }) => d.code === code);
    // One breach per order and reason: the service-overdue escalation to the district and then to the bureau is one.
    expect(district('500118')).toMatchObject({ name: '永川区', region: 'metro', regionLabel: '主城都市区', breaches: 1, ratingCount: 1, averageRating: 4.5, orders: 1 });
    // The voided rating does not count.
    expect(district('500241')).toMatchObject({ shortName: '秀山县', region: 'southeast', regionLabel: '渝东南', breaches: 1, ratingCount: 0, averageRating: null });
    expect(district('500103')).toMatchObject({ breaches: 0, orders: 0, averageRating: null });

    expect(body.ratings).toMatchObject({ count: 1, average: 4.5 });
    expect(body.ratings.criteria.map((c: { label: string }) => c.label)).toEqual(['响应速度', '专业水平', '服务成效', '服务态度']);

    const team = (id: string) => body.fairness.teams.find((t: { profileId: string }) => t.profileId === id);
    expect(team(teamA)).toMatchObject({ recommended: 1, accepted: 1, awards: 0, districtName: '永川区' });
    expect(team(teamB)).toMatchObject({ recommended: 1, accepted: 0 });
    expect(team(solver)).toMatchObject({ awards: 1, name: '重庆大学材料学院' });
    expect(body.fairness.recommendationGini).toBe(0);
    const origin = (r: string) => body.fairness.origins.find((x: { region: string }) => x.region === r);
    expect([origin('metro').recommended, origin('northeast').recommended, origin('metro').awards]).toEqual([1, 1, 1]);

    expect(body.bounty).toMatchObject({ committedYuan: 2_000_000, paidYuan: 450_000 });
    expect(body.bounty.byMonth).toEqual([
      { month: '2026-03', committedYuan: 2_000_000, paidYuan: 450_000 },
    ]);
  });

  it('filters by field and by period', async () => {
    const metal = (await get('?field=light-metal')).body;
    expect([metal.challenges.total, metal.serviceOrders.total, metal.bounty.committedYuan, metal.filter.fieldLabel]).toEqual([1, 0, 2_000_000, '轻金属与合金']);
    const equipment = (await get('?field=intelligent-equipment')).body;
    expect([equipment.challenges.total, equipment.serviceOrders.total, equipment.ratings.count, equipment.bounty.committedYuan]).toEqual([0, 1, 1, 0]);

    const before = (await get('?from=2026-01-01&to=2026-02-28')).body;
    expect([before.challenges.total, before.serviceOrders.total, before.ratings.count, before.bounty.paidYuan]).toEqual([0, 0, 0, 0]);
    const march = (await get('?from=2026-03-01&to=2026-03-31')).body;
    expect([march.challenges.total, march.serviceOrders.total, march.bounty.paidYuan]).toEqual([2, 3, 450_000]);
  });

  it('changes nothing for a redelivered fact or for an older fact arriving late', async () => {
    // Redelivered: the same payment and rating again (same ids). Late: an older snapshot of the order's content.
    await publish(app.namespace, 'project', paid);
    await publish(app.namespace, 'serviceOrder', rated, fact('service-order.submitted', order, 1, { districtCode: '500118', fields: ['biomedicine'], submittedAt: T0 }));
    // A new payment after them on the same partition: once it shows, the ones before it were consumed.
    await publish(app.namespace, 'project', fact('project.tranche-paid', project, 10, { challengeId: awarded, districtCode: '500112', amountYuan: 50_000, paidAt: hoursAfter(T0, 401) }));
    await publish(app.namespace, 'serviceOrder', fact('service-order.closed', order, 4, { districtCode: '500118', closedAt: hoursAfter(T0, 100) }));
    const body = await eventually(async () => {
      const res = await get();
      expect(res.body.bounty.paidYuan).toBe(500_000);
      expect(res.body.serviceOrders.steps.find((s: { step: string }) => s.step === 'CLOSED').count).toBe(1);
      return res.body;
    }, 30_000, 250);
    expect(body.ratings.count).toBe(1);
    expect((await get('?field=biomedicine')).body.serviceOrders.total).toBe(0);
    expect((await get('?field=intelligent-equipment')).body.serviceOrders.total).toBe(1);
  });

  it('is the bureau’s alone, and refuses a bad filter naming the field at fault', async () => {
    for (const who of [principals.district, principals.enterprise, principals.team]) {
      const res = await get('', await mintToken(who));
      expect([res.status, res.body.code]).toEqual([403, 'AUTH_ROLE_FORBIDDEN']);
    }
    expect((await http('GET', `${app.url}/api/v1/dashboard`)).status).toBe(401);
    const badField = await get('?field=astrology');
    expect([badField.status, badField.body.details?.field ?? badField.body.details?.fields?.[0]?.field]).toEqual([400, 'field']);
    const backwards = await get('?from=2026-03-31&to=2026-03-01');
    expect([backwards.status, backwards.body.code, backwards.body.details.field]).toEqual([400, 'DASHBOARD_PERIOD_INVALID', 'to']);
  });
});
