/** What a probe answered last: up or not, and which checks were down. */
export interface ProbeState {
  up: boolean;
  down: string[];
}

/**
 * The log line for a probe whose answer changed, or null when it did not: orchestrators poll every few seconds, and
 * an outage should be one warning when it starts and one line when it ends, not a stack trace per poll.
 */
export function describeChange(probe: string, before: ProbeState | undefined, now: ProbeState): string | null {
  const same = before && before.up === now.up && before.down.join() === now.down.join();
  if (same || (!before && now.up)) return null;
  if (now.up) return `health/${probe}: recovered`;
  return `health/${probe}: not ${probe === 'ready' ? 'ready' : 'live'} (down: ${now.down.join(', ') || 'unknown'})`;
}
