import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationContractedV1,
  applicationForfeitedV1,
  applicationPromotedV1,
  applicationSelectedV1,
  DomainError,
  type challengeAwardedV1,
  type EventOf,
  type Principal,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers, type FiringTimer, type TimerHandler } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownChallenge } from '../challenges/known-challenge.entity';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { Application } from './application.entity';
import { applicationRef } from './application.facts';
import { ApplicationStore } from './application.store';
import { applicationNotFound } from './applications.service';
import { MATCHING_SYSTEM_ACTOR } from './formal-check.service';

export const SIGN_TIMER = 'application.sign';

/**
 * After the award: the winners are SELECTED and must sign by SIGN_DEADLINE; one that does not FORFEITS and the best
 * SHORTLISTED reserve (by its review rank) takes over its project (递补) with a deadline of its own.
 */
@Injectable()
export class SigningService implements TimerHandler, OnModuleInit {
  readonly kind = SIGN_TIMER;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly store: ApplicationStore,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
  ) {}

  onModuleInit(): void {
    this.timers.handle(this);
  }

  async onAwarded(event: EventOf<typeof challengeAwardedV1>, em: EntityManager): Promise<void> {
    const challenge = await this.store.challenge(em, event.subject);
    if (!challenge) return;
    const ctx: CommandContext = { actor: MATCHING_SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.id };
    for (const w of event.data.winners) {
      const a = await this.store.lockById(em, w.applicationId);
      if (a?.status !== 'PROPOSED' || a.challengeId !== challenge.id) continue;
      await this.select(em, a, challenge, w.projectId, ctx, null);
    }
  }

  async sign(p: Principal, id: string, ctx: CommandContext): Promise<Application> {
    return this.ds.transaction(async (em) => {
      const a = await this.store.lockById(em, id);
      if (!a || a.applicantOrgId !== p.orgId || a.applicantRole !== p.role) throw applicationNotFound(id);
      if (a.status !== 'SELECTED') throw DomainError.invalidState('APPLICATION_INVALID_STATE', '只有已入选待签约的申请可以签约', a.status);
      const challenge = (await this.store.challenge(em, a.challengeId))!;
      const now = new Date();
      const version = a.version + 1;
      await this.store.save(em, { ...a, status: 'CONTRACTED', version }, {}, now);
      const event = await this.outbox.append(
        em,
        applicationContractedV1,
        { subject: id, sequence: version, data: { ...applicationRef(a, challenge), projectId: a.projectId!, contractedAt: now.toISOString() } },
        ctx,
      );
      await this.store.recordTransition(em, id, { from: 'SELECTED', to: 'CONTRACTED', reason: null, at: now }, event.id, ctx);
      await this.timers.cancel(em, SIGN_TIMER, id);
      return em.findOneByOrFail(Application, { id });
    });
  }

  lockSubject(em: EntityManager, id: string) {
    return this.store.lockById(em, id);
  }

  /** The sign deadline passed: forfeit if still unsigned, and promote the best reserve in its place. */
  async fire(em: EntityManager, timer: FiringTimer): Promise<void> {
    const a = await this.store.lockById(em, timer.subject);
    if (a?.status !== 'SELECTED') return;
    const challenge = (await this.store.challenge(em, a.challengeId))!;
    const reserve = await this.bestReserve(em, a.challengeId);
    const now = timer.firedAt;
    const version = a.version + 1;
    await this.store.save(em, { ...a, status: 'FORFEITED', version }, {}, now);
    const forfeited = await this.outbox.append(
      em,
      applicationForfeitedV1,
      {
        subject: a.id,
        sequence: version,
        data: {
          ...applicationRef(a, challenge),
          projectId: a.projectId!,
          dueAt: timer.dueAt.toISOString(),
          promotedApplicationId: reserve?.application.id ?? null,
          forfeitedAt: now.toISOString(),
        },
      },
      timer.ctx,
    );
    await this.store.recordTransition(em, a.id, { from: 'SELECTED', to: 'FORFEITED', reason: '未按期签约', at: now }, forfeited.id, timer.ctx);
    if (reserve) await this.select(em, reserve.application, challenge, a.projectId!, { ...timer.ctx, causationId: forfeited.id }, { replaces: a.id, rank: reserve.rank });
  }

  private async select(
    em: EntityManager,
    a: Application,
    c: KnownChallenge,
    projectId: string,
    ctx: CommandContext,
    promotion: { replaces: string; rank: number } | null,
  ): Promise<void> {
    const now = new Date();
    const dueAt = dueAfter(this.config.SIGN_DEADLINE, now);
    const version = a.version + 1;
    await this.store.save(em, { ...a, status: 'SELECTED', version }, { projectId, signDueAt: dueAt }, now);
    const ref = applicationRef(a, c);
    const event = promotion
      ? await this.outbox.append(
          em,
          applicationPromotedV1,
          { subject: a.id, sequence: version, data: { ...ref, replacesApplicationId: promotion.replaces, projectId, rank: promotion.rank, dueAt: dueAt.toISOString(), promotedAt: now.toISOString() } },
          ctx,
        )
      : await this.outbox.append(
          em,
          applicationSelectedV1,
          { subject: a.id, sequence: version, data: { ...ref, projectId, dueAt: dueAt.toISOString(), selectedAt: now.toISOString() } },
          ctx,
        );
    await this.store.recordTransition(em, a.id, { from: a.status, to: 'SELECTED', reason: promotion ? '递补' : null, at: now }, event.id, ctx);
    await this.timers.arm(em, { kind: SIGN_TIMER, subject: a.id, dueAt, ctx: { correlationId: ctx.correlationId, causationId: event.id } });
  }

  /** The SHORTLISTED application ranked best in the round's ranking, locked. */
  private async bestReserve(em: EntityManager, challengeId: string): Promise<{ application: Application; rank: number } | null> {
    const [round]: { ranking: { applicationId: string; rank: number }[] | null }[] = await em.query(`SELECT ranking FROM review_rounds WHERE challenge_id = $1`, [challengeId]);
    for (const entry of [...(round?.ranking ?? [])].sort((x, y) => x.rank - y.rank)) {
      const candidate = await this.store.lockById(em, entry.applicationId);
      if (candidate?.status === 'SHORTLISTED') return { application: candidate, rank: entry.rank };
    }
    return null;
  }
}
