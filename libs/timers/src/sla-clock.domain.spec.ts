import { parseTimerDelay } from './delay.domain';
import { pauseSlaClock, remainingWorkingDays, resumeSlaClock, SlaClockError, startSlaClock } from './sla-clock.domain';

const cst = (local: string) => new Date(`${local}+08:00`);
const H = 3_600_000;

describe('SLA clock with pause', () => {
  it('starts due after its delay', () => {
    expect(startSlaClock(parseTimerDelay('3wd'), cst('2026-02-13T10:00:00'))).toEqual({
      status: 'RUNNING',
      basis: 'working-days',
      dueAt: cst('2026-02-26T00:00:00'),
    });
  });

  it('a pause spanning the Spring Festival costs only the working time it lasted', () => {
    // 5wd from Mon 9 Feb 10:00: 10, 11, 12, 13, Sat 14 (调休) → due 15 Feb 00:00.
    const started = startSlaClock(parseTimerDelay('5wd'), cst('2026-02-09T10:00:00'));
    expect(started).toMatchObject({ dueAt: cst('2026-02-15T00:00:00') });
    // Paused Thu 12 Feb 10:00: 14 h of Thursday, Friday and the 调休 Saturday are left.
    const paused = pauseSlaClock(started, cst('2026-02-12T10:00:00'));
    expect(paused.remainingMs).toBe(62 * H);
    // Resumed Wed 25 Feb 10:00, after the holiday: 14 h of Wednesday, Thursday, Friday → due Sat 28 Feb 00:00.
    expect(resumeSlaClock(paused, cst('2026-02-25T10:00:00'))).toEqual({
      status: 'RUNNING',
      basis: 'working-days',
      dueAt: cst('2026-02-28T00:00:00'),
    });
  });

  it('paused and resumed within a holiday, it is due when it was', () => {
    const started = startSlaClock(parseTimerDelay('2wd'), cst('2026-02-13T09:00:00'));
    const paused = pauseSlaClock(started, cst('2026-02-16T09:00:00'));
    expect(resumeSlaClock(paused, cst('2026-02-20T18:00:00')).dueAt).toEqual(started.status === 'RUNNING' && started.dueAt);
  });

  it('counts a fixed delay in plain milliseconds, holidays or not', () => {
    const started = startSlaClock(parseTimerDelay('3s'), cst('2026-02-16T10:00:00'));
    const paused = pauseSlaClock(started, cst('2026-02-16T10:00:01'));
    expect(paused).toEqual({ status: 'PAUSED', basis: 'fixed', remainingMs: 2_000 });
    expect(resumeSlaClock(paused, cst('2026-02-17T10:00:00')).dueAt).toEqual(cst('2026-02-17T10:00:02'));
  });

  it('keeps nothing when paused past due, so it resumes already due', () => {
    const started = startSlaClock(parseTimerDelay('1s'), cst('2026-03-02T10:00:00'));
    const paused = pauseSlaClock(started, cst('2026-03-02T11:00:00'));
    expect(paused.remainingMs).toBe(0);
    expect(resumeSlaClock(paused, cst('2026-03-03T09:00:00')).dueAt).toEqual(cst('2026-03-03T09:00:00'));
  });

  it('refuses to pause a paused clock or resume a running one', () => {
    const started = startSlaClock(parseTimerDelay('2wd'), cst('2026-03-02T10:00:00'));
    expect(() => resumeSlaClock(started, cst('2026-03-02T11:00:00'))).toThrow(SlaClockError);
    expect(() => pauseSlaClock(pauseSlaClock(started, cst('2026-03-02T11:00:00')), cst('2026-03-02T12:00:00'))).toThrow(SlaClockError);
  });

  it('shows the working days left, rounded up to a tenth', () => {
    const started = startSlaClock(parseTimerDelay('3wd'), cst('2026-03-02T10:00:00'));
    expect(remainingWorkingDays(started, cst('2026-03-02T12:00:00'))).toBe(3.5);
    expect(remainingWorkingDays(pauseSlaClock(started, cst('2026-03-04T00:00:00')), cst('2026-03-20T00:00:00'))).toBe(2);
    expect(remainingWorkingDays(started, cst('2026-03-09T00:00:00'))).toBe(0);
  });
});
