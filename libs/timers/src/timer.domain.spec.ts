import { decideFiring, delayUntil, fireRequest, jobNeedsReplacing, timerJobId, type TimerRecord } from './timer.domain';

const due = new Date('2026-03-13T00:00:00+08:00');
const row = (over: Partial<TimerRecord> = {}): TimerRecord => ({
  id: '0b6f3d5e-8a4c-4e0b-9a53-2f7c1d9e4a10',
  kind: 'challenge.vetting',
  subject: 'a3b0c6d2-5f4e-4b7a-8c1d-2e9f0a1b2c3d',
  status: 'armed',
  dueAt: due,
  ...over,
});

describe('timer rules', () => {
  const request = fireRequest(row().id, due);

  it('fires a timer that is still armed for the due time its job was made for', () => {
    expect(decideFiring(row(), request)).toBe('fire');
  });

  it.each([
    ['the arming rolled back', undefined, 'missing'],
    ['it was re-armed for another due time', row({ dueAt: new Date(due.getTime() + 1) }), 'stale'],
    ['a transition cancelled it', row({ status: 'cancelled' }), 'cancelled'],
    ['it fired already (duplicate or stalled job)', row({ status: 'fired' }), 'already-fired'],
    ['it fired for another due time since', row({ status: 'fired', dueAt: new Date(due.getTime() + 60_000) }), 'stale'],
  ])('does nothing when %s', (_, current, expected) => {
    expect(decideFiring(current, request)).toBe(expected);
  });

  it('gives each (timer, due time) its own job id, without the colon BullMQ refuses', () => {
    const id = timerJobId(row().id, due);
    expect(id).toBe(timerJobId(row().id, new Date(due)));
    expect(id).not.toBe(timerJobId(row().id, new Date(due.getTime() + 1)));
    expect(id).not.toContain(':');
  });

  it('runs an overdue timer at once', () => {
    expect(delayUntil(due, new Date(due.getTime() - 1_500))).toBe(1_500);
    expect(delayUntil(due, new Date(due.getTime() + 60_000))).toBe(0);
  });

  it.each([
    [undefined, true],
    ['unknown', true],
    ['completed', true],
    ['failed', true],
    ['delayed', false],
    ['waiting', false],
    ['active', false],
  ])('replaces a job in state %s: %s', (state, expected) => {
    expect(jobNeedsReplacing(state)).toBe(expected);
  });
});
