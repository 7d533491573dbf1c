/**
 * Errors that say "the database or network is down or busy", not "this message is bad". They must not send a
 * good message to the dead-letter topic: the consumer rethrows them, kafkajs retries with backoff and, if it
 * persists, restarts the consumer (readiness reports it meanwhile).
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

export function isInfrastructureError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code)) return true;
    // SQLSTATE 08 connection exception, 53 insufficient resources, 57P operator intervention, 40 deadlock or
    // serialization failure, 55P03 lock not available, 57014 statement timeout: all worth retrying later.
    if (/^(08|53|57P|40)/.test(code) || code === '55P03' || code === '57014') return true;
  }
  if (/Connection terminated|connection is closed|Client has encountered a connection error/i.test(err.message)) {
    return true;
  }
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isInfrastructureError(cause);
}
