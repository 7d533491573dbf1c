import { TimerQueue } from './timer.queue';
import { overlayYears } from './working-calendar.domain';
import { lastCoveredYear } from './working-days.domain';

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * For service-kit's READINESS_CHECKS (same shape as its ReadinessCheck): ready when the timer queue answers. The
 * counts and the last year of the holiday calendar are shown for operators.
 */
export function timerReadiness(queue: TimerQueue) {
  return {
    name: 'timers',
    check: async (): Promise<{ up: boolean; details: Record<string, unknown> }> => {
      try {
        const counts = await within(2_000, queue.queue.getJobCounts('waiting', 'active', 'delayed', 'failed'));
        return { up: true, details: { queue: queue.name, ...counts, calendarCoversThrough: lastCoveredYear(), calendarFileYears: overlayYears() } };
      } catch (e) {
        return { up: false, details: { queue: queue.name, error: (e as Error).message } };
      }
    },
  };
}
