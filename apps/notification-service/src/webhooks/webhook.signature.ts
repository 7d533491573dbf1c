import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  delivery: 'x-jiebang-delivery',
  event: 'x-jiebang-event',
  timestamp: 'x-jiebang-timestamp',
  signature: 'x-jiebang-signature',
} as const;

/**
 * `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the endpoint's secret. Signing the timestamp with the body
 * lets a receiver refuse replays of an old, captured request (see docs/notifications.md for the receiver side).
 */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check: signature matches (in constant time) and the timestamp is within `toleranceSeconds`. */
export function verify(secret: string, header: string, timestamp: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, ts, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
