import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { CHALLENGE_CONFIG, type ChallengeConfig } from '../config';
import { vettingClockAction, type Transition } from './challenge.domain';

export const VETTING_TIMER = 'challenge.vetting';

/**
 * The bureau's time limit for starting 专家论证 (VETTING_SLA, working days by default). Every transition passes
 * through here in its own transaction, so entering SUBMITTED arms the timer and whichever later command leaves
 * SUBMITTED cancels it, without that command having to know about timers.
 */
@Injectable()
export class VettingClock {
  constructor(
    @Inject(CHALLENGE_CONFIG) private readonly config: ChallengeConfig,
    private readonly timers: Timers,
  ) {}

  /** `eventId`: the transition's event, the cause of an escalation the timer may raise. */
  async follow(em: EntityManager, challengeId: string, t: Transition, ctx: CommandContext, eventId: string | null): Promise<void> {
    const action = vettingClockAction(t);
    if (action === 'arm') {
      await this.timers.arm(em, {
        kind: VETTING_TIMER,
        subject: challengeId,
        dueAt: dueAfter(this.config.VETTING_SLA, t.at),
        ctx: { correlationId: ctx.correlationId, causationId: eventId },
      });
    } else if (action === 'cancel') {
      await this.timers.cancel(em, VETTING_TIMER, challengeId);
    }
  }
}
