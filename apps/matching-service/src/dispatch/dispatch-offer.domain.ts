import { DomainError, type Actor, type TeamRef } from '@jiebang/contracts';
import type { SlaClock } from '@jiebang/timers';
import { expectStatus, invalidState, StepBuilder, type DispatchState, type Offer, type Step } from './dispatch.domain';

/** Why a team cannot be offered the order now (at capacity, suspended, 回避 with the enterprise); absent = eligible. */
export type Exclusions = ReadonlyMap<string, string>;

export interface Recommendation {
  runId: string;
  teams: TeamRef[];
  alternates: TeamRef[];
  overrides: { candidateId: string; reason: string }[];
}

export interface OfferPlan {
  /** Ids for the offers this step may make, used in order. */
  newOfferId: () => string;
  /** When an offer made now must be answered (OFFER_RESPONSE_TIME). */
  dueAt: Date;
  /** When DISTRICT_SLA, re-armed now, would run out: used if no team is left and the order goes back to the district. */
  districtDueAt: Date;
  excluded: Exclusions;
}

/** The offer waiting for an answer, if any. */
export function pendingOffer(state: DispatchState): Offer | null {
  return state.offers.find((o) => o.status === 'PENDING') ?? null;
}

/** The one accepted offer (there is never more than one). */
export function acceptedOffer(state: DispatchState): Offer | null {
  return state.offers.find((o) => o.status === 'ACCEPTED') ?? null;
}

/**
 * Offers the order to the next eligible team of the lineup, skipping (and noting) those excluded now; when none is
 * left the order goes back to the district with an escalation.
 */
function offerNext(step: StepBuilder, plan: OfferPlan): void {
  let { cursor } = step.current;
  const { lineup } = step.current;
  while (cursor < lineup.length) {
    const team = lineup[cursor++];
    const why = plan.excluded.get(team.profileId);
    if (why) {
      step.set({ cursor }).note(`跳过团队「${team.name}」：${why}`, { skipped: { from: null, to: team.profileId } });
      continue;
    }
    const offer: Offer = {
      id: plan.newOfferId(),
      attempt: step.current.offers.length + 1,
      team,
      status: 'PENDING',
      dueAt: plan.dueAt,
      offeredAt: step.at,
      answeredAt: null,
      reason: null,
    };
    step.move('OFFERED', null, { cursor, offers: [...step.current.offers, offer] }).fact({ type: 'offered', offer });
    return;
  }
  // Back in the district's hands: its SLA runs again from now, and a new breach may be escalated again.
  step
    .move('DISTRICT_ACCEPTED', '推荐团队均未接单', { cursor, districtDueAt: plan.districtDueAt, districtOverdueAt: null })
    .fact({
      type: 'escalated',
      level: 'district',
      reason: 'no-team-left',
      message: `服务单「${step.current.order.title}」推荐的团队均未接单，请重新推荐`,
      team: null,
      dueAt: null,
    });
}

/**
 * 区县推荐: k teams in order plus alternates, from a recorded run (the service checks the run and the overrides).
 * A team excluded now cannot be recommended; the first team is offered the order at once.
 */
export function recommend(state: DispatchState, rec: Recommendation, plan: OfferPlan, actor: Actor, now: Date): Step {
  expectStatus(state, ['DISTRICT_ACCEPTED'], '只有区县已受理的服务单可以推荐团队');
  const lineup = [...rec.teams, ...rec.alternates];
  const ids = lineup.map((t) => t.profileId);
  if (new Set(ids).size !== ids.length) {
    throw DomainError.invalid('DISPATCH_TEAM_DUPLICATE', '同一团队不能重复推荐', 'teamIds');
  }
  for (const [i, team] of lineup.entries()) {
    const why = plan.excluded.get(team.profileId);
    if (why) {
      const field = i < rec.teams.length ? 'teamIds' : 'alternates';
      throw DomainError.invalid('DISPATCH_TEAM_EXCLUDED', `团队「${team.name}」不能推荐：${why}`, field, { profileId: team.profileId });
    }
  }
  const step = new StepBuilder(state, actor, now)
    .move('RECOMMENDED', null, { runId: rec.runId, lineup, cursor: 0, offers: state.offers, districtDueAt: null })
    .fact({ type: 'recommended', teams: rec.teams, alternates: rec.alternates, overrides: rec.overrides });
  offerNext(step, plan);
  return step.build();
}

function ownPendingOffer(state: DispatchState, teamProfileId: string, message: string): Offer {
  expectStatus(state, ['OFFERED'], message);
  const offer = pendingOffer(state);
  if (!offer || offer.team.profileId !== teamProfileId) throw invalidState(state, message);
  return offer;
}

function answer(state: DispatchState, offer: Offer, patch: Partial<Offer>): Offer[] {
  return state.offers.map((o) => (o.id === offer.id ? { ...o, ...patch } : o));
}

/** The offered team accepts: TEAM_ACCEPTED, the service SLA clock started, its open load +1. */
export function acceptOffer(state: DispatchState, teamProfileId: string, serviceSla: SlaClock & { status: 'RUNNING' }, actor: Actor, now: Date): Step {
  const offer = ownPendingOffer(state, teamProfileId, '该团队当前没有待响应的邀约');
  if (acceptedOffer(state)) throw invalidState(state, '服务单已有团队接单');
  const offers = answer(state, offer, { status: 'ACCEPTED', answeredAt: now });
  return new StepBuilder(state, actor, now)
    .move('TEAM_ACCEPTED', null, { offers, team: offer.team, serviceSla, graceSla: null, serviceOverdueAt: null, serviceBureauAt: null })
    .fact({ type: 'team-accepted', team: offer.team, slaDueAt: serviceSla.dueAt })
    .loadChange(offer.team, 1)
    .build();
}

export function declineOffer(state: DispatchState, teamProfileId: string, reason: string, plan: OfferPlan, actor: Actor, now: Date): Step {
  const offer = ownPendingOffer(state, teamProfileId, '该团队当前没有待响应的邀约');
  const declined: Offer = { ...offer, status: 'DECLINED', answeredAt: now, reason };
  const step = new StepBuilder(state, actor, now)
    .set({ offers: answer(state, offer, declined) })
    .note(reason, { offer: { from: 'PENDING', to: 'DECLINED' } })
    .fact({ type: 'offer-declined', offer: declined, reason });
  offerNext(step, plan);
  return step.build();
}

/**
 * The offer timer fired: if the offer it was armed for still waits and is due, it lapses and the next team is
 * offered. Null otherwise (answered meanwhile, or a stale firing): the timer changes nothing.
 */
export function expireOffer(state: DispatchState, firedAt: Date, plan: OfferPlan, actor: Actor): Step | null {
  const offer = pendingOffer(state);
  if (state.status !== 'OFFERED' || !offer || offer.dueAt.getTime() > firedAt.getTime()) return null;
  const expired: Offer = { ...offer, status: 'EXPIRED', answeredAt: firedAt };
  const step = new StepBuilder(state, actor, firedAt)
    .set({ offers: answer(state, offer, expired) })
    .note('邀约超时未响应', { offer: { from: 'PENDING', to: 'EXPIRED' } })
    .fact({ type: 'offer-expired', offer: expired });
  offerNext(step, plan);
  return step.build();
}
