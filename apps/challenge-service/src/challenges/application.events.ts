import { Injectable } from '@nestjs/common';
import {
  applicationContractedV1,
  applicationFormalCheckDecidedV1,
  applicationForfeitedV1,
  applicationPromotedV1,
  applicationSelectedV1,
  applicationSubmittedV1,
  applicationWithdrawnV1,
  type EventOf,
} from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { applyApplicationFact } from './challenge-applications.store';

type ApplicationEvent = EventOf<typeof applicationSubmittedV1> | EventOf<typeof applicationWithdrawnV1>;

function fact(event: ApplicationEvent, active: boolean) {
  return {
    applicationId: event.subject,
    challengeId: event.data.challengeId,
    applicantOrgId: event.data.applicantOrgId,
    applicantRole: event.data.applicantRole,
    active,
    sequence: event.sequence,
  };
}

/**
 * Thin consumer of matching-service's application stream: who applied (an active application) and who withdrew.
 * The review facts about single applications are matching's; the 榜单 learns the outcome from the review stream.
 */
@IgnoresEvents(applicationFormalCheckDecidedV1, applicationSelectedV1, applicationContractedV1, applicationForfeitedV1, applicationPromotedV1)
@Injectable()
export class ApplicationEvents {
  @OnEvent(applicationSubmittedV1)
  submitted(event: EventOf<typeof applicationSubmittedV1>, em: EntityManager) {
    return applyApplicationFact(em, fact(event, true));
  }

  @OnEvent(applicationWithdrawnV1)
  withdrawn(event: EventOf<typeof applicationWithdrawnV1>, em: EntityManager) {
    return applyApplicationFact(em, fact(event, false));
  }
}
