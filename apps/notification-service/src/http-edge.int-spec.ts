import { randomUUID } from 'node:crypto';
import { mintToken, principals, send } from '@jiebang/testing';
import { startNotificationApp, type NotificationApp } from './testing/notification-app';

// The HTTP edge every service shares (libs/service-kit): body limit from HTTP_BODY_LIMIT, JSON only, strict bodies,
// body-less commands, unreadable JSON. Each refusal carries the error body; none is a 500.
describe('the HTTP edge (service-kit) on notification-service', () => {
  let app: NotificationApp;
  let token: string;
  beforeAll(async () => {
    app = await startNotificationApp({ HTTP_BODY_LIMIT: '2kb' });
    token = await mintToken(principals.enterprise);
  });
  afterAll(() => app?.close());

  const call = (method: string, path: string, body: string, contentType = 'application/json') =>
    send({ method, url: `${app.url}/api/v1${path}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });

  it('answers a body over HTTP_BODY_LIMIT with 413 and the error body, one under it normally', async () => {
    const over = await call('POST', '/webhooks', JSON.stringify({ url: 'https://example.com/hook', categories: ['challenge'], description: 'x'.repeat(3000) }));
    expect(over).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
    const under = await call('POST', '/webhooks', JSON.stringify({ url: 'https://example.com/hook', categories: ['challenge'], description: 'x'.repeat(1000) }));
    expect(under.status).toBe(400); // under the limit: the schema's own max length (200) answers
    expect(under.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'description' } });
  });

  it('refuses a non-JSON body with 415 and unreadable JSON with 400 naming the body', async () => {
    expect(await call('PUT', '/preferences', '{}', 'text/plain')).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(await call('PUT', '/preferences', 'a=1', 'application/x-www-form-urlencoded')).toMatchObject({ status: 415 });
    expect(await call('PUT', '/preferences', '{"a":')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', details: { field: '(body)' } } });
  });

  it('refuses an unknown field by name, a body on a body-less command, and text PostgreSQL cannot store', async () => {
    const unknown = await call('POST', '/webhooks', JSON.stringify({ url: 'https://example.com/hook', categories: ['challenge'], isAdmin: true }));
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'isAdmin' } } });
    const bodyless = await call('POST', `/webhooks/${randomUUID()}/enable`, JSON.stringify({ reason: 'x' }));
    expect(bodyless).toMatchObject({ status: 400, body: { code: 'UNEXPECTED_BODY', details: { field: 'reason' } } });
    const nul = await call('POST', '/webhooks', JSON.stringify({ url: 'https://example.com/hook', categories: ['challenge'], description: 'a\u0000b' }));
    expect(nul).toMatchObject({ status: 400, body: { details: { field: 'description' } } });
  });

  it('answers a URL the URL check refused with 400, not the refinement’s TypeError (issue 12)', async () => {
    for (const url of ['not a url', '%00%ff', 'http://', '']) {
      const res = await call('POST', '/webhooks', JSON.stringify({ url, categories: ['challenge'] }));
      expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'url' } } });
    }
  });
});
