import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttp, startConsumer } from '@jiebang/service-kit';

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots a service in-process exactly as `main.ts` does (real Postgres, Redis, Kafka), on a free port. */
export async function startServiceApp(module: DynamicModule): Promise<RunningApp> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: ['error', 'warn'], abortOnError: false });
  configureHttp(app, { title: 'test', description: 'test' });
  await startConsumer(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

/** The per-suite config overrides every service understands. */
export function testEnv(database: string, namespace: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PGDATABASE: database,
    KAFKA_TOPIC_NAMESPACE: namespace,
    KAFKA_SESSION_TIMEOUT_MS: '10000',
    OUTBOX_POLL_INTERVAL_MS: '200',
    ...extra,
  };
}
