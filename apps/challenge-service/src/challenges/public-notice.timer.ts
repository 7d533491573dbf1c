import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { AwardService } from './award.service';
import { ChallengeWriter } from './challenge.writer';
import { PUBLIC_NOTICE_TIMER } from './public-notice-clock';

/** Thin handler of the 公示 timer: lock the 榜单, let the award use case decide (an open objection: nothing). */
@Injectable()
export class PublicNoticeTimer implements TimerHandler, OnModuleInit {
  readonly kind = PUBLIC_NOTICE_TIMER;

  constructor(
    private readonly timers: Timers,
    private readonly award: AwardService,
    private readonly writer: ChallengeWriter,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  lockSubject(em: EntityManager, challengeId: string) {
    return this.writer.lockForUpdate(em, challengeId);
  }

  fire(em: EntityManager, timer: FiringTimer) {
    return this.award.awardAtNoticeEnd(em, timer);
  }
}
