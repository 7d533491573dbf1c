import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { eventually, startSystem } from '@jiebang/testing';

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** A compiled tool (OIDC provider, console server) as a process, the way tools/console.sh starts it. */
function startTool(script: string, env: Record<string, string>, logs: string[]): ChildProcess {
  const child = spawn(process.execPath, [resolve(ROOT, script)], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
  return child;
}

async function ready(url: string, what: string, logs: string[]): Promise<void> {
  try {
    await eventually(async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
    }, 30_000, 250);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- ${what} log ---\n${logs.join('')}`);
  }
}

/**
 * The system under test, as `npm run up` runs it but on free ports with fresh databases: the OIDC provider, the three
 * services verifying its tokens through its JWKS, and the console server in front of them all. The tests get the
 * addresses through the environment (workers start after this).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const [oidcPort, consolePort] = [await freePort(), await freePort()];
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const issuer = `${consoleUrl}/oidc`;
  const oidcLogs: string[] = [];
  const consoleLogs: string[] = [];
  const oidc = startTool('tools/dist/oidc/main.js', { OIDC_PORT: String(oidcPort), OIDC_ISSUER: issuer, CONSOLE_ORIGINS: consoleUrl }, oidcLogs);
  await ready(`http://127.0.0.1:${oidcPort}/oidc/.well-known/openid-configuration`, 'OIDC provider', oidcLogs);

  const verification = { JWT_JWKS_URL: `http://127.0.0.1:${oidcPort}/oidc/jwks`, JWT_ISSUER: `jiebang-dev,${issuer}` };
  // A 公示 short enough for a test to wait out (the award test sees one end); the objection window is as long.
  const system = await startSystem({ challenge: { ...verification, PUBLIC_NOTICE_PERIOD: '60s' }, matching: verification, notification: verification }).catch((e) => {
    oidc.kill('SIGTERM');
    throw e;
  });
  const consoleServer = startTool(
    'tools/dist/console-server/main.js',
    {
      CONSOLE_PORT: String(consolePort),
      CHALLENGE_URL: system.urls.challenge,
      MATCHING_URL: system.urls.matching,
      NOTIFICATION_URL: system.urls.notification,
      OIDC_UPSTREAM_URL: `http://127.0.0.1:${oidcPort}`,
    },
    consoleLogs,
  );
  await ready(`${consoleUrl}/healthz`, 'console server', consoleLogs);

  process.env.CONSOLE_URL = consoleUrl;
  process.env.SYSTEM_URLS = JSON.stringify(system.urls);
  // For a test that must publish a fact no API can bring about in a test's time (an award after a 7-day 公示).
  process.env.SYSTEM_NAMESPACE = system.namespace;

  return async () => {
    consoleServer.kill('SIGTERM');
    oidc.kill('SIGTERM');
    await system.stop();
  };
}
