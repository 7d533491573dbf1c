import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicationSubmittedV1, applicationWithdrawnV1, DomainError, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { KnownChallenge } from '../challenges/known-challenge.entity';
import * as domain from './application.domain';
import type { CreateApplicationInput, EditApplicationInput, ListApplicationsQuery } from './application.dto';
import { Application } from './application.entity';
import { applicationRef } from './application.facts';
import { ApplicationStore } from './application.store';

export const applicationNotFound = (id: string) => DomainError.notFound('APPLICATION_NOT_FOUND', '申请不存在或无权查看', { id });
const challengeNotFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';
}

/** The applicant's use cases: each one transaction {lock → domain decides → one UPDATE → outbox → audit}. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: ApplicationStore,
    private readonly outbox: Outbox,
  ) {}

  async createDraft(p: Principal, input: CreateApplicationInput, ctx: CommandContext): Promise<Application> {
    try {
      return await this.ds.transaction(async (em) => {
        const challenge = await this.store.challenge(em, input.challengeId);
        if (!challenge) throw challengeNotFound(input.challengeId);
        const profile = await this.store.profile(em, input.profileId);
        domain.assertApplicant(p, profile);
        domain.assertTermsAccepted(await this.store.termsAccepted(em, challenge.id, p.orgId));
        const t = domain.draft(p, challenge, new Date());
        const created = em.create(Application, {
          id: randomUUID(),
          version: 1,
          challengeId: challenge.id,
          applicantOrgId: p.orgId,
          applicantName: profile.orgName,
          applicantRole: p.role as Application['applicantRole'],
          profileId: profile.id,
          status: t.to,
          proposal: input.proposal,
          submittedAt: null,
          submissionCount: 0,
          checkReason: null,
          projectId: null,
          signDueAt: null,
          createdAt: t.at,
          updatedAt: t.at,
        });
        await this.store.insert(em, created);
        await this.store.recordTransition(em, created.id, t, null, ctx);
        return created;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw new DomainError('conflict', 'APPLICATION_DUPLICATE', '本单位已有对该榜单的有效申请', { currentState: 'DUPLICATE', challengeId: input.challengeId });
    }
  }

  async edit(p: Principal, id: string, input: EditApplicationInput): Promise<Application> {
    return this.ds.transaction(async (em) => {
      const { current, challenge } = await this.lockOwn(em, p, id);
      const state = domain.edit(current, input.proposal, challenge, new Date());
      await this.store.save(em, state, {}, new Date());
      return this.reload(em, id);
    });
  }

  async submit(p: Principal, id: string, ctx: CommandContext): Promise<Application> {
    return this.ds.transaction(async (em) => {
      const { current, challenge } = await this.lockOwn(em, p, id);
      const profile = await this.store.profile(em, current.profileId);
      domain.assertApplicant(p, profile);
      domain.assertTermsAccepted(await this.store.termsAccepted(em, challenge.id, p.orgId));
      const { state, resubmission, transition } = domain.submit(current, challenge, profile, new Date());
      await this.store.save(em, state, { submittedAt: transition.at, checkReason: null }, transition.at);
      const event = await this.outbox.append(
        em,
        applicationSubmittedV1,
        {
          subject: id,
          sequence: state.version,
          data: { ...applicationRef(current, challenge), proposal: state.proposal, resubmission, submittedAt: transition.at.toISOString() },
        },
        ctx,
      );
      await this.store.recordTransition(em, id, transition, event.id, ctx);
      return this.reload(em, id);
    });
  }

  async withdraw(p: Principal, id: string, reason: string, ctx: CommandContext): Promise<Application> {
    return this.ds.transaction(async (em) => {
      const { current, challenge } = await this.lockOwn(em, p, id);
      const { state, announce, transition } = domain.withdraw(current, challenge, reason, new Date());
      await this.store.save(em, state, {}, transition.at);
      const event = announce
        ? await this.outbox.append(
            em,
            applicationWithdrawnV1,
            { subject: id, sequence: state.version, data: { ...applicationRef(current, challenge), reason, withdrawnAt: transition.at.toISOString() } },
            ctx,
          )
        : null;
      await this.store.recordTransition(em, id, transition, event?.id ?? null, ctx);
      return this.reload(em, id);
    });
  }

  async get(p: Principal, id: string): Promise<Application> {
    const found = await this.store.findReadable(p, id);
    if (!found) throw applicationNotFound(id);
    return found;
  }

  list(p: Principal, q: ListApplicationsQuery) {
    return this.store.listReadable(p, q);
  }

  async history(p: Principal, id: string) {
    await this.get(p, id);
    return this.store.history(id);
  }

  /** The caller's own application, locked, with its 榜单; another party's is a 404. */
  private async lockOwn(em: EntityManager, p: Principal, id: string): Promise<{ current: Application; challenge: KnownChallenge }> {
    const current = await this.store.lockById(em, id);
    if (!current || current.applicantOrgId !== p.orgId || current.applicantRole !== p.role) throw applicationNotFound(id);
    const challenge = await this.store.challenge(em, current.challengeId);
    if (!challenge) throw challengeNotFound(current.challengeId);
    return { current, challenge };
  }

  private reload(em: EntityManager, id: string): Promise<Application> {
    return em.findOneByOrFail(Application, { id });
  }
}
