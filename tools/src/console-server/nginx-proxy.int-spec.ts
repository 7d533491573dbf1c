import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(__dirname, '../../..');
const TEMPLATE = join(ROOT, 'tools/docker/nginx.conf.template');
const DIST = join(ROOT, 'apps/web-console/dist'); // built by `npm test` (tools/install.sh) before jest runs
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';

/** A stand-in upstream that answers with what it received, so the test sees nginx's path rewriting and headers. */
function echo(name: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.includes('/notifications/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: hello\ndata: {}\n\n');
      return; // held open, as the inbox stream is
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ upstream: name, url: req.url, host: req.headers.host, forwardedHost: req.headers['x-forwarded-host'] }));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const portOf = (s: Server) => (s.address() as AddressInfo).port;

/**
 * The console's nginx configuration for docker-compose (tools/docker/nginx.conf.template), run by the real nginx
 * binary: the built console with its SPA fallback and security headers, /config.json rendered from the environment as
 * the nginx image's envsubst does, and the same-origin routes to the three services and the OIDC provider (compose
 * host names pointed at local stand-ins).
 */
describe('the console behind nginx (docker-compose configuration)', () => {
  const upstreams: Record<string, Server> = {};
  let nginx: ChildProcess;
  let base: string;

  beforeAll(async () => {
    for (const name of ['challenge-service', 'matching-service', 'notification-service', 'oidc-provider']) upstreams[name] = await echo(name);
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = portOf(probe);
        probe.close(() => done(p));
      });
    });
    base = `http://127.0.0.1:${port}`;
    const env = { OIDC_AUTHORITY: '/oidc', OIDC_CLIENT_ID: 'jiebang-console', OIDC_SCOPE: 'openid profile api' };
    let site = readFileSync(TEMPLATE, 'utf8').replace(/\$\{(OIDC_\w+)\}/g, (_m, k: keyof typeof env) => env[k]);
    site = site
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('root /usr/share/nginx/html;', `root ${DIST};`)
      .replace(/http:\/\/([a-z-]+):\d+/g, (_m, host: string) => `http://127.0.0.1:${portOf(upstreams[host])}`);
    const dir = mkdtempSync(join(tmpdir(), 'jiebang-nginx-'));
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn; events {}
       http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
              fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi; include ${dir}/site.conf; }`,
    );
    const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/config.json`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not answer; see ${dir}/error.log`);
  });

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await Promise.all(Object.values(upstreams).map((s) => new Promise((done) => s.close(done))));
  });

  it('serves the built console, falls back to index.html for client routes, with the security headers', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toBe(readFileSync(join(DIST, 'index.html'), 'utf8'));
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const deep = await fetch(`${base}/service-orders/3f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await fetch(`${base}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('renders /config.json from the environment', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ oidc: { authority: '/oidc', clientId: 'jiebang-console', scope: 'openid profile api' } });
  });

  it('routes each service and the OIDC provider on the same origin, with the forwarded host', async () => {
    const cases = [
      ['/challenge/api/v1/challenges?page=2', 'challenge-service', '/api/v1/challenges?page=2'],
      ['/matching/api/v1/dispatches', 'matching-service', '/api/v1/dispatches'],
      ['/notification/api/v1/notifications', 'notification-service', '/api/v1/notifications'],
      ['/oidc/.well-known/openid-configuration', 'oidc-provider', '/oidc/.well-known/openid-configuration'],
    ];
    for (const [path, upstream, url] of cases) {
      const body = await (await fetch(`${base}${path}`)).json();
      expect(body).toMatchObject({ upstream, url, forwardedHost: new URL(base).host });
    }
  });

  it('passes the inbox stream through unbuffered', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/notification/api/v1/notifications/stream?access_token=x`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: hello'); // arrives while the upstream still holds the response open
    controller.abort();
  });
});
