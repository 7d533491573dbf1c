import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@jiebang/contracts';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { TAKES_BODY } from './zod-decorators';

/** The first field of a body that carries something (`{}` and no body at all carry nothing), or undefined. */
export function unexpectedBodyField(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'object' && !Array.isArray(body)) return Object.keys(body)[0];
  return '(body)';
}

/**
 * A command without a body (`POST …/submit`) refuses a non-empty one with a 400 naming the field, as a strict body
 * refuses an unknown field: a caller sending `{"reason": …}` to a route that ignores it should learn so. Runs after
 * the guards, so an unauthorised caller still gets 401/403 first.
 */
@Injectable()
export class RefuseUnexpectedBody implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.reflector.get<boolean>(TAKES_BODY, context.getHandler())) return next.handle();
    const field = unexpectedBodyField(context.switchToHttp().getRequest<Request>().body);
    if (field !== undefined) {
      throw new DomainError('validation', 'UNEXPECTED_BODY', `此操作不接受请求体：${field}`, { field });
    }
    return next.handle();
  }
}
