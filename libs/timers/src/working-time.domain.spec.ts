import { addWorkingTime, nonWorkingDayStarts, workingTimeBetween } from './working-days.domain';

const cst = (local: string) => new Date(`${local}+08:00`);
const H = 3_600_000;

describe('working time (the part of a span inside working days)', () => {
  it('skips the 2026 Spring Festival but counts the 调休 Saturday before it', () => {
    // Fri 13 Feb 10:00 → 26 Feb 00:00: 14 h of Friday, Sat 14 (调休), 15–23 off, Tue 24 and Wed 25.
    expect(workingTimeBetween(cst('2026-02-13T10:00:00'), cst('2026-02-26T00:00:00'))).toBe(14 * H + 3 * 24 * H);
  });

  it('counts a 调休 Saturday and not the Sunday after it', () => {
    // Fri 27 Feb 12:00 → Mon 2 Mar 00:00: 12 h of Friday, Sat 28 Feb (调休) whole, Sunday nothing.
    expect(workingTimeBetween(cst('2026-02-27T12:00:00'), cst('2026-03-02T00:00:00'))).toBe(36 * H);
  });

  it('is zero inside a holiday and when the end is not after the start', () => {
    expect(workingTimeBetween(cst('2026-02-16T08:00:00'), cst('2026-02-23T20:00:00'))).toBe(0);
    expect(workingTimeBetween(cst('2026-03-03T10:00:00'), cst('2026-03-02T10:00:00'))).toBe(0);
  });

  it('adds working time across the holiday, the inverse of measuring it', () => {
    expect(addWorkingTime(cst('2026-02-13T10:00:00'), 14 * H + 3 * 24 * H)).toEqual(cst('2026-02-26T00:00:00'));
    const from = cst('2026-02-11T09:30:00');
    const to = addWorkingTime(from, 100 * H);
    expect(workingTimeBetween(from, to)).toBe(100 * H);
  });

  it('ends at 24:00 of a working day rather than jumping to the next one', () => {
    expect(addWorkingTime(cst('2026-03-02T00:00:00'), 24 * H)).toEqual(cst('2026-03-03T00:00:00'));
  });

  it('starts counting when work resumes if added on a holiday', () => {
    // Mon 16 Feb (春节): nothing counts until Tue 24 Feb 00:00.
    expect(addWorkingTime(cst('2026-02-16T15:00:00'), 2 * H)).toEqual(cst('2026-02-24T02:00:00'));
    expect(addWorkingTime(cst('2026-02-16T15:00:00'), 0)).toEqual(cst('2026-02-16T15:00:00'));
  });

  it('refuses negative working time', () => {
    expect(() => addWorkingTime(new Date(), -1)).toThrow(RangeError);
  });

  it('lists the non-working days of a span as their China midnights, the complement of working time', () => {
    // 13 Feb → 25 Feb 2026: Sun 15 Feb (Sat 14 is 调休) and the festival 15–23 Feb, nothing else.
    const starts = nonWorkingDayStarts(cst('2026-02-13T10:00:00'), cst('2026-02-25T12:00:00'));
    expect(starts.map((d) => d.toISOString())).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => cst(`2026-02-${d}T00:00:00`).toISOString()),
    );
    const from = cst('2026-02-13T10:00:00');
    const to = cst('2026-02-26T00:00:00');
    const overlap = starts.reduce((sum, s) => sum + Math.max(0, Math.min(to.getTime(), s.getTime() + 24 * H) - Math.max(from.getTime(), s.getTime())), 0);
    expect(to.getTime() - from.getTime() - overlap).toBe(workingTimeBetween(from, to));
  });
});
