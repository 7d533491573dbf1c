/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) in China at an instant: deadlines and "today" are Chongqing's, not UTC's. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
