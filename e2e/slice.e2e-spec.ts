import { eventually, http, mintToken, principals, query, verifiedEnterprise } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

/**
 * The foundation slice across the three running services: an enterprise drafts and submits a 榜单 over HTTP →
 * challenge.submitted travels outbox → Kafka → matching's read model and notification-service's inbox → the
 * bureau reads it over HTTP. Nothing is mocked.
 */
const DRAFT = {
  description: '电池包壳体压铸件机加工后出现气孔，打压测试泄漏，需要优化压铸工艺。',
  keywords: ['压铸', '气孔'],
  fields: ['light-metal'],
  bountyYuan: 1_500_000,
  deadline: '2027-12-31',
};

describe('slice: challenge submitted → matching read model → bureau notification', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('delivers a submitted challenge to matching and to the bureau inbox, once', async () => {
    const enterprise = await mintToken(principals.enterprise);
    const bureau = await mintToken(principals.bureau);
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const draft = await http('POST', `${system.urls.challenge}/api/v1/challenges`, {
      token: enterprise,
      body: {
        ...DRAFT,
        title: '压铸件机加工后气孔导致气密性不合格',
      },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('DRAFT');

    const submitted = await http('POST', `${system.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, { token: enterprise });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2 });

    await eventually(async () => {
      const rows = await query(system.databases.matching, 'SELECT title, last_sequence FROM known_challenges WHERE id = $1', [draft.body.id]);
      expect(rows).toEqual([{ title: '压铸件机加工后气孔导致气密性不合格', last_sequence: 2 }]);
    }, 30_000);

    const inbox = await eventually(async () => {
      const res = await http('GET', `${system.urls.notification}/api/v1/notifications`, { token: bureau });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body;
    }, 30_000);
    expect(inbox.items[0].title).toBe('新榜单待论证：压铸件机加工后气孔导致气密性不合格');
    expect(inbox.items[0].body).toContain('重庆渝江铝业压铸有限公司（渝北区）');
    expect(inbox.items[0].body).toContain('150 万元');

    // Scoped: the enterprise itself does not get the bureau's notice (only, in its own category, its verification's).
    const enterpriseInbox = await http('GET', `${system.urls.notification}/api/v1/notifications?category=challenge`, { token: enterprise });
    expect(enterpriseInbox.body.items).toHaveLength(0);

    // The same request id runs through all three services' records.
    const [outboxRow] = await query<{ envelope: { correlationId: string } }>(system.databases.challenge, 'SELECT envelope FROM outbox WHERE key = $1', [
      draft.body.id,
    ]);
    expect(outboxRow.envelope.correlationId).toBe(submitted.headers.get('x-correlation-id'));

    // Once: a second challenge travels the same path behind the first; when its notice has arrived, the first
    // one's would have been doubled by then if it ever were.
    const probe = await http('POST', `${system.urls.challenge}/api/v1/challenges`, { token: enterprise, body: { ...DRAFT, title: '第二个榜单' } });
    await http('POST', `${system.urls.challenge}/api/v1/challenges/${probe.body.id}/submit`, { token: enterprise });
    const both = await eventually(async () => {
      const res = await http('GET', `${system.urls.notification}/api/v1/notifications`, { token: bureau });
      expect(res.body.items).toHaveLength(2);
      return res.body.items as { title: string }[];
    }, 30_000);
    expect(both.map((n) => n.title).sort()).toEqual(['新榜单待论证：压铸件机加工后气孔导致气密性不合格', '新榜单待论证：第二个榜单']);
  });

  it('stops every service gracefully on SIGTERM (exit code 0)', async () => {
    // Last in this file (jest runs tests in declaration order): nothing uses the system afterwards.
    const codes = await system.stop();
    expect(codes).toEqual({ challenge: 0, matching: 0, notification: 0 });
    system = undefined as never;
  });
});

