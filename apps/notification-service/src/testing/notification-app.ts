import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type Envelope, type Principal, type StreamName } from '@jiebang/contracts';
import { deleteNamespace, freshDatabase, freshNamespace, produceRaw, startServiceApp, testEnv, type RunningApp } from '@jiebang/testing';
import Redis from 'ioredis';
import { AppModule } from '../app.module';
import { queuePrefix } from '@jiebang/service-kit';
import { loadConfig } from '../config';

export interface NotificationApp extends RunningApp {
  database: string;
  namespace: string;
  /** Deletes every BullMQ key of this app, as a Redis restart without persistence would. */
  loseRedisJobs(): Promise<number>;
}

/**
 * The service in-process on real Postgres, Redis and Kafka, with short retry timings so retry and parking tests
 * run in well under a second. Queue keys are namespaced per test file.
 */
export async function startNotificationApp(env: Record<string, string> = {}): Promise<NotificationApp> {
  const database = await freshDatabase('notification');
  const namespace = await freshNamespace();
  const config = loadConfig(
    testEnv(database, namespace, { DELIVERY_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '20', SWEEP_INTERVAL_MS: '600000', ...env }),
  );
  const running = await startServiceApp(AppModule.forRoot(config));
  const redis = new Redis(config.REDIS_URL);
  const loseRedisJobs = async () => {
    const keys = await redis.keys(`${queuePrefix(config)}:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  };
  return {
    ...running,
    database,
    namespace,
    loseRedisJobs,
    close: async () => {
      await running.close();
      await loseRedisJobs();
      await redis.quit();
      await deleteNamespace(namespace);
    },
  };
}

const FIXTURES = resolve(__dirname, '../../../../libs/contracts/fixtures');

/** A golden fixture with a fresh id and the current time, and `data` fields overridden. */
export function fixtureEvent(typeAndVersion: string, overrides: Partial<Envelope> & { data?: Record<string, unknown> } = {}): Envelope {
  const base = JSON.parse(readFileSync(resolve(FIXTURES, `${typeAndVersion}.json`), 'utf8')) as Envelope<string, Record<string, unknown>>;
  return { ...base, id: randomUUID(), time: new Date().toISOString(), ...overrides, data: { ...base.data, ...overrides.data } };
}

/** `challenge.submitted` by the fixture's enterprise, in a district, with a title the test can find it by. */
export function submitted(districtCode: string, title: string, subject: string = randomUUID()): Envelope {
  return fixtureEvent('challenge.submitted.v1', { subject, data: { districtCode, title } });
}

/** Produces events to their stream's topic as the owning service's relay would (keyed by subject). */
export async function publish(namespace: string, stream: StreamName, ...events: Envelope[]): Promise<void> {
  await produceRaw(
    namespace,
    STREAMS[stream].topic,
    events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  );
}

export function districtOffice(code: string): Principal {
  return { sub: `u-dist-${code}`, role: 'district', orgId: `org-district-${code}`, districtCode: code };
}

