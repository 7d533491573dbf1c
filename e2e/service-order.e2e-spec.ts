import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventually, http, mintToken, principals, verifiedEnterprise } from '@jiebang/testing';
import { orderBody, registerTeam, sleep, workflowApi, type Team, type WorkflowApi } from './support/service-orders';
import { startSystem, type RunningSystem } from './support/system';

const CASTING = {
  fields: ['light-metal'],
  capabilities: '铝合金高压铸造工艺优化，铸件气孔、缩松缺陷分析与控制，气密性检测，真空压铸',
  keywords: ['高压铸造', '气孔', '缩松'],
};
const MACHINING = {
  fields: ['intelligent-equipment'],
  capabilities: '数控机床主轴热变形误差建模与补偿，加工中心精度检测与提升',
  keywords: ['热误差补偿', '数控机床'],
};
const WASTEWATER = {
  fields: ['green-low-carbon'],
  capabilities: '压铸脱模剂废水、含油废水处理与回用，环保达标改造',
  keywords: ['脱模剂废水', '废水处理'],
};
const MACHINING_ORDER = {
  description: '6 台立式加工中心连续加工后主轴热伸长，箱体孔位精度超差，希望建立数控机床热误差补偿模型。',
  fields: ['intelligent-equipment'],
};

/**
 * 企业下单—区县推荐—特派员团服务—企业评价 across the three running services, over HTTP and Kafka, with short
 * settings: matching-service does the dispatch (queue, ranking, sequential offers, timers), challenge-service the
 * order, its confirmation and its rating, notification-service tells each party. Nothing is injected by hand.
 */
describe('service order workflow end to end (three services, HTTP and Kafka)', () => {
  let system: RunningSystem;
  let api: WorkflowApi;
  let enterprise: string;
  let district: string;
  let bureau: string;
  let casting: Team[];
  let related: Team;
  let machining: Team[];
  let wastewater: Team;

  beforeAll(async () => {
    system = await startSystem({
      // Request lines (with their headers) are logged at info: the last test reads them for leaked secrets.
      challenge: { LOG_LEVEL: 'info', CONFIRM_REMINDER_AFTER: '2s', AUTO_CONFIRM_AFTER: '5s', RATING_APPEAL_WINDOW: '6s' },
      notification: { LOG_LEVEL: 'info' },
      matching: {
        LOG_LEVEL: 'info',
        OFFER_RESPONSE_TIME: '4s',
        DISTRICT_SLA: '600s',
        SERVICE_SLA_HIGH: '3s',
        SERVICE_SLA_NORMAL: '8s',
        SERVICE_SLA_LOW: '600s',
        ESCALATION_GRACE: '3s',
      },
    });
    api = workflowApi(system);
    [enterprise, district, bureau] = await Promise.all([principals.enterprise, principals.district, principals.bureau].map((p) => mintToken(p)));
    // The enterprise's demo profile names org-ent-yujiang-holding as related: its team is 回避 for every order.
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    casting = [];
    for (const n of [1, 2, 3]) casting.push(await registerTeam(system, `压铸工艺特派员团${n}`, CASTING));
    related = await registerTeam(system, '渝江控股压铸特派员团', CASTING, 'org-ent-yujiang-holding');
    machining = [await registerTeam(system, '精密加工特派员团甲', MACHINING), await registerTeam(system, '精密加工特派员团乙', MACHINING)];
    wastewater = await registerTeam(system, '压铸环保特派员团', WASTEWATER);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('walks an order to CLOSED: returned and resubmitted, declined, expired, accepted by the third team, paused, auto-confirmed, rated, appeal upheld', async () => {
    const title = '压铸件气孔率控制';
    const id = await api.place(enterprise, district, orderBody(title));
    expect(await api.inbox(district)).toContain(`服务需求待受理：${title}`);

    // 区县推荐, first round: back to the enterprise for more detail, then submitted again.
    expect((await api.dispatchPost(id, 'return', district, { reason: '请补充压铸机型号与合金牌号' })).body.status).toBe('RETURNED');
    await api.orderIn(id, enterprise, 'RETURNED');
    const patch = await http('PATCH', `${system.urls.challenge}/api/v1/service-orders/${id}`, {
      token: enterprise,
      body: { description: `${orderBody(title).description}设备为力劲 DCC1600 压铸机，合金 ADC12。` },
    });
    expect(patch.status).toBe(200);
    expect((await api.orderPost(id, 'submit', enterprise)).status).toBe(200);
    const requeued = await api.dispatchIn(id, district, 'QUEUED');
    expect(requeued.order.description).toContain('ADC12');

    // The matcher's proposal: the three equal teams, never the enterprise's related organisation (回避).
    const { runId, ranked, excluded } = await api.acceptAndRank(id, district);
    expect(ranked).toEqual(expect.arrayContaining(casting.map((t) => t.id)));
    expect(ranked).not.toContain(related.id);
    expect(excluded.find((e) => e.candidateId === related.id)?.violations.map((v) => v.rule)).toContain('CONFLICT_AFFILIATION');
    await api.recommend(id, district, runId, casting.map((t) => t.id));

    // The first team declines, the second lets its offer lapse, the third accepts.
    await api.offeredTo(id, district, casting[0]);
    expect((await api.dispatchPost(id, 'offer/decline', casting[0].token, { reason: '本月团队成员均在外地' })).status).toBe(200);
    await api.offeredTo(id, district, casting[1]);
    await api.offeredTo(id, district, casting[2], 20_000);
    expect((await api.dispatchPost(id, 'offer/accept', casting[0].token)).body.details.currentState).toBe('OFFERED');
    expect((await api.dispatchPost(id, 'offer/accept', casting[1].token)).body.details.currentState).toBe('OFFERED');
    const accepted = await api.dispatchPost(id, 'offer/accept', casting[2].token);
    expect(accepted.body.status).toBe('TEAM_ACCEPTED');
    const offers = (await api.dispatch(id, district)).body.offers.map((o: { team: { profileId: string }; status: string }) => [o.team.profileId, o.status]);
    expect(offers).toEqual([
      [casting[0].id, 'DECLINED'],
      [casting[1].id, 'EXPIRED'],
      [casting[2].id, 'ACCEPTED'],
    ]);
    expect((await api.orderIn(id, enterprise, 'TEAM_ACCEPTED')).team.profileId).toBe(casting[2].id);

    // 特派员团服务: the pause stops the SLA clock for longer than the whole SLA, with no escalation.
    const team = casting[2].token;
    expect((await api.dispatchPost(id, 'start', team)).status).toBe(200);
    const record = { date: '2027-01-05', mode: 'ON_SITE', hours: 6, participants: ['周德明', '李工'], work: '现场取样，X 射线探伤', outcome: '确认卷气为主因', attachments: [] };
    expect((await api.dispatchPost(id, 'records', team, record)).status).toBe(201);
    const slaDue = new Date(accepted.body.sla.dueAt).getTime();
    const waiting = await api.dispatchPost(id, 'wait', team, { reason: '等待企业停机配合更换模具' });
    expect(waiting.body.sla).toMatchObject({ paused: true, dueAt: null });
    await api.orderIn(id, enterprise, 'WAITING_ENTERPRISE');
    const pausedFor = 9_000; // longer than SERVICE_SLA_NORMAL (8 s)
    await sleep(pausedFor);
    const stillWaiting = (await api.dispatch(id, district)).body;
    expect(stillWaiting.escalations).toEqual({ districtOverdueAt: null, serviceOverdueAt: null, serviceBureauAt: null });
    const resumed = await api.dispatchPost(id, 'resume', team);
    expect(resumed.body.sla.paused).toBe(false);
    expect(new Date(resumed.body.sla.dueAt).getTime()).toBeGreaterThanOrEqual(slaDue + pausedFor);
    expect((await api.dispatchPost(id, 'deliver', team, { summary: '优化排气道与真空度，气孔率由 6% 降至 0.8%' })).body.status).toBe('DELIVERED');

    // 企业评价: the enterprise stays silent, is reminded, and the delivery is confirmed automatically.
    await api.orderIn(id, enterprise, 'DELIVERED');
    await api.orderIn(id, enterprise, 'CONFIRMED', 30_000);
    expect((await api.order(id, enterprise)).body).toMatchObject({ status: 'CONFIRMED' });
    const rated = await api.orderPost(id, 'rating', enterprise, { response: 2, expertise: 2, effect: 2, attitude: 2, comment: '响应较慢' });
    expect(rated.status).toBe(201);
    expect((await api.orderPost(id, 'rating', enterprise, { response: 5, expertise: 5, effect: 5, attitude: 5 })).status).toBe(409);
    const appeal = await api.orderPost(id, 'rating/appeal', team, { reason: '等待时间系企业停机所致，已按约定暂停计时' });
    expect(appeal.status).toBeLessThan(300);
    const upheld = await api.orderPost(id, 'rating/appeal/decide', district, { uphold: true, reason: '经核实，延误系企业原因' });
    expect(upheld.body).toMatchObject({ status: 'VOIDED', appealStatus: 'UPHELD' });
    await api.orderIn(id, enterprise, 'CLOSED', 30_000);

    expect(await api.timeline(id, enterprise)).toEqual([
      'create',
      'submit',
      'dispatch.returned',
      'edit',
      'submit',
      'dispatch.accepted',
      'dispatch.recommended',
      'dispatch.offered',
      'dispatch.offer-declined',
      'dispatch.offered',
      'dispatch.offer-expired',
      'dispatch.offered',
      'dispatch.team-accepted',
      'dispatch.service-started',
      'dispatch.service-logged',
      'dispatch.paused',
      'dispatch.resumed',
      'dispatch.delivered',
      'remind',
      'auto-confirm',
      'rate',
      'appeal',
      'appeal-upheld',
      'close',
    ]);
    const told = await api.inbox(enterprise);
    expect(told).toEqual(expect.arrayContaining([`请确认服务交付：${title}`]));
  });

  it('lets exactly one of two teams accepting at once win, and the rating it earns changes the next recommendation', async () => {
    const id = await api.place(enterprise, district, orderBody('加工中心热误差补偿', MACHINING_ORDER));
    const first = await api.acceptAndRank(id, district);
    const [ahead, behind] = first.ranked.filter((r) => machining.some((t) => t.id === r));
    const byId = (pid: string) => machining.find((t) => t.id === pid)!;
    const rankOf = async (orderId: string) => {
      const ranking = await api.dispatchPost(orderId, 'ranking', district, { k: 10 });
      return (ranking.body.results as { candidateId: string }[]).map((r) => r.candidateId).filter((r) => r === ahead || r === behind);
    };
    // The next order of the same kind waits with the district; before any rating the two equals rank as above.
    const next = await api.place(enterprise, district, orderBody('箱体孔位精度超差诊断', MACHINING_ORDER));
    expect((await api.dispatchPost(next, 'accept', district)).status).toBe(200);
    expect(await rankOf(next)).toEqual([ahead, behind]);
    await api.recommend(id, district, first.runId, [ahead, behind]);
    await api.offeredTo(id, district, byId(ahead));
    expect((await api.dispatchPost(id, 'offer/decline', byId(ahead).token, { reason: '设备检测仪器送检中' })).status).toBe(200);
    await api.offeredTo(id, district, byId(behind));

    // Both teams press accept at the same moment (the second twice): one wins, the others find it taken.
    const answers = await Promise.all([
      api.dispatchPost(id, 'offer/accept', byId(ahead).token),
      api.dispatchPost(id, 'offer/accept', byId(behind).token),
      api.dispatchPost(id, 'offer/accept', byId(behind).token),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const winner = answers[answers.findIndex((a) => a.status === 200)];
    expect(winner.body.team.profileId).toBe(behind);
    const accepted = (await api.dispatch(id, district)).body.offers.filter((o: { status: string }) => o.status === 'ACCEPTED');
    expect(accepted.map((o: { team: { profileId: string } }) => o.team.profileId)).toEqual([behind]);

    const team = byId(behind).token;
    expect((await api.dispatchPost(id, 'start', team)).status).toBe(200);
    expect((await api.dispatchPost(id, 'deliver', team, { summary: '建立热误差模型并在数控系统中补偿，孔位精度恢复' })).status).toBe(200);
    await api.orderIn(id, enterprise, 'DELIVERED');
    expect((await api.orderPost(id, 'confirm', enterprise)).body.status).toBe('CONFIRMED');
    expect((await api.orderPost(id, 'rating', enterprise, { response: 5, expertise: 5, effect: 5, attitude: 5, comment: '精度问题彻底解决' })).status).toBe(201);

    // The team rated five stars now ranks ahead of its equal for the next order.
    const after = await eventually(async () => {
      const order = await rankOf(next);
      expect(order[0]).toBe(behind);
      return order;
    }, 30_000, 250);
    expect(after).toEqual([behind, ahead]);
  });

  it('escalates an overdue service to the district, and after the grace to the bureau', async () => {
    const title = '压铸脱模剂废水处理';
    const id = await api.place(enterprise, district, orderBody(title, { urgency: 'HIGH', description: '压铸车间脱模剂废水含油量高，环保检查不达标，急需废水处理方案。', fields: ['green-low-carbon'] }));
    const { runId, ranked } = await api.acceptAndRank(id, district);
    expect(ranked).toContain(wastewater.id);
    await api.recommend(id, district, runId, [wastewater.id]);
    expect((await api.dispatchPost(id, 'offer/accept', wastewater.token)).status).toBe(200);
    expect((await api.dispatchPost(id, 'start', wastewater.token)).status).toBe(200);
    // SERVICE_SLA_HIGH (3 s) passes: the district is told; ESCALATION_GRACE (3 s) later, the bureau.
    const escalated = await eventually(async () => {
      const { escalations } = (await api.dispatch(id, district)).body;
      expect(escalations.serviceBureauAt).not.toBeNull();
      return escalations;
    }, 30_000, 200);
    expect(new Date(escalated.serviceBureauAt).getTime()).toBeGreaterThan(new Date(escalated.serviceOverdueAt).getTime());
    await api.orderIn(id, enterprise, 'IN_SERVICE');
    await eventually(async () => {
      expect(await api.inbox(district)).toContain(`服务需求督办（服务超过时限）：${title}`);
      expect(await api.inbox(bureau)).toContain(`服务需求升级督办（服务超过时限）：${title}`);
    }, 30_000, 250);
    expect((await api.timeline(id, enterprise)).filter((a) => a === 'dispatch.escalated')).toHaveLength(2);
  });

  it('leaves no token, phone number or e-mail address in any service log of the run', () => {
    const contacts = (JSON.parse(readFileSync(resolve(__dirname, '../seeds/enterprises.json'), 'utf8')).enterprises as { profile: { contacts: { phone: string; email?: string }[] } }[])
      .flatMap((e) => e.profile.contacts)
      .flatMap((c) => [c.phone, c.email].filter((v): v is string => !!v));
    const secrets = [enterprise, district, bureau, '13800000000', ...contacts];
    const lines = Object.values(system.logs).flat().join('').split('\n');
    expect(lines.length).toBeGreaterThan(100); // the run did log: the check below has something to read
    expect(lines.filter((l) => secrets.some((s) => l.includes(s)))).toEqual([]);
  });
});
