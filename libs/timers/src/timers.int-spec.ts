import { randomUUID } from 'node:crypto';
import { eventually, freshDatabase, query } from '@jiebang/test-infra';
import type { EntityManager } from 'typeorm';
import { EFFECT_KIND, freshQueuePrefix, startTimerApp, type TimerApp } from './testing/timer-app';
import { fireRequest, timerJobId, type ArmedTimer } from './timer.domain';
import { timerReadiness } from './timer.readiness';

/** Durable timers against the real Postgres and Redis: every guarantee of ARCHITECTURE §5 "Timers are durable". */
describe('durable timers (real Postgres and Redis)', () => {
  let database: string;
  let prefix: string;
  let t: TimerApp;

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    prefix = freshQueuePrefix();
    t = await startTimerApp(database, prefix);
  });

  afterAll(async () => {
    await t?.queue.queue.obliterate({ force: true });
    await t?.close();
  });

  const soon = (ms: number) => new Date(Date.now() + ms);
  const arm = (em: EntityManager, subject: string, dueAt: Date) =>
    t.timers.arm(em, { kind: EFFECT_KIND, subject, dueAt, ctx: { correlationId: `req-${subject}` } });
  const armNow = (subject: string, dueAt: Date) => t.dataSource.transaction((em) => arm(em, subject, dueAt));
  const effects = (subject: string) =>
    query<{ due_at: Date; correlation_id: string }>(database, 'SELECT due_at, correlation_id FROM timer_effects WHERE subject = $1', [subject]);
  const status = async (subject: string) =>
    (await query<{ status: string }>(database, 'SELECT status FROM timers WHERE subject = $1', [subject]))[0]?.status;
  /** What the job for this (timer, due time) decided, once it has run. */
  const outcome = (armed: ArmedTimer) =>
    eventually(async () => {
      const job = await t.queue.queue.getJob(timerJobId(armed.id, armed.dueAt));
      expect(await job?.getState()).toBe('completed');
      return job!.returnvalue;
    });
  const jobOf = (armed: ArmedTimer) => t.queue.queue.getJob(timerJobId(armed.id, armed.dueAt));

  it('fires a timer armed in a transaction once, when it is due, with the arming request’s correlation id', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(300));
    expect(await outcome(armed)).toBe('fired');
    expect(await effects(subject)).toEqual([{ due_at: armed.dueAt, correlation_id: `req-${subject}` }]);
    expect(await status(subject)).toBe('fired');
  });

  it('arms nothing when the business transaction rolls back', async () => {
    const subject = randomUUID();
    let armed: ArmedTimer | undefined;
    await expect(
      t.dataSource.transaction(async (em) => {
        armed = await arm(em, subject, soon(200));
        throw new Error('the command was refused after arming');
      }),
    ).rejects.toThrow('refused');
    // A probe armed afterwards and due later has fired: the rolled-back timer would have fired by then.
    const probe = randomUUID();
    expect(await outcome(await armNow(probe, soon(400)))).toBe('fired');
    expect(await status(subject)).toBeUndefined();
    expect(await jobOf(armed!)).toBeUndefined();
    expect(await effects(subject)).toEqual([]);
  });

  it('fires only the new due time after a re-arm; the old job finds the timer moved on', async () => {
    const subject = randomUUID();
    const first = await armNow(subject, soon(300));
    const second = await armNow(subject, soon(900));
    expect(second.id).toBe(first.id);
    expect(await outcome(first)).toBe('stale');
    expect(await outcome(second)).toBe('fired');
    expect(await effects(subject)).toEqual([expect.objectContaining({ due_at: second.dueAt })]);
  });

  it('keeps a timer armed that its own handler re-armed for a later due time, and fires that one too', async () => {
    const subject = randomUUID();
    t.handler.rearmAfter.set(subject, 300);
    const first = await armNow(subject, soon(200));
    expect(await outcome(first)).toBe('fired');
    await eventually(async () => expect(await effects(subject)).toHaveLength(2));
    const [a, b] = await effects(subject);
    expect(b.due_at.getTime()).toBeGreaterThan(a.due_at.getTime());
    expect(await status(subject)).toBe('fired');
  });

  it('fires nothing once cancelled', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(300));
    expect(await t.dataSource.transaction((em) => t.timers.cancel(em, EFFECT_KIND, subject))).toBe(true);
    expect(await outcome(armed)).toBe('cancelled');
    expect(await effects(subject)).toEqual([]);
    expect(await status(subject)).toBe('cancelled');
    expect(await t.dataSource.transaction((em) => t.timers.cancel(em, EFFECT_KIND, subject))).toBe(false);
  });

  it('re-arms from Postgres when Redis loses the job, and fires once', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(1_500));
    await eventually(async () => expect(await (await jobOf(armed))?.getState()).toBe('delayed'));
    await t.queue.queue.obliterate({ force: true }); // only this file's queue: other runs share this Redis
    expect(await jobOf(armed)).toBeUndefined();

    expect(await t.sweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await t.sweeper.sweep()).toBeGreaterThanOrEqual(1); // a second sweep finds the job there and adds nothing
    expect(await outcome(armed)).toBe('fired');
    expect(await effects(subject)).toHaveLength(1);
  });

  it('re-arms at boot what was armed while Redis was emptied and the service was down', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(1_000));
    await eventually(async () => expect(await jobOf(armed)).toBeDefined());
    await t.queue.queue.obliterate({ force: true });
    await t.close();
    t = await startTimerApp(database, prefix);
    expect(await outcome(armed)).toBe('fired');
    expect(await effects(subject)).toHaveLength(1);
  });

  it('runs the handler once for duplicate jobs and concurrent firings of one timer', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(600));
    const request = fireRequest(armed.id, armed.dueAt);
    // A second job for the same timer and due time under another id: what a stalled job's re-run amounts to.
    const duplicate = await t.queue.queue.add('fire', request, { jobId: `${timerJobId(armed.id, armed.dueAt)}.dup`, delay: 600 });
    const direct = await Promise.all([t.firing.fire(request), t.firing.fire(request)]);
    expect(direct.sort()).toEqual(['already-fired', 'fired']);
    expect(await outcome(armed)).toBe('already-fired');
    await eventually(async () => expect(await duplicate.getState()).toBe('completed'));
    expect((await t.queue.queue.getJob(duplicate.id!))?.returnvalue).toBe('already-fired');
    expect(await effects(subject)).toHaveLength(1);
  });

  it('keeps a timer armed while its handler fails, and fires it once on a later try', async () => {
    const subject = randomUUID();
    t.handler.failuresLeft.set(subject, 2);
    const armed = await armNow(subject, soon(200));
    expect(await outcome(armed)).toBe('fired');
    expect((await jobOf(armed))?.attemptsMade).toBe(3);
    expect(await effects(subject)).toHaveLength(1); // the failed tries' inserts rolled back with them
    expect(await query(database, 'SELECT status, last_error FROM timers WHERE subject = $1', [subject])).toEqual([
      { status: 'fired', last_error: null },
    ]);
  });

  it('lets a command holding the aggregate cancel a timer whose firing waits for it (same lock order, no deadlock)', async () => {
    const subject = randomUUID();
    const armed = await armNow(subject, soon(60_000));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked = false;
    const command = t.dataSource.transaction(async (em) => {
      await t.handler.lockSubject(em, subject); // a use case locks its aggregate first, then cancels the timer
      locked = true;
      await held;
      await t.timers.cancel(em, EFFECT_KIND, subject);
    });
    await eventually(async () => expect(locked).toBe(true));
    // A job running now (fired by hand rather than waiting a minute) queues up behind the command's lock.
    const firing = t.firing.fire(fireRequest(armed.id, armed.dueAt));
    await eventually(async () => {
      const waiting = await query(database, `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = $1`, [database]);
      expect(waiting.length).toBeGreaterThan(0);
    });
    release();
    await command;
    expect(await firing).toBe('cancelled');
    expect(await effects(subject)).toEqual([]);
  });

  it('reports the queue in readiness', async () => {
    const result = await timerReadiness(t.queue).check();
    expect(result.up).toBe(true);
    expect(result.details).toMatchObject({ queue: 'timers-challenge-service', delayed: expect.any(Number), failed: expect.any(Number) });
    expect(result.details.calendarCoversThrough).toBeGreaterThanOrEqual(2026);
  });
});
