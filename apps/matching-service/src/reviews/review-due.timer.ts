import { Injectable, type OnModuleInit } from '@nestjs/common';
import { reviewExpertRemindedV1 } from '@jiebang/contracts';
import { Outbox } from '@jiebang/messaging';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { ApplicationStore } from '../applications/application.store';
import { ReviewRoundStore } from '../applications/review-round.store';
import { REVIEW_DUE_TIMER } from './review-assignment.service';

/** The review period ran out: the experts whose reviews are still open are reminded, once. */
@Injectable()
export class ReviewDueTimer implements TimerHandler, OnModuleInit {
  readonly kind = REVIEW_DUE_TIMER;

  constructor(
    private readonly timers: Timers,
    private readonly rounds: ReviewRoundStore,
    private readonly applications: ApplicationStore,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  lockSubject(em: EntityManager, challengeId: string) {
    return this.rounds.lock(em, challengeId);
  }

  async fire(em: EntityManager, timer: FiringTimer): Promise<void> {
    const round = await this.rounds.lock(em, timer.subject);
    const challenge = await this.applications.challenge(em, timer.subject);
    if (!round || !challenge) return;
    const pending: { id: string; application_id: string; expert_profile_id: string; owner_id: string; expert_name: string }[] = await em.query(
      `SELECT id, application_id, expert_profile_id, owner_id, expert_name FROM reviews WHERE challenge_id = $1 AND status = 'ASSIGNED' ORDER BY created_at, id`,
      [timer.subject],
    );
    if (pending.length === 0) return;
    const version = await this.rounds.bump(em, timer.subject);
    await this.outbox.append(
      em,
      reviewExpertRemindedV1,
      {
        subject: timer.subject,
        sequence: version,
        data: {
          challengeTitle: challenge.title,
          enterpriseOrgId: challenge.enterpriseOrgId,
          pending: pending.map((r) => ({ reviewId: r.id, profileId: r.expert_profile_id, ownerId: r.owner_id, name: r.expert_name, applicationId: r.application_id })),
          dueAt: timer.dueAt.toISOString(),
          remindedAt: timer.firedAt.toISOString(),
        },
      },
      timer.ctx,
    );
  }
}
