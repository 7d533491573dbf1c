import { DomainError, type Eligibility, type FormalCheckOutcome, type Principal, type Proposal, type Qualification, type SolverType } from '@jiebang/contracts';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'QUALIFIED',
  'INELIGIBLE',
  'WITHDRAWN',
  'IN_REVIEW',
  'PROPOSED',
  'SHORTLISTED',
  'NOT_SELECTED',
  'SELECTED',
  'CONTRACTED',
  'FORFEITED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Final states: an organisation with only these on a 榜单 may apply to it again. */
export const TERMINAL: ReadonlySet<ApplicationStatus> = new Set(['WITHDRAWN', 'INELIGIBLE', 'NOT_SELECTED', 'FORFEITED', 'CONTRACTED']);

const LABELS: Record<ApplicationStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  RETURNED: '退回补正',
  QUALIFIED: '形式审查合格',
  INELIGIBLE: '形式审查不合格',
  WITHDRAWN: '已撤回',
  IN_REVIEW: '专家评审中',
  PROPOSED: '拟入选',
  SHORTLISTED: '候补',
  NOT_SELECTED: '未入选',
  SELECTED: '已入选待签约',
  CONTRACTED: '已签约',
  FORFEITED: '已放弃',
};

/** What the rules read of an application. */
export interface ApplicationState {
  id: string;
  version: number;
  status: ApplicationStatus;
  applicantOrgId: string;
  proposal: Proposal;
  submissionCount: number;
}

/** What the rules read of the 榜单 (matching's read model of it). */
export interface ChallengeFacts {
  status: string;
  deadlineAt: Date | null;
  eligibility: Eligibility | null;
}

/** What eligibility reads of the applying profile. */
export interface ApplicantProfile {
  kind: string;
  orgId: string;
  orgType?: SolverType | null;
  qualifications?: Qualification[] | null;
  withdrawnAt: Date | null;
}

/** One change of state, for the audit trail. */
export interface Transition {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason: string | null;
  at: Date;
}

const APPLICANT_ROLES = new Set(['solver', 'team']);

function invalidState(state: ApplicationStatus, action: string): DomainError {
  return DomainError.invalidState('APPLICATION_INVALID_STATE', `申请当前为「${LABELS[state]}」，不能${action}`, state);
}

/** A solver applies through a solver profile of its organisation, a team through its team profile. */
export function assertApplicant(p: Principal, profile: ApplicantProfile | null): asserts profile is ApplicantProfile {
  if (!APPLICANT_ROLES.has(p.role)) throw DomainError.forbidden('APPLICATION_FORBIDDEN', '只有揭榜方或科技特派员团可以揭榜');
  if (!profile || profile.orgId !== p.orgId || profile.kind !== p.role) {
    throw DomainError.invalid('APPLICATION_PROFILE_INVALID', '须以本单位的揭榜方或特派员团画像申请', 'profileId');
  }
  if (profile.withdrawnAt) throw DomainError.invalid('APPLICATION_PROFILE_WITHDRAWN', '该画像已注销，不能用于申请', 'profileId');
}

/** The organisation must have accepted the 榜单's terms (保密承诺) before it applies. */
export function assertTermsAccepted(accepted: boolean): void {
  if (!accepted) {
    throw new DomainError('conflict', 'APPLICATION_TERMS_NOT_ACCEPTED', '请先接受该榜单的揭榜须知与保密承诺', { currentState: 'TERMS_NOT_ACCEPTED' });
  }
}

/** Edits and withdrawal stop at the deadline. */
export function assertBeforeDeadline(state: ApplicationStatus, c: ChallengeFacts, now: Date): void {
  if (c.deadlineAt && now.getTime() >= c.deadlineAt.getTime()) {
    throw DomainError.invalidState('APPLICATION_DEADLINE_PASSED', `榜单已于 ${c.deadlineAt.toISOString()} 截止申请`, state, {
      deadlineAt: c.deadlineAt.toISOString(),
    });
  }
}

/** 补正 needs time to resubmit: the deadline not passed, and the 榜单 not closed early by the bureau. */
function assertCorrectable(state: ApplicationStatus, c: ChallengeFacts, now: Date): void {
  assertBeforeDeadline(state, c, now);
  if (c.status !== 'PUBLISHED') {
    throw DomainError.invalidState('APPLICATION_DEADLINE_PASSED', '榜单已截止申请，不能再退回补正', state, {
      deadlineAt: c.deadlineAt?.toISOString() ?? null,
      challengeState: c.status,
    });
  }
}

function assertOpen(c: ChallengeFacts): void {
  if (c.status !== 'PUBLISHED') {
    throw new DomainError('conflict', 'CHALLENGE_NOT_OPEN', '榜单当前不在揭榜期，不能提交申请', { currentState: c.status });
  }
}

/** A new draft: the caller's organisation, the challenge still taking applications. */
export function draft(p: Principal, c: ChallengeFacts, now: Date): Transition {
  if (!APPLICANT_ROLES.has(p.role)) throw DomainError.forbidden('APPLICATION_FORBIDDEN', '只有揭榜方或科技特派员团可以揭榜');
  // A passed deadline is the reason a late applicant needs to hear, even when the close has already arrived.
  assertBeforeDeadline('DRAFT', c, now);
  assertOpen(c);
  return { from: null, to: 'DRAFT', reason: null, at: now };
}

const EDITABLE = new Set<ApplicationStatus>(['DRAFT', 'SUBMITTED', 'RETURNED']);

export function edit(s: ApplicationState, proposal: Partial<Proposal>, c: ChallengeFacts, now: Date): ApplicationState {
  if (!EDITABLE.has(s.status)) throw invalidState(s.status, '修改');
  assertBeforeDeadline(s.status, c, now);
  return { ...s, proposal: { ...s.proposal, ...proposal }, version: s.version + 1 };
}

/** The rule an application breaks, named, or null when it is eligible. */
export function eligibilityViolation(e: Eligibility | null, profile: ApplicantProfile, proposal: Proposal): { rule: string; message: string } | null {
  if (!e) return null;
  if (!profile.orgType || !e.solverTypes.includes(profile.orgType)) {
    return { rule: 'solverType', message: `本榜单仅限 ${e.solverTypes.join('、')} 类单位揭榜（画像登记的单位类型：${profile.orgType ?? '未填写'}）` };
  }
  const held = new Set(profile.qualifications ?? []);
  const missing = e.qualifications.filter((q) => !held.has(q));
  if (missing.length > 0) return { rule: 'qualifications', message: `缺少本榜单要求的资质：${missing.join('、')}` };
  if (!e.consortiumAllowed && proposal.consortium.length > 0) return { rule: 'consortium', message: '本榜单不接受联合体申报' };
  return null;
}

/** DRAFT or RETURNED → SUBMITTED, while the 榜单 is open and the applicant eligible. */
export function submit(s: ApplicationState, c: ChallengeFacts, profile: ApplicantProfile, now: Date) {
  if (s.status !== 'DRAFT' && s.status !== 'RETURNED') throw invalidState(s.status, '提交');
  assertBeforeDeadline(s.status, c, now);
  assertOpen(c);
  const violation = eligibilityViolation(c.eligibility, profile, s.proposal);
  if (violation) throw new DomainError('conflict', 'APPLICATION_INELIGIBLE', violation.message, { rule: violation.rule, currentState: s.status });
  const state: ApplicationState = { ...s, status: 'SUBMITTED', version: s.version + 1, submissionCount: s.submissionCount + 1 };
  return { state, resubmission: s.status === 'RETURNED', transition: { from: s.status, to: 'SUBMITTED', reason: null, at: now } satisfies Transition };
}

const WITHDRAWABLE = new Set<ApplicationStatus>(['DRAFT', 'SUBMITTED', 'RETURNED']);

/** → WITHDRAWN before the deadline. Only a submitted one is a fact others hear of (a draft was never seen). */
export function withdraw(s: ApplicationState, c: ChallengeFacts, reason: string, now: Date) {
  if (!WITHDRAWABLE.has(s.status)) throw invalidState(s.status, '撤回');
  assertBeforeDeadline(s.status, c, now);
  const state: ApplicationState = { ...s, status: 'WITHDRAWN', version: s.version + 1 };
  return { state, announce: s.status !== 'DRAFT', transition: { from: s.status, to: 'WITHDRAWN', reason, at: now } satisfies Transition };
}

/** 形式审查 of a SUBMITTED application; RETURNED (补正) only while the applicant can still resubmit. */
export function formalCheck(s: ApplicationState, c: ChallengeFacts, outcome: FormalCheckOutcome, reason: string | null, now: Date) {
  if (s.status !== 'SUBMITTED') throw invalidState(s.status, '进行形式审查');
  if (outcome !== 'QUALIFIED' && !reason) throw DomainError.invalid('APPLICATION_REASON_REQUIRED', '不合格或退回补正须说明理由', 'reason');
  if (outcome === 'RETURNED') assertCorrectable(s.status, c, now);
  const state: ApplicationState = { ...s, status: outcome, version: s.version + 1 };
  return { state, transition: { from: s.status, to: outcome, reason, at: now } satisfies Transition };
}

export const NOT_CORRECTED_IN_TIME = '未按期补正';

/** At closing a RETURNED application that was not resubmitted becomes INELIGIBLE; others are left as they are. */
export function closeUncorrected(s: ApplicationState, now: Date) {
  if (s.status !== 'RETURNED') return null;
  const state: ApplicationState = { ...s, status: 'INELIGIBLE', version: s.version + 1 };
  return { state, transition: { from: s.status, to: 'INELIGIBLE', reason: NOT_CORRECTED_IN_TIME, at: now } satisfies Transition };
}

/** Statuses still waiting for the formal check once the 榜单 is closed. */
export function awaitsFormalCheck(status: ApplicationStatus): boolean {
  return status === 'SUBMITTED';
}
