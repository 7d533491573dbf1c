/** A timer's life: armed (possibly re-armed with another due time) until it fires or a transition cancels it. */
export type TimerStatus = 'armed' | 'fired' | 'cancelled';

export interface ArmTimer {
  kind: string;
  subject: string;
  dueAt: Date;
  data?: Record<string, unknown>;
  /** Carried into the events the timer causes: the arming request's correlation id and, if any, its event id. */
  ctx: { correlationId: string; causationId?: string | null };
}

export interface ArmedTimer {
  id: string;
  dueAt: Date;
}

export interface TimerRecord {
  id: string;
  kind: string;
  subject: string;
  status: TimerStatus;
  dueAt: Date;
}

/** What a BullMQ job carries: which timer, armed for which due time. The row in Postgres is the truth. */
export interface FireRequest {
  timerId: string;
  dueAt: string;
}

export type FiringDecision = 'fire' | 'missing' | 'cancelled' | 'already-fired' | 'stale';
/** What a job did, kept as its return value: `fired`, or why it did nothing. */
export type FiringOutcome = Exclude<FiringDecision, 'fire'> | 'fired';

/**
 * One job per (timer, due time). Re-arming gives the new due time a new job and leaves the old one to find the
 * row moved on; re-adding the same pair (sweep, boot) is a no-op in BullMQ. BullMQ refuses ':' in custom ids.
 */
export function timerJobId(timerId: string, dueAt: Date): string {
  return `${timerId}.${dueAt.getTime()}`;
}

export function fireRequest(timerId: string, dueAt: Date): FireRequest {
  return { timerId, dueAt: dueAt.toISOString() };
}

/**
 * Decided under the row lock, so a duplicate or stalled job, or one for a due time since re-armed or cancelled,
 * does nothing: a timer fires once per arming.
 */
export function decideFiring(row: TimerRecord | undefined, request: FireRequest): FiringDecision {
  if (!row) return 'missing'; // its arming rolled back (the job was added by hand, or by an older release)
  if (row.dueAt.getTime() !== new Date(request.dueAt).getTime()) return 'stale';
  if (row.status === 'cancelled') return 'cancelled';
  if (row.status === 'fired') return 'already-fired';
  return 'fire';
}

/** Milliseconds from `now` until the timer is due; an overdue one runs at once. */
export function delayUntil(dueAt: Date, now: Date): number {
  return Math.max(0, dueAt.getTime() - now.getTime());
}

/**
 * Whether an armed timer's job must be added again: it is gone (Redis restarted empty), or it finished while the
 * timer is still armed for that due time (re-armed back to an earlier due time, or its handler failed every try).
 */
export function jobNeedsReplacing(jobState: string | undefined): boolean {
  return jobState === undefined || jobState === 'unknown' || jobState === 'completed' || jobState === 'failed';
}
