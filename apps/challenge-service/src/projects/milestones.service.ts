import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  projectClosedV1,
  projectMilestoneApprovedV1,
  projectMilestoneChangesRequestedV1,
  projectMilestoneReviewOverdueV1,
  projectMilestoneSubmittedV1,
  projectTranchePaidV1,
  type Principal,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { FiringTimer } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { approveShare, payShare, type Tranche } from './ledger.domain';
import * as domain from './project.domain';
import type { PaymentInput, SubmitMilestoneInput } from './project.dto';
import { fact, ProjectWriter, type Fact } from './project.writer';
import type { Race } from './projects.store';
import { ReviewClock } from './review-clock';

const view = (d: domain.Decision) => ({ ...d.next.project, milestones: d.next.milestones });
const ref = (m: domain.MilestoneState) => ({ index: m.index, title: m.title });

export function owedOf(ledger: Tranche[], projectId: string) {
  const shares = ledger.flatMap((t) => t.shares.filter((s) => s.projectId === projectId));
  const approvedYuan = shares.reduce((a, s) => a + s.approvedYuan, 0);
  const paidYuan = shares.reduce((a, s) => a + s.paidYuan, 0);
  return { approvedYuan, paidYuan, owedYuan: approvedYuan - paidYuan };
}

export function withShare(ledger: Tranche[], share: Tranche['shares'][number]): Tranche[] {
  return ledger.map((t) => (t.milestoneIndex === share.milestoneIndex ? { ...t, shares: t.shares.map((s) => (s.projectId === share.projectId ? share : s)) } : t));
}

export const shareOf = (race: Race, projectId: string, index: number) => race.ledger[index - 1].shares.find((s) => s.projectId === projectId)!;

/** Milestone use cases: the solver submits, the enterprise approves, asks for changes and pays; the timer escalates. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly writer: ProjectWriter,
    private readonly reviewClock: ReviewClock,
  ) {}

  submit(id: string, index: number, input: SubmitMilestoneInput, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { target } = await this.writer.lock(em, id, { principal, party: 'solver' });
      const decision = domain.submitMilestone(target, index, ctx.actor, new Date());
      const m = domain.milestoneOf(decision.next, index);
      const reviewDueAt = this.reviewClock.dueAt(m.submittedAt!);
      const [event] = await this.writer.commit(
        em,
        target,
        decision,
        [fact(projectMilestoneSubmittedV1, { milestone: ref(m), ...input, reviewDueAt: reviewDueAt.toISOString(), submittedAt: m.submittedAt!.toISOString() })],
        ctx,
        { index, submission: input },
      );
      await this.reviewClock.arm(em, id, m.submittedAt!, ctx, event.id);
      return view(decision);
    });
  }

  approve(id: string, index: number, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { race, target } = await this.writer.lock(em, id, { principal, party: 'enterprise' });
      const decision = domain.approveMilestone(target, index, ctx.actor, new Date());
      const share = approveShare(shareOf(race, id, index));
      await this.writer.saveLedger(em, race, withShare(race.ledger, share));
      const next = decision.nextMilestone;
      await this.writer.commit(
        em,
        target,
        decision,
        [
          fact(projectMilestoneApprovedV1, {
            milestone: ref(domain.milestoneOf(target, index)),
            approvedYuan: share.approvedYuan,
            status: decision.next.project.status as 'IN_PROGRESS' | 'MIDTERM_REVIEW' | 'PENDING_ACCEPTANCE',
            next: next ? { ...ref(next), dueAt: next.dueAt!.toISOString() } : null,
            approvedAt: decision.transitions[0].at.toISOString(),
          }),
        ],
        ctx,
      );
      await this.reviewClock.cancel(em, id);
      return view(decision);
    });
  }

  requestChanges(id: string, index: number, comments: string, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { target } = await this.writer.lock(em, id, { principal, party: 'enterprise' });
      const decision = domain.requestChanges(target, index, comments, ctx.actor, new Date());
      const m = domain.milestoneOf(decision.next, index);
      await this.writer.commit(
        em,
        target,
        decision,
        [fact(projectMilestoneChangesRequestedV1, { milestone: { ...ref(m), dueAt: m.dueAt!.toISOString() }, comments, requestedAt: decision.transitions[0].at.toISOString() })],
        ctx,
      );
      await this.reviewClock.cancel(em, id);
      return view(decision);
    });
  }

  /** A payment of an approved tranche; PAID once paid = approved, and the project CLOSED if accepted and settled. */
  pay(id: string, index: number, input: PaymentInput, principal: Principal, ctx: CommandContext) {
    return this.ds.transaction(async (em) => {
      const { race, target } = await this.writer.lock(em, id, { principal, party: 'enterprise' });
      domain.assertPayable(target, index);
      const share = payShare(shareOf(race, id, index), input.amountYuan);
      const ledger = withShare(race.ledger, share);
      await this.writer.saveLedger(em, race, ledger);
      const now = new Date();
      const paid = domain.recordPayment(target, index, share.paidYuan === share.approvedYuan, ctx.actor, now);
      const totals = owedOf(ledger, id);
      const closed = domain.closeIfSettled(paid.next, totals.owedYuan, ctx.actor, now);
      const facts: Fact[] = [
        fact(projectTranchePaidV1, {
          milestone: ref(domain.milestoneOf(target, index)),
          amountYuan: input.amountYuan,
          reference: input.reference,
          paidYuan: share.paidYuan,
          approvedYuan: share.approvedYuan,
          milestonePaid: share.paidYuan === share.approvedYuan,
          paidAt: now.toISOString(),
        }),
      ];
      if (closed) facts.push(fact(projectClosedV1, { approvedYuan: totals.approvedYuan, paidYuan: totals.paidYuan, closedAt: now.toISOString() }));
      const decision = closed ? { next: closed.next, transitions: [...paid.transitions, ...closed.transitions] } : paid;
      // A partial payment changes no state; its audit entry records the money and the reference all the same.
      const audit: domain.Transition = { kind: 'ledger', milestoneIndex: index, from: 'APPROVED', to: 'APPROVED', actor: ctx.actor, reason: null, changes: { paidYuan: { from: share.paidYuan - input.amountYuan, to: share.paidYuan }, reference: { from: null, to: input.reference } }, at: now };
      await this.writer.commit(em, target, { ...decision, transitions: [audit, ...decision.transitions] }, facts, ctx);
      return { ...view(decision), ledger: { milestoneIndex: index, plannedYuan: share.plannedYuan, approvedYuan: share.approvedYuan, paidYuan: share.paidYuan } };
    });
  }

  /** The review timer fired (in its transaction, the race locked): escalate a milestone still waiting, never approve. */
  async flagReviewOverdue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const { target } = await this.writer.lock(em, timer.subject);
    const flagged = domain.flagReviewOverdue(target, timer.ctx.actor, timer.firedAt);
    if (!flagged) return;
    const m = flagged.milestone;
    await this.writer.commit(
      em,
      target,
      flagged.decision,
      [
        fact(projectMilestoneReviewOverdueV1, {
          milestone: ref(m),
          submittedAt: m.submittedAt!.toISOString(),
          dueAt: timer.dueAt.toISOString(),
          overdueSeconds: Math.max(0, Math.floor((timer.firedAt.getTime() - timer.dueAt.getTime()) / 1000)),
        }),
      ],
      timer.ctx,
    );
  }
}
