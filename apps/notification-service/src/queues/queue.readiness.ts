import type { ReadinessCheck } from '@jiebang/service-kit';
import type { DeliveryQueues } from './delivery.queues';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** Ready when every queue answers; the counts (failed = parked in BullMQ) are shown for operators. */
export function queueReadiness(queues: DeliveryQueues): ReadinessCheck {
  return {
    name: 'queues',
    check: async () => {
      try {
        const counts = await within(
          2_000,
          Promise.all(queues.all().map(async (q) => [q.name, await q.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const)),
        );
        return { up: true, details: Object.fromEntries(counts) };
      } catch (e) {
        return { up: false, details: { error: (e as Error).message } };
      }
    },
  };
}
