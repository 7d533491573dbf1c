import { chinaDateOf } from '@jiebang/contracts';
import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { onWorkingCalendarChange, overlayIsWorkingDay, overlayYears } from './working-calendar.domain';

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/**
 * The package reads a `Date` with local-time getters; a local noon of the day cannot slip to a neighbouring date
 * whatever the process's time zone (an ISO string would be read as UTC midnight, the day before west of Greenwich).
 */
function packageDay(date: string): Date {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d, 12);
}

function nextDate(date: string): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * A working day in China: Monday to Friday unless a 法定节假日, plus the 调休 weekend days worked in exchange. A year
 * loaded from the bureau's file (`useWorkingCalendar`) takes precedence over the package.
 */
export function isWorkingDay(date: string): boolean {
  return overlayIsWorkingDay(date) ?? isWorkday(packageDay(date));
}

/** 00:00 China time of a China date. */
function chinaMidnight(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) - CST_OFFSET_MS;
}

/**
 * The time between two instants that falls inside working days (whole China days that are working days): what is
 * left of a working-day deadline when its clock is paused. Zero when `to` is not after `from`.
 */
export function workingTimeBetween(from: Date, to: Date): number {
  let total = 0;
  let cursor = from.getTime();
  const end = to.getTime();
  while (cursor < end) {
    const date = chinaDateOf(new Date(cursor));
    const dayEnd = chinaMidnight(nextDate(date));
    const until = Math.min(dayEnd, end);
    if (isWorkingDay(date)) total += until - cursor;
    cursor = until;
  }
  return total;
}

/**
 * 00:00 China time of every non-working China date (weekend not worked, 法定节假日) from the date of `from` to the
 * date of `to`: each one a whole day of zero working time. SQL that ranks by remaining working time subtracts them.
 */
export function nonWorkingDayStarts(from: Date, to: Date): Date[] {
  const starts: Date[] = [];
  const last = chinaDateOf(to);
  for (let date = chinaDateOf(from); date <= last; date = nextDate(date)) {
    if (!isWorkingDay(date)) starts.push(new Date(chinaMidnight(date)));
  }
  return starts;
}

/**
 * The instant `ms` of working time after `from`: holidays and weekends (not 调休) pass without using any. A deadline
 * resumed with its remaining working time lands where it would have, shifted by the working time it was paused.
 */
export function addWorkingTime(from: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`working time must be zero or more milliseconds, got ${ms}`);
  if (ms === 0) return from; // nothing left is due now, even on a holiday
  let left = ms;
  let cursor = from.getTime();
  for (;;) {
    const date = chinaDateOf(new Date(cursor));
    const dayEnd = chinaMidnight(nextDate(date));
    if (isWorkingDay(date)) {
      if (left <= dayEnd - cursor) return new Date(cursor + left);
      left -= dayEnd - cursor;
    }
    cursor = dayEnd;
  }
}

/**
 * The due instant `n` working days after `from`: the end (24:00 China time) of the n-th working day after the
 * China date of `from`. The day of `from` itself never counts, so a submission at 17:55 does not lose its day and
 * one on a holiday starts counting when work resumes; 调休 make-up days count like any working day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let date = chinaDateOf(from);
  for (let left = n; left > 0; ) {
    date = nextDate(date);
    if (isWorkingDay(date)) left--;
  }
  return new Date(chinaMidnight(nextDate(date)));
}

let lastCovered: number | undefined;
onWorkingCalendarChange(() => (lastCovered = undefined));

/**
 * The last year for which the State Council's arrangement is known (published each November for the next year): the
 * package's, extended by the years loaded from the bureau's file that follow on without a gap. Later dates fall back
 * to Monday–Friday, so readiness shows this year.
 */
export function lastCoveredYear(): number {
  if (lastCovered === undefined) {
    let year = 2004; // the package's first year
    while (getHolidaysInRange(packageDay(`${year + 1}-01-01`), packageDay(`${year + 1}-12-31`), false).length > 0) year++;
    const loaded = new Set(overlayYears());
    while (loaded.has(year + 1)) year++;
    lastCovered = year;
  }
  return lastCovered;
}
