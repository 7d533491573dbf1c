import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

/**
 * Notifications across the running services: an enterprise submits a 榜单 to challenge-service over HTTP; the fact
 * travels outbox → Kafka → notification-service, which tells the bureau (inbox, e-mail, a signed webhook to the
 * bureau's receiver) and the district office, and not the enterprise itself.
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

    const draft = await http('POST', `${system.urls.challenge}/api/v1/challenges`, {
      token: enterprise,
      body: { title: '压铸模具随形冷却水道设计', description: '压铸模具局部过热导致粘模，需要随形冷却设计。', bountyYuan: 800_000, deadline: '2027-12-31' },
    });
    expect(draft.status).toBe(201);
    expect((await http('POST', `${system.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, { token: enterprise })).status).toBe(200);

    const call = await eventually(() => {
      expect(calls).toHaveLength(1);
      return calls[0];
    }, 30_000);
    const signature = createHmac('sha256', hook.body.secret).update(`${call.headers['x-jiebang-timestamp']}.${call.body}`).digest('hex');
    expect(call.headers['x-jiebang-signature']).toBe(`v1=${signature}`);
    expect(JSON.parse(call.body)).toMatchObject({ type: 'challenge.submitted', title: '新榜单待论证：压铸模具随形冷却水道设计' });

    const deliveries = await eventually(async () => {
      const rows = await query<{ recipient_org_id: string; channel: string; status: string }>(
        system.databases.notification,
        'SELECT recipient_org_id, channel, status FROM deliveries ORDER BY recipient_org_id, channel',
      );
      expect(rows.every((r) => r.status !== 'pending')).toBe(true);
      return rows;
    }, 30_000);
    // No SMTP server in this run: the bureau's e-mail is rendered and logged (development transport). The district
    // office has no e-mail address yet: its e-mail is recorded as skipped, its inbox notice sent.
    expect(deliveries.map((d) => [d.recipient_org_id, d.channel, d.status])).toEqual([
      ['org-bureau', 'email', 'sent'],
      ['org-bureau', 'inbox', 'sent'],
      ['org-bureau', 'webhook', 'sent'],
      ['org-district-500112', 'email', 'skipped'],
      ['org-district-500112', 'inbox', 'sent'],
    ]);
    const office = await mintToken(principals.district);
    expect((await http('GET', `${notifications}/notifications`, { token: office })).body.items.map((n: { title: string }) => n.title)).toEqual([
      '辖区企业提交榜单：压铸模具随形冷却水道设计',
    ]);
    expect((await http('GET', `${notifications}/notifications`, { token: enterprise })).body.items).toEqual([]);
  });
});
