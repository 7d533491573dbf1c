import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { CommonConfig } from '../config/common-config';

/** Requests per window; 0 turns a limit off. */
export interface RateLimits {
  perIp: number;
  perPrincipal: number;
  windowMs: number;
}

/**
 * The limits in force. Unset variables take the defaults below, except under NODE_ENV=test, where suites drive
 * thousands of requests from one address and a limit would fail them for nothing: there the limiter is off unless
 * a test sets it (rate-limit.int-spec.ts does).
 */
export function rateLimitsOf(config: Pick<CommonConfig, 'NODE_ENV' | 'RATE_LIMIT_PER_IP' | 'RATE_LIMIT_PER_PRINCIPAL' | 'RATE_LIMIT_WINDOW_MS'>): RateLimits {
  const off = config.NODE_ENV === 'test';
  return {
    perIp: config.RATE_LIMIT_PER_IP ?? (off ? 0 : 1200),
    perPrincipal: config.RATE_LIMIT_PER_PRINCIPAL ?? (off ? 0 : 600),
    windowMs: config.RATE_LIMIT_WINDOW_MS,
  };
}

const PROBES = /^\/(health|metrics)(\/|$)/;

/**
 * @nestjs/throttler with its counters in Redis, so a limit holds across every instance of a service: one budget per
 * client address and one per signed-in principal (token subject), over all routes of the service together. Probes
 * are never limited. Keys carry the deployment's namespace so test runs and deployments sharing a Redis stay apart.
 */
export function rateLimitOptions(limits: RateLimits, redis: Redis, namespace: string): ThrottlerModuleOptions {
  const skipped = (ctx: ExecutionContext) => PROBES.test(ctx.switchToHttp().getRequest<Request>().path);
  return {
    storage: new ThrottlerStorageRedisService(redis),
    generateKey: (_ctx, tracker, name) => `jiebang:rate:${namespace || 'default'}:${name}:${tracker}`,
    throttlers: [
      { name: 'ip', limit: limits.perIp, ttl: limits.windowMs, skipIf: (ctx) => limits.perIp === 0 || skipped(ctx) },
      {
        name: 'principal',
        limit: limits.perPrincipal,
        ttl: limits.windowMs,
        getTracker: (req) => (req as AuthenticatedRequest).principal!.sub,
        skipIf: (ctx) => limits.perPrincipal === 0 || skipped(ctx) || !ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
      },
    ],
  };
}

/** Runs after authentication (it needs the principal); answers 429 with Retry-After and the house error body. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    const perPrincipal = detail.key.includes(':principal:');
    throw new HttpException(
      {
        code: 'RATE_LIMITED',
        message: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
        details: { limit: detail.limit, windowSeconds: Math.round(detail.ttl / 1000), scope: perPrincipal ? 'principal' : 'ip', retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
