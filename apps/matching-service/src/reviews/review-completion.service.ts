import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REVIEW_WEIGHTS, DomainError, reviewCompletedV1, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { Timers } from '@jiebang/timers';
import { DataSource, In } from 'typeorm';
import { Application } from '../applications/application.entity';
import { applicant } from '../applications/application.facts';
import { ApplicationStore } from '../applications/application.store';
import { ReviewRoundStore } from '../applications/review-round.store';
import { REVIEW_DUE_TIMER } from './review-assignment.service';
import { rankApplications } from './review.domain';
import { roundReviews } from './review.store';

/** Every application the round ranks: in review, or placed by an earlier close of a round reopened since. */
export const REVIEWED_STATUSES = ['IN_REVIEW', 'PROPOSED', 'SHORTLISTED', 'NOT_SELECTED'] as const;

const challengeNotFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });

/** The bureau closes a review round: every active review in, the ranking computed, explained and published. */
@Injectable()
export class ReviewCompletionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly applications: ApplicationStore,
    private readonly rounds: ReviewRoundStore,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
  ) {}

  async complete(p: Principal, challengeId: string, ctx: CommandContext) {
    if (p.role !== 'bureau' && p.role !== 'admin') throw challengeNotFound(challengeId);
    return this.ds.transaction(async (em) => {
      const round = await this.rounds.lock(em, challengeId);
      const challenge = await this.applications.challenge(em, challengeId);
      if (!round || !challenge) throw challengeNotFound(challengeId);
      if (!round.assignedAt) throw DomainError.invalidState('REVIEW_NOT_STARTED', '尚未确认评审专家分配', 'NOT_ASSIGNED');
      if (round.completedAt) throw DomainError.invalidState('REVIEW_ROUND_CLOSED', '本轮评审已结束', 'COMPLETED');
      const reviews = await roundReviews(em, challengeId);
      const missing = reviews.filter((r) => r.status === 'ASSIGNED');
      if (missing.length > 0) {
        throw DomainError.invalidState('REVIEW_INCOMPLETE', `还有 ${missing.length} 份评审未提交：${missing.map((r) => r.expertName).join('、')}`, 'IN_REVIEW', {
          missing: missing.map((r) => ({ reviewId: r.id, applicationId: r.applicationId, expert: r.expertName })),
        });
      }
      const apps = await em.find(Application, { where: { challengeId, status: In([...REVIEWED_STATUSES]) }, lock: { mode: 'pessimistic_write' } });
      const unscored = apps.filter((a) => !reviews.some((r) => r.applicationId === a.id && r.status === 'SUBMITTED')).map((a) => a.id);
      if (unscored.length > 0) {
        throw DomainError.invalidState('REVIEW_INCOMPLETE', '有申请没有任何专家评分（均已回避），请先替换专家', 'IN_REVIEW', { unscored });
      }
      const weights = challenge.reviewWeights ?? DEFAULT_REVIEW_WEIGHTS;
      const ranked = rankApplications(
        apps.map((a) => ({
          applicationId: a.id,
          submittedAt: a.submittedAt!,
          scores: reviews.filter((r) => r.applicationId === a.id && r.status === 'SUBMITTED').map((r) => r.scores!),
        })),
        weights,
        challenge.maxWinners,
      );
      const now = new Date();
      const byId = new Map(apps.map((a) => [a.id, a]));
      const ranking = ranked.map((r) => ({ ...applicant(byId.get(r.applicationId)!), ...r }));
      for (const r of ranked) {
        const a = byId.get(r.applicationId)!;
        await this.applications.save(em, { ...a, status: r.outcome, version: a.version + 1 }, {}, now);
        await this.applications.recordTransition(em, a.id, { from: a.status, to: r.outcome, reason: `第 ${r.rank} 名，${r.score} 分`, at: now }, null, ctx);
      }
      const version = await this.rounds.complete(em, challengeId, ranking, now);
      await this.outbox.append(
        em,
        reviewCompletedV1,
        {
          subject: challengeId,
          sequence: version,
          data: {
            challengeTitle: challenge.title,
            enterpriseOrgId: challenge.enterpriseOrgId,
            mode: challenge.mode,
            maxWinners: challenge.maxWinners,
            reviewWeights: weights,
            ranking,
            completedAt: now.toISOString(),
          },
        },
        ctx,
      );
      await this.timers.cancel(em, REVIEW_DUE_TIMER, challengeId);
      return { challengeId, ranking, completedAt: now };
    });
  }
}
