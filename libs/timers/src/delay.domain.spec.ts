import { dueAfter, parseTimerDelay, timerDelaySchema } from './delay.domain';

describe('timer delays', () => {
  it.each([
    ['5wd', { kind: 'working-days', days: 5 }],
    ['3d', { kind: 'fixed', ms: 3 * 86_400_000 }],
    ['2h', { kind: 'fixed', ms: 7_200_000 }],
    ['15m', { kind: 'fixed', ms: 900_000 }],
    ['30s', { kind: 'fixed', ms: 30_000 }],
    ['500ms', { kind: 'fixed', ms: 500 }],
    [' 10wd ', { kind: 'working-days', days: 10 }],
  ])('reads %j', (text, expected) => {
    expect(parseTimerDelay(text)).toMatchObject(expected);
  });

  it.each(['', '5', 'wd', '0wd', '-1s', '1.5h', '5 wd', '5y', '2H'])('refuses %j with a message that says what is expected', (text) => {
    const result = timerDelaySchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/5wd \(working days\)/);
  });

  it('adds a fixed duration to the instant and working days on the calendar', () => {
    const from = new Date('2025-09-30T10:00:00+08:00');
    expect(dueAfter(parseTimerDelay('30s'), from)).toEqual(new Date('2025-09-30T10:00:30+08:00'));
    expect(dueAfter(parseTimerDelay('3d'), from)).toEqual(new Date('2025-10-03T10:00:00+08:00'));
    expect(dueAfter(parseTimerDelay('5wd'), from)).toEqual(new Date('2025-10-15T00:00:00+08:00'));
  });
});
