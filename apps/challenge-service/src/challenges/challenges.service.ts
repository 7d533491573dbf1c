import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeSubmittedV1, challengeVettingOverdueV1, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { rankingSeenBy } from './award.domain';
import { challengeApplicationsStore as applications } from './challenge-applications.store';
import { seesConfidential, withoutConfidential } from './challenge-visibility.domain';
import * as domain from './challenge.domain';
import type { CreateChallengeInput, EditChallengeInput, ListChallengesQuery } from './challenge.dto';
import { Challenge } from './challenge.entity';
import { submittedDetails } from './challenge.events';
import { scopeChallenges } from './challenge.scope';
import { ChallengeTransition } from './challenge-transition.entity';
import { challengeNotFound as notFound, ChallengeWriter } from './challenge.writer';
import { termsStore } from './terms.store';

/** The content as the domain takes it: the deadline resolved from whichever of its two forms was given. */
function withDeadline<T extends { deadline?: string; deadlineAt?: string }>(input: T) {
  const { deadline: _date, deadlineAt: _instant, ...rest } = input;
  if (input.deadline === undefined && input.deadlineAt === undefined) return { content: rest, field: undefined };
  const { field, ...deadline } = domain.resolveDeadline(input);
  return { content: { ...rest, ...deadline }, field };
}

/** Challenge use cases: each is one transaction {load → rule → save → outbox → audit → timers}. */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
    private readonly enterprises: EnterprisesService,
  ) {}

  async createDraft(principal: Principal, input: CreateChallengeInput, ctx: CommandContext): Promise<Challenge> {
    const { districtCode: given, ...rest } = input;
    const { deadline, deadlineAt, field } = domain.resolveDeadline(rest);
    const districtCode = domain.draftDistrict(given, principal.districtCode);
    const owner = { enterpriseOrgId: principal.orgId, enterpriseName: principal.orgName ?? principal.orgId, districtCode };
    const content = { ...rest, deadline, deadlineAt };
    const { state, transition } = domain.draft(randomUUID(), content, owner, ctx.actor, new Date(), field);
    return this.dataSource.transaction(async (em) => {
      // A fresh id: `insert`, where `save` would first SELECT the row to learn whether it exists.
      const created = em.create(Challenge, state);
      await em.insert(Challenge, created);
      await this.writer.record(em, state, transition, null, ctx);
      return created;
    });
  }

  /** PATCH: the enterprise edits its own draft or returned 榜单; no event (drafts are private), an audit row. */
  async edit(id: string, principal: Principal, input: EditChallengeInput, ctx: CommandContext): Promise<Challenge> {
    const { content, field } = withDeadline(input);
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadOwnForUpdate(em, id, principal);
      const { state, transition } = domain.edit(current, content, ctx.actor, new Date(), field);
      const saved = await this.writer.save(em, current, state, transition.at);
      await this.writer.record(em, state, transition, null, ctx);
      return saved;
    });
  }

  async submit(id: string, principal: Principal, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadOwnForUpdate(em, id, principal);
      // Only a VERIFIED enterprise submits (409 ENTERPRISE_NOT_VERIFIED otherwise), as its profile names it now.
      const enterprise = await this.enterprises.requireVerified(em, current.enterpriseOrgId);
      const profile = { enterpriseName: enterprise.name, districtCode: enterprise.districtCode };
      const { state, transition } = domain.submit(current, profile, ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
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
            ...submittedDetails(state),
          },
        },
        ctx,
      );
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  /**
   * The vetting timer fired (in the firing transaction, the challenge locked): escalate if the challenge still waits
   * for vetting. A flag, an audit entry and `challenge.vetting-overdue`; the status stays SUBMITTED.
   */
  async flagVettingOverdue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const current = await this.writer.lockForUpdate(em, timer.subject);
    const flagged = current && domain.flagVettingOverdue(current, timer.ctx.actor, timer.firedAt);
    if (!flagged) return;
    const { state, escalation } = flagged;
    await this.writer.save(em, current, state, escalation.at);
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
    await this.writer.audit(em, state.id, escalation, event.id);
  }

  /** One 榜单 as the caller may see it: without its confidential fields for a solver or team yet to accept the terms. */
  async get(id: string, principal: Principal): Promise<Partial<Challenge> & { termsAcceptedAt?: Date | null; applicationsCount?: number }> {
    const found = rankingSeenBy(await this.findVisible(id, principal), principal);
    if (principal.role === 'solver' || principal.role === 'team') {
      const termsAcceptedAt = await termsStore.acceptedAt(this.dataSource.manager, id, principal.orgId);
      const view = seesConfidential(principal.role, termsAcceptedAt !== null) ? found : withoutConfidential(found);
      return { ...view, termsAcceptedAt };
    }
    if (principal.role === 'enterprise') return { ...found, applicationsCount: await applications.activeCount(this.dataSource.manager, id) };
    return seesConfidential(principal.role, false) ? found : withoutConfidential(found);
  }

  /** The 榜单 if the caller may see it (scoped in SQL), else 404. */
  async findVisible(id: string, principal: Principal): Promise<Challenge> {
    const found = await scopeChallenges(this.dataSource.getRepository(Challenge).createQueryBuilder('c'), principal)
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!found) throw notFound(id);
    return found;
  }

  /** A listing never carries the confidential fields, whoever asks: they are read one 榜单 at a time. */
  async list(principal: Principal, query: ListChallengesQuery): Promise<{ items: Partial<Challenge>[]; total: number }> {
    const qb = scopeChallenges(this.dataSource.getRepository(Challenge).createQueryBuilder('c'), principal);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: items.map((c) => withoutConfidential(rankingSeenBy(c, principal))), total };
  }

  async history(id: string, principal: Principal): Promise<ChallengeTransition[]> {
    await this.findVisible(id, principal);
    return this.dataSource.getRepository(ChallengeTransition).find({ where: { challengeId: id }, order: { id: 'ASC' } });
  }
}
