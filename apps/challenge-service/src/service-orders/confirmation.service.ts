import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  serviceOrderConfirmationRemindedV1,
  serviceOrderConfirmedV1,
  serviceOrderDeliveryDisputedV1,
  serviceOrderDisputeResolvedV1,
  type DisputeOutcome,
  type Principal,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import * as domain from './service-order.domain';
import type { ServiceOrder } from './service-order.entity';
import * as store from './service-order.store';
import { orderRef, servingTeam, ServiceOrderWriter } from './service-order.writer';

/** 企业评价, first half: the enterprise confirms or disputes a delivery; the district rules; the timers step in. */
@Injectable()
export class ConfirmationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ServiceOrderWriter,
  ) {}

  confirm(id: string, principal: Principal, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const decided = domain.confirm(current, ctx.actor, new Date());
      return this.confirmed(em, current, decided, false, ctx);
    });
  }

  dispute(id: string, principal: Principal, reason: string, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const decided = domain.dispute(current, reason, ctx.actor, new Date());
      const data = { ...orderRef(current), team: servingTeam(current), reason, disputedAt: decided.entry.at.toISOString() };
      return (await this.writer.record(em, current, decided, ctx, { definition: serviceOrderDeliveryDisputedV1, data })).order;
    });
  }

  /** The district's ruling; CONFIRM is itself the confirmation (no `service-order.confirmed` follows). */
  resolveDispute(id: string, principal: Principal, outcome: DisputeOutcome, reason: string, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const decided = domain.resolveDispute(current, outcome, reason, ctx.actor, new Date());
      const data = { ...orderRef(current), team: servingTeam(current), outcome, reason, resolvedAt: decided.entry.at.toISOString() };
      return (await this.writer.record(em, current, decided, ctx, { definition: serviceOrderDisputeResolvedV1, data })).order;
    });
  }

  /** Timer `service-order.confirm-reminder`, the order locked: remind if still waiting for the enterprise. */
  async remind(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await store.lockForUpdate(em, timer.subject);
    const decided = current && domain.remind(current, timer.ctx.actor, timer.firedAt);
    if (!current || !decided) return;
    const data = {
      ...orderRef(current),
      team: servingTeam(current),
      deliveredAt: current.deliveredAt!.toISOString(),
      dueAt: this.writer.clock.autoConfirmDue(current.deliveredAt!).toISOString(),
      remindedAt: timer.firedAt.toISOString(),
    };
    await this.writer.record(em, current, decided, timer.ctx, { definition: serviceOrderConfirmationRemindedV1, data });
  }

  /** Timer `service-order.auto-confirm`: silence (and no dispute) confirms the delivery. */
  async autoConfirm(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await store.lockForUpdate(em, timer.subject);
    const decided = current && domain.autoConfirm(current, timer.ctx.actor, timer.firedAt);
    if (!current || !decided) return;
    await this.confirmed(em, current, decided, true, timer.ctx);
  }

  private async confirmed(em: EntityManager, current: ServiceOrder, decided: domain.Decided, auto: boolean, ctx: CommandContext) {
    const data = { ...orderRef(current), team: servingTeam(current), auto, confirmedAt: decided.entry.at.toISOString() };
    return (await this.writer.record(em, current, decided, ctx, { definition: serviceOrderConfirmedV1, data })).order;
  }
}
