import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, http, mintToken, principals, query, verifiedEnterprise } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

/**
 * Notifications across the running services: an enterprise submits a 榜单 to challenge-service over HTTP; the fact
 * travels outbox → Kafka → notification-service, which tells the bureau (inbox, e-mail, a signed webhook to the
 * bureau's receiver) and the district office, and not the enterprise itself. Before it may submit, the enterprise
 * registers its profile and the district office verifies it: each hears of the other's step.
 */
describe('notifications: a submitted challenge reaches the bureau on every channel', () => {
  let system: RunningSystem;
  let receiver: Server;
  const calls: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        calls.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
    receiver?.close();
  });

  it('delivers in-app, e-mail and webhook notices once, to the right organisations', async () => {
    const bureau = await mintToken(principals.bureau);
    const enterprise = await mintToken(principals.enterprise);
    const notifications = `${system.urls.notification}/api/v1`;
    await http('PUT', `${notifications}/directory/my-organisation`, { token: bureau, body: { emails: ['kjj-gongzuo@example.cq.gov.cn'] } });
    const hook = await http('POST', `${notifications}/webhooks`, {
      token: bureau,
      body: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/jiebang`, categories: ['challenge'] },
    });
    expect(hook.status).toBe(201);
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);

    const submit = async (title: string) => {
      const draft = await http('POST', `${system.urls.challenge}/api/v1/challenges`, {
        token: enterprise,
        body: { title, description: '压铸模具局部过热导致粘模，需要随形冷却设计。', bountyYuan: 800_000, deadline: '2027-12-31' },
      });
      expect(draft.status).toBe(201);
      expect((await http('POST', `${system.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, { token: enterprise })).status).toBe(200);
      return draft.body.id as string;
    };
    const first = await submit('压铸模具随形冷却水道设计');
    const call = await eventually(() => {
      expect(calls).toHaveLength(1);
      return calls[0];
    }, 30_000);
    const signature = createHmac('sha256', hook.body.secret).update(`${call.headers['x-jiebang-timestamp']}.${call.body}`).digest('hex');
    expect(call.headers['x-jiebang-signature']).toBe(`v1=${signature}`);
    expect(JSON.parse(call.body)).toMatchObject({ type: 'challenge.submitted', title: '新榜单待论证：压铸模具随形冷却水道设计' });

    // Once: a probe challenge, submitted after the first, travels the same path behind it (challenge-service's outbox,
    // Kafka, notification-service's consumer and queues); when all its notices are out, a second copy of the first
    // one's — a relay re-send, a redelivery, a re-run job — would have been out by then too. Only then count.
    const probe = await submit('探针：其后无重复');
    const rows = await eventually(async () => {
      const all = await query<{ link: string; recipient_org_id: string; channel: string; status: string }>(
        system.databases.notification,
        `SELECT content->>'link' AS link, recipient_org_id, channel, status FROM deliveries ORDER BY recipient_org_id, channel`,
      );
      expect(all.filter((r) => r.link === `/challenges/${probe}`)).toHaveLength(5);
      expect(all.every((r) => r.status !== 'pending')).toBe(true);
      expect(calls.filter((c) => JSON.parse(c.body).link.endsWith(`/challenges/${probe}`))).toHaveLength(1);
      return all;
    }, 30_000);

    expect(calls.filter((c) => JSON.parse(c.body).link.endsWith(`/challenges/${first}`))).toHaveLength(1);
    // No SMTP server in this run: the bureau's e-mail is rendered and logged (development transport). The district
    // office has no e-mail address yet: its e-mail is recorded as skipped, its inbox notice sent.
    expect(rows.filter((r) => r.link === `/challenges/${first}`).map((d) => [d.recipient_org_id, d.channel, d.status])).toEqual([
      ['org-bureau', 'email', 'sent'],
      ['org-bureau', 'inbox', 'sent'],
      ['org-bureau', 'webhook', 'sent'],
      ['org-district-500112', 'email', 'skipped'],
      ['org-district-500112', 'inbox', 'sent'],
    ]);
    const office = await mintToken(principals.district);
    const titles = async (token: string, category: string) =>
      (await http('GET', `${notifications}/notifications?category=${category}`, { token })).body.items.map((n: { title: string }) => n.title);
    const officeTitles = await titles(office, 'challenge');
    expect(officeTitles.sort()).toEqual(['辖区企业提交榜单：压铸模具随形冷却水道设计', '辖区企业提交榜单：探针：其后无重复']);
    const bureauTitles = (await http('GET', `${notifications}/notifications`, { token: bureau })).body.items.map((n: { title: string }) => n.title);
    expect(bureauTitles.sort()).toEqual(['新榜单待论证：压铸模具随形冷却水道设计', '新榜单待论证：探针：其后无重复']);
    expect(await titles(enterprise, 'challenge')).toEqual([]);

    // The enterprise stream reaches the same inboxes: the office's work item, and the enterprise's verification.
    await eventually(async () => {
      expect(await titles(office, 'enterprise')).toEqual(['新企业档案待认证：重庆渝江铝业压铸有限公司']);
      expect(await titles(enterprise, 'enterprise')).toEqual(['企业档案已通过认证']);
    }, 30_000);
  });
});
