import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  enterpriseRegisteredV1,
  enterpriseUpdatedV1,
  enterpriseVerificationRejectedV1,
  enterpriseVerifiedV1,
  type Principal,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import * as domain from './enterprise.domain';
import type { EnterpriseProfileInput, ListEnterprisesQuery } from './enterprise.dto';
import { Enterprise } from './enterprise.entity';
import type { EnterpriseTransition } from './enterprise-transition.entity';
import * as store from './enterprise.store';

const notFound = (orgId: string) => DomainError.notFound('ENTERPRISE_NOT_FOUND', '企业档案不存在或无权查看', { orgId });

const identityOf = ({ name, creditCode, districtCode }: domain.EnterpriseState) => ({ name, creditCode, districtCode });

/** What other services learn of a profile: all but the contacts. */
function snapshot(s: domain.EnterpriseState) {
  return { ...identityOf(s), type: s.type, qualifications: s.qualifications, relatedOrgIds: s.relatedOrgIds, status: s.status };
}

/** A verification decision: the new state, its audit entry, and the event it appends to the outbox. */
interface Decision {
  state: domain.EnterpriseState;
  transition: domain.Transition;
  publish: (em: EntityManager) => Promise<{ id: string }>;
}

/** Enterprise profile use cases: each command is one transaction {lock → domain → update → outbox → audit}. */
@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** PUT /enterprises/me: registers the caller's profile, or replaces it. */
  async put(principal: Principal, input: EnterpriseProfileInput, ctx: CommandContext): Promise<{ enterprise: Enterprise; created: boolean }> {
    // The district decides which office vouches for the enterprise: it cannot file with another district's office.
    if (principal.districtCode && input.districtCode !== principal.districtCode) {
      throw DomainError.invalid('ENTERPRISE_DISTRICT_MISMATCH', '企业所在区县须与账号登记的区县一致', 'districtCode', {
        registeredDistrict: principal.districtCode,
      });
    }
    const orgId = principal.orgId;
    return this.dataSource.transaction(async (em) => {
      const now = new Date();
      let current = await store.lockForUpdate(em, orgId);
      if (!current) {
        const { state, transition } = domain.register(orgId, input, ctx.actor, now);
        const created = em.create(Enterprise, { ...state, createdAt: now, updatedAt: now });
        if (await store.insertIfAbsent(em, created)) {
          const event = await this.outbox.append(em, enterpriseRegisteredV1, { subject: orgId, sequence: state.version, data: snapshot(state) }, ctx);
          await store.audit(em, orgId, transition, event.id);
          return { enterprise: created, created: true };
        }
        current = (await store.lockForUpdate(em, orgId))!;
      }
      const replaced = domain.replace(current, input, ctx.actor, now);
      if (!replaced) return { enterprise: current, created: false };
      const { state, transition, verificationReset } = replaced;
      const saved = await store.update(em, current, { ...current, ...state, updatedAt: now });
      const event = await this.outbox.append(
        em,
        enterpriseUpdatedV1,
        { subject: orgId, sequence: state.version, data: { ...snapshot(state), verificationReset } },
        ctx,
      );
      await store.audit(em, orgId, transition, event.id);
      return { enterprise: saved, created: false };
    });
  }

  /** 认证通过, by the district office of the enterprise's district or the bureau. */
  verify(orgId: string, principal: Principal, ctx: CommandContext): Promise<Enterprise> {
    return this.decide(orgId, principal, (current) => {
      const { state, transition } = domain.verify(current, ctx.actor, new Date());
      const data = { ...identityOf(state), verifiedAt: transition.at.toISOString() };
      return { state, transition, publish: (em) => this.outbox.append(em, enterpriseVerifiedV1, { subject: orgId, sequence: state.version, data }, ctx) };
    });
  }

  /** 认证退回, with the reason the enterprise is told. */
  reject(orgId: string, reason: string, principal: Principal, ctx: CommandContext): Promise<Enterprise> {
    return this.decide(orgId, principal, (current) => {
      const { state, transition } = domain.reject(current, reason, ctx.actor, new Date());
      const data = { ...identityOf(state), reason, rejectedAt: transition.at.toISOString() };
      return {
        state,
        transition,
        publish: (em) => this.outbox.append(em, enterpriseVerificationRejectedV1, { subject: orgId, sequence: state.version, data }, ctx),
      };
    });
  }

  /**
   * The submission gate, inside the submitting transaction: the profile is share-locked, so it cannot lose its
   * verification (an edit resetting it) until the submission commits. Refuses with the domain's 409.
   */
  async requireVerified(em: EntityManager, orgId: string): Promise<Enterprise> {
    return domain.requireVerified(await store.lockShared(em, orgId));
  }

  async mine(principal: Principal): Promise<Enterprise> {
    return this.get(principal.orgId, principal);
  }

  async get(orgId: string, principal: Principal): Promise<Enterprise> {
    const found = await store.findVisible(this.dataSource.manager, orgId, principal);
    if (!found) throw notFound(orgId);
    return found;
  }

  list(principal: Principal, query: ListEnterprisesQuery): Promise<{ items: Enterprise[]; total: number }> {
    return store.listVisible(this.dataSource.manager, principal, query);
  }

  async history(orgId: string, principal: Principal): Promise<EnterpriseTransition[]> {
    await this.get(orgId, principal);
    return store.history(this.dataSource.manager, orgId);
  }

  private decide(orgId: string, principal: Principal, decision: (current: Enterprise) => Decision): Promise<Enterprise> {
    return this.dataSource.transaction(async (em) => {
      const current = await store.lockForUpdate(em, orgId, { principal, purpose: 'decide' });
      if (!current) throw notFound(orgId);
      const { state, transition, publish } = decision(current);
      const saved = await store.update(em, current, { ...current, ...state, updatedAt: transition.at });
      const event = await publish(em);
      await store.audit(em, orgId, transition, event.id);
      return saved;
    });
  }
}
