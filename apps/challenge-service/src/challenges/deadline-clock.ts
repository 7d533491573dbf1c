import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { deadlineClockAction } from './challenge-lifecycle.domain';
import type { ChallengeState, Transition } from './challenge.domain';

export const DEADLINE_TIMER = 'challenge.deadline';

/**
 * The application deadline of a published 榜单 as a durable timer due at `deadlineAt` itself, so the 榜单 closes at
 * that instant. Re-arming moves the one timer of (kind, subject); the old job then finds it moved on.
 */
@Injectable()
export class DeadlineClock {
  constructor(private readonly timers: Timers) {}

  async follow(em: EntityManager, state: ChallengeState, t: Transition, ctx: CommandContext, eventId: string | null): Promise<void> {
    const action = deadlineClockAction(t);
    if (action === 'arm') {
      await this.timers.arm(em, {
        kind: DEADLINE_TIMER,
        subject: state.id,
        dueAt: state.deadlineAt,
        ctx: { correlationId: ctx.correlationId, causationId: eventId },
      });
    } else if (action === 'cancel') {
      await this.timers.cancel(em, DEADLINE_TIMER, state.id);
    }
  }
}
