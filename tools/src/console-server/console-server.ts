import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import express, { type Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

/** Where each prefix goes. A service's `/<name>/api/…` becomes its `/api/…`; the OIDC provider keeps its /oidc path. */
export interface Upstreams {
  challenge: string;
  matching: string;
  notification: string;
  /** The local OIDC provider (development); absent when a real identity provider lives elsewhere. */
  oidc?: string;
}

export interface ConsoleServerOptions {
  staticDir: string;
  upstreams: Upstreams;
  /** Served as /config.json: what the console needs to know at run time (see apps/web-console runtime-config.ts). */
  runtimeConfig: { oidc: { authority: string; clientId: string; scope: string; extraQueryParams?: Record<string, string> } };
}

/** The console's own pages: scripts and API calls from this origin only; Ant Design injects its styles at run time. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** An unreachable service answers in the services' own error shape, so the console words it like any other refusal. */
function upstreamDown(res: ServerResponse): void {
  if (res.headersSent) return void res.end();
  res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' }));
}

function proxy(prefix: string, target: string, keepPrefix: boolean) {
  return createProxyMiddleware({
    target,
    pathFilter: (path) => path === prefix || path.startsWith(`${prefix}/`),
    pathRewrite: keepPrefix ? undefined : (path) => path.slice(prefix.length - '/api'.length),
    // X-Forwarded-For/-Host/-Proto: the services log the client, and the OIDC provider builds its URLs from them.
    xfwd: true,
    on: { error: (_err, _req, res) => upstreamDown(res as ServerResponse) },
  });
}

/**
 * The console's server for `npm run up` (docker-compose uses nginx with the same routes): the built files, the
 * runtime configuration, and a reverse proxy to the three services and the OIDC provider on the same origin, so the
 * browser needs no CORS. Responses stream (SSE passes through unbuffered); hashed assets are cached for good.
 */
export function createConsoleServer(o: ConsoleServerOptions): Express {
  const index = resolve(o.staticDir, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: build the console first (npm run console:build)`);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => void res.type('text').send('ok'));
  app.use(proxy('/challenge/api', o.upstreams.challenge, false));
  app.use(proxy('/matching/api', o.upstreams.matching, false));
  app.use(proxy('/notification/api', o.upstreams.notification, false));
  if (o.upstreams.oidc) app.use(proxy('/oidc', o.upstreams.oidc, true));

  app.use((_req, res, next) => {
    res.set({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
    next();
  });
  app.get('/config.json', (_req, res) => void res.set('cache-control', 'no-store').json(o.runtimeConfig));
  app.use(
    '/assets',
    express.static(resolve(o.staticDir, 'assets'), { index: false, fallthrough: false, immutable: true, maxAge: '365d' }),
  );
  app.use(express.static(o.staticDir, { index: false, maxAge: '1h' }));
  // Every other page is the single-page app; index.html is revalidated so a new deployment is picked up at once.
  app.get(/.*/, (_req, res) => res.set('cache-control', 'no-cache').sendFile(index));
  return app;
}
