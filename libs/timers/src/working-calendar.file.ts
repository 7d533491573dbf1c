import { readFileSync } from 'node:fs';
import { useWorkingCalendar } from './working-calendar.domain';

/**
 * Loads `WORKING_CALENDAR_FILE` at boot: a bad file stops the service rather than letting deadlines fall on holidays.
 */
export function loadWorkingCalendarFile(path: string): number[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`WORKING_CALENDAR_FILE ${path}: ${(e as Error).message}`);
  }
  try {
    return useWorkingCalendar(json);
  } catch (e) {
    throw new Error(`WORKING_CALENDAR_FILE ${path}: ${(e as Error).message}`);
  }
}
