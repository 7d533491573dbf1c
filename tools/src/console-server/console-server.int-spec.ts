import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleServer } from './console-server';

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A service as the proxy sees one: it records what arrives, answers JSON, and holds an SSE stream open. */
function upstream(name: string) {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    if (req.url?.split('?')[0].endsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: ready\ndata: {"unread":2}\n\n');
      return; // stays open, as a live stream does
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ service: name, url: req.url }));
  });
  return { server, seen };
}

describe('console server: static files, runtime config and same-origin reverse proxy', () => {
  const challenge = upstream('challenge');
  const notification = upstream('notification');
  let consoleServer: Server;
  let base: string;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><title>揭榜挂帅</title></html>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = createConsoleServer({
      staticDir: dist,
      upstreams: { challenge: await listen(challenge.server), matching: 'http://127.0.0.1:9', notification: await listen(notification.server) },
      runtimeConfig: { oidc: { authority: '/oidc', clientId: 'jiebang-console', scope: 'openid profile api' } },
    });
    consoleServer = createServer(app);
    base = await listen(consoleServer);
  });

  afterAll(() => {
    consoleServer.closeAllConnections();
    consoleServer.close();
    challenge.server.closeAllConnections();
    challenge.server.close();
    notification.server.closeAllConnections();
    notification.server.close();
  });

  it('sends /<service>/api/… to that service as /api/…, with forwarding headers and the caller\'s token', async () => {
    const res = await fetch(`${base}/challenge/api/v1/challenges?status=SUBMITTED`, { headers: { authorization: 'Bearer t0ken' } });
    expect(await res.json()).toEqual({ service: 'challenge', url: '/api/v1/challenges?status=SUBMITTED' });
    const arrived = challenge.seen.at(-1)!;
    expect(arrived.headers.authorization).toBe('Bearer t0ken');
    expect(arrived.headers['x-forwarded-for']).toBeDefined();
  });

  it('does not expose what is outside a service\'s /api (metrics, docs): those paths are the app\'s pages', async () => {
    const before = challenge.seen.length;
    const res = await fetch(`${base}/challenge/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(challenge.seen.length).toBe(before);
  });

  it('streams server-sent events through at once, unbuffered', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/notification/api/v1/notifications/stream?access_token=x`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const first = await res.body!.getReader().read();
    expect(new TextDecoder().decode(first.value)).toContain('event: ready');
    controller.abort();
  });

  it('answers a service that is down in the services\' error shape', async () => {
    const res = await fetch(`${base}/matching/api/v1/matching/rank`, { method: 'POST' });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' });
  });

  it('serves the runtime configuration, the app for every page, and caches hashed assets for good', async () => {
    const config = await fetch(`${base}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(await config.json()).toEqual({ oidc: { authority: '/oidc', clientId: 'jiebang-console', scope: 'openid profile api' } });

    const page = await fetch(`${base}/challenges/5b3c/history`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('揭榜挂帅');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/assets/gone-000.js`)).status).toBe(404);
  });
});
