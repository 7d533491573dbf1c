import { z } from 'zod';
import { addWorkingDays } from './working-days.domain';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type FixedUnit = keyof typeof UNIT_MS;

/**
 * How long until a timer is due: working days on the official calendar (what regulations say, `5wd`), or a fixed
 * duration (`72h`, `3d` calendar days; `30s` lets tests use the same code path with a short due time).
 */
export type TimerDelay = { kind: 'working-days'; days: number; text: string } | { kind: 'fixed'; ms: number; text: string };

const DELAY = /^([1-9]\d{0,5})(wd|ms|s|m|h|d)$/;

/** For configuration: `5wd` | `3d` | `2h` | `15m` | `30s` | `500ms`, parsed once at boot. */
export const timerDelaySchema = z
  .string()
  .trim()
  .regex(DELAY, 'a positive duration such as 5wd (working days), 3d, 2h, 15m, 30s or 500ms')
  .transform((text): TimerDelay => {
    const [, amount, unit] = DELAY.exec(text)!;
    if (unit === 'wd') return { kind: 'working-days', days: Number(amount), text };
    return { kind: 'fixed', ms: Number(amount) * UNIT_MS[unit as FixedUnit], text };
  });

export function parseTimerDelay(text: string): TimerDelay {
  return timerDelaySchema.parse(text);
}

/** The instant a timer started at `from` is due. */
export function dueAfter(delay: TimerDelay, from: Date): Date {
  return delay.kind === 'working-days' ? addWorkingDays(from, delay.days) : new Date(from.getTime() + delay.ms);
}
