import { Injectable } from '@nestjs/common';
import {
  serviceOrderAppealDismissedV1,
  serviceOrderCancelledV1,
  serviceOrderClosedV1,
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderDeliveryDisputedV1,
  serviceOrderDisputeResolvedV1,
  serviceOrderRatedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderRatingVoidedV1,
  serviceOrderSubmittedV1,
  type EventOf,
} from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { DispatchService } from './dispatch.service';
import { TeamReputation } from './team-reputation';

/**
 * Thin consumer of the service-order stream: the order's steps drive its dispatch, its ratings the team's reputation.
 * The confirmation, reminders, disputes, appeals and closing are the order's own business.
 */
@IgnoresEvents(
  serviceOrderDeliveryDisputedV1,
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderAppealDismissedV1,
  serviceOrderClosedV1,
)
@Injectable()
export class ServiceOrderEvents {
  constructor(
    private readonly dispatches: DispatchService,
    private readonly reputation: TeamReputation,
  ) {}

  @OnEvent(serviceOrderSubmittedV1)
  submitted(event: EventOf<typeof serviceOrderSubmittedV1>, em: EntityManager) {
    return this.dispatches.queue(event, em);
  }

  @OnEvent(serviceOrderCancelledV1)
  cancelled(event: EventOf<typeof serviceOrderCancelledV1>, em: EntityManager) {
    return this.dispatches.cancel(event, em);
  }

  @OnEvent(serviceOrderDisputeResolvedV1)
  disputeResolved(event: EventOf<typeof serviceOrderDisputeResolvedV1>, em: EntityManager) {
    return this.dispatches.disputeResolved(event, em);
  }

  @OnEvent(serviceOrderRatedV1)
  rated(event: EventOf<typeof serviceOrderRatedV1>, em: EntityManager) {
    return this.reputation.rated(event, em);
  }

  @OnEvent(serviceOrderRatingVoidedV1)
  ratingVoided(event: EventOf<typeof serviceOrderRatingVoidedV1>, em: EntityManager) {
    return this.reputation.voided(event, em);
  }
}
