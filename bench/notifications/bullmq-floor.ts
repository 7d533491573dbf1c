import { Queue, Worker } from 'bullmq';
import { percentiles } from '../support/stats';

const connection = () => {
  const u = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  return { host: u.hostname, port: Number(u.port || 6379) };
};

/**
 * BullMQ's own floor on the same Redis, in this process: a no-op job, add → the worker's `completed`, one at a
 * time (latency), then a burst of `burst` jobs (throughput at the given worker concurrency).
 */
export async function bullmqFloor(prefix: string, n: number, burst: number, concurrency: number) {
  const queue = new Queue('floor', { connection: connection(), prefix });
  const done = new Map<string, () => void>();
  const worker = new Worker('floor', async () => undefined, { connection: connection(), prefix, concurrency });
  worker.on('completed', (job) => done.get(job.id!)?.());
  await worker.waitUntilReady();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const finished = new Promise<void>((r) => done.set(`l${i}`, r));
    const t = performance.now();
    await queue.add('noop', { i }, { jobId: `l${i}`, removeOnComplete: { count: 1000 } });
    await finished;
    samples.push(performance.now() - t);
  }
  const all = Array.from({ length: burst }, (_, i) => new Promise<void>((r) => done.set(`b${i}`, r)));
  const t0 = performance.now();
  await queue.addBulk(Array.from({ length: burst }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `b${i}`, removeOnComplete: { count: 1000 } } })));
  await Promise.all(all);
  const perSecond = burst / ((performance.now() - t0) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { latency: percentiles(samples), perSecond };
}
