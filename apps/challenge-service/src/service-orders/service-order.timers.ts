import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { ConfirmationService } from './confirmation.service';
import { APPEAL_WINDOW_TIMER, AUTO_CONFIRM_TIMER, CONFIRM_REMINDER_TIMER } from './confirmation-clock';
import { RatingsService } from './ratings.service';
import * as store from './service-order.store';

/** A thin timer handler: lock the order, let the use case decide whether the timer still means anything. */
function orderTimer(kind: string, fire: (em: EntityManager, timer: FiringTimer) => Promise<void>): TimerHandler {
  return { kind, lockSubject: (em, id) => store.lockForUpdate(em, id), fire };
}

/** Registers the three service-order timers with their use cases. */
@Injectable()
export class ServiceOrderTimers implements OnModuleInit {
  constructor(
    private readonly timers: Timers,
    private readonly confirmation: ConfirmationService,
    private readonly ratings: RatingsService,
  ) {}

  onModuleInit(): void {
    this.timers.handle(orderTimer(CONFIRM_REMINDER_TIMER, (em, t) => this.confirmation.remind(em, t)));
    this.timers.handle(orderTimer(AUTO_CONFIRM_TIMER, (em, t) => this.confirmation.autoConfirm(em, t)));
    this.timers.handle(orderTimer(APPEAL_WINDOW_TIMER, (em, t) => this.ratings.appealWindowPassed(em, t)));
  }
}
