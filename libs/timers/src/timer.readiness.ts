import { bullmqReadiness } from '@jiebang/redis-kit';
import { TimerQueue } from './timer.queue';
import { overlayYears } from './working-calendar.domain';
import { lastCoveredYear } from './working-days.domain';

/**
 * For service-kit's READINESS_CHECKS: ready when the timer queue answers. The last year of the holiday calendar is
 * shown beside the counts, so an outdated package is visible to operators.
 */
export function timerReadiness(queue: TimerQueue) {
  return bullmqReadiness('timers', queue.queue, {
    extra: () => ({ calendarCoversThrough: lastCoveredYear(), calendarFileYears: overlayYears() }),
  });
}
