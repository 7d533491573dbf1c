import { isInfrastructureError } from '@jiebang/messaging';

/**
 * Runs `write` again when it fails for a reason that passes (connection lost, deadlock, serialization failure,
 * lock or statement timeout), with doubling back-off; any other error, or the last one, is thrown.
 */
export async function retryTransient<T>(write: () => Promise<T>, attempts = 4, backoffMs = 200): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt >= attempts || !isInfrastructureError(e)) throw e;
      await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
    }
  }
}
