import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, reviewExpertsAssignedV1, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { dueAfter, Timers } from '@jiebang/timers';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationStore } from '../applications/application.store';
import { ReviewRoundStore } from '../applications/review-round.store';
import type { AssignmentRequest } from '../assignment/assignment.dto';
import { AssignmentRun } from '../assignment/assignment-run.entity';
import { AssignmentsService } from '../assignment/assignments.service';
import type { KnownChallenge } from '../challenges/known-challenge.entity';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { CandidateProfile } from '../profiles/candidate-profile.entity';
import { avoidedOrgs, reviewItemText } from './review.domain';
import type { ReviewAssignmentInput } from './review-assignment.dto';
import { expertOf, ReviewStore } from './review.store';

export const REVIEW_DUE_TIMER = 'review.due';

const challengeNotFound = (id: string) => DomainError.notFound('CHALLENGE_NOT_FOUND', '榜单不存在或无权查看', { id });
const runNotFound = (id: string) => DomainError.notFound('ASSIGNMENT_RUN_NOT_FOUND', '分配任务不存在或无权查看', { id });

/**
 * Expert assignment of a round, through the batch assignment service (HiGHS): one item per QUALIFIED application,
 * 回避 as missing edges; confirming a completed run creates the reviews and starts the review period.
 */
@Injectable()
export class ReviewAssignmentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly applications: ApplicationStore,
    private readonly rounds: ReviewRoundStore,
    private readonly reviews: ReviewStore,
    private readonly assignments: AssignmentsService,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
  ) {}

  async request(p: Principal, challengeId: string, input: ReviewAssignmentInput): Promise<AssignmentRun> {
    assertBureau(p, challengeId);
    const request = await this.ds.transaction(async (em) => {
      const challenge = await this.applications.challenge(em, challengeId);
      if (!challenge) throw challengeNotFound(challengeId);
      const round = await this.rounds.lock(em, challengeId);
      if (!round?.formalCheckCompletedAt) {
        throw DomainError.invalidState('REVIEW_FORMAL_CHECK_PENDING', '形式审查尚未完成，不能分配评审专家', round ? 'FORMAL_CHECK' : challenge.status);
      }
      if (round.runId && round.assignedAt) throw DomainError.invalidState('REVIEW_ALREADY_ASSIGNED', '本榜单的评审专家已确认分配', 'IN_REVIEW');
      const qualified = await em.find(Application, { where: { challengeId, status: 'QUALIFIED' }, order: { submittedAt: 'ASC', id: 'ASC' } });
      if (qualified.length === 0) throw DomainError.invalidState('REVIEW_NOTHING_TO_ASSIGN', '没有形式审查合格的申请', 'NO_QUALIFIED');
      const pool = await this.reviews.reviewers(em, input.expertIds);
      if (input.expertIds && pool.length !== input.expertIds.length) {
        const known = new Set(pool.map((r) => r.id));
        throw DomainError.invalid('REVIEW_EXPERT_INVALID', '只能选择在册、未暂停且有用户账号的专家', 'expertIds', {
          invalid: input.expertIds.filter((id) => !known.has(id)),
        });
      }
      if (pool.length === 0) throw DomainError.invalidState('REVIEW_NO_EXPERTS', '没有可分配的评审专家（须有用户账号）', 'NO_EXPERTS');
      return this.buildRequest(em, challenge, qualified, pool.map((r) => r.id), input);
    });
    const run = await this.assignments.request(p, request);
    await this.reviews.recordRun(this.ds.manager, run.id, challengeId);
    return run;
  }

  async confirm(p: Principal, challengeId: string, runId: string, ctx: CommandContext) {
    assertBureau(p, challengeId);
    return this.ds.transaction(async (em) => {
      const challenge = await this.applications.challenge(em, challengeId);
      const round = await this.rounds.lock(em, challengeId);
      if (!challenge || !round) throw challengeNotFound(challengeId);
      if (!(await this.reviews.isRunOf(em, runId, challengeId))) throw runNotFound(runId);
      if (round.assignedAt) throw DomainError.invalidState('REVIEW_ALREADY_ASSIGNED', '本榜单的评审专家已确认分配', 'IN_REVIEW');
      const run = await em.findOneByOrFail(AssignmentRun, { id: runId });
      if (run.status !== 'COMPLETED' || !run.result) {
        throw DomainError.invalidState('ASSIGNMENT_RUN_NOT_COMPLETED', '分配任务尚未完成或无可行解，不能确认', run.status);
      }
      const apps = await em.find(Application, { where: { challengeId, status: 'QUALIFIED' }, lock: { mode: 'pessimistic_write' } });
      const byItem = new Map(run.result.items.map((i) => [i.itemId, i]));
      const uncovered = apps.filter((a) => !byItem.get(a.id)?.assigned.length).map((a) => a.id);
      if (uncovered.length > 0) {
        throw DomainError.invalidState('REVIEW_ASSIGNMENT_INCOMPLETE', '有申请没有分配到专家，请调整后重新分配', 'INCOMPLETE', { applicationIds: uncovered });
      }
      const experts = new Map((await this.reviews.reviewers(em, run.result.loads.map((l) => l.candidateId))).map((r) => [r.id, r]));
      const now = new Date();
      const dueAt = dueAfter(this.config.REVIEW_PERIOD, now);
      const assignments = [];
      for (const a of apps) {
        const assigned = [];
        for (const c of byItem.get(a.id)!.assigned) {
          const expert = experts.get(c.candidateId);
          if (!expert) continue; // withdrawn or suspended since the run: the bureau replaces it afterwards
          const id = randomUUID();
          await this.reviews.insert(em, { id, challengeId, applicationId: a.id, expert }, now);
          assigned.push(expertOf(expert, id));
        }
        if (assigned.length === 0) throw DomainError.invalidState('REVIEW_ASSIGNMENT_STALE', '分配结果中的专家已不可用，请重新分配', 'STALE', { applicationId: a.id });
        await this.applications.save(em, { ...a, status: 'IN_REVIEW', version: a.version + 1 }, {}, now);
        await this.applications.recordTransition(em, a.id, { from: 'QUALIFIED', to: 'IN_REVIEW', reason: null, at: now }, null, ctx);
        assignments.push({ applicationId: a.id, applicantName: a.applicantName, experts: assigned });
      }
      const version = await this.rounds.assign(em, challengeId, runId, dueAt, now);
      const event = await this.outbox.append(
        em,
        reviewExpertsAssignedV1,
        {
          subject: challengeId,
          sequence: version,
          data: { challengeTitle: challenge.title, enterpriseOrgId: challenge.enterpriseOrgId, runId, assignments, dueAt: dueAt.toISOString(), assignedAt: now.toISOString() },
        },
        ctx,
      );
      await this.timers.arm(em, { kind: REVIEW_DUE_TIMER, subject: challengeId, dueAt, ctx: { correlationId: ctx.correlationId, causationId: event.id } });
      return { challengeId, runId, dueAt, assignments };
    });
  }

  private async buildRequest(
    em: EntityManager,
    challenge: KnownChallenge,
    qualified: Application[],
    pool: string[],
    input: ReviewAssignmentInput,
  ): Promise<AssignmentRequest> {
    const profiles = new Map((await em.find(CandidateProfile, { where: { id: In(qualified.map((a) => a.profileId)) } })).map((p) => [p.id, p]));
    return {
      wants: 'expert',
      items: qualified.map((a) => ({
        id: a.id,
        title: challenge.title,
        text: reviewItemText(challenge, a.proposal),
        keywords: challenge.keywords,
        fields: challenge.fields,
        enterpriseOrgId: challenge.enterpriseOrgId,
        relatedOrgIds: avoidedOrgs(challenge, a, profiles.get(a.profileId)?.affiliations ?? []),
      })),
      k: input.k,
      candidateIds: pool,
      minLoad: 0,
      ...(input.maxPerExpert ? { maxLoad: input.maxPerExpert } : {}),
      conflicts: await this.reviews.declaredConflicts(em, challenge.id),
      alternates: 3,
    };
  }
}

/** Review rounds are the bureau's: anyone else finds no such round. */
function assertBureau(p: Principal, challengeId: string): void {
  if (p.role !== 'bureau' && p.role !== 'admin') throw challengeNotFound(challengeId);
}
