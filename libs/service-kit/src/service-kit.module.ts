import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { namespacedTopic, type ServiceName } from '@jiebang/contracts';
import { DEFAULT_MESSAGING_OPTIONS, MessagingModule } from '@jiebang/messaging';
import { AuthGuard } from './auth/auth.guard';
import { JwtVerifier } from './auth/jwt-verifier';
import type { CommonConfig } from './config/common-config';
import { dataSourceOptions, type ServiceDatabase } from './database/data-source-options';
import { migrateLocked } from './database/migrate-locked';
import { TraceRouteInterceptor } from './http/trace-route';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health/health.controller';
import { HTTP_OPTIONS, type HttpOptions } from './http/json-only';
import { loggerModule, withEventLogger } from './http/logger';
import { AsyncApiController } from './http/asyncapi.controller';
import { MetricsController } from './http/metrics.controller';
import { rateLimitOptions, rateLimitsOf, RateLimitGuard } from './http/rate-limit';
import { REDIS, RedisModule } from './redis/redis.module';
import { RefuseUnexpectedBody } from './validation/refuse-unexpected-body';

export interface ServiceKitOptions {
  service: ServiceName;
  config: CommonConfig;
  database: ServiceDatabase;
  /** Consumer group id; defaults to the service name (prefixed by the topic namespace, if any). */
  consumerGroup?: string;
  readinessChecks?: Provider<ReadinessCheck[]>;
}

/**
 * Everything a jiebang service shares: JSON logs, Postgres through TypeORM (migrations only), Redis, Kafka messaging
 * with outbox and inbox, JWT authentication on every route, one exception filter, health and metrics.
 */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { config } = options;
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        loggerModule(options.service, config.LOG_LEVEL),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, options.database),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await migrateLocked(dataSource);
            return dataSource;
          },
        }),
        RedisModule.forRoot(config.REDIS_URL),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({
          inject: [REDIS],
          useFactory: (redis: Redis) => rateLimitOptions(rateLimitsOf(config), redis, config.KAFKA_TOPIC_NAMESPACE),
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            ...DEFAULT_MESSAGING_OPTIONS,
            service: options.service,
            brokers: config.KAFKA_BROKERS,
            namespace: config.KAFKA_TOPIC_NAMESPACE,
            // Groups are namespaced like topics: a test run or a second deployment on the same broker must never
            // join (and be handed partitions by) another one's group.
            consumerGroup: namespacedTopic(config.KAFKA_TOPIC_NAMESPACE, options.consumerGroup ?? options.service),
            partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
            maxAttempts: config.KAFKA_MAX_ATTEMPTS,
            sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
            relay: { ...DEFAULT_MESSAGING_OPTIONS.relay, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS },
          }),
        }, undefined, withEventLogger),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController],
      providers: [
        { provide: JwtVerifier, useFactory: () => JwtVerifier.fromConfig(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After authentication: the per-principal budget needs the principal.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RefuseUnexpectedBody },
        { provide: HTTP_OPTIONS, useValue: { bodyLimit: config.HTTP_BODY_LIMIT } satisfies HttpOptions },
        { provide: APP_INTERCEPTOR, useClass: TraceRouteInterceptor },
        options.readinessChecks ?? { provide: READINESS_CHECKS, useValue: [] },
      ],
      exports: [JwtVerifier],
    };
  }
}
