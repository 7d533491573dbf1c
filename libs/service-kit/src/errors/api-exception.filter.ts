import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type ApiErrorBody, type DomainErrorKind } from '@jiebang/contracts';
import type { Request, Response } from 'express';

const STATUS: Record<DomainErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Framework errors Nest raises itself (unknown route, body too large, bad JSON) get stable codes too. */
const HTTP_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式不正确'],
  401: ['AUTH_REQUIRED', '需要登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '请使用 application/json'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试'],
};

/**
 * An error the HTTP layer raised before a route ran (body-parser's `http-errors`: too large, bad charset or encoding,
 * unreadable JSON) carries its 4xx status; it is the caller's fault, so it must never become a 500.
 */
function clientHttpStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error) || !('expose' in exception) || exception.expose !== true) return undefined;
  const status = (exception as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Framework 4xx answers in the house shape; a 400 from the HTTP layer concerns the body as a whole. */
export function httpErrorBody(status: number, reason: string): ApiErrorBody {
  const [code, message] = HTTP_CODES[status] ?? ['HTTP_ERROR', reason];
  return { code, message, details: status === HttpStatus.BAD_REQUEST ? { reason, field: '(body)' } : { reason } };
}

/**
 * The one place errors become HTTP responses `{code, message, details}`. Unknown errors are logged with their
 * stack and answered with a generic 500 that carries the correlation id, never the internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toResponse(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, path: req.url }, 'unhandled error');
    }
    res.status(status).json({ ...body, correlationId: req.id === undefined ? undefined : String(req.id) });
  }

  private toResponse(exception: unknown): [number, ApiErrorBody] {
    if (exception instanceof DomainError) {
      return [STATUS[exception.kind], { code: exception.code, message: exception.message, details: exception.details }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return [status, response as ApiErrorBody];
      }
      return [status, httpErrorBody(status, exception.message)];
    }
    const clientStatus = clientHttpStatus(exception);
    if (clientStatus !== undefined) return [clientStatus, httpErrorBody(clientStatus, (exception as Error).message)];
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' }];
  }
}
