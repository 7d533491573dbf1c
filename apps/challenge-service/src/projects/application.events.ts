import { Injectable } from '@nestjs/common';
import { applicationContractedV1, applicationForfeitedV1, applicationPromotedV1, type EventOf } from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ProjectContractsService } from './project-contracts.service';

/** Thin consumer of matching's signing facts: translate, call one use case in the inbox transaction. */
@Injectable()
export class ApplicationEvents {
  constructor(private readonly contracts: ProjectContractsService) {}

  @OnEvent(applicationContractedV1)
  contracted(event: EventOf<typeof applicationContractedV1>, em: EntityManager) {
    return this.contracts.contracted(event, em);
  }

  @OnEvent(applicationPromotedV1)
  promoted(event: EventOf<typeof applicationPromotedV1>, em: EntityManager) {
    return this.contracts.promoted(event, em);
  }

  @OnEvent(applicationForfeitedV1)
  forfeited(event: EventOf<typeof applicationForfeitedV1>, em: EntityManager) {
    return this.contracts.forfeited(event, em);
  }
}
