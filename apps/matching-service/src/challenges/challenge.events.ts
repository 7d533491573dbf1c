import { Injectable } from '@nestjs/common';
import {
  challengeApprovedV1,
  challengeAwardedV1,
  challengeClosedV1,
  challengeDeadlineExtendedV1,
  challengeFailedV1,
  challengeObjectionDismissedV1,
  challengeObjectionLodgedV1,
  challengeObjectionUpheldV1,
  challengePublicNoticeOpenedV1,
  challengePublishedV1,
  challengeQuestionAnsweredV1,
  challengeQuestionAskedV1,
  challengeRejectedV1,
  challengeReturnedV1,
  challengeReviewStartedV1,
  challengeSubmittedV1,
  challengeTermsAcceptedV1,
  challengeVettingOverdueV1,
  challengeVettingStartedV1,
  challengeWithdrawalDeniedV1,
  challengeWithdrawalRequestedV1,
  challengeWithdrawnV1,
  type EventOf,
} from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { KnownChallengesService } from './known-challenges.service';

/**
 * Thin consumer of the challenge stream: translate, call the read model. Escalations, withdrawal requests and their
 * denial, objections still open or dismissed, and the Q&A change nothing matching ranks or reviews on.
 */
@IgnoresEvents(
  challengeVettingOverdueV1,
  challengeWithdrawalRequestedV1,
  challengeWithdrawalDeniedV1,
  challengeObjectionLodgedV1,
  challengeObjectionDismissedV1,
  challengeQuestionAskedV1,
  challengeQuestionAnsweredV1,
)
@Injectable()
export class ChallengeEvents {
  constructor(private readonly challenges: KnownChallengesService) {}

  @OnEvent(challengeSubmittedV1)
  submitted(event: EventOf<typeof challengeSubmittedV1>, em: EntityManager) {
    return this.challenges.recordSubmitted(event, em);
  }

  @OnEvent(challengeVettingStartedV1)
  vettingStarted(event: EventOf<typeof challengeVettingStartedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'UNDER_VETTING', em);
  }

  @OnEvent(challengeApprovedV1)
  approved(event: EventOf<typeof challengeApprovedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'APPROVED', em);
  }

  @OnEvent(challengeReturnedV1)
  returned(event: EventOf<typeof challengeReturnedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'RETURNED', em);
  }

  @OnEvent(challengeRejectedV1)
  rejected(event: EventOf<typeof challengeRejectedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'REJECTED', em);
  }

  @OnEvent(challengePublishedV1)
  published(event: EventOf<typeof challengePublishedV1>, em: EntityManager) {
    return this.challenges.recordPublished(event, em);
  }

  @OnEvent(challengeDeadlineExtendedV1)
  deadlineExtended(event: EventOf<typeof challengeDeadlineExtendedV1>, em: EntityManager) {
    return this.challenges.recordDeadlineExtended(event, em);
  }

  @OnEvent(challengeClosedV1)
  closed(event: EventOf<typeof challengeClosedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'CLOSED', em);
  }

  @OnEvent(challengeWithdrawnV1)
  withdrawn(event: EventOf<typeof challengeWithdrawnV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'WITHDRAWN', em);
  }

  @OnEvent(challengeFailedV1)
  failed(event: EventOf<typeof challengeFailedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'FAILED', em);
  }

  @OnEvent(challengeReviewStartedV1)
  reviewStarted(event: EventOf<typeof challengeReviewStartedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'UNDER_REVIEW', em);
  }

  @OnEvent(challengePublicNoticeOpenedV1)
  publicNoticeOpened(event: EventOf<typeof challengePublicNoticeOpenedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'IN_PUBLIC_NOTICE', em);
  }

  @OnEvent(challengeObjectionUpheldV1)
  objectionUpheld(event: EventOf<typeof challengeObjectionUpheldV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'UNDER_REVIEW', em);
  }

  @OnEvent(challengeAwardedV1)
  awarded(event: EventOf<typeof challengeAwardedV1>, em: EntityManager) {
    return this.challenges.recordStatus(event, 'AWARDED', em);
  }

  @OnEvent(challengeTermsAcceptedV1)
  termsAccepted(event: EventOf<typeof challengeTermsAcceptedV1>, em: EntityManager) {
    return this.challenges.recordTermsAccepted(event, em);
  }
}
