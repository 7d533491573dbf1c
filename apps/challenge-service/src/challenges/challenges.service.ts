import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeSubmittedV1, DomainError, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import * as domain from './challenge.domain';
import type { CreateChallengeInput, ListChallengesQuery } from './challenge.dto';
import { Challenge } from './challenge.entity';
import { scopeChallenges } from './challenge.scope';
import { ChallengeTransition } from './challenge-transition.entity';

const notFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });

/** Challenge use cases: each is one transaction {load → rule → save → audit → outbox}. */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async createDraft(principal: Principal, input: CreateChallengeInput, ctx: CommandContext): Promise<Challenge> {
    const { districtCode = principal.districtCode, ...content } = input;
    if (!districtCode) {
      throw DomainError.invalid('CHALLENGE_DISTRICT_REQUIRED', '请填写企业所在区县代码 districtCode', 'districtCode');
    }
    // The district decides which office sees the challenge: an enterprise cannot file it with another district.
    if (principal.districtCode && districtCode !== principal.districtCode) {
      throw DomainError.invalid('CHALLENGE_DISTRICT_MISMATCH', '榜单所在区县须与企业注册所在区县一致', 'districtCode', {
        registeredDistrict: principal.districtCode,
      });
    }
    const owner = { enterpriseOrgId: principal.orgId, enterpriseName: principal.orgName ?? principal.orgId, districtCode };
    const { state, transition } = domain.draft(randomUUID(), content, owner, ctx.actor, new Date());
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(Challenge, state));
      await this.audit(em, state.id, transition, null);
      return saved;
    });
  }

  async submit(id: string, principal: Principal, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.loadOwnForUpdate(em, id, principal);
      const { state, transition } = domain.submit(current, ctx.actor, new Date());
      const saved = await em.save(Challenge, { ...current, ...state, updatedAt: transition.at });
      const event = await this.outbox.append(
        em,
        challengeSubmittedV1,
        {
          subject: state.id,
          sequence: state.version,
          data: {
            title: state.title,
            description: state.description,
            indicators: state.indicators,
            keywords: state.keywords,
            fields: state.fields,
            bountyYuan: state.bountyYuan,
            deadline: state.deadline,
            mode: state.mode,
            maxWinners: state.maxWinners,
            enterpriseOrgId: state.enterpriseOrgId,
            enterpriseName: state.enterpriseName,
            districtCode: state.districtCode,
            submittedAt: transition.at.toISOString(),
          },
        },
        ctx,
      );
      await this.audit(em, id, transition, event.id);
      return saved;
    });
  }

  async get(id: string, principal: Principal): Promise<Challenge> {
    const found = await scopeChallenges(this.dataSource.getRepository(Challenge).createQueryBuilder('c'), principal)
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!found) throw notFound(id);
    return found;
  }

  async list(principal: Principal, query: ListChallengesQuery): Promise<{ items: Challenge[]; total: number }> {
    const qb = scopeChallenges(this.dataSource.getRepository(Challenge).createQueryBuilder('c'), principal);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async history(id: string, principal: Principal): Promise<ChallengeTransition[]> {
    await this.get(id, principal);
    return this.dataSource.getRepository(ChallengeTransition).find({ where: { challengeId: id }, order: { id: 'ASC' } });
  }

  /** Row lock first, so concurrent commands on one challenge serialise and its events keep their order. */
  private async loadOwnForUpdate(em: EntityManager, id: string, principal: Principal): Promise<Challenge> {
    const found = await em.findOne(Challenge, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found || found.enterpriseOrgId !== principal.orgId) throw notFound(id);
    return found;
  }

  private async audit(em: EntityManager, challengeId: string, t: domain.Transition, eventId: string | null) {
    await em.insert(ChallengeTransition, {
      challengeId,
      fromStatus: t.from,
      toStatus: t.to,
      actorId: t.actor.id,
      actorRole: t.actor.role,
      actorOrgId: t.actor.orgId ?? null,
      reason: t.reason,
      changes: t.changes,
      eventId,
      at: t.at,
    });
  }
}
