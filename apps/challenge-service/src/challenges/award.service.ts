import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { challengeAwardedV1 } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { objectionStore } from '../objections/objection.store';
import { ProjectAwardService } from '../projects/project-award.service';
import { decideAward } from './award.domain';
import { challengeApplicationsStore as applications } from './challenge-applications.store';
import type { Challenge } from './challenge.entity';
import { challengeRef } from './challenge.events';
import { ChallengeWriter } from './challenge.writer';

/**
 * 定榜: IN_PUBLIC_NOTICE → AWARDED once the 公示 has ended with no open objection, by its timer or by the dismissal of
 * the last open objection after it ended. The projects are created in the same transaction as the award.
 */
@Injectable()
export class AwardService {
  constructor(
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
    private readonly projects: ProjectAwardService,
  ) {}

  /** The 公示 timer fired, the 榜单 locked by `lockSubject`: award if nothing is open (else a dismissal awards later). */
  async awardAtNoticeEnd(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await this.writer.lockForUpdate(em, timer.subject);
    if (current) await this.awardIfDue(em, current, timer.ctx, timer.firedAt);
  }

  /** In the caller's transaction, with `current` locked. Resolves the awarded row, or null when it is not yet time. */
  async awardIfDue(em: EntityManager, current: Challenge, ctx: CommandContext, now: Date): Promise<Challenge | null> {
    const decided = decideAward(current, await objectionStore.openCount(em, current.id), ctx.actor, now);
    if (!decided) return null;
    const { state, transition } = decided;
    const winners = decided.winners.map((w) => ({
      applicationId: w.applicationId,
      solverOrgId: w.applicantOrgId,
      solverName: w.applicantName,
      solverRole: w.applicantRole,
      profileId: w.profileId,
      projectId: randomUUID(),
      rank: w.rank,
    }));
    const saved = await this.writer.save(em, current, state, transition.at);
    await this.projects.createForAward(
      em,
      {
        challengeId: state.id,
        title: state.title,
        mode: state.mode,
        eliminationPolicy: state.eliminationPolicy,
        maxRectificationRounds: state.maxRectificationRounds,
        milestones: state.milestones,
        enterpriseOrgId: state.enterpriseOrgId,
        enterpriseName: state.enterpriseName,
        districtCode: state.districtCode,
        winners,
      },
      ctx,
    );
    const data = {
      ...challengeRef(state),
      mode: state.mode,
      bountyYuan: state.bountyYuan,
      winners: winners.map(({ rank: _rank, ...w }) => w),
      applicants: await applications.applicants(em, state.id),
      awardedAt: transition.at.toISOString(),
    };
    const event = await this.outbox.append(em, challengeAwardedV1, { subject: state.id, sequence: state.version, data }, ctx);
    await this.writer.record(em, state, transition, event.id, ctx);
    return saved;
  }
}
