import {
  dispatchAcceptedV1,
  dispatchDeliveredV1,
  dispatchEscalatedV1,
  dispatchOfferDeclinedV1,
  dispatchOfferedV1,
  dispatchOfferExpiredV1,
  dispatchPausedV1,
  dispatchRecommendedV1,
  dispatchRejectedV1,
  dispatchResumedV1,
  dispatchReturnedV1,
  dispatchServiceLoggedV1,
  dispatchServiceStartedV1,
  dispatchTeamAcceptedV1,
  type ServiceRecord,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DispatchFact, DispatchState } from './dispatch.domain';

/** Turns a step's facts into `dispatch.*` events through the outbox, each with its own sequence. */
@Injectable()
export class DispatchEvents {
  constructor(private readonly outbox: Outbox) {}

  /** Resolves the id of the last event appended (the cause of what the step's timers may raise), or null. */
  async publish(em: EntityManager, state: DispatchState, facts: DispatchFact[], ctx: CommandContext, record?: ServiceRecord): Promise<string | null> {
    let last: string | null = null;
    for (const fact of facts) {
      const event = await this.append(em, state, fact, ctx, record);
      last = event.id;
    }
    return last;
  }

  private append(em: EntityManager, state: DispatchState, fact: DispatchFact, ctx: CommandContext, record?: ServiceRecord) {
    const o = state.order;
    const ref = { title: o.title, enterpriseOrgId: o.enterpriseOrgId, enterpriseName: o.enterpriseName, districtCode: o.districtCode };
    const at = fact.at.toISOString();
    const env = { subject: state.id, sequence: fact.sequence };
    switch (fact.type) {
      case 'accepted':
        return this.outbox.append(em, dispatchAcceptedV1, { ...env, data: { ...ref, acceptedAt: at } }, ctx);
      case 'returned':
        return this.outbox.append(em, dispatchReturnedV1, { ...env, data: { ...ref, reason: fact.reason, returnedAt: at } }, ctx);
      case 'rejected':
        return this.outbox.append(em, dispatchRejectedV1, { ...env, data: { ...ref, reason: fact.reason, rejectedAt: at } }, ctx);
      case 'recommended':
        return this.outbox.append(
          em,
          dispatchRecommendedV1,
          { ...env, data: { ...ref, runId: state.runId!, teams: fact.teams, alternates: fact.alternates, overrides: fact.overrides, recommendedAt: at } },
          ctx,
        );
      case 'offered':
        return this.outbox.append(
          em,
          dispatchOfferedV1,
          {
            ...env,
            data: {
              ...ref,
              team: fact.offer.team,
              urgency: o.urgency,
              serviceMode: o.serviceMode,
              attempt: fact.offer.attempt,
              dueAt: fact.offer.dueAt.toISOString(),
              offeredAt: at,
            },
          },
          ctx,
        );
      case 'offer-declined':
        return this.outbox.append(em, dispatchOfferDeclinedV1, { ...env, data: { ...ref, team: fact.offer.team, reason: fact.reason, declinedAt: at } }, ctx);
      case 'offer-expired':
        return this.outbox.append(
          em,
          dispatchOfferExpiredV1,
          { ...env, data: { ...ref, team: fact.offer.team, dueAt: fact.offer.dueAt.toISOString(), expiredAt: at } },
          ctx,
        );
      case 'team-accepted':
        return this.outbox.append(em, dispatchTeamAcceptedV1, { ...env, data: { ...ref, team: fact.team, slaDueAt: fact.slaDueAt.toISOString(), acceptedAt: at } }, ctx);
      case 'service-started':
        return this.outbox.append(em, dispatchServiceStartedV1, { ...env, data: { ...ref, team: fact.team, startedAt: at } }, ctx);
      case 'service-logged':
        return this.outbox.append(em, dispatchServiceLoggedV1, { ...env, data: { ...ref, team: fact.team, record: record!, loggedAt: at } }, ctx);
      case 'paused':
        return this.outbox.append(em, dispatchPausedV1, { ...env, data: { ...ref, team: fact.team, reason: fact.reason, pausedAt: at } }, ctx);
      case 'resumed':
        return this.outbox.append(em, dispatchResumedV1, { ...env, data: { ...ref, team: fact.team, slaDueAt: fact.slaDueAt.toISOString(), resumedAt: at } }, ctx);
      case 'delivered':
        return this.outbox.append(em, dispatchDeliveredV1, { ...env, data: { ...ref, team: fact.team, summary: fact.summary, deliveredAt: at } }, ctx);
      case 'escalated':
        return this.outbox.append(
          em,
          dispatchEscalatedV1,
          {
            ...env,
            data: {
              ...ref,
              level: fact.level,
              reason: fact.reason,
              message: fact.message,
              team: fact.team,
              dueAt: fact.dueAt?.toISOString() ?? null,
              escalatedAt: at,
            },
          },
          ctx,
        );
    }
  }
}
