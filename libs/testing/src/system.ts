import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { deleteNamespace, deleteRedisKeys, dropDatabase, eventually, freshDatabase, freshNamespace } from '@jiebang/test-infra';

const ROOT = resolve(__dirname, '../../..');
export const SERVICES = ['challenge', 'matching', 'notification'] as const;
export type ServiceKey = (typeof SERVICES)[number];

export interface RunningSystem {
  urls: Record<ServiceKey, string>;
  databases: Record<ServiceKey, string>;
  namespace: string;
  logs: Record<ServiceKey, string[]>;
  /** SIGTERM to each service; resolves with their exit codes (0 = graceful) after dropping their databases. */
  stop(): Promise<Record<ServiceKey, number | null>>;
  /**
   * Stops the given services (SIGTERM, all by default), runs `meanwhile` while they are down (e.g. flushing Redis),
   * and starts them again on the same ports, databases and topics; resolves once each is ready again.
   */
  restart(options?: { services?: readonly ServiceKey[]; meanwhile?: () => Promise<void> }): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/**
 * Extra node flags for the services, e.g. `SYSTEM_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile them
 * under a benchmark. Read here rather than through NODE_OPTIONS so the load generator itself is not profiled too.
 */
const nodeFlags = (process.env.SYSTEM_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

/**
 * The three services as separate processes, started from their compiled `dist/main.js` exactly as `npm run up`
 * starts them, on free ports, with fresh databases and a topic namespace of their own.
 */
export async function startSystem(extraEnv: Partial<Record<ServiceKey, Record<string, string>>> = {}): Promise<RunningSystem> {
  const namespace = await freshNamespace();
  const databases = {} as Record<ServiceKey, string>;
  const urls = {} as Record<ServiceKey, string>;
  const logs = { challenge: [], matching: [], notification: [] } as Record<ServiceKey, string[]>;
  const children = {} as Record<ServiceKey, ChildProcess>;
  const env = {} as Record<ServiceKey, NodeJS.ProcessEnv>;
  const spawnService = (service: ServiceKey) => {
    const child = spawn(process.execPath, [...nodeFlags, resolve(ROOT, `apps/${service}-service/dist/main.js`)], {
      env: env[service],
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => logs[service].push(b.toString()));
    child.stderr!.on('data', (b: Buffer) => logs[service].push(b.toString()));
    children[service] = child;
  };
  for (const service of SERVICES) {
    databases[service] = await freshDatabase(service);
    const port = await freePort();
    urls[service] = `http://127.0.0.1:${port}`;
    env[service] = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PGDATABASE: databases[service],
      KAFKA_TOPIC_NAMESPACE: namespace,
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      ...extraEnv[service],
    };
    spawnService(service);
  }
  const terminate = (c: ChildProcess) =>
    new Promise<number | null>((done) => {
      if (c.exitCode !== null || c.signalCode !== null) return done(c.exitCode);
      c.once('exit', (code) => done(code));
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
    });
  const ready = async (services: readonly ServiceKey[]) => {
    for (const service of services) {
      await eventually(async () => {
        const res = await fetch(`${urls[service]}/health/ready`);
        if (res.status !== 200) throw new Error(`${service} not ready: ${await res.text()}`);
      }, 60_000, 250);
    }
  };
  const stop = async () => {
    const codes = await Promise.all(SERVICES.map((service) => terminate(children[service])));
    await deleteNamespace(namespace);
    for (const service of SERVICES) await dropDatabase(databases[service]);
    await deleteRedisKeys(`*${namespace}*`); // queue and channel prefixes carry the namespace
    return Object.fromEntries(SERVICES.map((s, i) => [s, codes[i]])) as Record<ServiceKey, number | null>;
  };
  const withLogs = (e: unknown) => new Error(`${(e as Error).message}\n--- logs ---\n${SERVICES.map((s) => `${s}:\n${logs[s].join('')}`).join('\n')}`);
  try {
    await ready(SERVICES);
  } catch (e) {
    await stop();
    throw withLogs(e);
  }
  const restart: RunningSystem['restart'] = async ({ services = SERVICES, meanwhile } = {}) => {
    await Promise.all(services.map((service) => terminate(children[service])));
    await meanwhile?.();
    for (const service of services) spawnService(service);
    await ready(services).catch((e: unknown) => {
      throw withLogs(e);
    });
  };
  return { urls, databases, namespace, logs, stop, restart };
}
