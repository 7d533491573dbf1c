import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { ChallengeWriter } from './challenge.writer';
import { DEADLINE_TIMER } from './deadline-clock';
import { PublicationService } from './publication.service';

/** Thin handler of the deadline timer: lock the challenge, let the use case decide whether it closes. */
@Injectable()
export class DeadlineTimer implements TimerHandler, OnModuleInit {
  readonly kind = DEADLINE_TIMER;

  constructor(
    private readonly timers: Timers,
    private readonly publication: PublicationService,
    private readonly writer: ChallengeWriter,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  lockSubject(em: EntityManager, challengeId: string) {
    return this.writer.lockForUpdate(em, challengeId);
  }

  fire(em: EntityManager, timer: FiringTimer) {
    return this.publication.closeAtDeadline(em, timer);
  }
}
