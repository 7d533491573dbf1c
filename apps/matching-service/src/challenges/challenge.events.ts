import { Injectable } from '@nestjs/common';
import { challengeSubmittedV1, challengeVettingOverdueV1, type EventOf } from '@jiebang/contracts';
import { IgnoresEvents, OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { KnownChallengesService } from './known-challenges.service';

/** Thin consumer of the challenge stream: translate, call the read model. Escalations change nothing it ranks. */
@IgnoresEvents(challengeVettingOverdueV1)
@Injectable()
export class ChallengeEvents {
  constructor(private readonly challenges: KnownChallengesService) {}

  @OnEvent(challengeSubmittedV1)
  submitted(event: EventOf<typeof challengeSubmittedV1>, em: EntityManager) {
    return this.challenges.recordSubmitted(event, em);
  }
}
