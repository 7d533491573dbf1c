import {
  chinaDateOf,
  DomainError,
  type Actor,
  type ChallengeContent,
  type ConfidentialField,
  type Eligibility,
  type EliminationPolicy,
  type IpArrangement,
  type MilestonePlan,
  type ReviewWeights,
} from '@jiebang/contracts';

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

/**
 * The 榜单 content as the enterprise drafts and edits it. `deadline` is derived from `deadlineAt`; the research
 * content, duration and milestones may still be missing in a draft and are required before vetting approves it.
 */
export interface DraftContent extends ChallengeContent {
  deadlineAt: Date;
  researchContent: string | null;
  durationMonths: number | null;
  milestones: MilestonePlan[];
  eligibility: Eligibility;
  ipArrangement: IpArrangement;
  reviewWeights: ReviewWeights;
  confidentialFields: ConfidentialField[];
  eliminationPolicy: EliminationPolicy | null;
  maxRectificationRounds: number;
}

export interface ChallengeState extends DraftContent {
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
  publishedAt: Date | null;
  closedAt: Date | null;
  withdrawalRequestedAt: Date | null;
  withdrawalReason: string | null;
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

function invalidContent(code: string, message: string, field: string, extra?: Record<string, unknown>): DomainError {
  return DomainError.invalid(code, message, field, extra);
}

const DAY_MS = 86_400_000;

/** The China date applications are last taken: that of the last instant before `deadlineAt` (24:00 is still that day). */
export function deadlineDateOf(deadlineAt: Date): string {
  return chinaDateOf(new Date(deadlineAt.getTime() - 1));
}

/** A date alone as a deadline: 24:00 China time that day, i.e. 00:00 of the next. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS);
}

/** The deadline as given: an instant, or a China date alone; exactly one of them. */
export function resolveDeadline(input: { deadline?: string; deadlineAt?: string }): { deadline: string; deadlineAt: Date; field: string } {
  if (input.deadlineAt !== undefined && input.deadline !== undefined) {
    throw invalidContent('CHALLENGE_DEADLINE_AMBIGUOUS', '请只填写截止时间 deadlineAt 或截止日期 deadline 之一', 'deadlineAt');
  }
  if (input.deadlineAt !== undefined) {
    const deadlineAt = new Date(input.deadlineAt);
    return { deadlineAt, deadline: deadlineDateOf(deadlineAt), field: 'deadlineAt' };
  }
  if (input.deadline !== undefined) return { deadlineAt: endOfChinaDay(input.deadline), deadline: input.deadline, field: 'deadline' };
  throw invalidContent('CHALLENGE_DEADLINE_REQUIRED', '请填写揭榜截止时间 deadlineAt', 'deadlineAt');
}

/**
 * Rules on the content that a schema cannot express: the winners and the policy must fit the mode, the deadline must
 * lie ahead, the milestones' tranches must add up to the bounty, and one milestone (required under 赛马制) is the
 * mid-term review. `deadlineField`: the field the caller gave the deadline in, for the 400.
 */
export function checkContent(content: DraftContent, now: Date, deadlineField = 'deadlineAt'): void {
  if (content.mode === 'SINGLE' && content.maxWinners !== 1) {
    throw invalidContent('CHALLENGE_WINNERS_MODE_MISMATCH', '单一揭榜模式只能确定 1 个揭榜方', 'maxWinners');
  }
  if (content.mode === 'HORSE_RACE' && content.maxWinners < 2) {
    throw invalidContent('CHALLENGE_WINNERS_MODE_MISMATCH', '赛马制须确定 2–3 个并行揭榜方', 'maxWinners');
  }
  if (content.mode === 'SINGLE' && content.eliminationPolicy !== null) {
    throw invalidContent('CHALLENGE_POLICY_MODE_MISMATCH', '淘汰后资金处理方式仅适用于赛马制', 'eliminationPolicy');
  }
  if (content.deadlineAt.getTime() <= now.getTime()) {
    throw invalidContent('CHALLENGE_DEADLINE_PAST', '揭榜截止时间必须晚于当前时间', deadlineField);
  }
  checkMilestones(content);
}

function checkMilestones(content: DraftContent): void {
  if (content.milestones.length === 0) return;
  const split = content.milestones.reduce((sum, m) => sum + m.trancheYuan, 0);
  if (split !== content.bountyYuan) {
    throw invalidContent('CHALLENGE_SPLIT_MISMATCH', `各里程碑拨付金额之和（${split} 元）须等于榜单金额（${content.bountyYuan} 元）`, 'milestones', {
      splitYuan: split,
      bountyYuan: content.bountyYuan,
    });
  }
  const midterms = content.milestones.filter((m) => m.midterm).length;
  if (midterms > 1) throw invalidContent('CHALLENGE_MIDTERM_INVALID', '只能有一个里程碑作为中期评估节点', 'milestones');
  if (content.mode === 'HORSE_RACE' && midterms === 0) {
    throw invalidContent('CHALLENGE_MIDTERM_INVALID', '赛马制须指定一个里程碑作为中期评估节点', 'milestones');
  }
}

/** What vetting needs before it can pass a 榜单: the whole content the published 榜单 carries. */
export function checkComplete(state: DraftContent): void {
  if (state.researchContent === null) throw invalidContent('CHALLENGE_INCOMPLETE', '请补充研究内容 researchContent', 'researchContent');
  if (state.durationMonths === null) throw invalidContent('CHALLENGE_INCOMPLETE', '请补充实施周期 durationMonths', 'durationMonths');
  if (state.milestones.length === 0) throw invalidContent('CHALLENGE_INCOMPLETE', '请补充里程碑计划 milestones', 'milestones');
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

export function draft(id: string, content: DraftContent, owner: Owner, actor: Actor, now: Date, deadlineField?: string) {
  checkContent(content, now, deadlineField);
  const state: ChallengeState = {
    ...content,
    ...owner,
    id,
    status: 'DRAFT',
    version: 1,
    submittedAt: null,
    vettingOverdueAt: null,
    publishedAt: null,
    closedAt: null,
    withdrawalRequestedAt: null,
    withdrawalReason: null,
  };
  const transition: Transition = { from: null, to: 'DRAFT', actor, reason: null, changes: {}, at: now };
  return { state, transition };
}

const EDITABLE: ChallengeStatus[] = ['DRAFT', 'RETURNED'];

/** JSON-comparable form of a content value (dates as ISO strings), for the audited difference. */
function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

/** 修改榜单: the enterprise edits its draft, or a 榜单 returned for changes; the audit row names every changed field. */
export function edit(state: ChallengeState, patch: Partial<DraftContent>, actor: Actor, now: Date, deadlineField?: string) {
  if (!EDITABLE.includes(state.status)) {
    throw DomainError.invalidState(
      'CHALLENGE_INVALID_STATE',
      `榜单当前为「${CHALLENGE_STATE_LABELS[state.status]}」，只有草稿或退回修改的榜单可以修改`,
      state.status,
    );
  }
  const next: ChallengeState = { ...state, ...patch, version: state.version + 1 };
  checkContent(next, now, deadlineField);
  const changes: Transition['changes'] = {};
  for (const [field, value] of Object.entries(patch) as [keyof DraftContent, unknown][]) {
    if (comparable(state[field]) !== comparable(value)) {
      changes[field] = { from: JSON.parse(comparable(state[field])), to: JSON.parse(comparable(value)) };
    }
  }
  const transition: Transition = { from: state.status, to: state.status, actor, reason: null, changes, at: now };
  return { state: next, transition };
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
  if (t.from === t.to) return null;
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
