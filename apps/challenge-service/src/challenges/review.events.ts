import { Injectable } from '@nestjs/common';
import {
  reviewCompletedV1,
  reviewConflictDeclaredV1,
  reviewExpertRemindedV1,
  reviewExpertReplacedV1,
  reviewExpertsAssignedV1,
  reviewFormalCheckCompletedV1,
  reviewReopenedV1,
  type EventOf,
} from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ReviewFactsService } from './review-facts.service';

/**
 * Thin consumer of matching-service's review stream (subject = the 榜单): the facts that move the 榜单. The experts'
 * own steps (conflicts, reminders, replacements) are matching's business and leave the 榜单 where it is.
 */
@IgnoresEvents(reviewConflictDeclaredV1, reviewExpertRemindedV1, reviewExpertReplacedV1)
@Injectable()
export class ReviewEvents {
  constructor(private readonly facts: ReviewFactsService) {}

  @OnEvent(reviewFormalCheckCompletedV1)
  formalCheckCompleted(event: EventOf<typeof reviewFormalCheckCompletedV1>, em: EntityManager) {
    return this.facts.apply(em, { kind: 'formal-check-completed', sequence: event.sequence, qualifiedCount: event.data.qualified.length }, event);
  }

  @OnEvent(reviewExpertsAssignedV1)
  expertsAssigned(event: EventOf<typeof reviewExpertsAssignedV1>, em: EntityManager) {
    return this.facts.apply(em, { kind: 'experts-assigned', sequence: event.sequence }, event);
  }

  @OnEvent(reviewCompletedV1)
  completed(event: EventOf<typeof reviewCompletedV1>, em: EntityManager) {
    return this.facts.apply(em, { kind: 'completed', sequence: event.sequence, ranking: event.data.ranking }, event);
  }

  @OnEvent(reviewReopenedV1)
  reopened(event: EventOf<typeof reviewReopenedV1>, em: EntityManager) {
    return this.facts.apply(em, { kind: 'reopened', sequence: event.sequence }, event);
  }
}
