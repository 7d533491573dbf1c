import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { env, parseConfig } from '@jiebang/service-kit';
import { z } from 'zod';
import { SEEDS_DIR } from '../demo-organisations';
import { loadDemoAccounts } from './demo-accounts';
import { createOidcApp, MOUNT_PATH } from './provider';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  OIDC_HOST: z.string().default('127.0.0.1'),
  OIDC_PORT: env.port(3004),
  /** Public: the console's origin plus /oidc, since browsers reach the provider through the console's proxy. */
  OIDC_ISSUER: z.url().default(`http://127.0.0.1:3000${MOUNT_PATH}`),
  CONSOLE_ORIGINS: env.list('http://127.0.0.1:3000,http://localhost:3000'),
  JWT_AUDIENCE: z.string().default('jiebang'),
  OIDC_ACCESS_TOKEN_TTL: env.int(900, 10),
  OIDC_SESSION_TTL: env.int(8 * 3600, 60),
});

/** `node tools/dist/oidc/main.js`: the local OIDC provider (started by `npm run up`); never in production. */
function main(): void {
  const config = parseConfig(configSchema);
  if (config.NODE_ENV === 'production') {
    throw new Error('the local OIDC provider is for development and tests only; it refuses to start when NODE_ENV=production');
  }
  const { accounts, password } = loadDemoAccounts();
  const { app } = createOidcApp({
    issuer: config.OIDC_ISSUER,
    consoleOrigins: config.CONSOLE_ORIGINS,
    audience: config.JWT_AUDIENCE,
    signingKeyPem: readFileSync(resolve(SEEDS_DIR, 'dev-keys/jwt-private.pem'), 'utf8'),
    accessTokenTtlSeconds: config.OIDC_ACCESS_TOKEN_TTL,
    sessionTtlSeconds: config.OIDC_SESSION_TTL,
    accounts,
    password,
    // Sessions live in memory, so cookies need not outlive the process.
    cookieKeys: [randomBytes(32).toString('base64url')],
  });
  const server = app.listen(config.OIDC_PORT, config.OIDC_HOST, () => {
    console.log(`[jiebang] OIDC provider (development) on http://${config.OIDC_HOST}:${config.OIDC_PORT}${MOUNT_PATH}, issuer ${config.OIDC_ISSUER}`);
  });
  server.on('error', (e) => {
    console.error(`[jiebang] OIDC provider: ${e.message}`);
    process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

try {
  main();
} catch (e) {
  console.error(`[jiebang] OIDC provider: ${(e as Error).message}`);
  process.exit(1);
}
