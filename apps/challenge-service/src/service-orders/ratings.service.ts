import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  serviceOrderAppealDismissedV1,
  serviceOrderClosedV1,
  serviceOrderRatedV1,
  serviceOrderRatingAppealedV1,
  serviceOrderRatingVoidedV1,
  type Actor,
  type Principal,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { DecideAppealInput, RateInput } from './service-order.dto';
import * as ratingRules from './rating.domain';
import * as domain from './service-order.domain';
import type { ServiceOrder } from './service-order.entity';
import { ServiceOrderRating } from './service-order-rating.entity';
import * as store from './service-order.store';
import { orderRef, servingTeam, ServiceOrderWriter } from './service-order.writer';

const noRating = (id: string) => DomainError.invalidState('RATING_NOT_FOUND', '该订单尚无评价', 'NONE', { id });

/** 企业评价, second half: the rating, the team's appeal, the district's ruling, and closing the order. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ServiceOrderWriter,
  ) {}

  /** The ordering enterprise, once (the order's lock serialises racing ratings; the second finds it RATED). */
  rate(id: string, principal: Principal, input: RateInput, ctx: CommandContext): Promise<ServiceOrderRating> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const decided = domain.rate(current, ctx.actor, new Date());
      const { comment, ...scores } = input;
      const ratedAt = decided.entry.at;
      const rating = em.create(ServiceOrderRating, {
        id: randomUUID(),
        orderId: id,
        status: 'ACTIVE',
        districtCode: current.districtCode,
        team: servingTeam(current),
        ...scores,
        comment,
        appealStatus: null,
        appealReason: null,
        appealDueAt: this.writer.clock.appealDue(ratedAt),
        ratedAt,
      });
      await em.insert(ServiceOrderRating, rating);
      const data = {
        ...orderRef(current),
        ratingId: rating.id,
        team: rating.team,
        scores,
        comment,
        appealDueAt: rating.appealDueAt.toISOString(),
        ratedAt: ratedAt.toISOString(),
      };
      const { eventId } = await this.writer.record(em, current, decided, ctx, { definition: serviceOrderRatedV1, data });
      await this.writer.clock.armAppealWindow(em, id, rating.appealDueAt, ctx, eventId!);
      return rating;
    });
  }

  /** 申诉 by the serving team (its scope finds only the orders it serves). */
  appeal(id: string, principal: Principal, reason: string, ctx: CommandContext): Promise<ServiceOrderRating> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const rating = await this.ratingOf(em, id);
      const now = new Date();
      const next = ratingRules.appeal(current, rating, now);
      await em.update(ServiceOrderRating, { id: rating.id }, { appealStatus: next.appealStatus, appealReason: reason });
      const decided = domain.note(current, 'appeal', ctx.actor, now, reason);
      const data = { ...orderRef(current), ratingId: rating.id, team: rating.team, reason, appealedAt: now.toISOString() };
      await this.writer.record(em, current, decided, ctx, { definition: serviceOrderRatingAppealedV1, data });
      return { ...rating, ...next, appealReason: reason };
    });
  }

  /** The district's ruling on the appeal; the order closes at once if the appeal window has already passed. */
  decideAppeal(id: string, principal: Principal, input: DecideAppealInput, ctx: CommandContext): Promise<ServiceOrderRating> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const rating = await this.ratingOf(em, id);
      const next = ratingRules.decideAppeal(rating, input.uphold);
      await em.update(ServiceOrderRating, { id: rating.id }, { status: next.status, appealStatus: next.appealStatus });
      const now = new Date();
      const decided = domain.note(current, input.uphold ? 'appeal-upheld' : 'appeal-dismissed', ctx.actor, now, input.reason);
      const ruling = { ...orderRef(current), ratingId: rating.id, team: rating.team, reason: input.reason };
      const { order } = input.uphold
        ? await this.writer.record(em, current, decided, ctx, { definition: serviceOrderRatingVoidedV1, data: { ...ruling, voidedAt: now.toISOString() } })
        : await this.writer.record(em, current, decided, ctx, { definition: serviceOrderAppealDismissedV1, data: { ...ruling, dismissedAt: now.toISOString() } });
      await this.closeIfDue(em, order, next, ctx.actor, now, ctx);
      return { ...rating, ...next };
    });
  }

  /** Timer `service-order.appeal-window`: close unless an appeal is still open (its ruling closes it then). */
  async appealWindowPassed(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await store.lockForUpdate(em, timer.subject);
    if (!current) return;
    const rating = await em.findOneBy(ServiceOrderRating, { orderId: current.id });
    if (rating) await this.closeIfDue(em, current, rating, timer.ctx.actor, timer.firedAt, timer.ctx);
  }

  async forOrder(id: string, principal: Principal): Promise<ServiceOrderRating> {
    const order = await store.findVisible(this.dataSource.manager, id, principal);
    if (!order) throw store.orderNotFound(id);
    const rating = await this.dataSource.manager.findOneBy(ServiceOrderRating, { orderId: id });
    if (!rating) throw DomainError.notFound('RATING_NOT_FOUND', '该订单尚无评价', { id });
    return rating;
  }

  private async closeIfDue(em: EntityManager, current: ServiceOrder, rating: ratingRules.RatingState, actor: Actor, now: Date, ctx: CommandContext) {
    const decided = domain.close(current, rating, actor, now);
    if (!decided) return;
    const data = { ...orderRef(current), team: servingTeam(current), closedAt: now.toISOString() };
    await this.writer.record(em, current, decided, ctx, { definition: serviceOrderClosedV1, data });
  }

  private async ratingOf(em: EntityManager, orderId: string): Promise<ServiceOrderRating> {
    const rating = await em.findOne(ServiceOrderRating, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (!rating) throw noRating(orderId);
    return rating;
  }
}
