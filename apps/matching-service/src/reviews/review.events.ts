import { Injectable } from '@nestjs/common';
import { challengeObjectionUpheldV1, type EventOf } from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ReviewReopeningService } from './review-reopening.service';

/** The challenge facts review acts on (the read model's own handlers run in the same inbox transaction). */
@Injectable()
export class ReviewChallengeEvents {
  constructor(private readonly reopening: ReviewReopeningService) {}

  @OnEvent(challengeObjectionUpheldV1)
  objectionUpheld(event: EventOf<typeof challengeObjectionUpheldV1>, em: EntityManager) {
    return this.reopening.onObjectionUpheld(event, em);
  }
}
