import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, verifiedEnterprise } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

const team = { profileId: '170d8d42-cc86-575c-80d1-7de9cd1e6cc9', orgId: principals.team.orgId, name: '压铸工艺科技特派员团' };

/** A dispatch fact as matching-service would publish it: its golden fixture, about this order, naming the team. */
function dispatchFact(type: string, orderId: string, sequence: number) {
  const fixture = JSON.parse(readFileSync(resolve(__dirname, `../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));
  return { ...fixture, id: randomUUID(), subject: orderId, sequence, time: new Date().toISOString(), data: { ...fixture.data, team } };
}

/**
 * 企业下单 → 企业评价 across the processes: the district office is told of the order; the dispatch facts (produced
 * to the broker as matching-service would) move it to DELIVERED; the silent enterprise is reminded, the delivery is
 * confirmed automatically, the enterprise rates and the team is told. Nothing is mocked.
 */
describe('service order: placed, served (dispatch facts), auto-confirmed after a reminder, rated', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ challenge: { CONFIRM_REMINDER_AFTER: '1s', AUTO_CONFIRM_AFTER: '3s' } });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('reaches the district, follows the dispatch, reminds and confirms, and tells the team of its rating', async () => {
    const [enterprise, district, teamToken] = await Promise.all([principals.enterprise, principals.district, principals.team].map((p) => mintToken(p)));
    const orders = `${system.urls.challenge}/api/v1/service-orders`;
    const inbox = (token: string) => http('GET', `${system.urls.notification}/api/v1/notifications?category=service-order`, { token });
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const draft = await http('POST', orders, {
      token: enterprise,
      body: {
        title: '压铸件气孔率控制',
        description: '电池包壳体压铸件气孔导致气密性不合格，希望特派员团现场诊断。',
        urgency: 'NORMAL',
        serviceMode: 'ON_SITE',
        window: { from: '2027-01-04', to: '2027-01-29' },
        contact: { name: '张工', phone: '13800000000' },
      },
    });
    expect((await http('POST', `${orders}/${draft.body.id}/submit`, { token: enterprise })).status).toBe(200);
    await eventually(async () => expect((await inbox(district)).body.items.map((n: { title: string }) => n.title)).toContain('服务需求待受理：压铸件气孔率控制'), 30_000);

    const facts = ['dispatch.accepted', 'dispatch.recommended', 'dispatch.offered', 'dispatch.team-accepted', 'dispatch.service-started', 'dispatch.delivered'];
    await produceRaw(
      system.namespace,
      STREAMS.dispatch.topic,
      facts.map((t, i) => ({ key: draft.body.id, value: JSON.stringify(dispatchFact(t, draft.body.id, i + 1)) })),
    );
    await eventually(async () => expect((await inbox(enterprise)).body.items.map((n: { title: string }) => n.title)).toContain('请确认服务交付：压铸件气孔率控制'), 30_000);
    await eventually(async () => expect((await http('GET', `${orders}/${draft.body.id}`, { token: enterprise })).body.status).toBe('CONFIRMED'), 30_000);

    const rated = await http('POST', `${orders}/${draft.body.id}/rating`, {
      token: enterprise,
      body: { response: 5, expertise: 4, effect: 4, attitude: 5, comment: '现场诊断及时' },
    });
    expect(rated.status).toBe(201);
    await eventually(async () => expect((await inbox(teamToken)).body.items.map((n: { title: string }) => n.title)).toContain('收到企业评价：压铸件气孔率控制'), 30_000);
    const timeline = await http('GET', `${orders}/${draft.body.id}/timeline`, { token: enterprise });
    expect(timeline.body.map((t: { action: string }) => t.action)).toEqual([
      'create',
      'submit',
      ...facts,
      'remind',
      'auto-confirm',
      'rate',
    ]);
  });
});
