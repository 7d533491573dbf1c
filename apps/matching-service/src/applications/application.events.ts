import { Injectable } from '@nestjs/common';
import { challengeAwardedV1, challengeClosedV1, type EventOf } from '@jiebang/contracts';
import { OnEvent } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { FormalCheckService } from './formal-check.service';
import { SigningService } from './signing.service';

/** The challenge facts applications act on (the read model's own handlers run in the same inbox transaction). */
@Injectable()
export class ApplicationChallengeEvents {
  constructor(
    private readonly formalCheck: FormalCheckService,
    private readonly signing: SigningService,
  ) {}

  @OnEvent(challengeClosedV1)
  closed(event: EventOf<typeof challengeClosedV1>, em: EntityManager) {
    return this.formalCheck.onClosed(event, em);
  }

  @OnEvent(challengeAwardedV1)
  awarded(event: EventOf<typeof challengeAwardedV1>, em: EntityManager) {
    return this.signing.onAwarded(event, em);
  }
}
