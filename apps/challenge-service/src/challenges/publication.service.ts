import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeClosedV1, challengeDeadlineExtendedV1, challengePublishedV1 } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { Enterprise } from '../enterprises/enterprise.entity';
import { challengeApplicationsStore as applications } from './challenge-applications.store';
import { closeAtDeadline, extendDeadline, move } from './challenge-lifecycle.domain';
import type { ChallengeState, Transition } from './challenge.domain';
import type { Challenge } from './challenge.entity';
import { challengeRef, fullContent } from './challenge.events';
import { ChallengeWriter } from './challenge.writer';

/** 发榜 and the application period: publication, deadline extension, and closing at the deadline or early. */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
  ) {}

  /** APPROVED → PUBLISHED; the deadline timer is armed at `deadlineAt` by the writer's clocks. */
  publish(id: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = move(current, 'publish', ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
      // 回避 applies to the enterprise's related organisations as its profile names them at publication.
      const profile = await em.findOne(Enterprise, { where: { orgId: state.enterpriseOrgId } });
      const data = {
        ...fullContent(state),
        enterpriseOrgId: state.enterpriseOrgId,
        enterpriseName: state.enterpriseName,
        districtCode: state.districtCode,
        enterpriseRelatedOrgIds: profile?.relatedOrgIds ?? [],
        publishedAt: transition.at.toISOString(),
      };
      const event = await this.outbox.append(em, challengePublishedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  extendDeadline(id: string, deadlineAt: Date, reason: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = extendDeadline(current, deadlineAt, reason, ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
      const data = {
        ...challengeRef(state),
        deadlineAt: state.deadlineAt.toISOString(),
        deadline: state.deadline,
        previousDeadlineAt: current.deadlineAt.toISOString(),
        reason,
        applicants: await applications.applicants(em, id),
        extendedAt: transition.at.toISOString(),
      };
      const event = await this.outbox.append(em, challengeDeadlineExtendedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  /** The bureau closes applications before the deadline, with a reason. */
  close(id: string, reason: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const closed = move(current, 'close', ctx.actor, new Date(), reason);
      return this.recordClosing(em, current, closed, 'bureau', ctx);
    });
  }

  /** The deadline timer fired, in its transaction with the challenge locked: close if it is still open and due. */
  async closeAtDeadline(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await this.writer.lockForUpdate(em, timer.subject);
    const closed = current && closeAtDeadline(current, timer.ctx.actor, timer.firedAt);
    if (closed) await this.recordClosing(em, current, closed, 'deadline', timer.ctx);
  }

  private async recordClosing(
    em: EntityManager,
    current: Challenge,
    { state, transition }: { state: ChallengeState; transition: Transition },
    by: 'deadline' | 'bureau',
    ctx: CommandContext,
  ): Promise<Challenge> {
    const saved = await this.writer.save(em, current, state, transition.at);
    const data = {
      ...challengeRef(state),
      by,
      reason: transition.reason,
      deadlineAt: state.deadlineAt.toISOString(),
      applicationCount: await applications.activeCount(em, state.id),
      closedAt: transition.at.toISOString(),
    };
    const event = await this.outbox.append(em, challengeClosedV1, { subject: state.id, sequence: state.version, data }, ctx);
    await this.writer.record(em, state, transition, event.id, ctx);
    return saved;
  }
}
