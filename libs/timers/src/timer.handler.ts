import type { Actor } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';

/** The actor of every fact a timer causes: nobody acted, time passed. */
export const TIMER_ACTOR: Actor = { id: 'jiebang-timers', role: 'system' };

export interface FiringTimer<D = Record<string, unknown>> {
  id: string;
  kind: string;
  /** The aggregate the timer belongs to. */
  subject: string;
  dueAt: Date;
  firedAt: Date;
  data: D;
  /** For `Outbox.append`: the system actor, the correlation id of the command that armed the timer and its event. */
  ctx: CommandContext;
}

/** What a timer means, per kind; registered with `Timers.handle` when its module initialises. */
export interface TimerHandler<D = Record<string, unknown>> {
  readonly kind: string;
  /**
   * Locks the aggregate row. Commands lock the aggregate and then arm or cancel its timer; firing takes the locks in
   * the same order (aggregate, then timer), so a command and a firing on one aggregate queue up instead of deadlocking.
   */
  lockSubject(em: EntityManager, subject: string): Promise<unknown>;
  /**
   * Runs in the firing transaction once the timer is known to be still armed for this due time: checks the
   * aggregate's state (it may have moved on) and records what the timer means, with events through the outbox.
   */
  fire(em: EntityManager, timer: FiringTimer<D>): Promise<void>;
}
