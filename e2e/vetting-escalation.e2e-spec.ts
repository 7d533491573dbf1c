import { eventually, http, mintToken, principals, query, verifiedEnterprise } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

/**
 * A workflow timer end to end: an enterprise submits a 榜单 and the bureau does not start 专家论证 within the
 * vetting SLA (2 s here instead of 5 working days) → challenge-service's durable timer fires →
 * `challenge.vetting-overdue` travels outbox → Kafka → notification-service → the bureau's inbox. Nothing is mocked.
 */
describe('escalation: a challenge left waiting for vetting reaches the bureau as a mandatory notice', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ challenge: { VETTING_SLA: '2s' } });
  });

  afterAll(async () => {
    await system?.stop(); // also deletes this run's Redis keys, the timer jobs among them
  });

  it('submit → (SLA passes) → the bureau’s inbox holds the escalation, once, beside the work item', async () => {
    const enterprise = await mintToken(principals.enterprise);
    const bureau = await mintToken(principals.bureau);
    const challenges = `${system.urls.challenge}/api/v1/challenges`;
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const draft = await http('POST', challenges, {
      token: enterprise,
      body: { title: '铝合金压铸件气孔率控制', description: '电池包壳体压铸件气孔导致气密性不合格。', fields: ['light-metal'], bountyYuan: 800_000, deadline: '2027-12-31' },
    });
    const submitted = await http('POST', `${challenges}/${draft.body.id}/submit`, { token: enterprise });
    expect(submitted.status).toBe(200);

    const items = await eventually(async () => {
      const res = await http('GET', `${system.urls.notification}/api/v1/notifications?category=challenge`, { token: bureau });
      expect(res.body.items.map((n: { title: string }) => n.title).sort()).toEqual(['新榜单待论证：铝合金压铸件气孔率控制', '榜单论证超期：铝合金压铸件气孔率控制']);
      return res.body.items as { title: string; body: string; link: string; mandatory: boolean; eventType: string }[];
    }, 30_000);
    const escalation = items.find((n) => n.eventType === 'challenge.vetting-overdue')!;
    expect(escalation).toMatchObject({ mandatory: true, link: `/challenges/${draft.body.id}` });
    expect(escalation.body).toContain('重庆渝江铝业压铸有限公司（渝北区）');
    expect(escalation.body).toContain('已超期不足 1 天');

    // Once: the timer fired once, the challenge kept its status, and the enterprise was not sent the bureau's notice.
    expect(await query(system.databases.challenge, `SELECT count(*)::int AS n FROM outbox WHERE type = 'challenge.vetting-overdue'`)).toEqual([{ n: 1 }]);
    expect((await http('GET', `${challenges}/${draft.body.id}`, { token: bureau })).body.status).toBe('SUBMITTED');
    const enterpriseInbox = await http('GET', `${system.urls.notification}/api/v1/notifications?category=challenge`, { token: enterprise });
    expect(enterpriseInbox.body.items).toHaveLength(0);
  });
});
