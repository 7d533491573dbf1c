import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clearWorkingCalendars, useWorkingCalendar } from './working-calendar.domain';
import { loadWorkingCalendarFile } from './working-calendar.file';
import { parseTimerDelay } from './delay.domain';
import { pauseSlaClock, resumeSlaClock, startSlaClock } from './sla-clock.domain';
import { addWorkingDays, isWorkingDay, lastCoveredYear, nonWorkingDayStarts } from './working-days.domain';

const cst = (local: string) => new Date(`${local}+08:00`);
/** A plausible 2027 arrangement in the bureau's format — a test fixture, not the official schedule. */
const FIXTURE_2027 = resolve(__dirname, 'testing/working-calendar-2027.fixture.json');

describe('a year loaded from the bureau’s calendar file', () => {
  afterEach(() => clearWorkingCalendars());

  it('overrides the Monday–Friday fallback for a year the package does not hold', () => {
    const packageOnly = lastCoveredYear();
    expect(loadWorkingCalendarFile(FIXTURE_2027)).toEqual([2027]);
    expect(isWorkingDay('2027-02-08')).toBe(false); // a Monday of the fixture's 春节
    expect(isWorkingDay('2027-02-20')).toBe(true); // the fixture's 调休 Saturday
    expect(isWorkingDay('2027-02-21')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2027-03-01')).toBe(true); // an ordinary Monday
    expect(lastCoveredYear()).toBe(Math.max(packageOnly, 2027));
    clearWorkingCalendars();
    expect(lastCoveredYear()).toBe(packageOnly);
  });

  it('counts working days across the loaded Spring Festival and its make-up Saturday', () => {
    loadWorkingCalendarFile(FIXTURE_2027);
    // Thu 4 Feb: Fri 5, then 6–14 off, 15–19 Mon–Fri, Sat 20 (调休) → the 7th working day ends 21 Feb 00:00.
    expect(addWorkingDays(cst('2027-02-04T10:00:00'), 7)).toEqual(cst('2027-02-21T00:00:00'));
  });

  it('pauses an SLA clock across the loaded Spring Festival at no cost, and resumes on its 调休 Saturday', () => {
    loadWorkingCalendarFile(FIXTURE_2027);
    // 3wd from Wed 3 Feb 10:00: Thu 4, Fri 5, then the festival (6–14 Feb), Mon 15 → due 16 Feb 00:00.
    const started = startSlaClock(parseTimerDelay('3wd'), cst('2027-02-03T10:00:00'));
    expect(started).toMatchObject({ dueAt: cst('2027-02-16T00:00:00') });
    // Paused Fri 5 Feb 12:00: 12 h of Friday and Monday 15 are left, whatever the festival in between.
    const paused = pauseSlaClock(started, cst('2027-02-05T12:00:00'));
    expect(paused.remainingMs).toBe(36 * 3_600_000);
    // Resumed Fri 19 Feb 12:00: 12 h of Friday, then the 调休 Saturday counts → due Sun 21 Feb 00:00.
    expect(resumeSlaClock(paused, cst('2027-02-19T12:00:00'))).toMatchObject({ status: 'RUNNING', dueAt: cst('2027-02-21T00:00:00') });
    // The queue's SQL sort gets the same calendar: the festival and Sunday 21 off, Saturday 20 worked.
    const off = nonWorkingDayStarts(cst('2027-02-19T12:00:00'), cst('2027-02-22T12:00:00'));
    expect(off).toEqual([cst('2027-02-21T00:00:00')]);
    expect(nonWorkingDayStarts(cst('2027-02-05T12:00:00'), cst('2027-02-15T12:00:00'))).toHaveLength(9);
  });

  it('takes precedence over the package for a year both hold', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
    useWorkingCalendar({ year: 2026, holidays: ['2026-03-02'], workdays: ['2026-02-16'] });
    expect(isWorkingDay('2026-02-16')).toBe(true);
    expect(isWorkingDay('2026-03-02')).toBe(false);
  });

  it('refuses dates outside the year, impossible dates and a day both off and worked', () => {
    expect(() => useWorkingCalendar({ year: 2027, holidays: ['2028-01-01'], workdays: [] })).toThrow(/outside 2027/);
    expect(() => useWorkingCalendar({ year: 2027, holidays: ['2027-02-30'], workdays: [] })).toThrow(/not a calendar date/);
    expect(() => useWorkingCalendar({ year: 2027, holidays: ['2027-02-20'], workdays: ['2027-02-20'] })).toThrow(/also a holiday/);
    expect(() => useWorkingCalendar({ year: 2027, holidays: [], workdays: [], extra: 1 })).toThrow();
    expect(() => useWorkingCalendar([{ year: 2027, holidays: [], workdays: [] }, { year: 2027, holidays: [], workdays: [] }])).toThrow(/twice/);
    expect(isWorkingDay('2027-02-08')).toBe(true); // nothing was registered
  });

  it('names the file when it cannot be read or parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    writeFileSync(join(dir, 'bad.json'), '{ "year": 2027,');
    expect(() => loadWorkingCalendarFile(join(dir, 'bad.json'))).toThrow(/WORKING_CALENDAR_FILE .*bad\.json/);
    expect(() => loadWorkingCalendarFile(join(dir, 'missing.json'))).toThrow(/WORKING_CALENDAR_FILE .*missing\.json/);
  });
});
