import { DomainError, type Actor, type RankedApplication } from '@jiebang/contracts';
import { CHALLENGE_STATE_LABELS, type ChallengeState, type ChallengeStatus, type Transition } from './challenge.domain';

/**
 * 评审 → 公示 → 定榜 (docs/workflows.md §2, from "on review.formal-check-completed" to "timer challenge.public-notice"):
 * the 榜单 follows matching-service's review facts, the bureau's objection decisions and the 公示 timer.
 */

/** The actor of the moves this service makes on another service's fact: nobody here acted. */
export const CHALLENGE_SYSTEM_ACTOR: Actor = { id: 'challenge-service', role: 'system' };

/** The columns the award path adds to the 榜单 row. */
export interface AwardFields {
  /** The `sequence` of the last review-stream fact applied; an older (re-driven) one is ignored. */
  reviewSequence: number;
  /** The ranking of the last completed review round, best first. */
  reviewRanking: RankedApplication[];
  publicNoticeEndsAt: Date | null;
}
export type AwardState = ChallengeState & AwardFields;

/** The review facts as the 榜单 needs them; `sequence` is the envelope's (per challenge, monotonic). */
export type ReviewFact =
  | { kind: 'formal-check-completed'; sequence: number; qualifiedCount: number }
  | { kind: 'experts-assigned'; sequence: number }
  | { kind: 'completed'; sequence: number; ranking: RankedApplication[] }
  | { kind: 'reopened'; sequence: number };

/**
 * `event`: a move with a fact of its own on the challenge stream (the version is bumped). `noted`: the fact is
 * recorded in the audit trail but changes no state (formal check with qualified applications, reviews reopened).
 * `skipped`: stale (an older sequence) or not applicable in this state; only the sequence advances (if newer).
 */
export type ReviewFactOutcome =
  | { kind: 'event'; move: 'fail' | 'startReview' | 'openPublicNotice'; state: AwardState; transition: Transition }
  | { kind: 'noted'; state: AwardState; transition: Transition }
  | { kind: 'skipped'; why: 'stale' | 'not-applicable'; state: AwardState };

const label = (s: ChallengeStatus) => CHALLENGE_STATE_LABELS[s];

function refuse(status: ChallengeStatus, verb: string): DomainError {
  return DomainError.invalidState('CHALLENGE_INVALID_STATE', `榜单当前为「${label(status)}」，不能${verb}`, status);
}

function moved(state: AwardState, to: ChallengeStatus, changes: Partial<AwardState>, t: Omit<Transition, 'from' | 'to' | 'changes'>, extra: Transition['changes'] = {}) {
  const audit: Transition['changes'] = { status: { from: state.status, to }, ...extra };
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'reviewSequence' || k === 'reviewRanking') continue;
    const before = state[k as keyof AwardState];
    audit[k] = { from: before instanceof Date ? before.toISOString() : (before ?? null), to: v instanceof Date ? v.toISOString() : (v ?? null) };
  }
  const next: AwardState = { ...state, ...changes, status: to, version: state.version + 1 };
  return { state: next, transition: { from: state.status, to, changes: audit, ...t } as Transition };
}

/** The PROPOSED applications of a ranking, in rank order: the 公示's proposed winners, at most `maxWinners`. */
export function proposedOf(ranking: readonly RankedApplication[], maxWinners: number): RankedApplication[] {
  return ranking
    .filter((r) => r.outcome === 'PROPOSED')
    .sort((a, b) => a.rank - b.rank)
    .slice(0, maxWinners);
}

/**
 * Applies one review fact, checking the state it expects:
 * formal check with none qualified → CLOSED → FAILED (流标); experts assigned → CLOSED → UNDER_REVIEW; review completed →
 * UNDER_REVIEW → IN_PUBLIC_NOTICE until `noticeEndsAt`; reviews reopened → nothing to do if the upheld objection has
 * already moved the 榜单 back to UNDER_REVIEW (it has: matching reopens on `challenge.objection-upheld`).
 */
export function applyReviewFact(state: AwardState, fact: ReviewFact, now: Date, noticeEndsAt: Date): ReviewFactOutcome {
  if (fact.sequence <= state.reviewSequence) return { kind: 'skipped', why: 'stale', state };
  const seen = { reviewSequence: fact.sequence };
  const skip = (): ReviewFactOutcome => ({ kind: 'skipped', why: 'not-applicable', state: { ...state, ...seen } });
  const t = { actor: CHALLENGE_SYSTEM_ACTOR, at: now };
  const note = (reason: string, changes: Transition['changes']): ReviewFactOutcome => ({
    kind: 'noted',
    state: { ...state, ...seen },
    transition: { from: state.status, to: state.status, changes, reason, ...t },
  });
  switch (fact.kind) {
    case 'formal-check-completed':
      if (state.status !== 'CLOSED') return skip();
      if (fact.qualifiedCount > 0) return note('形式审查完成', { qualifiedCount: { from: null, to: fact.qualifiedCount } });
      return { kind: 'event', move: 'fail', ...moved(state, 'FAILED', seen, { ...t, reason: '形式审查无合格申请，流标' }) };
    case 'experts-assigned':
      if (state.status !== 'CLOSED') return skip();
      return { kind: 'event', move: 'startReview', ...moved(state, 'UNDER_REVIEW', seen, { ...t, reason: '评审专家已分配' }) };
    case 'completed': {
      if (state.status !== 'UNDER_REVIEW' || proposedOf(fact.ranking, state.maxWinners).length === 0) return skip();
      const changes = { ...seen, reviewRanking: fact.ranking, publicNoticeEndsAt: noticeEndsAt };
      const proposed = proposedOf(fact.ranking, state.maxWinners).map((r) => r.applicationId);
      return {
        kind: 'event',
        move: 'openPublicNotice',
        ...moved(state, 'IN_PUBLIC_NOTICE', changes, { ...t, reason: '评审完成，结果公示' }, { proposed: { from: null, to: proposed } }),
      };
    }
    case 'reopened':
      if (state.status !== 'UNDER_REVIEW') return skip();
      return note('异议成立，相关申请重新评审', { reviewReopened: { from: null, to: fact.sequence } });
  }
}

/**
 * 定榜: IN_PUBLIC_NOTICE → AWARDED once the 公示 has ended with no open objection, the proposed winners in rank order.
 * Anything else → null (the timer then does nothing: a dismissal awards later, or the 榜单 moved on).
 */
export function decideAward(state: AwardState, openObjections: number, actor: Actor, now: Date) {
  if (state.status !== 'IN_PUBLIC_NOTICE' || !state.publicNoticeEndsAt) return null;
  if (state.publicNoticeEndsAt.getTime() > now.getTime() || openObjections > 0) return null;
  const winners = proposedOf(state.reviewRanking, state.maxWinners);
  const extra = { winners: { from: null, to: winners.map((w) => w.applicationId) } };
  return { winners, ...moved(state, 'AWARDED', {}, { actor, at: now, reason: '公示期满无异议，定榜' }, extra) };
}

/** A new objection is taken only while the 公示 runs: IN_PUBLIC_NOTICE and before its end. */
export function checkObjectionWindow(state: AwardState, now: Date): void {
  if (state.status !== 'IN_PUBLIC_NOTICE') throw refuse(state.status, '提出异议（仅公示期内可提出）');
  if (state.publicNoticeEndsAt && state.publicNoticeEndsAt.getTime() <= now.getTime()) {
    throw DomainError.invalidState('CHALLENGE_PUBLIC_NOTICE_ENDED', '公示期已结束，不能再提出异议', state.status, {
      publicNoticeEndsAt: state.publicNoticeEndsAt.toISOString(),
    });
  }
}

/** A fact about an objection that leaves the 榜单 where it is: the next version (for its event) and the audit entry. */
export function noteObjection(state: AwardState, key: 'objectionLodged' | 'objectionDismissed', objectionId: string, actor: Actor, reason: string | null, now: Date) {
  if (state.status !== 'IN_PUBLIC_NOTICE') throw refuse(state.status, key === 'objectionLodged' ? '提出异议' : '裁定异议');
  const transition: Transition = { from: state.status, to: state.status, actor, reason, changes: { [key]: { from: null, to: objectionId } }, at: now };
  return { state: { ...state, version: state.version + 1 }, transition };
}

/**
 * An upheld objection ends the 公示: IN_PUBLIC_NOTICE → UNDER_REVIEW, the named applications (of the ranking) are
 * reviewed again. The ranking is kept until the next round replaces it; the 公示 end is cleared.
 */
export function upholdObjection(state: AwardState, objectionId: string, applicationIds: readonly string[], actor: Actor, reason: string, now: Date) {
  if (state.status !== 'IN_PUBLIC_NOTICE') throw refuse(state.status, '认定异议成立');
  const ranked = new Set(state.reviewRanking.map((r) => r.applicationId));
  const unknown = applicationIds.filter((id) => !ranked.has(id));
  if (unknown.length > 0) {
    throw DomainError.invalid('OBJECTION_APPLICATION_UNKNOWN', '所列申请不在本榜单的评审结果中', 'applicationIds', { unknown });
  }
  const extra = { objectionUpheld: { from: null, to: objectionId }, applicationIds: { from: null, to: [...applicationIds] } };
  return moved(state, 'UNDER_REVIEW', { publicNoticeEndsAt: null }, { actor, at: now, reason }, extra);
}

/** The 公示 timer follows the transitions: armed on entering IN_PUBLIC_NOTICE, cancelled by whatever leaves it. */
export function publicNoticeClockAction(t: Pick<Transition, 'from' | 'to'>): 'arm' | 'cancel' | null {
  if (t.to === 'IN_PUBLIC_NOTICE' && t.from !== 'IN_PUBLIC_NOTICE') return 'arm';
  if (t.from === 'IN_PUBLIC_NOTICE' && t.to !== 'IN_PUBLIC_NOTICE') return 'cancel';
  return null;
}
