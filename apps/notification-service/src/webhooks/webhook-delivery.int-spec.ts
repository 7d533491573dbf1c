import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import Redis from 'ioredis';
import { DeliverySweeper } from '../deliveries/delivery.sweeper';
import { DeliveryQueues } from '../queues/delivery.queues';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { districtOffice, publish, startNotificationApp, submitted, type NotificationApp } from '../testing/notification-app';
import { verify, WEBHOOK_HEADERS } from './webhook.signature';

/**
 * Webhook retries, parking, operator replay and endpoint disabling, against a real HTTP receiver. Three attempts
 * with a 20 ms backoff; an endpoint is disabled after five consecutive failed attempts. Each test's endpoint belongs
 * to the office of its own district, and its events are in that district.
 */
describe('webhook delivery', () => {
  let app: NotificationApp;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let bureau: string;

  const api = (path: string) => `${app.url}/api/v1${path}`;
  const webhookDelivery = async (eventId: string) =>
    (
      await query<{ id: string; status: string; attempts: number; last_error: string | null }>(
        app.database,
        `SELECT id, status, attempts, last_error FROM deliveries WHERE source_id = $1 AND channel = 'webhook'`,
        [eventId],
      )
    )[0];

  async function register(code: string, path: string) {
    const token = await mintToken(districtOffice(code));
    const res = await http('POST', api('/webhooks'), { token, body: { url: `${receiver.url}${path}`, categories: ['challenge'], description: '区县业务系统' } });
    expect(res.status).toBe(201);
    return { token, endpoint: res.body as { id: string; secret: string } };
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    app = await startNotificationApp({ SMTP_URL: smtp.url, WEBHOOK_DISABLE_AFTER: '5' });
    bureau = await mintToken(principals.bureau);
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('retries a receiver that fails twice, which then gets exactly one successful delivery', async () => {
    receiver.on('/flaky', (n) => (n < 2 ? 500 : 200));
    await register('500101', '/flaky');
    const event = submitted('500101', '万州柑橘冷链保鲜');
    await publish(app.namespace, 'challenge', event);

    await eventually(async () => expect((await webhookDelivery(event.id)).status).toBe('sent'));
    const calls = receiver.callsTo('/flaky');
    expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
    // Every try carries the same delivery id, so a receiver that did process a "failed" one can drop the repeat.
    expect(new Set(calls.map((c) => c.headers['x-jiebang-delivery']))).toEqual(new Set([(await webhookDelivery(event.id)).id]));
    const attempts = await query<{ attempt: number; ok: boolean; error: string | null }>(
      app.database,
      'SELECT attempt, ok, error FROM delivery_attempts WHERE delivery_id = $1 ORDER BY id',
      [calls[0].headers['x-jiebang-delivery']],
    );
    expect(attempts).toEqual([
      { attempt: 1, ok: false, error: 'HTTP 500' },
      { attempt: 2, ok: false, error: 'HTTP 500' },
      { attempt: 3, ok: true, error: null },
    ]);
  });

  it('parks a delivery whose receiver keeps failing, with its error, for the operator to replay', async () => {
    let healthy = false;
    receiver.on('/down', () => (healthy ? 200 : 503));
    await register('500102', '/down');
    const event = submitted('500102', '涪陵榨菜低盐腌制');
    await publish(app.namespace, 'challenge', event);

    await eventually(async () => expect(await webhookDelivery(event.id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'HTTP 503' }));
    const parked = await http('GET', api('/operator/deliveries?status=failed&channel=webhook'), { token: bureau });
    expect(parked.status).toBe(200);
    const item = parked.body.items.find((d: { sourceId: string }) => d.sourceId === event.id);
    expect(item).toMatchObject({ channel: 'webhook', status: 'failed', attempts: 3, lastError: 'HTTP 503', recipientOrgId: 'org-district-500102' });
    const detail = await http('GET', api(`/operator/deliveries/${item.id}`), { token: bureau });
    expect(detail.body.attemptLog.map((a: { ok: boolean }) => a.ok)).toEqual([false, false, false]);

    // Only operators may list or replay.
    const enterprise = await mintToken(principals.enterprise);
    expect((await http('POST', api(`/operator/deliveries/${item.id}/replay`), { token: enterprise })).body.code).toBe('AUTH_ROLE_FORBIDDEN');

    healthy = true;
    const replay = await http('POST', api(`/operator/deliveries/${item.id}/replay`), { token: bureau });
    expect(replay).toMatchObject({ status: 200, body: { id: item.id, status: 'pending' } });
    await eventually(async () => expect((await webhookDelivery(event.id)).status).toBe('sent'));
    expect(receiver.callsTo('/down').map((c) => c.status)).toEqual([503, 503, 503, 200]);

    const again = await http('POST', api(`/operator/deliveries/${item.id}/replay`), { token: bureau });
    expect(again).toMatchObject({ status: 409, body: { code: 'DELIVERY_NOT_PARKED', details: { currentState: 'sent' } } });
  });

  it('delivers a replay even when Redis will not let go of the parked job, and the sweep does not park it again', async () => {
    let healthy = false;
    receiver.on('/stuck', () => (healthy ? 200 : 502));
    await register('500105', '/stuck');
    const event = submitted('500105', '黔江蚕丝蛋白提取');
    await publish(app.namespace, 'challenge', event);
    const parked = await eventually(async () => {
      const d = await webhookDelivery(event.id);
      expect(d).toMatchObject({ status: 'failed', attempts: 3 });
      return d;
    });

    // A lock left on the parked job (a worker that died holding it, until the lock expires): BullMQ will not remove it.
    const queues = app.app.get(DeliveryQueues);
    const failedJob = (await queues.channels.webhook.getJob(parked.id))!;
    expect(await failedJob.getState()).toBe('failed');
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const lock = `${queues.prefix}:notify-webhook:${parked.id}:lock`;
    try {
      await redis.set(lock, 'a-worker-that-died', 'PX', 600_000);
      await expect(failedJob.remove()).rejects.toThrow(/locked/);

      healthy = true;
      const replay = await http('POST', api(`/operator/deliveries/${parked.id}/replay`), { token: bureau });
      expect(replay).toMatchObject({ status: 200, body: { status: 'pending' } });
      // The sweep looks at the replay's own job, not at the failed one it replays.
      await app.app.get(DeliverySweeper).sweep(0);
      await eventually(async () => expect((await webhookDelivery(event.id)).status).toBe('sent'));
      await app.app.get(DeliverySweeper).sweep(0);
      expect((await webhookDelivery(event.id)).status).toBe('sent');
      expect(receiver.callsTo('/stuck').map((c) => c.status)).toEqual([502, 502, 502, 200]);
    } finally {
      await redis.del(lock);
      redis.disconnect();
    }
  });

  it('disables an endpoint that fails repeatedly, tells its owner, and lets the owner re-enable it', async () => {
    let healthy = false;
    receiver.on('/dead', () => (healthy ? 200 : 500));
    const { token, endpoint } = await register('500103', '/dead');
    await http('PUT', api('/directory/my-organisation'), { token, body: { emails: ['kjj-500103@example.cq.gov.cn'] } });

    const first = submitted('500103', '渝中区老旧电梯安全监测');
    await publish(app.namespace, 'challenge', first);
    await eventually(async () => expect((await webhookDelivery(first.id)).status).toBe('failed'));
    const second = submitted('500103', '解放碑商圈人流预测');
    await publish(app.namespace, 'challenge', second);
    // Failures 4 and 5 disable the endpoint; the second delivery is parked at once, not retried into a dead endpoint.
    await eventually(async () => expect(await webhookDelivery(second.id)).toMatchObject({ status: 'failed', attempts: 2 }));
    expect((await webhookDelivery(second.id)).last_error).toBe('HTTP 500; endpoint disabled after 5 consecutive failures');
    expect(receiver.callsTo('/dead')).toHaveLength(5);

    const listed = await http('GET', api('/webhooks'), { token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: endpoint.id, status: 'disabled', consecutiveFailures: 5, lastError: 'HTTP 500' })]);
    expect(listed.body.items[0].secret).toBeUndefined();

    // The owner is told, in its inbox and by e-mail — once.
    const notice = await eventually(async () => {
      const items = (await http('GET', api('/notifications?category=system'), { token })).body.items;
      expect(items).toHaveLength(1);
      return items[0];
    });
    expect(notice).toMatchObject({ title: `Webhook 端点已停用：${receiver.url}/dead`, mandatory: true, link: `/settings/webhooks/${endpoint.id}` });
    expect(notice.body).toContain('连续 5 次投递失败（最近一次：HTTP 500）');
    await eventually(() => expect(smtp.mails.filter((m) => m.subject === `【揭榜挂帅】Webhook 端点已停用：${receiver.url}/dead`)).toHaveLength(1));

    const parked = await webhookDelivery(first.id);
    const refused = await http('POST', api(`/operator/deliveries/${parked.id}/replay`), { token: bureau });
    expect(refused).toMatchObject({ status: 409, body: { code: 'WEBHOOK_ENDPOINT_NOT_ACTIVE', details: { currentState: 'disabled' } } });

    healthy = true;
    expect((await http('POST', api(`/webhooks/${endpoint.id}/enable`), { token })).body).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    const all = await http('POST', api('/operator/deliveries/replay'), { token: bureau, body: { channel: 'webhook' } });
    expect(all.body).toEqual({ replayed: 2, skipped: [] });
    await eventually(async () => {
      expect((await webhookDelivery(first.id)).status).toBe('sent');
      expect((await webhookDelivery(second.id)).status).toBe('sent');
    });
    expect(receiver.callsTo('/dead').filter((c) => c.status === 200)).toHaveLength(2);
  });

  it('keeps secrets sealed at rest, and signs with the rotated secret once it is issued', async () => {
    const { token, endpoint } = await register('500104', '/rotated');
    const stored = async () =>
      (await query<{ secret: string }>(app.database, 'SELECT secret FROM webhook_endpoints WHERE id = $1', [endpoint.id]))[0].secret;
    const sealed = await stored();
    expect(sealed).toMatch(/^aes-256-gcm:[\w-]{8}:/);
    expect(sealed).not.toContain(endpoint.secret.slice('whsec_'.length));

    const rotated = await http('POST', api(`/webhooks/${endpoint.id}/rotate-secret`), { token });
    expect(rotated).toMatchObject({ status: 200, body: { id: endpoint.id, secret: expect.stringMatching(/^whsec_/) } });
    const resealed = await stored();
    expect(resealed).toMatch(/^aes-256-gcm:/);
    expect(resealed).not.toBe(sealed);
    expect(resealed).not.toContain(rotated.body.secret.slice('whsec_'.length));

    const event = submitted('500104', '荣昌夏布数字化纹样库');
    await publish(app.namespace, 'challenge', event);
    const [call] = await eventually(() => {
      const calls = receiver.callsTo('/rotated');
      expect(calls).toHaveLength(1);
      return calls;
    });
    // The receiver's own check, at the moment the request was signed (no clock involved).
    const timestamp = call.headers[WEBHOOK_HEADERS.timestamp] as string;
    const signature = call.headers[WEBHOOK_HEADERS.signature] as string;
    expect(verify(rotated.body.secret, signature, timestamp, call.body, Number(timestamp))).toBe(true);
    expect(verify(endpoint.secret, signature, timestamp, call.body, Number(timestamp))).toBe(false);
  });
});
