import Redis from 'ioredis';

/**
 * Deletes the keys a test run's services left in the shared Redis (BullMQ queues, live-feed channels), found by
 * SCAN on a pattern unique to the run — never FLUSHALL: other runs share this Redis.
 */
export async function deleteRedisKeys(pattern: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
