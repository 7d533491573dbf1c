import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { trace } from '@jiebang/telemetry';

/**
 * Names the request's server span after its route (`POST /api/v1/challenges/:id/submit`): the HTTP instrumentation
 * sees only the method, since routing happens later, in Express. A no-op with tracing off (no active span).
 */
@Injectable()
export class TraceRouteInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler) {
    if (ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<{ method: string; route?: { path?: unknown } }>();
      const route = typeof req.route?.path === 'string' ? req.route.path : undefined;
      const span = trace.getActiveSpan();
      if (span && route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute('http.route', route);
      }
    }
    return next.handle();
  }
}
