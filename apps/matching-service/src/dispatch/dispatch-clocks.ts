import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import type { EntityManager } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import type { DispatchState } from './dispatch.domain';
import { pendingOffer } from './dispatch-offer.domain';

export const OFFER_TIMER = 'dispatch.offer';
export const DISTRICT_SLA_TIMER = 'dispatch.district-sla';
export const SERVICE_SLA_TIMER = 'dispatch.service-sla';
export const ESCALATION_GRACE_TIMER = 'dispatch.escalation-grace';

const DISTRICT_WAIT = new Set(['QUEUED', 'DISTRICT_ACCEPTED']);
const SERVING = new Set(['TEAM_ACCEPTED', 'IN_SERVICE']);
const OPEN = new Set(['TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE']);

/**
 * Every step passes through here in its own transaction: the timers follow the state (armed on entering what they
 * guard, re-armed when a due time moves, cancelled on leaving it), so no use case has to know about timers.
 */
@Injectable()
export class DispatchClocks {
  constructor(
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly timers: Timers,
  ) {}

  offerDueAt(now: Date): Date {
    return dueAfter(this.config.OFFER_RESPONSE_TIME, now);
  }

  serviceSla(urgency: DispatchState['order']['urgency']) {
    return this.config[`SERVICE_SLA_${urgency}`];
  }

  async follow(em: EntityManager, before: DispatchState | null, after: DispatchState, at: Date, ctx: CommandContext, eventId: string | null): Promise<void> {
    const arm = (kind: string, dueAt: Date) =>
      this.timers.arm(em, { kind, subject: after.id, dueAt, ctx: { correlationId: ctx.correlationId, causationId: eventId } });
    const cancel = (kind: string) => this.timers.cancel(em, kind, after.id);

    const offerBefore = before && pendingOffer(before);
    const offerAfter = pendingOffer(after);
    if (offerAfter && offerAfter.id !== offerBefore?.id) await arm(OFFER_TIMER, offerAfter.dueAt);
    else if (!offerAfter && offerBefore) await cancel(OFFER_TIMER);

    if (after.status === 'QUEUED' && before?.status !== 'QUEUED') await arm(DISTRICT_SLA_TIMER, dueAfter(this.config.DISTRICT_SLA, after.submittedAt));
    else if (before && DISTRICT_WAIT.has(before.status) && (!DISTRICT_WAIT.has(after.status) || after.runId)) await cancel(DISTRICT_SLA_TIMER);

    const dueBefore = before?.serviceSla?.status === 'RUNNING' && SERVING.has(before.status) ? before.serviceSla.dueAt.getTime() : null;
    const dueAfterStep = after.serviceSla?.status === 'RUNNING' && SERVING.has(after.status) ? after.serviceSla.dueAt : null;
    if (dueAfterStep && dueAfterStep.getTime() !== dueBefore) await arm(SERVICE_SLA_TIMER, dueAfterStep);
    else if (!dueAfterStep && dueBefore !== null) await cancel(SERVICE_SLA_TIMER);

    if (after.serviceOverdueAt && !before?.serviceOverdueAt) await arm(ESCALATION_GRACE_TIMER, dueAfter(this.config.ESCALATION_GRACE, at));
    else if (before && OPEN.has(before.status) && !OPEN.has(after.status)) await cancel(ESCALATION_GRACE_TIMER);
  }
}
