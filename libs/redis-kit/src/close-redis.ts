import type Redis from 'ioredis';

/**
 * Closes a connection at shutdown: QUIT lets replies in flight arrive; if Redis cannot take the command (down, or
 * no offline queue while reconnecting), the socket is dropped instead, so shutdown never waits on Redis.
 */
export async function closeRedis(connection: Redis | undefined): Promise<void> {
  await connection?.quit().catch(() => connection.disconnect());
}
