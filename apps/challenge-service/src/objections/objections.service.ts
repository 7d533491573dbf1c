import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  challengeObjectionDismissedV1,
  challengeObjectionLodgedV1,
  challengeObjectionUpheldV1,
  DomainError,
  type Attachment,
  type Principal,
  type Role,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { checkObjectionWindow, noteObjection, upholdObjection } from '../challenges/award.domain';
import { AwardService } from '../challenges/award.service';
import { challengeApplicationsStore as applications } from '../challenges/challenge-applications.store';
import type { Challenge } from '../challenges/challenge.entity';
import { challengeRef } from '../challenges/challenge.events';
import { challengeNotFound, ChallengeWriter } from '../challenges/challenge.writer';
import { ChallengesService } from '../challenges/challenges.service';
import { decide, lodge, visibleTo, type Objection, type ObjectionView } from './objection.domain';
import { objectionStore } from './objection.store';

const objectionNotFound = (id: string) => DomainError.notFound('OBJECTION_NOT_FOUND', '异议不存在', { id });

/**
 * 异议: lodged by anyone signed in while the 公示 runs, decided by the bureau. Every step locks the 榜单 row first, so
 * lodging, deciding and the 公示 timer on one 榜单 serialise (two racing decisions: the second finds it decided).
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
    private readonly challenges: ChallengesService,
    private readonly award: AwardService,
  ) {}

  async lodge(challengeId: string, principal: Principal, reasons: string[], evidence: Attachment[], ctx: CommandContext): Promise<Objection> {
    await this.challenges.findVisible(challengeId, principal); // another party's 榜单: 404 before anything is locked
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.lockForUpdate(em, challengeId);
      if (!current) throw challengeNotFound(challengeId);
      const now = new Date();
      checkObjectionWindow(current, now);
      const objection = lodge(randomUUID(), challengeId, principal, reasons, evidence, now);
      await objectionStore.insert(em, objection);
      const { state, transition } = noteObjection(current, 'objectionLodged', objection.id, ctx.actor, null, now);
      await this.writer.save(em, current, state, now);
      const data = {
        ...challengeRef(state),
        objectionId: objection.id,
        reasons,
        evidence,
        objectorOrgId: principal.orgId,
        objectorRole: principal.role as Role,
        publicNoticeEndsAt: state.publicNoticeEndsAt!.toISOString(),
        lodgedAt: now.toISOString(),
      };
      const event = await this.outbox.append(em, challengeObjectionLodgedV1, { subject: challengeId, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return objection;
    });
  }

  /** 异议成立: IN_PUBLIC_NOTICE → UNDER_REVIEW (the 公示 timer is cancelled by the writer); matching reopens the reviews. */
  uphold(challengeId: string, objectionId: string, reason: string, applicationIds: string[], ctx: CommandContext): Promise<Objection> {
    return this.dataSource.transaction(async (em) => {
      const { current, objection } = await this.lockBoth(em, challengeId, objectionId);
      const now = new Date();
      const decided = decide(objection, 'UPHELD', reason, ctx.actor.id, now, applicationIds);
      const { state, transition } = upholdObjection(current, objectionId, applicationIds, ctx.actor, reason, now);
      await objectionStore.saveDecision(em, decided);
      await this.writer.save(em, current, state, now);
      const data = { ...(await this.outcome(em, current, decided)), applicationIds, upheldAt: now.toISOString() };
      const event = await this.outbox.append(em, challengeObjectionUpheldV1, { subject: challengeId, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return decided;
    });
  }

  /** 异议不成立: the 公示 goes on; if it has already ended and nothing else is open, the 榜单 is awarded now. */
  dismiss(challengeId: string, objectionId: string, reason: string, ctx: CommandContext): Promise<Objection> {
    return this.dataSource.transaction(async (em) => {
      const { current, objection } = await this.lockBoth(em, challengeId, objectionId);
      const now = new Date();
      const decided = decide(objection, 'DISMISSED', reason, ctx.actor.id, now);
      const { state, transition } = noteObjection(current, 'objectionDismissed', objectionId, ctx.actor, reason, now);
      await objectionStore.saveDecision(em, decided);
      const saved = await this.writer.save(em, current, state, now);
      const data = { ...(await this.outcome(em, current, decided)), dismissedAt: now.toISOString() };
      const event = await this.outbox.append(em, challengeObjectionDismissedV1, { subject: challengeId, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      await this.award.awardIfDue(em, saved, ctx, now);
      return decided;
    });
  }

  async list(challengeId: string, principal: Principal): Promise<ObjectionView[]> {
    const challenge = await this.challenges.findVisible(challengeId, principal);
    return visibleTo(await objectionStore.list(this.dataSource.manager, challengeId), principal, challenge.enterpriseOrgId);
  }

  /** The bureau's decisions: the 榜单 (any submitted one is the bureau's to see), then the objection, both locked. */
  private async lockBoth(em: EntityManager, challengeId: string, objectionId: string) {
    const current = await this.writer.loadForBureau(em, challengeId);
    const objection = await objectionStore.lock(em, challengeId, objectionId);
    if (!objection) throw objectionNotFound(objectionId);
    return { current, objection };
  }

  private async outcome(em: EntityManager, challenge: Challenge, o: Objection) {
    return {
      ...challengeRef(challenge),
      objectionId: o.id,
      reason: o.decisionReason!,
      objectorOrgId: o.objectorOrgId,
      objectorRole: o.objectorRole as Role,
      applicants: await applications.applicants(em, challenge.id),
    };
  }
}
