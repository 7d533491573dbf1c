import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  projectAcceptanceFailedV1,
  projectAcceptanceStartedV1,
  projectAcceptedV1,
  projectClosedV1,
  projectContinuedV1,
  projectEliminatedV1,
  projectResumedV1,
  projectSuspendedV1,
  projectTranchesReallocatedV1,
  type Principal,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { releaseShares } from './ledger.domain';
import { owedOf } from './milestones.service';
import * as domain from './project.domain';
import type { AcceptanceInput, MidtermInput } from './project.dto';
import { ProjectTermination } from './project-termination';
import { fact, ProjectWriter, type Fact, type Loaded } from './project.writer';

const view = (d: domain.Decision) => ({ ...d.next.project, milestones: d.next.milestones });
const bureau = (principal: Principal) => ({ principal, party: 'bureau' as const });

/** The bureau's decisions on a project: mid-term review, suspension, acceptance, termination. */
@Injectable()
export class ProjectDecisionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly writer: ProjectWriter,
    private readonly termination: ProjectTermination,
  ) {}

  /** 中期评估. An elimination frees the project's unapproved tranches for the survivors or the challenge. */
  midterm(id: string, input: MidtermInput, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { race, target } = await this.writer.lock(em, id, bureau(principal));
      const survivors = race.projects.filter((p) => p.project.id !== id && domain.isActive(p.project.status));
      const decision = domain.decideMidterm(target, input.decision, survivors.length, input.reason, ctx.actor, new Date());
      const at = decision.transitions[0].at;
      if (input.decision === 'CONTINUE') {
        const next = decision.nextMilestone!;
        await this.writer.commit(em, target, decision, [fact(projectContinuedV1, { reason: input.reason, next: { index: next.index, title: next.title, dueAt: next.dueAt!.toISOString() }, decidedAt: at.toISOString() })], ctx);
        return view(decision);
      }
      const policy = target.project.eliminationPolicy ?? 'RETAIN';
      const released = releaseShares(race.ledger, id, policy, survivors.map((s) => ({ projectId: s.project.id, rank: s.project.rank })));
      await this.writer.saveLedger(em, race, released.tranches);
      const [eliminated] = await this.writer.commit(
        em,
        target,
        decision,
        [fact(projectEliminatedV1, { reason: input.reason, eliminationPolicy: policy, releasedYuan: released.releasedYuan, survivorProjectIds: survivors.map((s) => s.project.id), decidedAt: at.toISOString() })],
        ctx,
      );
      await this.reallocate(em, survivors as Loaded[], released.gains, id, { ...ctx, causationId: eliminated.id }, at);
      return view(decision);
    });
  }

  suspend(id: string, reason: string, principal: Principal, ctx: CommandContext) {
    return this.simple(id, principal, ctx, (agg, now) => {
      const d = domain.suspend(agg, reason, ctx.actor, now);
      return { decision: d, facts: [fact(projectSuspendedV1, { reason, suspendedAt: now.toISOString() })] };
    });
  }

  resume(id: string, reason: string, principal: Principal, ctx: CommandContext) {
    return this.simple(id, principal, ctx, (agg, now) => {
      const d = domain.resume(agg, reason, ctx.actor, now);
      return { decision: d, facts: [fact(projectResumedV1, { reason, resumedAt: now.toISOString() })] };
    });
  }

  startAcceptance(id: string, principal: Principal, ctx: CommandContext) {
    return this.simple(id, principal, ctx, (agg, now) => {
      const d = domain.startAcceptance(agg, ctx.actor, now);
      return { decision: d, facts: [fact(projectAcceptanceStartedV1, { rectificationRound: agg.project.rectificationRound, startedAt: now.toISOString() })] };
    });
  }

  /** 验收结论: accepted (and closed at once if nothing is owed), rectification, or terminated after the last round. */
  decideAcceptance(id: string, input: AcceptanceInput, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { race, target } = await this.writer.lock(em, id, bureau(principal));
      const now = new Date();
      const outcome = domain.decideAcceptance(target, input.passed, input.opinion, ctx.actor, now);
      const p = outcome.next.project;
      if (outcome.outcome === 'accepted') {
        const totals = owedOf(race.ledger, id);
        const closed = domain.closeIfSettled(outcome.next, totals.owedYuan, ctx.actor, now);
        const facts: Fact[] = [fact(projectAcceptedV1, { opinion: input.opinion, approvedYuan: totals.approvedYuan, paidYuan: totals.paidYuan, acceptedAt: now.toISOString() })];
        if (closed) facts.push(fact(projectClosedV1, { approvedYuan: totals.approvedYuan, paidYuan: totals.paidYuan, closedAt: now.toISOString() }));
        const decision = closed ? { next: closed.next, transitions: [...outcome.transitions, ...closed.transitions] } : outcome;
        await this.writer.commit(em, target, decision, facts, ctx);
        return view(decision);
      }
      const failed = fact(projectAcceptanceFailedV1, {
        opinion: input.opinion,
        rectificationRound: p.rectificationRound,
        maxRectificationRounds: p.maxRectificationRounds,
        terminated: outcome.outcome === 'terminated',
        failedAt: now.toISOString(),
      });
      if (outcome.outcome === 'terminated') {
        await this.termination.terminate(em, race, target, 'acceptance-failed', input.opinion, ctx, outcome, [failed]);
      } else {
        await this.writer.commit(em, target, outcome, [failed], ctx);
      }
      return view(outcome);
    });
  }

  terminate(id: string, reason: string, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { race, target } = await this.writer.lock(em, id, bureau(principal));
      const { decision } = await this.termination.terminate(em, race, target, 'bureau', reason, ctx);
      return view(decision);
    });
  }

  private simple(id: string, principal: Principal, ctx: CommandContext, decide: (agg: Loaded, now: Date) => { decision: domain.Decision; facts: Fact[] }) {
    return this.ds.transaction(async (em) => {
      const { target } = await this.writer.lock(em, id, bureau(principal));
      const { decision, facts } = decide(target, new Date());
      await this.writer.commit(em, target, decision, facts, ctx);
      return view(decision);
    });
  }

  /** Each survivor that gained money: a new version, a ledger audit entry and its own `project.tranches-reallocated`. */
  private async reallocate(em: EntityManager, survivors: Loaded[], gains: ReturnType<typeof releaseShares>['gains'], eliminatedId: string, ctx: CommandContext, at: Date) {
    for (const survivor of survivors) {
      const changes = gains.get(survivor.project.id);
      if (!changes) continue;
      const addedYuan = changes.reduce((a, c) => a + c.addedYuan, 0);
      const audit: domain.Transition = {
        kind: 'ledger',
        milestoneIndex: null,
        from: survivor.project.status,
        to: survivor.project.status,
        actor: ctx.actor,
        reason: `赛马制淘汰项目 ${eliminatedId} 的未批准资金按份额转入`,
        changes: Object.fromEntries(changes.map((c) => [`milestone${c.milestoneIndex}.plannedYuan`, { from: c.plannedYuan - c.addedYuan, to: c.plannedYuan }])),
        at,
      };
      const decision = { next: { ...survivor, project: { ...survivor.project, version: survivor.project.version + 1 } }, transitions: [audit] };
      await this.writer.commit(em, survivor, decision, [fact(projectTranchesReallocatedV1, { eliminatedProjectId: eliminatedId, changes, addedYuan, reallocatedAt: at.toISOString() })], ctx);
    }
  }
}
