import { Injectable } from '@nestjs/common';
import * as c from '@jiebang/contracts';
import type { EventDefinition, EventOf } from '@jiebang/contracts';
import { RegistersHandlers, type HandlerRegistry, type HandlerSource } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import type { ChallengeStage, OrderStep } from './dashboard.domain';
import { DashboardWriter } from './dashboard.writer';

type Apply<D> = (w: DashboardWriter, e: EventOf<D>, em: EntityManager) => Promise<unknown>;
interface Rule {
  definition: EventDefinition;
  apply: Apply<never>;
}
const rule = <D extends EventDefinition>(definition: D, apply: Apply<D>): Rule => ({ definition, apply: apply as Apply<never> });

type ChallengeFact = { subject: string; data: { title: string; districtCode: string } };
const challenge = (e: ChallengeFact) => ({ id: e.subject, title: e.data.title, districtCode: e.data.districtCode });
/** A challenge fact whose only meaning here is "the 榜单 entered `stage` at the instant in `data[atKey]`". */
const entered = <D extends EventDefinition>(definition: D, stage: ChallengeStage, at: (e: EventOf<D>) => string): Rule =>
  rule(definition, (w, e, em) => w.markChallenge(em, challenge(e as unknown as ChallengeFact), stage, at(e)));
/** An order or dispatch fact meaning "the order entered `step`" (both streams share the order id as subject). */
const stepped = <D extends EventDefinition>(definition: D, step: OrderStep, at: (e: EventOf<D>) => string): Rule =>
  rule(definition, (w, e, em) => w.markOrder(em, challenge(e as unknown as ChallengeFact), step, at(e)));

/**
 * What each fact means to the 驾驶舱, one line per fact. Field and district travel on every fact or on the subject's
 * first one (submitted / published), and are kept from there: nothing is read from another service's database.
 */
const RULES: Rule[] = [
  rule(c.challengeSubmittedV1, async (w, e, em) => {
    await w.challengeContent(em, { ...challenge(e), fields: e.data.fields, sequence: e.sequence, at: e.data.submittedAt });
    await w.markChallenge(em, challenge(e), 'SUBMITTED', e.data.submittedAt);
  }),
  entered(c.challengeVettingStartedV1, 'UNDER_VETTING', (e) => e.data.startedAt),
  entered(c.challengeApprovedV1, 'APPROVED', (e) => e.data.approvedAt),
  entered(c.challengeReturnedV1, 'RETURNED', (e) => e.data.returnedAt),
  entered(c.challengeRejectedV1, 'REJECTED', (e) => e.data.rejectedAt),
  rule(c.challengePublishedV1, async (w, e, em) => {
    await w.challengeContent(em, { ...challenge(e), fields: e.data.fields, sequence: e.sequence, at: e.data.publishedAt });
    await w.markChallenge(em, challenge(e), 'PUBLISHED', e.data.publishedAt);
  }),
  entered(c.challengeClosedV1, 'CLOSED', (e) => e.data.closedAt),
  entered(c.challengeReviewStartedV1, 'UNDER_REVIEW', (e) => e.data.startedAt),
  entered(c.challengeObjectionUpheldV1, 'UNDER_REVIEW', (e) => e.data.upheldAt),
  entered(c.challengePublicNoticeOpenedV1, 'IN_PUBLIC_NOTICE', (e) => e.data.openedAt),
  entered(c.challengeFailedV1, 'FAILED', (e) => e.data.failedAt),
  entered(c.challengeWithdrawnV1, 'WITHDRAWN', (e) => e.data.withdrawnAt),
  rule(c.challengeAwardedV1, async (w, e, em) => {
    await w.markChallenge(em, challenge(e), 'AWARDED', e.data.awardedAt);
    await w.committed(em, e.subject, e.data.bountyYuan);
    for (const winner of e.data.winners) {
      await w.award(em, { challengeId: e.subject, applicationId: winner.applicationId, profileId: winner.profileId, solverName: winner.solverName, at: e.data.awardedAt });
    }
  }),

  rule(c.applicationSubmittedV1, (w, e, em) => w.application(em, e.subject, e.data.challengeId, 'submitted', e.data.submittedAt)),
  rule(c.applicationWithdrawnV1, (w, e, em) => w.application(em, e.subject, e.data.challengeId, 'withdrawn', e.data.withdrawnAt)),

  rule(c.projectTranchePaidV1, (w, e, em) =>
    w.payment(em, { eventId: e.id, challengeId: e.data.challengeId, projectId: e.subject, yuan: e.data.amountYuan, at: e.data.paidAt }),
  ),

  rule(c.serviceOrderSubmittedV1, async (w, e, em) => {
    await w.orderContent(em, { ...challenge(e), fields: e.data.fields ?? [], sequence: e.sequence, at: e.data.submittedAt });
    await w.markOrder(em, challenge(e), 'SUBMITTED', e.data.submittedAt);
  }),
  stepped(c.serviceOrderCancelledV1, 'CANCELLED', (e) => e.data.cancelledAt),
  stepped(c.serviceOrderConfirmedV1, 'CONFIRMED', (e) => e.data.confirmedAt),
  rule(c.serviceOrderDisputeResolvedV1, (w, e, em) =>
    w.markOrder(em, challenge(e), e.data.outcome === 'CONFIRM' ? 'CONFIRMED' : 'IN_SERVICE', e.data.resolvedAt),
  ),
  rule(c.serviceOrderRatedV1, async (w, e, em) => {
    await w.markOrder(em, challenge(e), 'RATED', e.data.ratedAt);
    await w.rating(em, { ratingId: e.data.ratingId, orderId: e.subject, districtCode: e.data.districtCode, teamProfileId: e.data.team.profileId, scores: e.data.scores, at: e.data.ratedAt });
  }),
  rule(c.serviceOrderRatingVoidedV1, (w, e, em) =>
    w.voidRating(em, { ratingId: e.data.ratingId, orderId: e.subject, districtCode: e.data.districtCode, teamProfileId: e.data.team.profileId, at: e.data.voidedAt }),
  ),
  stepped(c.serviceOrderClosedV1, 'CLOSED', (e) => e.data.closedAt),

  stepped(c.dispatchAcceptedV1, 'DISTRICT_ACCEPTED', (e) => e.data.acceptedAt),
  stepped(c.dispatchReturnedV1, 'RETURNED', (e) => e.data.returnedAt),
  stepped(c.dispatchRejectedV1, 'REJECTED', (e) => e.data.rejectedAt),
  rule(c.dispatchRecommendedV1, async (w, e, em) => {
    await w.markOrder(em, challenge(e), 'RECOMMENDED', e.data.recommendedAt);
    for (const team of e.data.teams) {
      await w.recommendation(em, { orderId: e.subject, profileId: team.profileId, teamName: team.name, districtCode: e.data.districtCode, at: e.data.recommendedAt }, 'recommended');
    }
  }),
  stepped(c.dispatchOfferedV1, 'OFFERED', (e) => e.data.offeredAt),
  rule(c.dispatchTeamAcceptedV1, async (w, e, em) => {
    await w.markOrder(em, challenge(e), 'TEAM_ACCEPTED', e.data.acceptedAt);
    await w.recommendation(em, { orderId: e.subject, profileId: e.data.team.profileId, teamName: e.data.team.name, districtCode: e.data.districtCode, at: e.data.acceptedAt }, 'accepted');
  }),
  stepped(c.dispatchServiceStartedV1, 'IN_SERVICE', (e) => e.data.startedAt),
  stepped(c.dispatchPausedV1, 'WAITING_ENTERPRISE', (e) => e.data.pausedAt),
  stepped(c.dispatchResumedV1, 'IN_SERVICE', (e) => e.data.resumedAt),
  stepped(c.dispatchDeliveredV1, 'DELIVERED', (e) => e.data.deliveredAt),
  rule(c.dispatchEscalatedV1, async (w, e, em) => {
    // No team left is not an SLA breach: the order is back with the district (DISTRICT_ACCEPTED) to recommend again.
    if (e.data.reason === 'no-team-left') return w.markOrder(em, challenge(e), 'DISTRICT_ACCEPTED', e.data.escalatedAt);
    return w.breach(em, { orderId: e.subject, reason: e.data.reason, level: e.data.level, districtCode: e.data.districtCode, at: e.data.escalatedAt });
  }),

  rule(c.profileRegisteredV1, (w, e, em) => w.profile(em, { profileId: e.subject, kind: e.data.kind, name: e.data.name, districtCode: e.data.districtCode, sequence: e.sequence })),
  rule(c.profileUpdatedV1, (w, e, em) => w.profile(em, { profileId: e.subject, kind: e.data.kind, name: e.data.name, districtCode: e.data.districtCode, sequence: e.sequence })),
];

/** The projection's consumer side: each rule runs in the inbox transaction of its fact, beside the notices it plans. */
@Injectable()
@RegistersHandlers()
export class DashboardEvents implements HandlerSource {
  constructor(private readonly writer: DashboardWriter) {}

  registerHandlers(registry: HandlerRegistry): void {
    for (const { definition, apply } of RULES) registry.on(definition, (e, em) => apply(this.writer, e as never, em).then(() => undefined));
  }
}
