import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, reviewConflictDeclaredV1, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationStore } from '../applications/application.store';
import { ReviewRoundStore } from '../applications/review-round.store';
import type { ScoreInput } from './review-scoring.dto';
import { lockOwnReview, updateReview, type ReviewRow } from './review.store';

const notFound = (id: string) => DomainError.notFound('REVIEW_NOT_FOUND', '评审任务不存在或无权查看', { id });

/** An expert's commands on its own review: declare a conflict (回避) or score it while the round is open. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rounds: ReviewRoundStore,
    private readonly applications: ApplicationStore,
    private readonly outbox: Outbox,
  ) {}

  async declareConflict(p: Principal, id: string, reason: string, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const review = await this.lockOwn(em, p, id);
      if (review.status !== 'ASSIGNED') {
        throw DomainError.invalidState('REVIEW_INVALID_STATE', '只能对尚未评分的评审任务申请回避', review.status);
      }
      const now = new Date();
      await updateReview(em, id, { status: 'DECLINED', conflictReason: reason }, now);
      const challenge = (await this.applications.challenge(em, review.challengeId))!;
      const version = await this.rounds.bump(em, review.challengeId);
      await this.outbox.append(
        em,
        reviewConflictDeclaredV1,
        {
          subject: review.challengeId,
          sequence: version,
          data: {
            challengeTitle: challenge.title,
            enterpriseOrgId: challenge.enterpriseOrgId,
            applicationId: review.applicationId,
            expert: { reviewId: id, profileId: review.expertProfileId, ownerId: review.ownerId, name: review.expertName },
            reason,
            declaredAt: now.toISOString(),
          },
        },
        ctx,
      );
      return { id, status: 'DECLINED' };
    });
  }

  async score(p: Principal, id: string, input: ScoreInput) {
    return this.ds.transaction(async (em) => {
      const review = await this.lockOwn(em, p, id);
      if (review.status !== 'ASSIGNED' && review.status !== 'SUBMITTED') {
        throw DomainError.invalidState('REVIEW_INVALID_STATE', '该评审任务已回避或被替换，不能评分', review.status);
      }
      const now = new Date();
      const { comments, ...scores } = input;
      await updateReview(em, id, { status: 'SUBMITTED', scores, comments, submittedAt: now }, now);
      return { id, status: 'SUBMITTED', scores, comments, submittedAt: now };
    });
  }

  /** The expert's own review, locked, in a round still open; anyone else's is a 404. */
  private async lockOwn(em: EntityManager, p: Principal, id: string): Promise<ReviewRow> {
    if (p.role !== 'expert') throw notFound(id);
    const round = await this.roundOf(em, id);
    const review = round && (await lockOwnReview(em, id, p.sub));
    if (!round || !review) throw notFound(id);
    if (round.completedAt) throw DomainError.invalidState('REVIEW_ROUND_CLOSED', '本轮评审已结束', 'COMPLETED');
    return review;
  }

  // The round is locked before the review, in the order completion takes them, so the two cannot deadlock.
  private async roundOf(em: EntityManager, reviewId: string) {
    const rows: { challenge_id: string }[] = await em.query(`SELECT challenge_id FROM reviews WHERE id = $1`, [reviewId]);
    return rows[0] ? this.rounds.lock(em, rows[0].challenge_id) : null;
  }
}
