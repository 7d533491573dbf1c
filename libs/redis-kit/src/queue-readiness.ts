import type { JobType, Queue } from 'bullmq';

/** Structurally service-kit's ReadinessCheck: this lib sits below service-kit, so it cannot import it. */
export interface QueueReadinessCheck {
  name: string;
  check(): Promise<{ up: boolean; details: Record<string, unknown> }>;
}

export interface QueueReadinessOptions {
  /** Shown beside the counts while the queues answer, e.g. the holiday calendar's last year. */
  extra?: () => Record<string, unknown>;
  timeoutMs?: number;
}

/** `failed` are the jobs BullMQ parked after their last try: operators replay them. */
const STATES: JobType[] = ['waiting', 'active', 'delayed', 'failed'];

function within<T>(ms: number, answer: Promise<T>): Promise<T> {
  return Promise.race([answer, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}

/**
 * Ready when the queues answer in time: a hung Redis must fail readiness rather than hang it. One queue shows its
 * name beside its job counts; several show the counts under each queue's name.
 */
export function bullmqReadiness(name: string, queues: Queue | Queue[], options: QueueReadinessOptions = {}): QueueReadinessCheck {
  const { extra = () => ({}), timeoutMs = 2_000 } = options;
  const counts = async (): Promise<Record<string, unknown>> =>
    Array.isArray(queues)
      ? Object.fromEntries(await Promise.all(queues.map(async (q) => [q.name, await q.getJobCounts(...STATES)] as const)))
      : { queue: queues.name, ...(await queues.getJobCounts(...STATES)) };
  const label = Array.isArray(queues) ? {} : { queue: queues.name };
  return {
    name,
    check: async () => {
      try {
        return { up: true, details: { ...(await within(timeoutMs, counts())), ...extra() } };
      } catch (e) {
        return { up: false, details: { ...label, error: (e as Error).message } };
      }
    },
  };
}
