import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import { dueAfter, startSlaClock, Timers, type SlaClock } from '@jiebang/timers';
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

/** A service clock's due instant while the team serves and it runs; null otherwise. */
const runningIn = (s: DispatchState, clock: SlaClock | null) => (clock?.status === 'RUNNING' && SERVING.has(s.status) ? clock.dueAt : null);

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

  /** When the district's SLA, started at `from`, runs out. */
  districtDueAt(from: Date): Date {
    return dueAfter(this.config.DISTRICT_SLA, from);
  }

  /** The ESCALATION_GRACE clock, started at a service breach. */
  graceClock(now: Date): SlaClock & { status: 'RUNNING' } {
    return startSlaClock(this.config.ESCALATION_GRACE, now) as SlaClock & { status: 'RUNNING' };
  }

  async follow(em: EntityManager, before: DispatchState | null, after: DispatchState, ctx: CommandContext, eventId: string | null): Promise<void> {
    const arm = (kind: string, dueAt: Date) =>
      this.timers.arm(em, { kind, subject: after.id, dueAt, ctx: { correlationId: ctx.correlationId, causationId: eventId } });
    const cancel = (kind: string) => this.timers.cancel(em, kind, after.id);

    const offerBefore = before && pendingOffer(before);
    const offerAfter = pendingOffer(after);
    if (offerAfter && offerAfter.id !== offerBefore?.id) await arm(OFFER_TIMER, offerAfter.dueAt);
    else if (!offerAfter && offerBefore) await cancel(OFFER_TIMER);

    // Each clock is armed at its running due instant (re-armed when it moves: a resumed pause, a district SLA
    // started again), and cancelled once it no longer runs (paused, left behind, delivered, cancelled).
    const follow = async (kind: string, due: (s: DispatchState) => Date | null) => {
      const was = before ? due(before)?.getTime() ?? null : null;
      const now = due(after);
      if (now && now.getTime() !== was) await arm(kind, now);
      else if (!now && was !== null) await cancel(kind);
    };
    await follow(DISTRICT_SLA_TIMER, (s) => (DISTRICT_WAIT.has(s.status) ? s.districtDueAt : null));
    await follow(SERVICE_SLA_TIMER, (s) => runningIn(s, s.serviceSla));
    await follow(ESCALATION_GRACE_TIMER, (s) => runningIn(s, s.graceSla));
  }
}
