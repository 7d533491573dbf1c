import { Inject, Injectable } from '@nestjs/common';
import { reviewReopenedV1, type challengeObjectionUpheldV1, type EventOf } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import { In, type EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationStore } from '../applications/application.store';
import { MATCHING_SYSTEM_ACTOR } from '../applications/formal-check.service';
import { ReviewRoundStore } from '../applications/review-round.store';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { REVIEW_DUE_TIMER } from './review-assignment.service';
import { REVIEWED_STATUSES } from './review-completion.service';
import { roundReviews, updateReview } from './review.store';

export const REOPENED_REASON = '异议成立，重新评审';

/**
 * An upheld objection (challenge.objection-upheld): the applications it names go back to IN_REVIEW, their submitted
 * reviews open again (the scores kept for the experts to revise), and the round has a new review period.
 */
@Injectable()
export class ReviewReopeningService {
  constructor(
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly applications: ApplicationStore,
    private readonly rounds: ReviewRoundStore,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
  ) {}

  async onObjectionUpheld(event: EventOf<typeof challengeObjectionUpheldV1>, em: EntityManager): Promise<void> {
    const round = await this.rounds.lock(em, event.subject);
    const challenge = await this.applications.challenge(em, event.subject);
    if (!round?.completedAt || !challenge) return;
    const concerned = await em.find(Application, {
      where: { challengeId: event.subject, id: In(event.data.applicationIds), status: In([...REVIEWED_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
    if (concerned.length === 0) return;
    const ctx: CommandContext = { actor: MATCHING_SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.id };
    const now = new Date();
    const dueAt = dueAfter(this.config.REVIEW_PERIOD, now);
    const ids = new Set(concerned.map((a) => a.id));
    const reopened = (await roundReviews(em, event.subject)).filter((r) => ids.has(r.applicationId) && r.status === 'SUBMITTED');
    for (const a of concerned) {
      await this.applications.save(em, { ...a, status: 'IN_REVIEW', version: a.version + 1 }, {}, now);
      await this.applications.recordTransition(em, a.id, { from: a.status, to: 'IN_REVIEW', reason: REOPENED_REASON, at: now }, null, ctx);
    }
    for (const r of reopened) await updateReview(em, r.id, { status: 'ASSIGNED' }, now);
    const version = await this.rounds.reopen(em, event.subject, dueAt);
    const appended = await this.outbox.append(
      em,
      reviewReopenedV1,
      {
        subject: event.subject,
        sequence: version,
        data: {
          challengeTitle: challenge.title,
          enterpriseOrgId: challenge.enterpriseOrgId,
          objectionId: event.data.objectionId,
          applicationIds: concerned.map((a) => a.id),
          reviews: reopened.map((r) => ({ reviewId: r.id, profileId: r.expertProfileId, ownerId: r.ownerId, name: r.expertName, applicationId: r.applicationId })),
          dueAt: dueAt.toISOString(),
          reopenedAt: now.toISOString(),
        },
      },
      ctx,
    );
    await this.timers.arm(em, { kind: REVIEW_DUE_TIMER, subject: event.subject, dueAt, ctx: { correlationId: ctx.correlationId, causationId: appended.id } });
  }
}
