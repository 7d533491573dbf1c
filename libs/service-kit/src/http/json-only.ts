import type { NextFunction, Request, Response } from 'express';
import { httpErrorBody } from '../errors/api-exception.filter';

/** Options of the HTTP edge, provided by `ServiceKitModule` from the config and read by `configureHttp`. */
export const HTTP_OPTIONS = 'jiebang:http-options';
export interface HttpOptions {
  bodyLimit: string;
}

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/** `application/json` or a `+json` type, any parameters (the JSON parser itself refuses a charset it cannot read). */
export function isJsonType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType.trim());
}

/**
 * Every API body is JSON. A form or text body would otherwise be parsed by Nest's default urlencoded parser (and a
 * form's fields could pass a strict schema) or arrive as nothing; it is refused with 415 and the error body instead.
 */
export function jsonBodiesOnly(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || isJsonType(req.headers['content-type'])) return next();
  res.status(415).json(httpErrorBody(415, `unsupported content type: ${req.headers['content-type'] ?? '(none)'}`));
}
