import { DomainError, type Actor } from '@jiebang/contracts';
import { CHALLENGE_STATE_LABELS, checkComplete, deadlineDateOf, type ChallengeState, type ChallengeStatus, type Transition } from './challenge.domain';

/** The moves of the 榜单 machine after submission (ARCHITECTURE §3, docs/workflows.md §2): from which states, to which. */
export const MOVES = {
  startVetting: { from: ['SUBMITTED'], to: 'UNDER_VETTING', verb: '启动专家论证' },
  approve: { from: ['UNDER_VETTING'], to: 'APPROVED', verb: '通过论证' },
  return: { from: ['UNDER_VETTING'], to: 'RETURNED', verb: '退回修改' },
  reject: { from: ['UNDER_VETTING'], to: 'REJECTED', verb: '驳回' },
  publish: { from: ['APPROVED'], to: 'PUBLISHED', verb: '发榜' },
  close: { from: ['PUBLISHED'], to: 'CLOSED', verb: '截止' },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus; verb: string }>;
export type Move = keyof typeof MOVES;

/** Before publication the enterprise withdraws at once; from publication on, it asks the bureau. */
export const WITHDRAWABLE_AT_ONCE: readonly ChallengeStatus[] = ['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'APPROVED'];
export const WITHDRAWABLE_ON_REQUEST: readonly ChallengeStatus[] = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE'];

function refuse(state: ChallengeState, verb: string): DomainError {
  return DomainError.invalidState(
    'CHALLENGE_INVALID_STATE',
    `榜单当前为「${CHALLENGE_STATE_LABELS[state.status]}」，不能${verb}`,
    state.status,
  );
}

function next(state: ChallengeState, changes: Partial<ChallengeState>): ChallengeState {
  return { ...state, ...changes, version: state.version + 1 };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One move of the table: the state, the audited transition. Approval needs the whole content vetting passes. */
export function move(state: ChallengeState, name: Move, actor: Actor, now: Date, reason: string | null = null) {
  const m = MOVES[name];
  if (!(m.from as readonly ChallengeStatus[]).includes(state.status)) throw refuse(state, m.verb);
  if (name === 'approve') checkComplete(state);
  const stamps: Partial<ChallengeState> = name === 'publish' ? { publishedAt: now } : name === 'close' ? { closedAt: now } : {};
  const changes: Transition['changes'] = { status: { from: state.status, to: m.to } };
  for (const [k, v] of Object.entries(stamps)) changes[k] = { from: null, to: iso(v as Date) };
  const transition: Transition = { from: state.status, to: m.to, actor, reason, changes, at: now };
  return { state: next(state, { status: m.to, ...stamps }), transition };
}

/**
 * The deadline timer fired: a PUBLISHED 榜单 whose deadline has come closes. Anything else (closed early, withdrawn,
 * a deadline moved later whose old job still ran) → null.
 */
export function closeAtDeadline(state: ChallengeState, actor: Actor, firedAt: Date) {
  if (state.status !== 'PUBLISHED' || state.deadlineAt.getTime() > firedAt.getTime()) return null;
  return move(state, 'close', actor, firedAt);
}

/** 延期: only while PUBLISHED, to an instant later than now and than the current deadline; audited with a reason. */
export function extendDeadline(state: ChallengeState, deadlineAt: Date, reason: string, actor: Actor, now: Date) {
  if (state.status !== 'PUBLISHED') throw refuse(state, '延长截止时间');
  if (deadlineAt.getTime() <= now.getTime() || deadlineAt.getTime() <= state.deadlineAt.getTime()) {
    throw DomainError.invalid('CHALLENGE_DEADLINE_NOT_LATER', '新的截止时间须晚于当前时间和原截止时间', 'deadlineAt', {
      previousDeadlineAt: state.deadlineAt.toISOString(),
    });
  }
  const deadline = deadlineDateOf(deadlineAt);
  const changes: Transition['changes'] = {
    deadlineAt: { from: state.deadlineAt.toISOString(), to: deadlineAt.toISOString() },
    deadline: { from: state.deadline, to: deadline },
  };
  const transition: Transition = { from: state.status, to: state.status, actor, reason, changes, at: now };
  return { state: next(state, { deadlineAt, deadline }), transition };
}

/** 撤榜: at once before publication; from publication on, a pending request (a flag) the bureau decides. */
export function withdraw(state: ChallengeState, reason: string, actor: Actor, now: Date) {
  if (WITHDRAWABLE_AT_ONCE.includes(state.status)) {
    const transition: Transition = { from: state.status, to: 'WITHDRAWN', actor, reason, changes: { status: { from: state.status, to: 'WITHDRAWN' } }, at: now };
    return { kind: 'withdrawn' as const, state: next(state, { status: 'WITHDRAWN' }), transition };
  }
  if (!WITHDRAWABLE_ON_REQUEST.includes(state.status)) throw refuse(state, '撤榜');
  if (state.withdrawalRequestedAt) {
    throw DomainError.invalidState('CHALLENGE_WITHDRAWAL_PENDING', '撤榜申请已提交，正在等待市科技局审核', state.status);
  }
  const changes = { withdrawalRequestedAt: { from: null, to: now.toISOString() }, withdrawalReason: { from: null, to: reason } };
  const transition: Transition = { from: state.status, to: state.status, actor, reason, changes, at: now };
  return { kind: 'requested' as const, state: next(state, { withdrawalRequestedAt: now, withdrawalReason: reason }), transition };
}

/** The bureau decides a pending withdrawal request: approved → WITHDRAWN; denied → the flag is cleared. */
export function decideWithdrawal(state: ChallengeState, approved: boolean, reason: string, actor: Actor, now: Date) {
  if (!state.withdrawalRequestedAt || !WITHDRAWABLE_ON_REQUEST.includes(state.status)) {
    throw DomainError.invalidState('CHALLENGE_NO_WITHDRAWAL_REQUEST', '该榜单没有待审核的撤榜申请', state.status);
  }
  const cleared = { withdrawalRequestedAt: null, withdrawalReason: null };
  const changes: Transition['changes'] = {
    withdrawalRequestedAt: { from: state.withdrawalRequestedAt.toISOString(), to: null },
    withdrawalReason: { from: state.withdrawalReason, to: null },
  };
  const to: ChallengeStatus = approved ? 'WITHDRAWN' : state.status;
  if (approved) changes.status = { from: state.status, to };
  const transition: Transition = { from: state.status, to, actor, reason, changes, at: now };
  return { state: next(state, approved ? { status: to, ...cleared } : cleared), transition, requestReason: state.withdrawalReason! };
}

/**
 * The deadline timer follows the transitions: armed on publication (at `deadlineAt`), re-armed when an extension
 * moves the deadline, cancelled by whatever leaves PUBLISHED (closing, withdrawal).
 */
export function deadlineClockAction(t: Pick<Transition, 'from' | 'to' | 'changes'>): 'arm' | 'cancel' | null {
  if (t.to === 'PUBLISHED' && (t.from !== 'PUBLISHED' || 'deadlineAt' in t.changes)) return 'arm';
  if (t.from === 'PUBLISHED' && t.to !== 'PUBLISHED') return 'cancel';
  return null;
}
