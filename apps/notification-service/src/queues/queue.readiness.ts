import type { ReadinessCheck } from '@jiebang/service-kit';
import type { DeliveryQueues } from './delivery.queues';

/**
 * Ready when every queue answers (a hung Redis times out on the queues' own connection); the counts (failed =
 * parked in BullMQ) are shown for operators.
 */
export function queueReadiness(queues: DeliveryQueues): ReadinessCheck {
  return {
    name: 'queues',
    check: async () => {
      try {
        return { up: true, details: await queues.counts('waiting', 'active', 'delayed', 'failed') };
      } catch (e) {
        return { up: false, details: { error: (e as Error).message } };
      }
    },
  };
}
