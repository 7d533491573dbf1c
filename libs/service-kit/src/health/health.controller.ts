import { Controller, Get, Inject, Logger, Optional, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import { MessagingHealthIndicator } from '@jiebang/messaging';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { JwtVerifier } from '../auth/jwt-verifier';
import { REDIS } from '../redis/redis.module';
import { describeChange, type ProbeState } from './probe-state';

/** Extra readiness checks a service adds (e.g. its BullMQ queues): each resolves to up/down with details. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export type ReadinessCheck = { name: string; check: () => Promise<{ up: boolean; details: Record<string, unknown> }> };

/** Who may read the probes' details (versions, queue names, error texts): operators, never anonymous callers. */
const DETAIL_ROLES = new Set(['bureau', 'admin']);

/**
 * Liveness and readiness for orchestrators and `tools/services.sh`: anonymous callers get the status and the HTTP
 * code only; a bureau or admin token also gets every check's details. A probe that changes state logs one line (a
 * warning when it goes down, without a stack), not one error per poll.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly log = new Logger('Health');
  private readonly last: Record<'live' | 'ready', ProbeState | undefined> = { live: undefined, ready: undefined };

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly messaging: MessagingHealthIndicator,
    private readonly verifier: JwtVerifier,
    @Inject(REDIS) private readonly redis: Redis,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: ReadinessCheck[] = [],
  ) {}

  @Get('live')
  @ApiOperation({ summary: '存活检查：进程在运行且 Kafka 消费者没有永久崩溃（匿名调用只返回状态）' })
  @ApiResponse({ status: 200, description: '存活' })
  @ApiResponse({ status: 503, description: '不存活' })
  live(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.probe('live', [async () => this.result('kafkaConsumer', this.messaging.alive())], req, res);
  }

  @Get('ready')
  @ApiOperation({ summary: '就绪检查：PostgreSQL、Redis、Kafka 均可用（匿名调用只返回状态）' })
  @ApiResponse({ status: 200, description: '就绪' })
  @ApiResponse({ status: 503, description: '未就绪' })
  ready(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.probe(
      'ready',
      [
        () => this.db.pingCheck('postgres', { timeout: 2_000 }),
        async () => {
          const pong = await this.redis.ping().catch((e: Error) => e.message);
          return this.result('redis', { up: pong === 'PONG', details: { reply: pong } });
        },
        async () => this.result('kafka', await this.messaging.ready()),
        ...this.extra.map((c) => async () => this.result(c.name, await c.check())),
      ],
      req,
      res,
    );
  }

  private async probe(name: 'live' | 'ready', checks: HealthIndicatorFunction[], req: Request, res: Response) {
    const report = await this.health.check(checks).catch((e: unknown) => {
      if (e instanceof ServiceUnavailableException) return e.getResponse() as HealthCheckResult;
      throw e;
    });
    const state: ProbeState = { up: report.status === 'ok', down: Object.keys(report.error ?? {}) };
    const change = describeChange(name, this.last[name], state);
    this.last[name] = state;
    if (change) this.log[state.up ? 'log' : 'warn'](change);
    res.status(state.up ? 200 : 503);
    return (await this.mayReadDetails(req)) ? report : { status: report.status };
  }

  private async mayReadDetails(req: Request): Promise<boolean> {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return false;
    const principal = await this.verifier.verify(header.slice(7).trim()).catch(() => null);
    return principal !== null && DETAIL_ROLES.has(principal.role);
  }

  private result(key: string, { up, details }: { up: boolean; details: Record<string, unknown> }) {
    const session = this.indicators.check(key);
    return up ? session.up(details) : session.down(details);
  }
}
