import { Injectable } from '@nestjs/common';
import { challengeClosedV1, type EventOf } from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { FormalCheckService } from './formal-check.service';

/** The challenge facts applications act on (the read model's own handlers run in the same inbox transaction). */
@Injectable()
export class ApplicationChallengeEvents {
  constructor(private readonly formalCheck: FormalCheckService) {}

  @OnEvent(challengeClosedV1)
  closed(event: EventOf<typeof challengeClosedV1>, em: EntityManager) {
    return this.formalCheck.onClosed(event, em);
  }
}
