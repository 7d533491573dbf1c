import { DEFAULT_REVIEW_WEIGHTS, DomainError, type RankedApplication } from '@jiebang/contracts';
import {
  applyReviewFact,
  checkObjectionWindow,
  decideAward,
  noteObjection,
  proposedOf,
  publicNoticeClockAction,
  upholdObjection,
  type AwardState,
} from './award.domain';
import { CHALLENGE_STATES, draft, type ChallengeStatus } from './challenge.domain';

const t0 = new Date('2027-03-01T02:00:00Z');
const endsAt = new Date('2027-03-08T02:00:00Z');
const bureau = { id: 'u-b', role: 'bureau' as const, orgId: 'org-b' };
const system = { id: 'jiebang-timers', role: 'system' as const };
const owner = { enterpriseOrgId: 'org-1', enterpriseName: '重庆某企业', districtCode: '500112' };
const content = {
  title: '压铸气孔',
  description: '机加工后出现气孔',
  indicators: [],
  keywords: [],
  fields: ['light-metal' as const],
  bountyYuan: 300_000,
  deadline: '2027-01-31',
  deadlineAt: new Date('2027-01-31T16:00:00Z'),
  mode: 'HORSE_RACE' as const,
  maxWinners: 2,
  researchContent: '气孔成因与工艺改进',
  durationMonths: 12,
  milestones: [{ title: '结题', deliverables: ['报告'], dueOffsetDays: 300, trancheYuan: 300_000, midterm: true }],
  eligibility: { solverTypes: ['university' as const], qualifications: [], consortiumAllowed: false },
  ipArrangement: { owner: 'NEGOTIATED' as const, note: null },
  reviewWeights: DEFAULT_REVIEW_WEIGHTS,
  confidentialFields: [],
  eliminationPolicy: 'RETAIN' as const,
  maxRectificationRounds: 2,
};

function ranked(n: number, outcome: RankedApplication['outcome'], rank: number): RankedApplication {
  return {
    applicationId: `a-${n}`,
    applicantOrgId: `org-s-${n}`,
    applicantName: `揭榜方${n}`,
    applicantRole: 'solver',
    profileId: `p-${n}`,
    score: 90 - rank,
    criteria: { technical: 90, team: 80, feasibility: 85 },
    rank,
    outcome,
  };
}
// Out of order on purpose: the 公示 lists the proposed in rank order.
const RANKING = [ranked(2, 'PROPOSED', 2), ranked(1, 'PROPOSED', 1), ranked(3, 'SHORTLISTED', 3), ranked(4, 'NOT_SELECTED', 4)];

function inState(status: ChallengeStatus, changes: Partial<AwardState> = {}): AwardState {
  const base = draft('c-1', content, owner, bureau, new Date('2026-12-01T02:00:00Z')).state;
  return { ...base, status, version: 7, reviewSequence: 3, reviewRanking: [], publicNoticeEndsAt: null, ...changes };
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('review facts move the 榜单 (applyReviewFact)', () => {
  const apply = (status: ChallengeStatus, fact: Parameters<typeof applyReviewFact>[1], changes: Partial<AwardState> = {}) =>
    applyReviewFact(inState(status, changes), fact, t0, endsAt);

  it('formal check with none qualified: CLOSED → FAILED (流标), by the system, one version up', () => {
    const r = apply('CLOSED', { kind: 'formal-check-completed', sequence: 4, qualifiedCount: 0 });
    expect(r).toMatchObject({ kind: 'event', move: 'fail', state: { status: 'FAILED', version: 8, reviewSequence: 4 } });
    if (r.kind !== 'event') throw new Error();
    expect(r.transition).toMatchObject({ from: 'CLOSED', to: 'FAILED', actor: { id: 'challenge-service', role: 'system' }, changes: { status: { from: 'CLOSED', to: 'FAILED' } } });
  });

  it('formal check with qualified applications: noted in the audit, the 榜单 stays CLOSED at its version', () => {
    const r = apply('CLOSED', { kind: 'formal-check-completed', sequence: 4, qualifiedCount: 3 });
    expect(r).toMatchObject({ kind: 'noted', state: { status: 'CLOSED', version: 7, reviewSequence: 4 }, transition: { from: 'CLOSED', to: 'CLOSED' } });
  });

  it('experts assigned: CLOSED → UNDER_REVIEW', () => {
    const r = apply('CLOSED', { kind: 'experts-assigned', sequence: 5 });
    expect(r).toMatchObject({ kind: 'event', move: 'startReview', state: { status: 'UNDER_REVIEW', version: 8, reviewSequence: 5 } });
  });

  it('review completed: UNDER_REVIEW → IN_PUBLIC_NOTICE until the end given, the ranking kept, the proposed audited in rank order', () => {
    const r = apply('UNDER_REVIEW', { kind: 'completed', sequence: 6, ranking: RANKING });
    expect(r).toMatchObject({ kind: 'event', move: 'openPublicNotice', state: { status: 'IN_PUBLIC_NOTICE', publicNoticeEndsAt: endsAt, reviewRanking: RANKING } });
    if (r.kind !== 'event') throw new Error();
    expect(r.transition.changes).toMatchObject({ proposed: { from: null, to: ['a-1', 'a-2'] }, publicNoticeEndsAt: { from: null, to: endsAt.toISOString() } });
  });

  it('reviews reopened after an upheld objection: nothing to move (already UNDER_REVIEW), noted', () => {
    expect(apply('UNDER_REVIEW', { kind: 'reopened', sequence: 8 })).toMatchObject({ kind: 'noted', state: { status: 'UNDER_REVIEW', version: 7, reviewSequence: 8 } });
  });

  it('a fact at or below the last applied sequence is stale: no change at all', () => {
    for (const sequence of [2, 3]) {
      const r = apply('CLOSED', { kind: 'experts-assigned', sequence });
      expect(r).toEqual({ kind: 'skipped', why: 'stale', state: inState('CLOSED') });
    }
  });

  it('a fact in a state it does not expect is skipped (only the sequence advances), in every other state', () => {
    const facts = [
      { fact: { kind: 'formal-check-completed', sequence: 9, qualifiedCount: 0 }, expects: 'CLOSED' },
      { fact: { kind: 'experts-assigned', sequence: 9 }, expects: 'CLOSED' },
      { fact: { kind: 'completed', sequence: 9, ranking: RANKING }, expects: 'UNDER_REVIEW' },
      { fact: { kind: 'reopened', sequence: 9 }, expects: 'UNDER_REVIEW' },
    ] as const;
    for (const { fact, expects } of facts) {
      for (const status of CHALLENGE_STATES.filter((s) => s !== expects)) {
        const r = apply(status, fact);
        expect(r).toEqual({ kind: 'skipped', why: 'not-applicable', state: { ...inState(status), reviewSequence: 9 } });
      }
    }
  });

  it('a completed round proposing no one does not open a 公示', () => {
    const r = apply('UNDER_REVIEW', { kind: 'completed', sequence: 6, ranking: [ranked(3, 'NOT_SELECTED', 1)] });
    expect(r.kind).toBe('skipped');
  });
});

describe('the proposed winners (proposedOf)', () => {
  it('are the PROPOSED ones in rank order, at most maxWinners', () => {
    expect(proposedOf(RANKING, 2).map((r) => r.applicationId)).toEqual(['a-1', 'a-2']);
    expect(proposedOf(RANKING, 1).map((r) => r.applicationId)).toEqual(['a-1']);
  });
});

describe('定榜 (decideAward)', () => {
  const noticing = inState('IN_PUBLIC_NOTICE', { reviewRanking: RANKING, publicNoticeEndsAt: endsAt });

  it('at the end of the 公示 with no open objection: IN_PUBLIC_NOTICE → AWARDED, the winners in rank order', () => {
    const r = decideAward(noticing, 0, system, endsAt);
    expect(r).not.toBeNull();
    expect(r!.state).toMatchObject({ status: 'AWARDED', version: 8 });
    expect(r!.winners.map((w) => w.applicationId)).toEqual(['a-1', 'a-2']);
    expect(r!.transition).toMatchObject({ from: 'IN_PUBLIC_NOTICE', to: 'AWARDED', actor: system, changes: { winners: { to: ['a-1', 'a-2'] } } });
  });

  it('does nothing with an open objection, before the end, or outside IN_PUBLIC_NOTICE', () => {
    expect(decideAward(noticing, 1, system, new Date(endsAt.getTime() + 1))).toBeNull();
    expect(decideAward(noticing, 0, system, new Date(endsAt.getTime() - 1))).toBeNull();
    for (const status of CHALLENGE_STATES.filter((s) => s !== 'IN_PUBLIC_NOTICE')) {
      expect(decideAward({ ...noticing, status }, 0, system, endsAt)).toBeNull();
    }
  });
});

describe('objections against the 公示', () => {
  const noticing = inState('IN_PUBLIC_NOTICE', { reviewRanking: RANKING, publicNoticeEndsAt: endsAt });

  it('are taken while the 公示 runs; after its end 409 CHALLENGE_PUBLIC_NOTICE_ENDED; in another state 409 with the state', () => {
    expect(() => checkObjectionWindow(noticing, t0)).not.toThrow();
    expect(refusal(() => checkObjectionWindow(noticing, endsAt))).toMatchObject({ code: 'CHALLENGE_PUBLIC_NOTICE_ENDED', details: { currentState: 'IN_PUBLIC_NOTICE' } });
    for (const status of CHALLENGE_STATES.filter((s) => s !== 'IN_PUBLIC_NOTICE')) {
      expect(refusal(() => checkObjectionWindow({ ...noticing, status }, t0))).toMatchObject({ code: 'CHALLENGE_INVALID_STATE', details: { currentState: status } });
    }
  });

  it('a lodged or dismissed objection keeps the 榜单 IN_PUBLIC_NOTICE, one version up, audited', () => {
    const r = noteObjection(noticing, 'objectionDismissed', 'o-1', bureau, '证据不足', t0);
    expect(r.state).toMatchObject({ status: 'IN_PUBLIC_NOTICE', version: 8 });
    expect(r.transition).toMatchObject({ from: 'IN_PUBLIC_NOTICE', to: 'IN_PUBLIC_NOTICE', reason: '证据不足', changes: { objectionDismissed: { to: 'o-1' } } });
    expect(refusal(() => noteObjection({ ...noticing, status: 'UNDER_REVIEW' }, 'objectionLodged', 'o-1', bureau, null, t0)).code).toBe('CHALLENGE_INVALID_STATE');
  });

  it('upheld: IN_PUBLIC_NOTICE → UNDER_REVIEW, the 公示 end cleared; only applications of the ranking, and only in 公示', () => {
    const r = upholdObjection(noticing, 'o-1', ['a-2'], bureau, '评分有误', t0);
    expect(r.state).toMatchObject({ status: 'UNDER_REVIEW', version: 8, publicNoticeEndsAt: null });
    expect(r.transition).toMatchObject({ from: 'IN_PUBLIC_NOTICE', to: 'UNDER_REVIEW', actor: bureau, changes: { applicationIds: { to: ['a-2'] } } });
    expect(refusal(() => upholdObjection(noticing, 'o-1', ['a-9'], bureau, '评分有误', t0))).toMatchObject({
      code: 'OBJECTION_APPLICATION_UNKNOWN',
      details: { field: 'applicationIds' },
    });
    expect(refusal(() => upholdObjection({ ...noticing, status: 'AWARDED' }, 'o-1', ['a-2'], bureau, '评分有误', t0))).toMatchObject({
      details: { currentState: 'AWARDED' },
    });
  });
});

describe('the 公示 timer follows the transitions', () => {
  it('arms on entering IN_PUBLIC_NOTICE, cancels on leaving it, ignores the rest', () => {
    expect(publicNoticeClockAction({ from: 'UNDER_REVIEW', to: 'IN_PUBLIC_NOTICE' })).toBe('arm');
    expect(publicNoticeClockAction({ from: 'IN_PUBLIC_NOTICE', to: 'UNDER_REVIEW' })).toBe('cancel');
    expect(publicNoticeClockAction({ from: 'IN_PUBLIC_NOTICE', to: 'AWARDED' })).toBe('cancel');
    expect(publicNoticeClockAction({ from: 'IN_PUBLIC_NOTICE', to: 'WITHDRAWN' })).toBe('cancel');
    expect(publicNoticeClockAction({ from: 'IN_PUBLIC_NOTICE', to: 'IN_PUBLIC_NOTICE' })).toBeNull();
    expect(publicNoticeClockAction({ from: 'CLOSED', to: 'UNDER_REVIEW' })).toBeNull();
  });
});
