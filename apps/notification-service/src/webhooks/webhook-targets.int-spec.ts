import { eventually, http, mintToken, query } from '@jiebang/testing';
import { districtOffice, publish, startNotificationApp, submitted, type NotificationApp } from '../testing/notification-app';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';

/**
 * SSRF with private targets switched off, as in production (https is not required here: NODE_ENV is test). The
 * receiver runs on 127.0.0.1, where nothing may reach it.
 */
describe('webhook targets (WEBHOOK_ALLOW_PRIVATE_TARGETS=false)', () => {
  let app: NotificationApp;
  let receiver: WebhookReceiver;
  let token: string;

  const api = (path: string) => `${app.url}/api/v1${path}`;
  const register = (url: string) => http('POST', api('/webhooks'), { token, body: { url, categories: ['challenge'] } });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startNotificationApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    token = await mintToken(districtOffice('500105'));
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('refuses to register an internal address with 400 WEBHOOK_URL_PRIVATE_TARGET on the url', async () => {
    const port = new URL(receiver.url).port;
    const internal = [
      `${receiver.url}/hook`,
      `http://localhost:${port}/hook`,
      `http://2130706433:${port}/hook`, // 127.0.0.1 in decimal
      `http://0177.0.0.1:${port}/hook`, // and in octal
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://[::1]:${port}/hook`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://100.100.100.200/latest/meta-data/',
      'http://10.0.12.7/hook',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://vm/hook', // a single-label name, here in /etc/hosts
    ];
    for (const url of internal) {
      const res = await register(url);
      expect({ url, status: res.status, code: res.body.code, field: res.body.details?.field }).toEqual({
        url,
        status: 400,
        code: 'WEBHOOK_URL_PRIVATE_TARGET',
        field: 'url',
      });
      expect(res.body.message).toContain('内网');
    }
    expect((await http('GET', api('/webhooks'), { token })).body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses credentials in the url, and registers a public one', async () => {
    const withCredentials = await register('https://erp:pa55@erp.example.com/hook');
    expect(withCredentials).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'url' } } });
    expect((await register('https://erp.example.com/hooks/jiebang')).status).toBe(201);
  });

  it('checks again before each delivery: a target that became internal is never called', async () => {
    // Rows registered with public names, then pointed inwards: a row older than the rules, or a name whose owner
    // re-pointed it (the name-resolves-privately case at connect time is covered by webhook.http.int-spec.ts).
    const port = new URL(receiver.url).port;
    const owner = await mintToken(districtOffice('500106'));
    const ids: string[] = [];
    for (const host of ['erp-a.example.com', 'erp-b.example.com']) {
      const res = await http('POST', api('/webhooks'), { token: owner, body: { url: `http://${host}/hook`, categories: ['challenge'] } });
      ids.push(res.body.id);
    }
    await query(app.database, 'UPDATE webhook_endpoints SET url = $2 WHERE id = $1', [ids[0], `http://127.0.0.1:${port}/literal`]);
    await query(app.database, 'UPDATE webhook_endpoints SET url = $2 WHERE id = $1', [ids[1], `http://localhost:${port}/name`]);

    const event = submitted('500106', '大足石刻数字化保护');
    await publish(app.namespace, 'challenge', event);
    const parked = await eventually(async () => {
      const rows = await query<{ status: string; last_error: string }>(
        app.database,
        `SELECT status, last_error FROM deliveries WHERE source_id = $1 AND channel = 'webhook'`,
        [event.id],
      );
      expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
      return rows;
    });
    expect(parked.map((r) => r.last_error)).toEqual(['blocked: private address', 'blocked: private address']);
    expect(receiver.calls).toEqual([]);
  });
});
