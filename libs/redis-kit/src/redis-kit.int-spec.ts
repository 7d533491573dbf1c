import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { deleteRedisKeys, eventually } from '@jiebang/test-infra';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { closeRedis } from './close-redis';
import { bullmqReadiness } from './queue-readiness';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `jiebang-test-${randomBytes(4).toString('hex')}`;
const opened: Queue[] = [];

function queue(name: string): Queue {
  const q = new Queue(name, { connection: { url: REDIS_URL }, prefix });
  opened.push(q);
  return q;
}

/** A Redis that accepts connections and reads commands but never answers: what a hung server looks like to a client. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => void sockets.push(s.resume()));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise((done) => (sockets.forEach((s) => s.destroy()), server.close(() => done()))) };
}

afterAll(async () => {
  await Promise.all(opened.map((q) => q.close()));
  await deleteRedisKeys(`${prefix}:*`);
});

describe('bullmqReadiness (real Redis)', () => {
  it("shows one queue's job counts beside its name, and what the caller adds", async () => {
    const timers = queue('timers-a');
    await timers.add('fire', {}, { delay: 60_000 });
    const result = await bullmqReadiness('timers', timers, { extra: () => ({ calendarCoversThrough: 2026 }) }).check();
    expect(result).toEqual({
      up: true,
      details: { queue: 'timers-a', waiting: 0, active: 0, delayed: 1, failed: 0, calendarCoversThrough: 2026 },
    });
  });

  it("shows several queues' counts under their names", async () => {
    const [inbox, email] = [queue('notify-a'), queue('notify-b')];
    await inbox.add('inbox', {});
    const result = await bullmqReadiness('queues', [inbox, email]).check();
    expect(result).toEqual({
      up: true,
      details: {
        'notify-a': { waiting: 1, active: 0, delayed: 0, failed: 0 },
        'notify-b': { waiting: 0, active: 0, delayed: 0, failed: 0 },
      },
    });
  });

  it('is down, naming the queue and why, when Redis does not answer in time', async () => {
    const hung = await silentServer();
    // Our own connection, ended by us: BullMQ's close() would wait for a Redis that never answers. No ready check:
    // commands go onto the socket at once and hang there, and ioredis leaves no timer behind when it gives up on one.
    const connection = new Redis({ host: '127.0.0.1', port: hung.port, maxRetriesPerRequest: null, enableReadyCheck: false });
    try {
      const result = await bullmqReadiness('assignmentQueue', new Queue('stuck', { connection, prefix }), { timeoutMs: 200 }).check();
      expect(result).toEqual({ up: false, details: { queue: 'stuck', error: 'no answer in 200 ms' } });
    } finally {
      const ended = once(connection, 'end');
      connection.disconnect();
      await ended;
      await hung.close();
    }
  });
});

describe('closeRedis (real Redis)', () => {
  it('quits a connection Redis answers on', async () => {
    const redis = new Redis(REDIS_URL);
    await redis.ping();
    await closeRedis(redis);
    await eventually(() => expect(redis.status).toBe('end'), 2_000);
  });

  it('drops a connection that cannot send QUIT, instead of leaving it reconnecting', async () => {
    const hung = await silentServer();
    const port = hung.port;
    await hung.close(); // nothing listens there any more
    const redis = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, retryStrategy: () => 50 });
    redis.on('error', () => undefined);
    await closeRedis(redis);
    await eventually(() => expect(redis.status).toBe('end'), 2_000);
  });

  it('accepts a connection that was never opened', async () => {
    await expect(closeRedis(undefined)).resolves.toBeUndefined();
  });
});
