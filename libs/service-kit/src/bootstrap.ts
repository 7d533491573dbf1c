import { INestApplication, RequestMethod, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConsumerHealth, KafkaEventServer, MessagingRuntime, missingPlatformTopics } from '@jiebang/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { stopTracing } from '@jiebang/telemetry';
import { Logger } from 'nestjs-pino';
import { ConfigError } from './config/parse-config';
import { HTTP_OPTIONS, jsonBodiesOnly, type HttpOptions } from './http/json-only';

export interface ServiceDescription {
  title: string;
  description: string;
}

const UNVERSIONED = [
  { path: 'health/(.*)', method: RequestMethod.ALL },
  { path: 'metrics', method: RequestMethod.ALL },
  { path: 'asyncapi.json', method: RequestMethod.ALL },
];

/** Versioned routes under /api/v1; health, metrics and the AsyncAPI document stay where probes, scrapers and integrators expect them. */
export function useVersionedRoutes(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', { exclude: UNVERSIONED });
}

/**
 * The service's OpenAPI document, read from its controllers' metadata. It needs no instance, so it also works on an
 * app created with `preview: true` (no database, Redis or Kafka), which is how `npm run api:types` builds it.
 */
export function openApiDocument(app: INestApplication, description: ServiceDescription): OpenAPIObject {
  return withPublicRoutesOpen(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  ));
}

/**
 * `@Public()` routes carry the empty requirement `security: [{}]` (@nestjs/swagger drops an empty list set on a
 * method); written out as `security: []`, the canonical "no authentication" that overrides the document's bearer.
 */
function withPublicRoutesOpen(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as { security?: unknown[] }[]) {
      if (Array.isArray(op?.security) && op.security.length === 1 && Object.keys(op.security[0] as object).length === 0) op.security = [];
    }
  }
  return doc;
}

/**
 * HTTP setup shared by `main.ts` and tests: versioned routes, JSON bodies only and at most `HTTP_BODY_LIMIT` (413
 * beyond; body-parser's errors reach the exception filter), OpenAPI at /docs.
 */
export function configureHttp(app: NestExpressApplication, description: ServiceDescription): void {
  app.useLogger(app.get(Logger));
  useVersionedRoutes(app);
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: app.get<HttpOptions>(HTTP_OPTIONS).bodyLimit });
  SwaggerModule.setup('docs', app, openApiDocument(app, description), { jsonDocumentUrl: 'docs-json' });
}

/** Starts the Kafka consumer (when the service consumes any stream) after the app and its handlers are initialised. */
export async function startConsumer(app: INestApplication): Promise<void> {
  await app.init();
  if (app.get(MessagingRuntime).consumedTopics.length === 0) {
    app.get(ConsumerHealth).state = 'idle';
    return;
  }
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

type RunnableConfig = { PORT: number; HOST: string; KAFKA_BROKERS: string[]; KAFKA_TOPIC_NAMESPACE: string };

export interface ServiceMain<C extends RunnableConfig> extends ServiceDescription {
  loadConfig: () => C;
  module: (config: C) => DynamicModule;
}

/** `main.ts` of every service: configure, build, consume, listen. A bad configuration stops the boot with its list. */
export async function runService<C extends RunnableConfig>(main: ServiceMain<C>): Promise<INestApplication> {
  let config: C;
  let app: NestExpressApplication;
  try {
    config = main.loadConfig();
    await refuseMissingTopics(config);
    app = await NestFactory.create<NestExpressApplication>(main.module(config), { bufferLogs: true, abortOnError: false });
  } catch (e) {
    if (!(e instanceof ConfigError || e instanceof MissingTopicsError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  configureHttp(app, main);
  closeOnSignals(app);
  await startConsumer(app);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`${main.title} listening on http://${config.HOST}:${config.PORT} (docs at /docs)`);
  return app;
}

/**
 * SIGTERM/SIGINT close the app gracefully (consumer drained, relay stopped, then the database) and exit with
 * `process.exitCode`: 0 normally, 1 when the messaging layer signalled a fatal consumer crash.
 */
function closeOnSignals(app: INestApplication): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app
        .close()
        .catch((e: Error) => {
          process.stderr.write(`shutdown failed: ${e.message}\n`);
          process.exitCode = 1;
        })
        // The spans of the last moments (the drain included) are exported before the process goes.
        .finally(() => stopTracing().finally(() => process.exit()));
    });
  }
}

/** A boot that cannot work with the broker as it is: stops with its message, no stack. */
export class MissingTopicsError extends Error {}

/** Stops the boot with the list of missing topics and how to create them, instead of a consumer crash stack. */
async function refuseMissingTopics(config: RunnableConfig): Promise<void> {
  const missing = await missingPlatformTopics(config.KAFKA_BROKERS, config.KAFKA_TOPIC_NAMESPACE);
  if (!missing?.length) return;
  const ns = config.KAFKA_TOPIC_NAMESPACE ? ` --namespace ${config.KAFKA_TOPIC_NAMESPACE}` : '';
  throw new MissingTopicsError(
    `Kafka at ${config.KAFKA_BROKERS.join(',')} lacks ${missing.length} topic(s) this platform needs: ${missing.join(', ')}.\n` +
      `Create them with \`node tools/dist/topics.js${ns}\` (or \`npm run infra:up\`, which also starts the broker), then start the service again.`,
  );
}
