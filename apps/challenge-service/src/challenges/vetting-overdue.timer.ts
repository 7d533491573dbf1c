import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { ChallengesService } from './challenges.service';
import { ChallengeWriter } from './challenge.writer';
import { VETTING_TIMER } from './vetting-clock';

/** Thin handler of the vetting timer, like an event consumer: lock the challenge, let the use case decide. */
@Injectable()
export class VettingOverdueTimer implements TimerHandler, OnModuleInit {
  readonly kind = VETTING_TIMER;

  constructor(
    private readonly timers: Timers,
    private readonly challenges: ChallengesService,
    private readonly writer: ChallengeWriter,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  lockSubject(em: EntityManager, challengeId: string) {
    return this.writer.lockForUpdate(em, challengeId);
  }

  fire(em: EntityManager, timer: FiringTimer) {
    return this.challenges.flagVettingOverdue(em, timer);
  }
}
