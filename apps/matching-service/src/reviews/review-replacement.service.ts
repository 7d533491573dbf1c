import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, reviewExpertReplacedV1, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationStore } from '../applications/application.store';
import { ReviewRoundStore } from '../applications/review-round.store';
import { CandidateProfile } from '../profiles/candidate-profile.entity';
import { avoidedOrgs } from './review.domain';
import { expertOf, lockReview, roundReviews, updateReview, ReviewStore } from './review.store';

const notFound = (id: string) => DomainError.notFound('REVIEW_NOT_FOUND', '评审任务不存在或无权查看', { id });

/** The bureau replaces an expert on one application: the old review REPLACED, a new one ASSIGNED, 回避 checked. */
@Injectable()
export class ReviewReplacementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly applications: ApplicationStore,
    private readonly rounds: ReviewRoundStore,
    private readonly reviews: ReviewStore,
    private readonly outbox: Outbox,
  ) {}

  async replace(p: Principal, id: string, expertProfileId: string, ctx: CommandContext) {
    if (p.role !== 'bureau' && p.role !== 'admin') throw notFound(id);
    return this.ds.transaction(async (em) => {
      const [ref]: { challenge_id: string }[] = await em.query(`SELECT challenge_id FROM reviews WHERE id = $1`, [id]);
      const round = ref && (await this.rounds.lock(em, ref.challenge_id));
      const old = round && (await lockReview(em, id));
      if (!round || !old) throw notFound(id);
      if (round.completedAt) throw DomainError.invalidState('REVIEW_ROUND_CLOSED', '本轮评审已结束', 'COMPLETED');
      if (old.status !== 'ASSIGNED' && old.status !== 'DECLINED') {
        throw DomainError.invalidState('REVIEW_INVALID_STATE', '只能替换尚未评分或已回避的评审任务', old.status);
      }
      const [expert] = await this.reviews.reviewers(em, [expertProfileId]);
      if (!expert) throw DomainError.invalid('REVIEW_EXPERT_INVALID', '只能选择在册、未暂停且有用户账号的专家', 'expertProfileId');
      const challenge = (await this.applications.challenge(em, old.challengeId))!;
      const application = await em.findOneByOrFail(Application, { id: old.applicationId });
      const onIt = (await roundReviews(em, old.challengeId)).filter((r) => r.applicationId === old.applicationId && r.expertProfileId === expertProfileId);
      if (onIt.length > 0) {
        throw DomainError.invalid('REVIEW_EXPERT_ALREADY_ON', '该专家已评审（或已回避）此申请', 'expertProfileId');
      }
      const applicantProfile = await em.findOneBy(CandidateProfile, { id: application.profileId });
      const avoided = new Set([challenge.enterpriseOrgId, ...avoidedOrgs(challenge, application, applicantProfile?.affiliations ?? [])]);
      const candidate = await em.findOneByOrFail(CandidateProfile, { id: expertProfileId });
      const tie = [candidate.orgId, ...candidate.affiliations].find((org) => avoided.has(org));
      if (tie) {
        throw DomainError.invalid('REVIEW_EXPERT_CONFLICT', `该专家与申请单位或榜单企业存在关联（${tie}），须回避`, 'expertProfileId', { organisation: tie });
      }
      const now = new Date();
      await updateReview(em, id, { status: 'REPLACED' }, now);
      const newId = randomUUID();
      await this.reviews.insert(em, { id: newId, challengeId: old.challengeId, applicationId: old.applicationId, expert }, now);
      const version = await this.rounds.bump(em, old.challengeId);
      await this.outbox.append(
        em,
        reviewExpertReplacedV1,
        {
          subject: old.challengeId,
          sequence: version,
          data: {
            challengeTitle: challenge.title,
            enterpriseOrgId: challenge.enterpriseOrgId,
            applicationId: old.applicationId,
            replaced: { reviewId: id, profileId: old.expertProfileId, ownerId: old.ownerId, name: old.expertName },
            replacement: expertOf(expert, newId),
            dueAt: (round.dueAt ?? now).toISOString(),
            replacedAt: now.toISOString(),
          },
        },
        ctx,
      );
      return { replaced: id, review: { id: newId, expertProfileId, status: 'ASSIGNED' } };
    });
  }
}
