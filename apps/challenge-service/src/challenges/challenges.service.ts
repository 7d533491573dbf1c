import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeSubmittedV1, challengeVettingOverdueV1, DomainError, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { EnterprisesService } from '../enterprises/enterprises.service';
import * as domain from './challenge.domain';
import type { CreateChallengeInput, ListChallengesQuery } from './challenge.dto';
import { Challenge } from './challenge.entity';
import { scopeChallenges } from './challenge.scope';
import { ChallengeTransition } from './challenge-transition.entity';
import { VettingClock } from './vetting-clock';

/** Column values as TypeORM loads them: scalars, dates, and jsonb arrays (compared by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

const notFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });

/** Challenge use cases: each is one transaction {load → rule → save → outbox → audit → timers}. */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly vettingClock: VettingClock,
    private readonly enterprises: EnterprisesService,
  ) {}

  async createDraft(principal: Principal, input: CreateChallengeInput, ctx: CommandContext): Promise<Challenge> {
    const { districtCode: given, ...content } = input;
    const districtCode = domain.draftDistrict(given, principal.districtCode);
    const owner = { enterpriseOrgId: principal.orgId, enterpriseName: principal.orgName ?? principal.orgId, districtCode };
    const { state, transition } = domain.draft(randomUUID(), content, owner, ctx.actor, new Date());
    return this.dataSource.transaction(async (em) => {
      // A fresh id: `insert`, where `save` would first SELECT the row to learn whether it exists.
      const created = em.create(Challenge, state);
      await em.insert(Challenge, created);
      await this.recordTransition(em, state.id, transition, null, ctx);
      return created;
    });
  }

  async submit(id: string, principal: Principal, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.loadOwnForUpdate(em, id, principal);
      // Only a VERIFIED enterprise submits (409 ENTERPRISE_NOT_VERIFIED otherwise), as its profile names it now.
      const enterprise = await this.enterprises.requireVerified(em, current.enterpriseOrgId);
      const profile = { enterpriseName: enterprise.name, districtCode: enterprise.districtCode };
      const { state, transition } = domain.submit(current, profile, ctx.actor, new Date());
      const saved = await this.update(em, current, { ...current, ...state, updatedAt: transition.at });
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
      await this.recordTransition(em, id, transition, event.id, ctx);
      return saved;
    });
  }

  /**
   * The vetting timer fired (in the firing transaction, the challenge locked): escalate if the challenge still waits
   * for vetting. A flag, an audit entry and `challenge.vetting-overdue`; the status stays SUBMITTED.
   */
  async flagVettingOverdue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await this.lockForUpdate(em, timer.subject);
    const flagged = current && domain.flagVettingOverdue(current, timer.ctx.actor, timer.firedAt);
    if (!flagged) return;
    const { state, escalation } = flagged;
    await this.update(em, current, { ...current, ...state, updatedAt: escalation.at });
    const event = await this.outbox.append(
      em,
      challengeVettingOverdueV1,
      {
        subject: state.id,
        sequence: state.version,
        data: {
          title: state.title,
          enterpriseOrgId: state.enterpriseOrgId,
          enterpriseName: state.enterpriseName,
          districtCode: state.districtCode,
          submittedAt: state.submittedAt!.toISOString(),
          dueAt: timer.dueAt.toISOString(),
          overdueSeconds: Math.max(0, Math.floor((timer.firedAt.getTime() - timer.dueAt.getTime()) / 1000)),
        },
      },
      timer.ctx,
    );
    await this.audit(em, state.id, escalation, event.id);
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

  /** Row lock first, so concurrent commands (and timers) on one challenge serialise and its events keep their order. */
  lockForUpdate(em: EntityManager, id: string): Promise<Challenge | null> {
    return em.findOne(Challenge, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async loadOwnForUpdate(em: EntityManager, id: string, principal: Principal): Promise<Challenge> {
    const found = await this.lockForUpdate(em, id);
    if (!found || found.enterpriseOrgId !== principal.orgId) throw notFound(id);
    return found;
  }

  /**
   * Writes the new state of a challenge this transaction has locked: one UPDATE of the columns that changed. `save`
   * would first SELECT the row again to find them: a second round trip and most of the ORM's CPU on every command.
   */
  private async update(em: EntityManager, current: Challenge, next: Challenge): Promise<Challenge> {
    const changed = Object.fromEntries(
      Object.entries(next).filter(([column, value]) => !sameValue(current[column as keyof Challenge], value)),
    );
    if (Object.keys(changed).length > 0) await em.update(Challenge, { id: current.id }, changed);
    return next;
  }

  /** Every transition goes through here: its audit entry, then the timers it arms or cancels. */
  private async recordTransition(em: EntityManager, id: string, t: domain.Transition, eventId: string | null, ctx: CommandContext) {
    await this.audit(em, id, t, eventId);
    await this.vettingClock.follow(em, id, t, ctx, eventId);
  }

  private async audit(em: EntityManager, challengeId: string, t: domain.Transition | domain.Escalation, eventId: string | null) {
    const escalation = 'kind' in t;
    await em.insert(ChallengeTransition, {
      challengeId,
      kind: escalation ? 'escalation' : 'transition',
      fromStatus: escalation ? t.status : t.from,
      toStatus: escalation ? t.status : t.to,
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
