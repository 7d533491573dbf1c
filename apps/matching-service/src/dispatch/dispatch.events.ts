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

/**
 * Thin consumer of the service-order stream. The confirmation, reminders, disputes and closing are the order's own
 * business; ratings reach the team's reputation in a later step.
 */
@IgnoresEvents(
  serviceOrderDeliveryDisputedV1,
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderRatedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderRatingVoidedV1,
  serviceOrderAppealDismissedV1,
  serviceOrderClosedV1,
)
@Injectable()
export class ServiceOrderEvents {
  constructor(private readonly dispatches: DispatchService) {}

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
}
