import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { CHALLENGE_CONFIG, type ChallengeConfig } from '../config';
import { confirmationClockAction, type TimelineEntry } from './service-order.domain';

export const CONFIRM_REMINDER_TIMER = 'service-order.confirm-reminder';
export const AUTO_CONFIRM_TIMER = 'service-order.auto-confirm';
export const APPEAL_WINDOW_TIMER = 'service-order.appeal-window';

/**
 * The enterprise's time to confirm a delivery: every order change passes through here in its own transaction, so
 * a delivery (a dispatch fact) arms the reminder and the auto-confirmation, and whatever leaves DELIVERED or
 * disputes it cancels both.
 */
@Injectable()
export class ConfirmationClock {
  constructor(
    @Inject(CHALLENGE_CONFIG) private readonly config: ChallengeConfig,
    private readonly timers: Timers,
  ) {}

  autoConfirmDue(deliveredAt: Date): Date {
    return dueAfter(this.config.AUTO_CONFIRM_AFTER, deliveredAt);
  }

  appealDue(ratedAt: Date): Date {
    return dueAfter(this.config.RATING_APPEAL_WINDOW, ratedAt);
  }

  async follow(em: EntityManager, orderId: string, e: TimelineEntry, ctx: CommandContext, eventId: string | null): Promise<void> {
    const action = confirmationClockAction(e);
    const timerCtx = { correlationId: ctx.correlationId, causationId: eventId ?? ctx.causationId ?? null };
    if (action === 'arm') {
      await this.timers.arm(em, { kind: CONFIRM_REMINDER_TIMER, subject: orderId, dueAt: dueAfter(this.config.CONFIRM_REMINDER_AFTER, e.at), ctx: timerCtx });
      await this.timers.arm(em, { kind: AUTO_CONFIRM_TIMER, subject: orderId, dueAt: this.autoConfirmDue(e.at), ctx: timerCtx });
    } else if (action === 'cancel') {
      await this.timers.cancel(em, CONFIRM_REMINDER_TIMER, orderId);
      await this.timers.cancel(em, AUTO_CONFIRM_TIMER, orderId);
    }
  }

  armAppealWindow(em: EntityManager, orderId: string, dueAt: Date, ctx: CommandContext, eventId: string): Promise<unknown> {
    return this.timers.arm(em, { kind: APPEAL_WINDOW_TIMER, subject: orderId, dueAt, ctx: { correlationId: ctx.correlationId, causationId: eventId } });
  }
}
