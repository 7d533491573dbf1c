import { addWorkingDays, isWorkingDay, lastCoveredYear } from './working-days.domain';

const cst = (local: string) => new Date(`${local}+08:00`);

describe('working days on the official calendar (chinese-days)', () => {
  it.each([
    ['2025-09-28', true, '国庆 调休: a Sunday worked'],
    ['2025-10-01', false, '国庆'],
    ['2025-10-08', false, '国庆 (eighth day, with 中秋)'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, '国庆 调休: a Saturday worked'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2026-02-14', true, '春节 调休: a Saturday worked'],
    ['2026-02-16', false, '春节 on a Monday'],
    ['2026-02-23', false, '春节 (last day)'],
    ['2026-02-28', true, '春节 调休: another Saturday worked'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('counts across 国庆 2025, including its make-up Saturday', () => {
    // Tue 30 Sep: 1–8 Oct off; 9 Thu, 10 Fri, 11 Sat (调休), 13 Mon, 14 Tue → due at the end of 14 Oct.
    expect(addWorkingDays(cst('2025-09-30T10:00:00'), 5)).toEqual(cst('2025-10-15T00:00:00'));
  });

  it('counts across 春节 2025 on both make-up days', () => {
    // Fri 24 Jan: 26 Sun (调休), 27 Mon, then 28 Jan–4 Feb off, 5, 6, 7 Feb, 8 Feb Sat (调休).
    expect(addWorkingDays(cst('2025-01-24T16:00:00'), 5)).toEqual(cst('2025-02-08T00:00:00'));
    expect(addWorkingDays(cst('2025-01-24T16:00:00'), 6)).toEqual(cst('2025-02-09T00:00:00'));
  });

  it('counts across 春节 2026, which starts after a worked Saturday', () => {
    // Fri 13 Feb: 14 Sat (调休), 15–23 off, 24 Tue, 25 Wed.
    expect(addWorkingDays(cst('2026-02-13T10:00:00'), 3)).toEqual(cst('2026-02-26T00:00:00'));
  });

  it('never counts the starting day, however late in it', () => {
    expect(addWorkingDays(cst('2025-09-26T23:59:00'), 1)).toEqual(cst('2025-09-29T00:00:00')); // Fri → Sun 28 (调休)
    expect(addWorkingDays(cst('2025-09-29T00:00:00'), 1)).toEqual(cst('2025-10-01T00:00:00')); // Mon → Tue 30
  });

  it('takes the date in China, not in UTC', () => {
    // 27 Sep 17:00 UTC is already Sunday 28 Sep (a worked 调休 day) in Chongqing, so counting starts on Monday.
    expect(addWorkingDays(new Date('2025-09-27T17:00:00Z'), 1)).toEqual(cst('2025-09-30T00:00:00'));
  });

  it('gives the same answer whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect([isWorkingDay('2025-10-11'), isWorkingDay('2025-10-01')]).toEqual([true, false]);
        expect(addWorkingDays(cst('2025-09-30T10:00:00'), 5)).toEqual(cst('2025-10-15T00:00:00'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => addWorkingDays(new Date(), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });

  it('knows how far the official arrangements reach; later years fall back to Monday–Friday', () => {
    expect(lastCoveredYear()).toBeGreaterThanOrEqual(2026);
    const beyond = lastCoveredYear() + 50;
    expect(isWorkingDay(`${beyond}-01-01`)).toBe(![0, 6].includes(new Date(Date.UTC(beyond, 0, 1)).getUTCDay()));
  });
});
