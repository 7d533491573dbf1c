import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One year's 法定节假日 and 调休 working days as the bureau publishes them (the State Council's notice each November),
 * for a year the chinese-days package does not hold yet. Any date not listed is Monday–Friday working.
 */
export const workingCalendarYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(z.string().regex(DATE, 'YYYY-MM-DD')),
    workdays: z.array(z.string().regex(DATE, 'YYYY-MM-DD')),
  })
  .superRefine((cal, ctx) => {
    for (const [key, dates] of [['holidays', cal.holidays], ['workdays', cal.workdays]] as const) {
      dates.forEach((date, i) => {
        const d = new Date(`${date}T00:00:00Z`);
        if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} is not a calendar date` });
        } else if (d.getUTCFullYear() !== cal.year) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} is outside ${cal.year}` });
        }
      });
    }
    const holidays = new Set(cal.holidays);
    cal.workdays.forEach((date, i) => {
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${date} is also a holiday` });
    });
  });

export type WorkingCalendarYear = z.infer<typeof workingCalendarYearSchema>;

/** A file holds one year or several (`[{year…}, {year…}]`), so the bureau can ship next year beside a correction. */
export const workingCalendarFileSchema = z.union([workingCalendarYearSchema, z.array(workingCalendarYearSchema).min(1)]);

interface YearDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const overlays = new Map<number, YearDays>();
const listeners: Array<() => void> = [];

/** Registers years that override the package's arrangement; a year given again replaces the earlier one. */
export function useWorkingCalendar(input: unknown): number[] {
  const parsed = workingCalendarFileSchema.parse(input);
  const years = Array.isArray(parsed) ? parsed : [parsed];
  const seen = new Set<number>();
  for (const cal of years) {
    if (seen.has(cal.year)) throw new RangeError(`year ${cal.year} is given twice`);
    seen.add(cal.year);
  }
  for (const cal of years) overlays.set(cal.year, { holidays: new Set(cal.holidays), workdays: new Set(cal.workdays) });
  listeners.forEach((changed) => changed());
  return years.map((cal) => cal.year);
}

/** Back to the package alone (tests). */
export function clearWorkingCalendars(): void {
  overlays.clear();
  listeners.forEach((changed) => changed());
}

export function overlayYears(): number[] {
  return [...overlays.keys()].sort((a, b) => a - b);
}

/** The overlay's verdict on a date (`undefined` when no overlay covers its year). */
export function overlayIsWorkingDay(date: string): boolean | undefined {
  const year = overlays.get(Number(date.slice(0, 4)));
  if (!year) return undefined;
  if (year.workdays.has(date)) return true;
  if (year.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** For caches derived from the calendar (the last covered year). */
export function onWorkingCalendarChange(changed: () => void): void {
  listeners.push(changed);
}
