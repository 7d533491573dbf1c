import { chinaDateOf, DomainError, type Actor, type ChallengeContent } from '@jiebang/contracts';

/** 榜单 states (ARCHITECTURE §3). Later workflow steps add their transitions here. */
export const CHALLENGE_STATES = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_VETTING',
  'RETURNED',
  'REJECTED',
  'APPROVED',
  'PUBLISHED',
  'CLOSED',
  'UNDER_REVIEW',
  'IN_PUBLIC_NOTICE',
  'AWARDED',
  'FAILED',
  'WITHDRAWN',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATES)[number];

export const CHALLENGE_STATE_LABELS: Record<ChallengeStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  UNDER_VETTING: '专家论证',
  RETURNED: '退回修改',
  REJECTED: '论证驳回',
  APPROVED: '待发榜',
  PUBLISHED: '揭榜中',
  CLOSED: '已截止',
  UNDER_REVIEW: '评审中',
  IN_PUBLIC_NOTICE: '公示中',
  AWARDED: '已定榜',
  FAILED: '流标',
  WITHDRAWN: '已撤榜',
};

export interface ChallengeState extends ChallengeContent {
  id: string;
  status: ChallengeStatus;
  /** Aggregate version: bumped by every transition and carried as the events' `sequence`. */
  version: number;
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  submittedAt: Date | null;
  /** Escalation flag: since when vetting is overdue (null while within its time limit, or not waiting for it). */
  vettingOverdueAt: Date | null;
}

/** A state change as the audit trail records it: who, in which role, why, and the old and new values. */
export interface Transition {
  from: ChallengeStatus | null;
  to: ChallengeStatus;
  actor: Actor;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

function invalidContent(code: string, message: string, field: string): DomainError {
  return DomainError.invalid(code, message, field);
}

/** Rules on the content that a schema cannot express: the winners must fit the mode, the deadline must lie ahead. */
export function checkContent(content: ChallengeContent, now: Date): void {
  if (content.mode === 'SINGLE' && content.maxWinners !== 1) {
    throw invalidContent('CHALLENGE_WINNERS_MODE_MISMATCH', '单一揭榜模式只能确定 1 个揭榜方', 'maxWinners');
  }
  if (content.mode === 'HORSE_RACE' && content.maxWinners < 2) {
    throw invalidContent('CHALLENGE_WINNERS_MODE_MISMATCH', '赛马制须确定 2–3 个并行揭榜方', 'maxWinners');
  }
  if (content.deadline <= chinaDateOf(now)) {
    throw invalidContent('CHALLENGE_DEADLINE_PAST', '揭榜截止日期必须晚于今天', 'deadline');
  }
}

export interface Owner {
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
}

/**
 * The district a new challenge is filed under: the one given, else the enterprise's registered one. The district
 * decides which office sees the challenge, so an enterprise cannot file it with another district than its own.
 */
export function draftDistrict(given: string | undefined, registered: string | undefined): string {
  const districtCode = given ?? registered;
  if (!districtCode) {
    throw DomainError.invalid('CHALLENGE_DISTRICT_REQUIRED', '请填写企业所在区县代码 districtCode', 'districtCode');
  }
  if (registered && districtCode !== registered) {
    throw DomainError.invalid('CHALLENGE_DISTRICT_MISMATCH', '榜单所在区县须与企业注册所在区县一致', 'districtCode', {
      registeredDistrict: registered,
    });
  }
  return districtCode;
}

export function draft(id: string, content: ChallengeContent, owner: Owner, actor: Actor, now: Date) {
  checkContent(content, now);
  const state: ChallengeState = { ...content, ...owner, id, status: 'DRAFT', version: 1, submittedAt: null, vettingOverdueAt: null };
  const transition: Transition = { from: null, to: 'DRAFT', actor, reason: null, changes: {}, at: now };
  return { state, transition };
}

/**
 * 企业提交: a draft, or a challenge returned for changes, goes to the bureau for vetting. The enterprise's name and
 * district are taken from its verified profile as it is at submission; a difference is part of the audited change.
 */
export function submit(state: ChallengeState, enterprise: Pick<Owner, 'enterpriseName' | 'districtCode'>, actor: Actor, now: Date) {
  if (state.status !== 'DRAFT' && state.status !== 'RETURNED') {
    throw DomainError.invalidState(
      'CHALLENGE_INVALID_STATE',
      `榜单当前为「${CHALLENGE_STATE_LABELS[state.status]}」，只有草稿或退回修改的榜单可以提交`,
      state.status,
    );
  }
  checkContent(state, now);
  const changes: Transition['changes'] = { status: { from: state.status, to: 'SUBMITTED' } };
  for (const field of ['enterpriseName', 'districtCode'] as const) {
    if (state[field] !== enterprise[field]) changes[field] = { from: state[field], to: enterprise[field] };
  }
  // A new submission starts a new wait for vetting: an earlier escalation no longer applies.
  const next: ChallengeState = {
    ...state,
    enterpriseName: enterprise.enterpriseName,
    districtCode: enterprise.districtCode,
    status: 'SUBMITTED',
    version: state.version + 1,
    submittedAt: now,
    vettingOverdueAt: null,
  };
  const transition: Transition = { from: state.status, to: 'SUBMITTED', actor, reason: null, changes, at: now };
  return { state: next, transition };
}

/**
 * The vetting clock runs while a challenge waits for the bureau: armed on entering SUBMITTED, cancelled by any
 * transition that leaves it (vetting started, withdrawn, …), whichever command makes that transition.
 */
export function vettingClockAction(t: Pick<Transition, 'from' | 'to'>): 'arm' | 'cancel' | null {
  if (t.to === 'SUBMITTED') return 'arm';
  if (t.from === 'SUBMITTED') return 'cancel';
  return null;
}

/** An escalation as the audit trail records it: a flag raised while the status stays what it was. */
export interface Escalation {
  kind: 'escalation';
  status: ChallengeStatus;
  actor: Actor;
  reason: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

/**
 * The vetting timer fired. Still SUBMITTED and not yet flagged → raise the flag (a new aggregate version, for the
 * escalation event's sequence). Anything else → null: the challenge has moved on, and nothing is escalated.
 */
export function flagVettingOverdue(state: ChallengeState, actor: Actor, now: Date) {
  if (state.status !== 'SUBMITTED' || state.vettingOverdueAt) return null;
  const next: ChallengeState = { ...state, version: state.version + 1, vettingOverdueAt: now };
  const escalation: Escalation = {
    kind: 'escalation',
    status: state.status,
    actor,
    reason: '专家论证超期：提交后未在规定时限内启动论证',
    changes: { vettingOverdueAt: { from: null, to: now.toISOString() } },
    at: now,
  };
  return { state: next, escalation };
}
