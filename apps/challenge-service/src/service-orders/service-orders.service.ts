import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, serviceOrderCancelledV1, serviceOrderSubmittedV1, type Principal } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import { DataSource } from 'typeorm';
import { EnterprisesService } from '../enterprises/enterprises.service';
import type { CreateServiceOrderInput, EditServiceOrderInput } from './service-order.dto';
import * as domain from './service-order.domain';
import { ServiceOrder } from './service-order.entity';
import * as store from './service-order.store';
import { orderRef, ServiceOrderWriter } from './service-order.writer';

/** 企业下单: draft, edit, submit, cancel; each one transaction {lock → domain → update → outbox → timeline → timers}. */
@Injectable()
export class ServiceOrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ServiceOrderWriter,
    private readonly enterprises: EnterprisesService,
  ) {}

  async createDraft(principal: Principal, input: CreateServiceOrderInput, ctx: CommandContext): Promise<ServiceOrder> {
    // The district is the enterprise's registered one: its profile's if it has one, else its account's.
    const profile = await this.enterprises.mine(principal).catch((e: unknown) => {
      if (e instanceof DomainError && e.kind === 'not-found') return null;
      throw e;
    });
    const districtCode = profile?.districtCode ?? principal.districtCode;
    if (!districtCode) {
      throw DomainError.invalid('SERVICE_ORDER_DISTRICT_UNKNOWN', '请先登记企业档案（含所在区县）再下单', 'districtCode');
    }
    const owner = { enterpriseOrgId: principal.orgId, enterpriseName: profile?.name ?? principal.orgName ?? principal.orgId, districtCode };
    const { state, entry } = domain.draft(randomUUID(), input, owner, ctx.actor, new Date());
    return this.dataSource.transaction(async (em) => {
      const created = em.create(ServiceOrder, { ...state, createdAt: entry.at, updatedAt: entry.at });
      await em.insert(ServiceOrder, created);
      await store.appendTimeline(em, state.id, entry, null);
      return created;
    });
  }

  edit(id: string, principal: Principal, patch: EditServiceOrderInput, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const decided = domain.edit(current, patch, ctx.actor, new Date());
      return (await this.writer.record(em, current, decided, ctx)).order;
    });
  }

  submit(id: string, principal: Principal, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      // Only a VERIFIED enterprise orders (409 ENTERPRISE_NOT_VERIFIED otherwise), as its profile names it now.
      const enterprise = await this.enterprises.requireVerified(em, current.enterpriseOrgId);
      const { resubmission, ...decided } = domain.submit(
        current,
        { enterpriseName: enterprise.name, districtCode: enterprise.districtCode },
        ctx.actor,
        new Date(),
      );
      const s = decided.state;
      const data = {
        title: s.title,
        description: s.description,
        ...(s.fields.length > 0 ? { fields: s.fields } : {}),
        urgency: s.urgency,
        serviceMode: s.serviceMode,
        window: s.window,
        contact: s.contact,
        enterpriseOrgId: s.enterpriseOrgId,
        enterpriseName: s.enterpriseName,
        districtCode: s.districtCode,
        // 回避 in matching: the teams of these organisations are never ranked or offered the order.
        ...(enterprise.relatedOrgIds.length > 0 ? { relatedOrgIds: enterprise.relatedOrgIds } : {}),
        resubmission,
        submittedAt: decided.entry.at.toISOString(),
      };
      return (await this.writer.record(em, current, decided, ctx, { definition: serviceOrderSubmittedV1, data })).order;
    });
  }

  /** The enterprise before service starts; the district office of the order's district until delivery. */
  cancel(id: string, principal: Principal, reason: string, ctx: CommandContext): Promise<ServiceOrder> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockOwn(em, id, principal);
      const by: domain.CancelledBy = principal.role === 'district' ? 'district' : 'enterprise';
      const decided = domain.cancel(current, by, reason, ctx.actor, new Date());
      // A draft is the enterprise's alone: nobody else knew of it, so nobody is told it is gone.
      if (current.status === 'DRAFT') return (await this.writer.record(em, current, decided, ctx)).order;
      const data = { ...orderRef(decided.state), cancelledBy: by, reason, team: current.team, cancelledAt: decided.entry.at.toISOString() };
      return (await this.writer.record(em, current, decided, ctx, { definition: serviceOrderCancelledV1, data })).order;
    });
  }
}
