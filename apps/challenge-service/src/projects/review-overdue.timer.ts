import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { MilestonesService } from './milestones.service';
import { ProjectsStore } from './projects.store';
import { MILESTONE_REVIEW_TIMER } from './review-clock';

/** Thin handler of the milestone review timer: lock the project's race as commands do, let the use case decide. */
@Injectable()
export class ReviewOverdueTimer implements TimerHandler, OnModuleInit {
  readonly kind = MILESTONE_REVIEW_TIMER;

  constructor(
    private readonly timers: Timers,
    private readonly store: ProjectsStore,
    private readonly milestones: MilestonesService,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  lockSubject(em: EntityManager, projectId: string) {
    return this.store.lockRace(em, projectId);
  }

  fire(em: EntityManager, timer: FiringTimer) {
    return this.milestones.flagReviewOverdue(em, timer);
  }
}
