import { DEFAULT_REVIEW_WEIGHTS, DomainError } from '@jiebang/contracts';
import fc from 'fast-check';
import {
  closeAtDeadline,
  deadlineClockAction,
  decideWithdrawal,
  extendDeadline,
  move,
  MOVES,
  withdraw,
  WITHDRAWABLE_ON_REQUEST,
} from './challenge-lifecycle.domain';
import { draft, edit, submit, vettingClockAction, type ChallengeState, type ChallengeStatus } from './challenge.domain';

const t0 = new Date('2026-12-01T02:00:00Z');
const deadlineAt = new Date('2027-01-31T16:00:00Z');
const enterprise = { id: 'u-1', role: 'enterprise' as const, orgId: 'org-1' };
const bureau = { id: 'u-b', role: 'bureau' as const, orgId: 'org-b' };
const system = { id: 'jiebang-timers', role: 'system' as const };
const owner = { enterpriseOrgId: 'org-1', enterpriseName: '重庆某企业', districtCode: '500112' };
const complete = {
  title: '压铸气孔',
  description: '机加工后出现气孔',
  indicators: [],
  keywords: [],
  fields: ['light-metal' as const],
  bountyYuan: 100_000,
  deadline: '2027-01-31',
  deadlineAt,
  mode: 'SINGLE' as const,
  maxWinners: 1,
  researchContent: '气孔成因与工艺改进',
  durationMonths: 12,
  milestones: [{ title: '结题', deliverables: ['报告'], dueOffsetDays: 300, trancheYuan: 100_000, midterm: false }],
  eligibility: { solverTypes: ['university' as const], qualifications: [], consortiumAllowed: false },
  ipArrangement: { owner: 'NEGOTIATED' as const, note: null },
  reviewWeights: DEFAULT_REVIEW_WEIGHTS,
  confidentialFields: [],
  eliminationPolicy: null,
  maxRectificationRounds: 2,
};

function inState(status: ChallengeStatus, changes: Partial<ChallengeState> = {}): ChallengeState {
  return { ...draft('c-1', complete, owner, enterprise, t0).state, status, version: 5, ...changes };
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('榜单 lifecycle after submission', () => {
  it.each([
    ['startVetting', 'SUBMITTED', 'UNDER_VETTING'],
    ['approve', 'UNDER_VETTING', 'APPROVED'],
    ['return', 'UNDER_VETTING', 'RETURNED'],
    ['reject', 'UNDER_VETTING', 'REJECTED'],
    ['publish', 'APPROVED', 'PUBLISHED'],
    ['close', 'PUBLISHED', 'CLOSED'],
  ] as const)('%s: %s → %s, next version, audited', (name, from, to) => {
    const { state, transition } = move(inState(from), name, bureau, t0, 'r');
    expect(state).toMatchObject({ status: to, version: 6 });
    expect(transition).toMatchObject({ from, to, actor: bureau, reason: 'r', changes: { status: { from, to } } });
  });

  it.each(['startVetting', 'approve', 'return', 'reject', 'publish', 'close'] as const)('%s from any other state is a 409 with the state', (name) => {
    const from: readonly ChallengeStatus[] = MOVES[name].from;
    const others = (['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'APPROVED', 'PUBLISHED', 'CLOSED', 'AWARDED', 'WITHDRAWN'] as const).filter((s) => !from.includes(s));
    for (const status of others) {
      expect(refusal(() => move(inState(status), name, bureau, t0))).toMatchObject({ kind: 'conflict', details: { currentState: status } });
    }
  });

  it('stamps publication and closing; approval needs the whole content', () => {
    expect(move(inState('APPROVED'), 'publish', bureau, t0).state.publishedAt).toEqual(t0);
    expect(move(inState('PUBLISHED'), 'close', bureau, t0).state.closedAt).toEqual(t0);
    expect(refusal(() => move(inState('UNDER_VETTING', { milestones: [] }), 'approve', bureau, t0)).details).toMatchObject({ field: 'milestones' });
  });

  it('closes at the deadline only a published 榜单 whose deadline has come', () => {
    expect(closeAtDeadline(inState('PUBLISHED'), system, deadlineAt)?.state.status).toBe('CLOSED');
    expect(closeAtDeadline(inState('PUBLISHED'), system, new Date(deadlineAt.getTime() - 1))).toBeNull(); // moved later
    expect(closeAtDeadline(inState('CLOSED'), system, deadlineAt)).toBeNull();
    expect(closeAtDeadline(inState('WITHDRAWN'), system, deadlineAt)).toBeNull();
  });

  it('extends a published deadline to a later instant, deriving the date, and refuses anything else', () => {
    const later = new Date('2027-02-28T16:00:00Z');
    const { state, transition } = extendDeadline(inState('PUBLISHED'), later, '春节顺延', bureau, t0);
    expect(state).toMatchObject({ deadlineAt: later, deadline: '2027-02-28', status: 'PUBLISHED', version: 6 });
    expect(transition).toMatchObject({ from: 'PUBLISHED', to: 'PUBLISHED', reason: '春节顺延' });
    expect(refusal(() => extendDeadline(inState('PUBLISHED'), deadlineAt, 'r', bureau, t0)).details).toMatchObject({ field: 'deadlineAt' });
    expect(refusal(() => extendDeadline(inState('PUBLISHED'), later, 'r', bureau, new Date('2027-03-01T00:00:00Z'))).code).toBe(
      'CHALLENGE_DEADLINE_NOT_LATER',
    );
    expect(refusal(() => extendDeadline(inState('CLOSED'), later, 'r', bureau, t0)).details).toMatchObject({ currentState: 'CLOSED' });
  });

  it('withdraws at once before publication, and only requests it from publication on', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'APPROVED'] as const) {
      expect(withdraw(inState(status), '需求变更', enterprise, t0)).toMatchObject({ kind: 'withdrawn', state: { status: 'WITHDRAWN' } });
    }
    for (const status of WITHDRAWABLE_ON_REQUEST) {
      const requested = withdraw(inState(status), '需求变更', enterprise, t0);
      expect(requested).toMatchObject({ kind: 'requested', state: { status, withdrawalRequestedAt: t0, withdrawalReason: '需求变更' } });
      expect(refusal(() => withdraw(requested.state, '再次', enterprise, t0)).code).toBe('CHALLENGE_WITHDRAWAL_PENDING');
    }
    for (const status of ['AWARDED', 'FAILED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(refusal(() => withdraw(inState(status), 'r', enterprise, t0))).toMatchObject({ details: { currentState: status } });
    }
  });

  it('lets the bureau approve or deny a pending request, and nothing else', () => {
    const pending = inState('PUBLISHED', { withdrawalRequestedAt: t0, withdrawalReason: '需求变更' });
    const approved = decideWithdrawal(pending, true, '同意', bureau, t0);
    expect(approved).toMatchObject({ state: { status: 'WITHDRAWN', withdrawalRequestedAt: null }, requestReason: '需求变更' });
    const denied = decideWithdrawal(pending, false, '已有申请', bureau, t0);
    expect(denied.state).toMatchObject({ status: 'PUBLISHED', withdrawalRequestedAt: null, withdrawalReason: null });
    expect(refusal(() => decideWithdrawal(inState('PUBLISHED'), true, 'r', bureau, t0)).code).toBe('CHALLENGE_NO_WITHDRAWAL_REQUEST');
  });

  it('arms the deadline timer on publication and on an extension, cancels it when leaving PUBLISHED', () => {
    expect(deadlineClockAction({ from: 'APPROVED', to: 'PUBLISHED', changes: {} })).toBe('arm');
    expect(deadlineClockAction({ from: 'PUBLISHED', to: 'PUBLISHED', changes: { deadlineAt: { from: 1, to: 2 } } })).toBe('arm');
    expect(deadlineClockAction({ from: 'PUBLISHED', to: 'PUBLISHED', changes: { withdrawalReason: { from: null, to: 'x' } } })).toBeNull();
    expect(deadlineClockAction({ from: 'PUBLISHED', to: 'CLOSED', changes: {} })).toBe('cancel');
    expect(deadlineClockAction({ from: 'PUBLISHED', to: 'WITHDRAWN', changes: {} })).toBe('cancel');
    expect(deadlineClockAction({ from: 'SUBMITTED', to: 'UNDER_VETTING', changes: {} })).toBeNull();
  });
});

/** Every edge the machine may take; anything else reached by a command sequence is a bug. */
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
  'CLOSED>CLOSED',
  ...['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'APPROVED', 'PUBLISHED', 'CLOSED'].map((s) => `${s}>WITHDRAWN`),
]);

type Command = (s: ChallengeState, now: Date) => { state: ChallengeState; transition: { from: ChallengeStatus | null; to: ChallengeStatus } } | null;

const profile = { enterpriseName: owner.enterpriseName, districtCode: owner.districtCode };
const commands: Record<string, Command> = {
  edit: (s, now) => edit(s, { title: '改' }, enterprise, now),
  submit: (s, now) => submit(s, profile, enterprise, now),
  startVetting: (s, now) => move(s, 'startVetting', bureau, now),
  approve: (s, now) => move(s, 'approve', bureau, now),
  return: (s, now) => move(s, 'return', bureau, now, '补充'),
  reject: (s, now) => move(s, 'reject', bureau, now, '不符合'),
  publish: (s, now) => move(s, 'publish', bureau, now),
  close: (s, now) => move(s, 'close', bureau, now, '提前'),
  deadlineFires: (s, now) => closeAtDeadline(s, system, new Date(Math.max(now.getTime(), s.deadlineAt.getTime()))),
  extend: (s, now) => extendDeadline(s, new Date(s.deadlineAt.getTime() + 86_400_000), '延期', bureau, now),
  withdraw: (s, now) => withdraw(s, '撤', enterprise, now),
  approveWithdrawal: (s, now) => decideWithdrawal(s, true, '同意', bureau, now),
  denyWithdrawal: (s, now) => decideWithdrawal(s, false, '不同意', bureau, now),
};

describe('榜单 state machine (property)', () => {
  it('random command sequences only take legal edges, bump the version by one, and never leave a final state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.keys(commands)), { maxLength: 40 }), (names) => {
        let state = draft('c-1', complete, owner, enterprise, t0).state;
        let now = t0;
        for (const name of names) {
          now = new Date(now.getTime() + 60_000);
          let result: ReturnType<Command>;
          try {
            result = commands[name](state, now);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue; // refused: the state is untouched
          }
          if (!result) continue;
          const { state: next, transition } = result;
          expect(EDGES.has(`${transition.from}>${transition.to}`)).toBe(true);
          expect(['REJECTED', 'WITHDRAWN']).not.toContain(state.status);
          expect(next.version).toBe(state.version + 1);
          expect(next.status).toBe(transition.to);
          if (next.withdrawalRequestedAt) expect(WITHDRAWABLE_ON_REQUEST).toContain(next.status);
          if (next.status === 'PUBLISHED') expect(next.publishedAt).not.toBeNull();
          expect(vettingClockAction(transition) === 'arm').toBe(next.status === 'SUBMITTED' && state.status !== 'SUBMITTED');
          state = next;
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
