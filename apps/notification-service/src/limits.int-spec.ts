import { eventually, http, mintToken } from '@jiebang/testing';
import type { Principal } from '@jiebang/contracts';
import { openStream, type SseClient } from './testing/sse-client';
import { districtOffice, startNotificationApp, type NotificationApp } from './testing/notification-app';

/**
 * Bounded use: webhook endpoints per audience, pages, live streams per person and per instance, and a live stream's
 * lifetime (its token's). Small limits here: 3 endpoints, 2 streams a person, 3 streams an instance.
 */
describe('limits', () => {
  let app: NotificationApp;
  const api = (path: string) => `${app.url}/api/v1${path}`;
  const person = (n: number): Principal => ({ sub: `u-limits-${n}`, role: 'enterprise', orgId: `org-ent-limits-${n}` });
  const streamUrl = (token: string) => api(`/notifications/stream?access_token=${token}`);

  beforeAll(async () => {
    app = await startNotificationApp({ WEBHOOK_MAX_ENDPOINTS: '3', SSE_MAX_STREAMS_PER_PRINCIPAL: '2', SSE_MAX_STREAMS: '3' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('caps webhook endpoints per audience, refuses a duplicate, and pages the list', async () => {
    const token = await mintToken(districtOffice('500118'));
    const register = (url: string, categories = ['challenge']) => http('POST', api('/webhooks'), { token, body: { url, categories } });
    expect((await register('https://erp.example.com/hooks/a', ['challenge', 'project'])).status).toBe(201);
    const twin = await register('HTTPS://ERP.EXAMPLE.COM:443/hooks/a', ['project']);
    expect(twin).toMatchObject({ status: 409, body: { code: 'WEBHOOK_DUPLICATE', details: { field: 'url', categories: ['project'] } } });
    expect((await register('https://erp.example.com/hooks/a', ['profile'])).status).toBe(201);
    // Registrations at once cannot slip past the limit together.
    const racing = await Promise.all(['b', 'c', 'd'].map((p) => register(`https://erp.example.com/hooks/${p}`)));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(racing.filter((r) => r.status === 409).map((r) => r.body)).toEqual([
      expect.objectContaining({ code: 'WEBHOOK_ENDPOINT_LIMIT', details: { limit: 3 } }),
      expect.objectContaining({ code: 'WEBHOOK_ENDPOINT_LIMIT', details: { limit: 3 } }),
    ]);
    // The cap is the audience's: another organisation (or this one in another role) has its own.
    const other = await mintToken(districtOffice('500119'));
    expect((await http('POST', api('/webhooks'), { token: other, body: { url: 'https://erp.example.com/hooks/a', categories: ['challenge'] } })).status).toBe(201);

    const first = await http('GET', api('/webhooks?pageSize=2'), { token });
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await http('GET', api('/webhooks?pageSize=2&page=2'), { token });
    expect([...first.body.items, ...second.body.items].map((e: { url: string }) => e.url)).toEqual([
      'https://erp.example.com/hooks/a',
      'https://erp.example.com/hooks/a',
      expect.stringMatching(/^https:\/\/erp\.example\.com\/hooks\/[bcd]$/),
    ]);
  });

  it('bounds every page and page size', async () => {
    const token = await mintToken(person(9));
    const bureau = await mintToken({ sub: 'u-limits-bureau', role: 'bureau', orgId: 'org-bureau' });
    const cases: [string, string, string][] = [
      [token, '/webhooks?pageSize=101', 'pageSize'],
      [token, '/webhooks?page=1001', 'page'],
      [token, '/notifications?page=1001', 'page'],
      [bureau, '/operator/deliveries?page=1001', 'page'],
      [bureau, '/directory/organisations?pageSize=500', 'pageSize'],
    ];
    for (const [who, path, field] of cases) {
      const res = await http('GET', api(path), { token: who });
      expect({ path, status: res.status, code: res.body.code, field: res.body.details?.field }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', field });
    }
    expect((await http('GET', api('/notifications?page=1000'), { token })).status).toBe(200);
  });

  it('caps live streams per person and per instance, and frees a slot when a stream closes', async () => {
    const streams: SseClient[] = [];
    try {
      const [a, b, c] = await Promise.all([1, 2, 3].map((n) => mintToken(person(n))));
      for (const token of [a, a, b]) {
        const s = await openStream(streamUrl(token));
        streams.push(s);
        await s.next('ready');
      }
      const personal = await http('GET', streamUrl(a));
      expect(personal).toMatchObject({ status: 429, body: { code: 'SSE_TOO_MANY_STREAMS', details: { scope: 'principal', limit: 2 } } });
      const instance = await http('GET', streamUrl(c));
      expect(instance).toMatchObject({ status: 429, body: { code: 'SSE_TOO_MANY_STREAMS', details: { scope: 'instance', limit: 3 } } });

      streams.shift()!.close();
      const again = await eventually(() => openStream(streamUrl(c)));
      streams.push(again);
      expect((await again.next('ready')).data).toEqual({ unread: 0 });
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('ends a live stream when its token expires, telling the page why, and frees its slot', async () => {
    const p = person(4);
    const shortLived = await mintToken(p, { expiresIn: '2s' });
    // Slots of the previous test are given back as their sockets close.
    const stream = await eventually(() => openStream(streamUrl(shortLived)));
    await stream.next('ready');
    const expired = await stream.next('expired');
    expect(expired.data).toEqual({ code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    await stream.ended; // the server closed it
    expect(stream.events.map((e) => e.type).at(-1)).toBe('expired');

    // The person may open both their streams again: the expired one gave its slot back.
    const fresh = await mintToken(p);
    const both = await eventually(async () => {
      const first = await openStream(streamUrl(fresh));
      try {
        return [first, await openStream(streamUrl(fresh))];
      } catch (e) {
        first.close();
        throw e;
      }
    });
    both.forEach((s) => s.close());
  });
});
