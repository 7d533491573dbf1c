import { Injectable } from '@nestjs/common';
import type { DataOf, EventDefinition } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { ConfirmationClock } from './confirmation-clock';
import type { Decided, ServiceOrderState } from './service-order.domain';
import type { ServiceOrder } from './service-order.entity';
import * as store from './service-order.store';

/** The order as every service-order fact names it. */
export function orderRef(s: ServiceOrderState) {
  return { title: s.title, enterpriseOrgId: s.enterpriseOrgId, enterpriseName: s.enterpriseName, districtCode: s.districtCode };
}

/** The serving team, for facts that name it (the order has one from TEAM_ACCEPTED on). */
export function servingTeam(s: ServiceOrderState) {
  if (!s.team) throw new Error(`service order ${s.id} has no serving team`);
  return s.team;
}

/**
 * Writes one decided change of a locked order: one UPDATE, the event through the outbox (sequence = the new
 * version), the timeline entry, then the confirmation timers the change arms or cancels.
 */
@Injectable()
export class ServiceOrderWriter {
  constructor(
    private readonly outbox: Outbox,
    readonly clock: ConfirmationClock,
  ) {}

  async record<D extends EventDefinition>(
    em: EntityManager,
    current: ServiceOrder,
    decided: Decided,
    ctx: CommandContext,
    event?: { definition: D; data: DataOf<D> },
    /** A consumed fact's own event id, for a change that publishes none of its own. */
    sourceEventId: string | null = null,
  ): Promise<{ order: ServiceOrder; eventId: string | null }> {
    const order = await store.update(em, current, { ...current, ...decided.state, updatedAt: decided.entry.at });
    const appended = event
      ? await this.outbox.append(em, event.definition, { subject: order.id, sequence: order.version, data: event.data }, ctx)
      : null;
    const eventId = appended?.id ?? sourceEventId;
    await store.appendTimeline(em, order.id, decided.entry, eventId);
    await this.clock.follow(em, order.id, decided.entry, ctx, eventId);
    return { order, eventId };
  }
}
