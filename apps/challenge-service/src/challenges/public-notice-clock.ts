import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { publicNoticeClockAction, type AwardFields } from './award.domain';
import type { ChallengeState, Transition } from './challenge.domain';

export const PUBLIC_NOTICE_TIMER = 'challenge.public-notice';

/**
 * The end of the 公示 as a durable timer due at `publicNoticeEndsAt`: armed when review results go into 公示, cancelled
 * by whatever leaves it (an upheld objection, the award, an approved withdrawal).
 */
@Injectable()
export class PublicNoticeClock {
  constructor(private readonly timers: Timers) {}

  async follow(em: EntityManager, state: ChallengeState & Partial<AwardFields>, t: Transition, ctx: CommandContext, eventId: string | null): Promise<void> {
    const action = publicNoticeClockAction(t);
    if (action === 'arm') {
      if (!state.publicNoticeEndsAt) throw new Error(`challenge ${state.id} entered IN_PUBLIC_NOTICE without publicNoticeEndsAt`);
      await this.timers.arm(em, {
        kind: PUBLIC_NOTICE_TIMER,
        subject: state.id,
        dueAt: state.publicNoticeEndsAt,
        ctx: { correlationId: ctx.correlationId, causationId: eventId },
      });
    } else if (action === 'cancel') {
      await this.timers.cancel(em, PUBLIC_NOTICE_TIMER, state.id);
    }
  }
}
