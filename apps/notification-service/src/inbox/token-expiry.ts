import { decodeJwt } from 'jose';
import type { Request } from 'express';

/**
 * When the caller's token expires, in epoch milliseconds. The guard verified the token as the request came in but
 * keeps only its claims, and a stream outlives the request's check, so the expiry is read again from the token it
 * verified: the header if there is one, else `?access_token=` (as the guard chooses). Decoding without verifying is
 * safe only because the guard has verified this very token.
 */
export function tokenExpiry(req: Pick<Request, 'headers' | 'query'>): number {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.query.access_token;
  const exp = typeof token === 'string' ? decodeJwt(token).exp : undefined;
  if (exp === undefined) throw new Error('a verified token without exp reached the stream');
  return exp * 1000;
}
