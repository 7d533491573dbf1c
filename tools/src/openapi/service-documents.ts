import { resolve } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument, useVersionedRoutes } from '@jiebang/service-kit';

export const API_SERVICES = ['challenge', 'matching', 'notification'] as const;
export type ApiService = (typeof API_SERVICES)[number];

const ROOT = resolve(__dirname, '../../..');

interface CompiledService {
  AppModule: { forRoot(config: unknown): DynamicModule };
  loadConfig(environment: NodeJS.ProcessEnv): unknown;
}

/**
 * A service's OpenAPI document as its running process serves it at /docs-json, built without Postgres, Redis or
 * Kafka: a Nest app in preview mode registers the modules and their routes but instantiates nothing. The services
 * are loaded from their compiled `dist/` by path, as `npm run up` starts them, so tools never import service code.
 */
export async function serviceDocument(service: ApiService): Promise<OpenAPIObject> {
  const dist = resolve(ROOT, `apps/${service}-service/dist`);
  const { AppModule } = require(resolve(dist, 'app.module.js')) as Pick<CompiledService, 'AppModule'>;
  const { loadConfig } = require(resolve(dist, 'config.js')) as Pick<CompiledService, 'loadConfig'>;
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })), { preview: true, logger: false, abortOnError: false });
  try {
    useVersionedRoutes(app);
    return openApiDocument(app, { title: `jiebang ${service}-service`, description: `${service}-service` });
  } finally {
    await app.close();
  }
}
