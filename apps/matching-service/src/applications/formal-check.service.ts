import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationFormalCheckDecidedV1,
  reviewFormalCheckCompletedV1,
  type Actor,
  type challengeClosedV1,
  type EventOf,
  type FormalCheckOutcome,
  type Principal,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownChallenge } from '../challenges/known-challenge.entity';
import * as domain from './application.domain';
import { Application } from './application.entity';
import { applicant, applicationRef } from './application.facts';
import { ApplicationStore } from './application.store';
import { applicationNotFound } from './applications.service';
import { ReviewRoundStore } from './review-round.store';

/** What this service does on its own when a fact obliges it (the 榜单 closing): actor `system`. */
export const MATCHING_SYSTEM_ACTOR: Actor = { id: 'matching-service', role: 'system' };

/**
 * 形式审查: the bureau's decisions, the closing of a 榜单 (uncorrected RETURNED → INELIGIBLE) and, once no
 * application awaits a decision after closing, `review.formal-check-completed` with the qualified list.
 */
@Injectable()
export class FormalCheckService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: ApplicationStore,
    private readonly rounds: ReviewRoundStore,
    private readonly outbox: Outbox,
  ) {}

  async decide(p: Principal, id: string, outcome: FormalCheckOutcome, reason: string | null, ctx: CommandContext): Promise<Application> {
    if (p.role !== 'bureau' && p.role !== 'admin') throw applicationNotFound(id);
    return this.ds.transaction(async (em) => {
      const current = await this.store.lockById(em, id);
      const challenge = current && (await this.store.challenge(em, current.challengeId));
      if (!current || !challenge) throw applicationNotFound(id);
      const { state, transition } = domain.formalCheck(current, challenge, outcome, reason, new Date());
      await this.store.save(em, state, { checkReason: reason }, transition.at);
      const event = await this.appendDecision(em, current, challenge, outcome, reason, transition.at, state.version, ctx);
      await this.store.recordTransition(em, id, transition, event.id, ctx);
      if (await this.rounds.lock(em, challenge.id)) await this.completeIfDecided(em, challenge, { ...ctx, causationId: event.id });
      return em.findOneByOrFail(Application, { id });
    });
  }

  /** `challenge.closed` (in the inbox transaction): open the round, end the uncorrected, complete if nothing waits. */
  async onClosed(event: EventOf<typeof challengeClosedV1>, em: EntityManager): Promise<void> {
    const challenge = await this.store.challenge(em, event.subject);
    if (!challenge) return;
    if (!(await this.rounds.open(em, challenge.id, new Date(event.data.closedAt)))) return;
    await this.rounds.lock(em, challenge.id);
    const ctx: CommandContext = { actor: MATCHING_SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.id };
    const now = new Date();
    for (const a of await this.store.lockByChallenge(em, challenge.id)) {
      const ended = domain.closeUncorrected(a, now);
      if (!ended) continue;
      await this.store.save(em, ended.state, { checkReason: domain.NOT_CORRECTED_IN_TIME }, now);
      const decided = await this.appendDecision(em, a, challenge, 'INELIGIBLE', domain.NOT_CORRECTED_IN_TIME, now, ended.state.version, ctx);
      await this.store.recordTransition(em, a.id, ended.transition, decided.id, ctx);
    }
    await this.completeIfDecided(em, challenge, ctx);
  }

  private appendDecision(
    em: EntityManager,
    a: Application,
    c: KnownChallenge,
    outcome: FormalCheckOutcome,
    reason: string | null,
    at: Date,
    sequence: number,
    ctx: CommandContext,
  ) {
    return this.outbox.append(
      em,
      applicationFormalCheckDecidedV1,
      {
        subject: a.id,
        sequence,
        data: {
          ...applicationRef(a, c),
          outcome,
          reason,
          deadlineAt: (c.deadlineAt ?? at).toISOString(),
          decidedAt: at.toISOString(),
        },
      },
      ctx,
    );
  }

  /** The round row is locked by the caller, so two last decisions cannot both complete it. */
  private async completeIfDecided(em: EntityManager, c: KnownChallenge, ctx: CommandContext): Promise<void> {
    const round = await this.rounds.lock(em, c.id);
    if (!round || round.formalCheckCompletedAt) return;
    const all = await em.find(Application, { where: { challengeId: c.id }, order: { submittedAt: 'ASC', id: 'ASC' } });
    if (all.some((a) => domain.awaitsFormalCheck(a.status))) return;
    const now = new Date();
    const version = await this.rounds.completeFormalCheck(em, c.id, now);
    await this.outbox.append(
      em,
      reviewFormalCheckCompletedV1,
      {
        subject: c.id,
        sequence: version,
        data: {
          challengeTitle: c.title,
          enterpriseOrgId: c.enterpriseOrgId,
          qualified: all.filter((a) => a.status === 'QUALIFIED').map(applicant),
          ineligibleCount: all.filter((a) => a.status === 'INELIGIBLE').length,
          withdrawnCount: all.filter((a) => a.status === 'WITHDRAWN' && a.submissionCount > 0).length,
          completedAt: now.toISOString(),
        },
      },
      ctx,
    );
  }
}
