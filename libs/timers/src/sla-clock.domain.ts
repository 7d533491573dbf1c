import { dueAfter, type TimerDelay } from './delay.domain';
import { addWorkingTime, workingTimeBetween } from './working-days.domain';

/**
 * A deadline that can be paused (an SLA clock stops while the team waits for the enterprise). Running, it has a due
 * instant; paused, what was left of it: working time for a working-day delay, so holidays during the pause and after
 * it cost nothing, plain milliseconds for a fixed one.
 */
export type SlaClock =
  | { status: 'RUNNING'; basis: TimerDelay['kind']; dueAt: Date }
  | { status: 'PAUSED'; basis: TimerDelay['kind']; remainingMs: number };

export class SlaClockError extends Error {}

export function startSlaClock(delay: TimerDelay, at: Date): SlaClock {
  return { status: 'RUNNING', basis: delay.kind, dueAt: dueAfter(delay, at) };
}

/** Stops the clock at `at`; a clock already past due keeps nothing (it resumes due at once). */
export function pauseSlaClock(clock: SlaClock, at: Date): SlaClock & { status: 'PAUSED' } {
  if (clock.status !== 'RUNNING') throw new SlaClockError('the clock is already paused');
  const remainingMs =
    clock.basis === 'working-days' ? workingTimeBetween(at, clock.dueAt) : Math.max(0, clock.dueAt.getTime() - at.getTime());
  return { status: 'PAUSED', basis: clock.basis, remainingMs };
}

/** Starts the clock again at `at` with what was left: the new due instant is `at` plus the remaining (working) time. */
export function resumeSlaClock(clock: SlaClock, at: Date): SlaClock & { status: 'RUNNING' } {
  if (clock.status !== 'PAUSED') throw new SlaClockError('the clock is not paused');
  const dueAt = clock.basis === 'working-days' ? addWorkingTime(at, clock.remainingMs) : new Date(at.getTime() + clock.remainingMs);
  return { status: 'RUNNING', basis: clock.basis, dueAt };
}

/** What is left of a clock at `at`, in the unit the console shows (whole or part working days, rounded up to a tenth). */
export function remainingWorkingDays(clock: SlaClock, at: Date): number {
  const ms = clock.status === 'PAUSED' ? clock.remainingMs : workingTimeBetween(at, clock.dueAt);
  return Math.ceil((ms / 86_400_000) * 10) / 10;
}
