import { bullmqReadiness } from '@jiebang/redis-kit';
import type { ReadinessCheck } from '@jiebang/service-kit';
import type { DeliveryQueues } from './delivery.queues';

/** Ready when every delivery queue answers; each queue's counts are shown under its name. */
export function queueReadiness(queues: DeliveryQueues): ReadinessCheck {
  return bullmqReadiness('queues', queues.all());
}
