import { chinaDateOf } from '@jiebang/contracts';
import { getHolidaysInRange, isWorkday } from 'chinese-days';

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

/** A working day in China: Monday to Friday unless a 法定节假日, plus the 调休 weekend days worked in exchange. */
export function isWorkingDay(date: string): boolean {
  return isWorkday(packageDay(date));
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
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1) - CST_OFFSET_MS);
}

let lastCovered: number | undefined;

/**
 * The last year for which the package holds the State Council's arrangement (published each November for the next
 * year). Later dates fall back to Monday–Friday until the package is updated, so readiness shows this year.
 */
export function lastCoveredYear(): number {
  if (lastCovered === undefined) {
    let year = 2004; // the package's first year
    while (getHolidaysInRange(packageDay(`${year + 1}-01-01`), packageDay(`${year + 1}-12-31`), false).length > 0) year++;
    lastCovered = year;
  }
  return lastCovered;
}
