import { resolve } from 'node:path';
import { env, parseConfig } from '@jiebang/service-kit';
import { z } from 'zod';
import { createConsoleServer } from './console-server';

const ROOT = resolve(__dirname, '../../..');

const configSchema = z.object({
  CONSOLE_HOST: z.string().default('127.0.0.1'),
  CONSOLE_PORT: env.port(3000),
  CONSOLE_DIST: z.string().default(resolve(ROOT, 'apps/web-console/dist')),
  CHALLENGE_URL: env.url('http://127.0.0.1:3001'),
  MATCHING_URL: env.url('http://127.0.0.1:3002'),
  NOTIFICATION_URL: env.url('http://127.0.0.1:3003'),
  /** The local OIDC provider to proxy under /oidc; empty when the identity provider is elsewhere. */
  OIDC_UPSTREAM_URL: z.string().default('http://127.0.0.1:3004'),
  /** What the browser signs in with: the issuer (a path is relative to the console), the client and its scopes. */
  OIDC_AUTHORITY: z.string().default('/oidc'),
  OIDC_CLIENT_ID: z.string().default('jiebang-console'),
  OIDC_SCOPE: z.string().default('openid profile api'),
  /** Extra authorization parameters as JSON, e.g. {"resource":"https://api.example.cn"} for providers that need one. */
  OIDC_EXTRA_QUERY_PARAMS: z
    .string()
    .default('{}')
    .transform((v) => JSON.parse(v) as unknown)
    .pipe(z.record(z.string(), z.string())),
});

/** `node tools/dist/console-server/main.js`: the console on :3000 (started by `npm run up`). */
function main(): void {
  const c = parseConfig(configSchema);
  const app = createConsoleServer({
    staticDir: c.CONSOLE_DIST,
    upstreams: { challenge: c.CHALLENGE_URL, matching: c.MATCHING_URL, notification: c.NOTIFICATION_URL, oidc: c.OIDC_UPSTREAM_URL || undefined },
    runtimeConfig: { oidc: { authority: c.OIDC_AUTHORITY, clientId: c.OIDC_CLIENT_ID, scope: c.OIDC_SCOPE, extraQueryParams: c.OIDC_EXTRA_QUERY_PARAMS } },
  });
  const server = app.listen(c.CONSOLE_PORT, c.CONSOLE_HOST, () => console.log(`[jiebang] console on http://${c.CONSOLE_HOST}:${c.CONSOLE_PORT}`));
  server.on('error', (e) => {
    console.error(`[jiebang] console server: ${e.message}`);
    process.exit(1);
  });
  // Open SSE streams would hold a plain close() for ever: stop accepting, then end the idle and open connections.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    });
  }
}

try {
  main();
} catch (e) {
  console.error(`[jiebang] console server: ${(e as Error).message}`);
  process.exit(1);
}
