import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MessagingHealthIndicator } from '@jiebang/messaging';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { REDIS } from '../redis/redis.module';

/** Extra readiness checks a service adds (e.g. its BullMQ queues): each resolves to up/down with details. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export type ReadinessCheck = { name: string; check: () => Promise<{ up: boolean; details: Record<string, unknown> }> };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly messaging: MessagingHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: ReadinessCheck[] = [],
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: '存活检查：进程在运行且 Kafka 消费者没有永久崩溃' })
  live() {
    return this.health.check([async () => this.result('kafkaConsumer', this.messaging.alive())]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: '就绪检查：PostgreSQL、Redis、Kafka 均可用' })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2_000 }),
      async () => {
        const pong = await this.redis.ping().catch((e: Error) => e.message);
        return this.result('redis', { up: pong === 'PONG', details: { reply: pong } });
      },
      async () => this.result('kafka', await this.messaging.ready()),
      ...this.extra.map((c) => async () => this.result(c.name, await c.check())),
    ]);
  }

  private result(key: string, { up, details }: { up: boolean; details: Record<string, unknown> }) {
    const session = this.indicators.check(key);
    return up ? session.up(details) : session.down(details);
  }
}
