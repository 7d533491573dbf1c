import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  challengeFailedV1,
  challengePublicNoticeOpenedV1,
  challengeReviewStartedV1,
  type Envelope,
  type EventOf,
  type reviewCompletedV1,
  type reviewExpertsAssignedV1,
  type reviewFormalCheckCompletedV1,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { dueAfter } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { CHALLENGE_CONFIG, type ChallengeConfig } from '../config';
import { applyReviewFact, CHALLENGE_SYSTEM_ACTOR, proposedOf, type AwardState, type ReviewFact } from './award.domain';
import { challengeApplicationsStore as applications } from './challenge-applications.store';
import { challengeRef } from './challenge.events';
import { ChallengeWriter } from './challenge.writer';

type ReviewEvent =
  | EventOf<typeof reviewFormalCheckCompletedV1>
  | EventOf<typeof reviewExpertsAssignedV1>
  | EventOf<typeof reviewCompletedV1>
  | Envelope;

/**
 * Applies matching-service's review facts to the 榜单, inside the inbox transaction (so each is applied at most once):
 * lock the row, let the domain check the state it expects, save, the fact of our own, the audit entry, the timers.
 */
@Injectable()
export class ReviewFactsService {
  private readonly logger = new Logger('ReviewFacts');

  constructor(
    @Inject(CHALLENGE_CONFIG) private readonly config: ChallengeConfig,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
  ) {}

  async apply(em: EntityManager, fact: ReviewFact, event: ReviewEvent): Promise<void> {
    const current = await this.writer.lockForUpdate(em, event.subject);
    if (!current) {
      this.logger.warn(`${event.type} for unknown challenge ${event.subject}: ignored`);
      return;
    }
    const now = new Date();
    const result = applyReviewFact(current, fact, now, dueAfter(this.config.PUBLIC_NOTICE_PERIOD, now));
    if (result.kind === 'skipped') {
      if (result.why === 'not-applicable') this.logger.warn(`${event.type} (#${event.sequence}) does not apply to challenge ${current.id} in ${current.status}`);
      if (result.state.reviewSequence !== current.reviewSequence) await this.writer.save(em, current, result.state, now);
      return;
    }
    const ctx: CommandContext = { actor: CHALLENGE_SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.id };
    await this.writer.save(em, current, result.state, now);
    if (result.kind === 'noted') {
      await this.writer.audit(em, current.id, result.transition, null);
      return;
    }
    const eventId = await this.emit(em, result.move, result.state, event, ctx, result.transition.at);
    await this.writer.record(em, result.state, result.transition, eventId, ctx);
  }

  private async emit(em: EntityManager, move: 'fail' | 'startReview' | 'openPublicNotice', state: AwardState, event: ReviewEvent, ctx: CommandContext, at: Date) {
    const base = { subject: state.id, sequence: state.version };
    const ref = challengeRef(state);
    if (move === 'fail') {
      const d = (event as EventOf<typeof reviewFormalCheckCompletedV1>).data;
      const data = { ...ref, ineligibleCount: d.ineligibleCount, withdrawnCount: d.withdrawnCount, applicants: await applications.applicants(em, state.id), failedAt: at.toISOString() };
      return (await this.outbox.append(em, challengeFailedV1, { ...base, data }, ctx)).id;
    }
    if (move === 'startReview') {
      const d = (event as EventOf<typeof reviewExpertsAssignedV1>).data;
      const experts = new Set(d.assignments.flatMap((a) => a.experts.map((x) => x.profileId)));
      const data = { ...ref, applicationCount: d.assignments.length, expertCount: experts.size, reviewDueAt: d.dueAt, startedAt: at.toISOString() };
      return (await this.outbox.append(em, challengeReviewStartedV1, { ...base, data }, ctx)).id;
    }
    const data = {
      ...ref,
      proposed: proposedOf(state.reviewRanking, state.maxWinners),
      applicants: await applications.applicants(em, state.id),
      openedAt: at.toISOString(),
      endsAt: state.publicNoticeEndsAt!.toISOString(),
    };
    return (await this.outbox.append(em, challengePublicNoticeOpenedV1, { ...base, data }, ctx)).id;
  }
}
