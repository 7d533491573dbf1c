import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type EventOf,
  type Principal,
  type serviceOrderCancelledV1,
  type serviceOrderDisputeResolvedV1,
  type serviceOrderSubmittedV1,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import * as domain from './dispatch.domain';
import { resumeAfterDispute } from './dispatch-service.domain';
import { canSeeDispatch } from './dispatch.scope';
import { DispatchClocks } from './dispatch-clocks';
import { DispatchSteps } from './dispatch-steps';
import { DispatchStore, type StoredDispatch } from './dispatch.store';

export const dispatchNotFound = (id: string) => DomainError.notFound('DISPATCH_NOT_FOUND', '服务单不存在或无权查看', { id });

type Submitted = EventOf<typeof serviceOrderSubmittedV1>;
type Cancelled = EventOf<typeof serviceOrderCancelledV1>;
type DisputeResolved = EventOf<typeof serviceOrderDisputeResolvedV1>;

const eventCtx = (e: { id: string; actor: CommandContext['actor']; correlationId: string }): CommandContext => ({
  actor: e.actor,
  correlationId: e.correlationId,
  causationId: e.id,
});

/** The district's commands and the order's facts: each one transaction {lock → domain → save, outbox, audit, timers}. */
@Injectable()
export class DispatchService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: DispatchStore,
    private readonly steps: DispatchSteps,
    private readonly clocks: DispatchClocks,
  ) {}

  /** Locks a dispatch the caller may act on; another district's (or none) is 404. */
  async lockVisible(em: EntityManager, id: string, p: Principal): Promise<StoredDispatch> {
    const found = await this.store.lockById(em, id);
    if (!found || !canSeeDispatch(p, found)) throw dispatchNotFound(id);
    return found;
  }

  accept(id: string, p: Principal, ctx: CommandContext) {
    return this.district(id, p, ctx, (s, now) => domain.accept(s, ctx.actor, now));
  }

  returnToEnterprise(id: string, p: Principal, reason: string, ctx: CommandContext) {
    return this.district(id, p, ctx, (s, now) => domain.returnToEnterprise(s, reason, ctx.actor, now));
  }

  reject(id: string, p: Principal, reason: string, ctx: CommandContext) {
    return this.district(id, p, ctx, (s, now) => domain.reject(s, reason, ctx.actor, now));
  }

  private district(id: string, p: Principal, ctx: CommandContext, decide: (s: StoredDispatch, now: Date) => domain.Step) {
    return this.ds.transaction(async (em) => {
      const current = await this.lockVisible(em, id, p);
      const step = decide(current, new Date());
      await this.steps.commit(em, current, step, ctx);
      return step.state;
    });
  }

  /** `service-order.submitted`: a new order or a resubmission enters its district's queue; older facts are ignored. */
  async queue(event: Submitted, em: EntityManager): Promise<void> {
    const current = await this.store.lockById(em, event.subject);
    if (current && current.orderSequence >= event.sequence) return;
    const { resubmission: _r, submittedAt, ...order } = event.data;
    const at = new Date(submittedAt);
    const step = domain.queue(current, event.subject, order, at, event.actor, this.clocks.districtDueAt(at));
    if (!step) return;
    await this.steps.commit(em, current, step, eventCtx(event), { orderSequence: event.sequence });
  }

  async cancel(event: Cancelled, em: EntityManager): Promise<void> {
    const current = await this.store.lockById(em, event.subject);
    if (!current || current.orderSequence >= event.sequence) return;
    const step = domain.cancel(current, event.data.reason, event.actor, new Date(event.data.cancelledAt));
    if (step) await this.steps.commit(em, current, step, eventCtx(event), { orderSequence: event.sequence });
  }

  /** CONFIRM is the order's business (it is confirmed); RESUME_SERVICE sends the team back to work. */
  async disputeResolved(event: DisputeResolved, em: EntityManager): Promise<void> {
    const current = await this.store.lockById(em, event.subject);
    if (!current || current.orderSequence >= event.sequence || event.data.outcome !== 'RESUME_SERVICE') return;
    const step = resumeAfterDispute(current, event.data.reason, event.actor, new Date(event.data.resolvedAt));
    if (step) await this.steps.commit(em, current, step, eventCtx(event), { orderSequence: event.sequence });
  }
}
