import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { CHALLENGE_CONFIG, type ChallengeConfig } from '../config';

export const MILESTONE_REVIEW_TIMER = 'milestone.review';

/**
 * The enterprise's time limit for reviewing a submitted milestone (MILESTONE_REVIEW_SLA). One per project: only one
 * milestone runs at a time. Armed on submission, cancelled by the enterprise's decision or the project's end.
 */
@Injectable()
export class ReviewClock {
  constructor(
    @Inject(CHALLENGE_CONFIG) private readonly config: ChallengeConfig,
    private readonly timers: Timers,
  ) {}

  async arm(em: EntityManager, projectId: string, submittedAt: Date, ctx: CommandContext, eventId: string): Promise<Date> {
    const dueAt = dueAfter(this.config.MILESTONE_REVIEW_SLA, submittedAt);
    await this.timers.arm(em, { kind: MILESTONE_REVIEW_TIMER, subject: projectId, dueAt, ctx: { correlationId: ctx.correlationId, causationId: eventId } });
    return dueAt;
  }

  dueAt(submittedAt: Date): Date {
    return dueAfter(this.config.MILESTONE_REVIEW_SLA, submittedAt);
  }

  async cancel(em: EntityManager, projectId: string): Promise<void> {
    await this.timers.cancel(em, MILESTONE_REVIEW_TIMER, projectId);
  }
}
