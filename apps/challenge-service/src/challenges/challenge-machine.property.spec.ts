import { DEFAULT_REVIEW_WEIGHTS, DomainError, type RankedApplication } from '@jiebang/contracts';
import fc from 'fast-check';
import { applyReviewFact, decideAward, noteObjection, publicNoticeClockAction, upholdObjection, type AwardState } from './award.domain';
import { closeAtDeadline, decideWithdrawal, extendDeadline, move, withdraw, WITHDRAWABLE_ON_REQUEST } from './challenge-lifecycle.domain';
import { draft, edit, submit, type ChallengeState, type ChallengeStatus, type Transition } from './challenge.domain';

/**
 * The whole 榜单 machine (ARCHITECTURE §3), from draft to award, driven by random sequences of every command and
 * fact: the bureau's and the enterprise's commands, the deadline and 公示 timers, matching-service's review facts
 * (also stale and out-of-order ones) and objections. Whatever the order, only legal edges are taken, a final state is
 * never left, the 公示 timer follows the state, and an award names 1..maxWinners proposed winners with no objection open.
 */
const t0 = new Date('2026-12-01T02:00:00Z');
const enterprise = { id: 'u-1', role: 'enterprise' as const, orgId: 'org-1' };
const bureau = { id: 'u-b', role: 'bureau' as const, orgId: 'org-b' };
const system = { id: 'jiebang-timers', role: 'system' as const };
const owner = { enterpriseOrgId: 'org-1', enterpriseName: '重庆某企业', districtCode: '500112' };
const NOTICE_MS = 7 * 86_400_000;

const EDGES = new Set([
  'DRAFT>DRAFT',
  'RETURNED>RETURNED',
  'DRAFT>SUBMITTED',
  'RETURNED>SUBMITTED',
  'SUBMITTED>UNDER_VETTING',
  'UNDER_VETTING>APPROVED',
  'UNDER_VETTING>RETURNED',
  'UNDER_VETTING>REJECTED',
  'APPROVED>PUBLISHED',
  'PUBLISHED>PUBLISHED',
  'PUBLISHED>CLOSED',
  'CLOSED>FAILED',
  'CLOSED>UNDER_REVIEW',
  'UNDER_REVIEW>IN_PUBLIC_NOTICE',
  'IN_PUBLIC_NOTICE>UNDER_REVIEW',
  'IN_PUBLIC_NOTICE>AWARDED',
  ...['CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE'].map((s) => `${s}>${s}`), // withdrawal requests, objection notes
  ...['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'APPROVED', ...WITHDRAWABLE_ON_REQUEST].map((s) => `${s}>WITHDRAWN`),
]);
const FINAL: ChallengeStatus[] = ['REJECTED', 'WITHDRAWN', 'FAILED', 'AWARDED'];

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

/** The model around the 榜单: how many objections are open, the review stream's next sequence. */
interface World {
  state: AwardState;
  open: number;
  sequence: number;
  now: Date;
}
/** `noted`: a review fact recorded in the audit trail without a move of its own (no event, no new version). */
type Step = { state: ChallengeState; transition: Pick<Transition, 'from' | 'to'>; winners?: RankedApplication[]; noted?: boolean } | null;

const fact = (w: World, f: Parameters<typeof applyReviewFact>[1]): Step => {
  const outcome = applyReviewFact(w.state, f, w.now, new Date(w.now.getTime() + NOTICE_MS));
  if (outcome.kind === 'skipped') {
    w.state = outcome.state; // only the sequence may advance
    return null;
  }
  return outcome.kind === 'noted' ? { ...outcome, noted: true } : outcome;
};

const COMMANDS: Record<string, (w: World) => Step> = {
  edit: (w) => edit(w.state, { title: '改' }, enterprise, w.now) as Step,
  submit: (w) => submit(w.state, owner, enterprise, w.now) as Step,
  startVetting: (w) => move(w.state, 'startVetting', bureau, w.now) as Step,
  approve: (w) => move(w.state, 'approve', bureau, w.now) as Step,
  return: (w) => move(w.state, 'return', bureau, w.now, '补充') as Step,
  reject: (w) => move(w.state, 'reject', bureau, w.now, '不符合') as Step,
  publish: (w) => move(w.state, 'publish', bureau, w.now) as Step,
  close: (w) => move(w.state, 'close', bureau, w.now, '提前') as Step,
  deadlineFires: (w) => closeAtDeadline(w.state, system, new Date(Math.max(w.now.getTime(), w.state.deadlineAt.getTime()))) as Step,
  extend: (w) => extendDeadline(w.state, new Date(w.state.deadlineAt.getTime() + 86_400_000), '延期', bureau, w.now) as Step,
  withdraw: (w) => withdraw(w.state, '撤', enterprise, w.now) as Step,
  approveWithdrawal: (w) => decideWithdrawal(w.state, true, '同意', bureau, w.now) as Step,
  denyWithdrawal: (w) => decideWithdrawal(w.state, false, '不同意', bureau, w.now) as Step,
  noneQualified: (w) => fact(w, { kind: 'formal-check-completed', sequence: ++w.sequence, qualifiedCount: 0 }),
  someQualified: (w) => fact(w, { kind: 'formal-check-completed', sequence: ++w.sequence, qualifiedCount: 3 }),
  expertsAssigned: (w) => fact(w, { kind: 'experts-assigned', sequence: ++w.sequence }),
  reviewCompleted: (w) =>
    fact(w, { kind: 'completed', sequence: ++w.sequence, ranking: [ranked(1, 'PROPOSED', 1), ranked(2, 'PROPOSED', 2), ranked(3, 'SHORTLISTED', 3), ranked(4, 'NOT_SELECTED', 4)] }),
  staleFact: (w) => fact(w, { kind: 'experts-assigned', sequence: Math.max(0, w.sequence - 1) }),
  reviewReopened: (w) => fact(w, { kind: 'reopened', sequence: ++w.sequence }),
  lodgeObjection: (w) => {
    const step = noteObjection(w.state, 'objectionLodged', `o-${w.open}`, enterprise, null, w.now);
    w.open++;
    return step;
  },
  dismissObjection: (w) => {
    if (w.open === 0) return null;
    const step = noteObjection(w.state, 'objectionDismissed', 'o', bureau, '不成立', w.now);
    w.open--;
    return step;
  },
  upholdObjection: (w) => {
    if (w.open === 0) return null;
    const step = upholdObjection(w.state, 'o', ['a-1'], bureau, '成立', w.now);
    w.open--;
    return step;
  },
  noticeTimerFires: (w) => decideAward(w.state, w.open, system, new Date(w.now.getTime() + NOTICE_MS)),
};

/** The step that moves each state on, chosen half the time, so sequences get past vetting into review and award. */
const FORWARD: Partial<Record<ChallengeStatus, string>> = {
  DRAFT: 'submit',
  RETURNED: 'submit',
  SUBMITTED: 'startVetting',
  UNDER_VETTING: 'approve',
  APPROVED: 'publish',
  PUBLISHED: 'deadlineFires',
  CLOSED: 'expertsAssigned',
  UNDER_REVIEW: 'reviewCompleted',
  IN_PUBLIC_NOTICE: 'noticeTimerFires',
};
const NAMES = Object.keys(COMMANDS);

describe('榜单 state machine with review, 公示 and award (property)', () => {
  it('random sequences of commands and facts only take legal edges and award only a clean 公示', () => {
    const reached = new Set<ChallengeStatus>();
    fc.assert(
      fc.property(fc.array(fc.record({ forward: fc.boolean(), pick: fc.nat(NAMES.length - 1) }), { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (choices, maxWinners) => {
        const content = {
          title: '压铸气孔',
          description: '机加工后出现气孔',
          indicators: [],
          keywords: [],
          fields: ['light-metal' as const],
          bountyYuan: 300_000,
          deadline: '2027-01-31',
          deadlineAt: new Date('2027-01-31T16:00:00Z'),
          mode: maxWinners > 1 ? ('HORSE_RACE' as const) : ('SINGLE' as const),
          maxWinners,
          researchContent: '气孔成因与工艺改进',
          durationMonths: 12,
          milestones: [{ title: '结题', deliverables: ['报告'], dueOffsetDays: 300, trancheYuan: 300_000, midterm: maxWinners > 1 }],
          eligibility: { solverTypes: ['university' as const], qualifications: [], consortiumAllowed: false },
          ipArrangement: { owner: 'NEGOTIATED' as const, note: null },
          reviewWeights: DEFAULT_REVIEW_WEIGHTS,
          confidentialFields: [],
          eliminationPolicy: maxWinners > 1 ? ('RETAIN' as const) : null,
          maxRectificationRounds: 2,
        };
        const start = draft('c-1', content, owner, enterprise, t0).state;
        const w: World = { state: { ...start, reviewSequence: 0, reviewRanking: [], publicNoticeEndsAt: null }, open: 0, sequence: 0, now: t0 };
        for (const { forward, pick } of choices) {
          const name = (forward && FORWARD[w.state.status]) || NAMES[pick];
          w.now = new Date(w.now.getTime() + 60_000);
          const before = w.state;
          const open = w.open;
          let step: Step;
          try {
            step = COMMANDS[name](w);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            w.open = open; // refused: nothing changed
            expect(w.state).toBe(before);
            continue;
          }
          if (!step) continue;
          const { state: next, transition } = step;
          expect(FINAL).not.toContain(before.status);
          expect(EDGES.has(`${transition.from}>${transition.to}`)).toBe(true);
          expect(next.status).toBe(transition.to);
          expect(next.version).toBe(before.version + (step.noted ? 0 : 1));
          if (step.noted) expect(next.status).toBe(before.status);
          expect(publicNoticeClockAction(transition) === 'arm').toBe(next.status === 'IN_PUBLIC_NOTICE' && before.status !== 'IN_PUBLIC_NOTICE');
          if (next.status === 'IN_PUBLIC_NOTICE') expect((next as AwardState).publicNoticeEndsAt).not.toBeNull();
          if (next.status === 'AWARDED') {
            expect(w.open).toBe(0);
            expect(step.winners!.length).toBeGreaterThanOrEqual(1);
            expect(step.winners!.length).toBeLessThanOrEqual(maxWinners);
            expect(step.winners!.map((x) => x.rank)).toEqual([...step.winners!.map((x) => x.rank)].sort((a, b) => a - b));
          }
          w.state = next as AwardState; // the lifecycle moves spread the state, so the award fields ride along
          reached.add(next.status);
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
    // The generator must reach the award path's states, or the checks above prove little.
    for (const s of ['UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED', 'WITHDRAWN'] as const) expect(reached).toContain(s);
  });
});
