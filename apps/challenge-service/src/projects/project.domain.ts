import { DomainError, type Actor, type ApplicantRole, type ChallengeMode, type EliminationPolicy, type MidtermDecision, type TerminationCause } from '@jiebang/contracts';

/** Project states (ARCHITECTURE §3). CONTRACTED and ACCEPTANCE_FAILED are passed through in one command, audited. */
export const PROJECT_STATES = [
  'PENDING_CONTRACT',
  'CONTRACTED',
  'IN_PROGRESS',
  'SUSPENDED',
  'MIDTERM_REVIEW',
  'ELIMINATED',
  'PENDING_ACCEPTANCE',
  'UNDER_ACCEPTANCE',
  'ACCEPTED',
  'ACCEPTANCE_FAILED',
  'RECTIFICATION',
  'CLOSED',
  'TERMINATED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATES)[number];

export const MILESTONE_STATES = ['PLANNED', 'ACTIVE', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PAID'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATES)[number];

export const PROJECT_STATE_LABELS: Record<ProjectStatus, string> = {
  PENDING_CONTRACT: '待签约',
  CONTRACTED: '已签约',
  IN_PROGRESS: '实施中',
  SUSPENDED: '已暂停',
  MIDTERM_REVIEW: '中期评估',
  ELIMINATED: '已淘汰',
  PENDING_ACCEPTANCE: '待验收',
  UNDER_ACCEPTANCE: '验收中',
  ACCEPTED: '验收通过',
  ACCEPTANCE_FAILED: '验收未通过',
  RECTIFICATION: '整改中',
  CLOSED: '已结项',
  TERMINATED: '已终止',
};

const MILESTONE_LABELS: Record<MilestoneStatus, string> = {
  PLANNED: '未开始',
  ACTIVE: '进行中',
  SUBMITTED: '已提交待审',
  CHANGES_REQUESTED: '需修改',
  APPROVED: '已通过',
  PAID: '已付款',
};

/** States in which the project has ended, for good or in acceptance (only payments of approved tranches remain). */
export const FINAL_STATES: readonly ProjectStatus[] = ['ELIMINATED', 'CLOSED', 'TERMINATED'];
/** Still in the race: a survivor that can receive reallocated tranches or be the "last active" one. */
export const isActive = (s: ProjectStatus) => !FINAL_STATES.includes(s) && s !== 'ACCEPTED';

export interface ProjectParties {
  challengeId: string;
  title: string;
  mode: ChallengeMode;
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  applicationId: string;
  solverOrgId: string;
  solverName: string;
  solverRole: ApplicantRole;
  profileId: string;
}

export interface ProjectState extends ProjectParties {
  id: string;
  status: ProjectStatus;
  /** Aggregate version: one per event on the project stream, carried as its `sequence`. */
  version: number;
  rank: number;
  eliminationPolicy: EliminationPolicy | null;
  maxRectificationRounds: number;
  /** 0 until the first failed acceptance. */
  rectificationRound: number;
  contractedAt: Date | null;
}

export interface MilestoneState {
  index: number;
  title: string;
  deliverables: string[];
  dueOffsetDays: number;
  midterm: boolean;
  status: MilestoneStatus;
  dueAt: Date | null;
  submittedAt: Date | null;
  /** Escalation flag: the enterprise let the review time limit pass. Cleared by its decision. */
  reviewOverdueAt: Date | null;
}

export interface Project {
  project: ProjectState;
  milestones: MilestoneState[];
}

/** An audit entry: a state change of the project or of one milestone, or an escalation flag (status unchanged). */
export interface Transition {
  /** A ledger entry records money moving to a project whose status stays (a survivor's reallocated tranches). */
  kind: 'transition' | 'escalation' | 'ledger';
  milestoneIndex: number | null;
  from: string | null;
  to: string;
  actor: Actor;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

export interface Decision {
  next: Project;
  transitions: Transition[];
}

const DAY_MS = 86_400_000;

export function dueAtOf(contractedAt: Date, m: Pick<MilestoneState, 'dueOffsetDays'>): Date {
  return new Date(contractedAt.getTime() + m.dueOffsetDays * DAY_MS);
}

function refuse(p: ProjectState, action: string): DomainError {
  return DomainError.invalidState('PROJECT_INVALID_STATE', `项目当前为「${PROJECT_STATE_LABELS[p.status]}」，不能${action}`, p.status);
}

function refuseMilestone(p: ProjectState, m: MilestoneState, action: string): DomainError {
  return DomainError.invalidState(
    'PROJECT_MILESTONE_INVALID_STATE',
    `第 ${m.index} 个里程碑当前为「${MILESTONE_LABELS[m.status]}」，不能${action}`,
    m.status,
    { projectStatus: p.status },
  );
}

export function milestoneOf(agg: Project, index: number): MilestoneState {
  const m = agg.milestones.find((x) => x.index === index);
  if (!m) throw DomainError.notFound('PROJECT_MILESTONE_NOT_FOUND', `项目没有第 ${index} 个里程碑`, { index });
  return m;
}

/** Builds a decision step by step: each change of the project or of a milestone is one audit entry. */
class Change {
  next: Project;
  readonly transitions: Transition[] = [];

  constructor(
    agg: Project,
    private readonly actor: Actor,
    private readonly at: Date,
    private readonly reason: string | null,
  ) {
    this.next = { project: { ...agg.project }, milestones: agg.milestones.map((m) => ({ ...m })) };
  }

  project(to: ProjectStatus, extra: Partial<ProjectState> = {}): this {
    const from = this.next.project.status;
    const changes: Transition['changes'] = { status: { from, to } };
    for (const [k, v] of Object.entries(extra)) changes[k] = { from: (this.next.project as any)[k] ?? null, to: v instanceof Date ? v.toISOString() : v };
    this.next.project = { ...this.next.project, ...extra, status: to };
    this.transitions.push({ kind: 'transition', milestoneIndex: null, from, to, actor: this.actor, reason: this.reason, changes, at: this.at });
    return this;
  }

  milestone(index: number, to: MilestoneStatus, extra: Partial<MilestoneState> = {}): this {
    const m = this.next.milestones.find((x) => x.index === index)!;
    const changes: Transition['changes'] = { status: { from: m.status, to } };
    for (const [k, v] of Object.entries(extra)) changes[k] = { from: (m as any)[k] ?? null, to: v instanceof Date ? v.toISOString() : v };
    this.next.milestones = this.next.milestones.map((x) => (x.index === index ? { ...x, ...extra, status: to } : x));
    this.transitions.push({ kind: 'transition', milestoneIndex: index, from: m.status, to, actor: this.actor, reason: this.reason, changes, at: this.at });
    return this;
  }

  escalate(index: number, reason: string, extra: Partial<MilestoneState>): this {
    const m = this.next.milestones.find((x) => x.index === index)!;
    const changes: Transition['changes'] = {};
    for (const [k, v] of Object.entries(extra)) changes[k] = { from: (m as any)[k] ?? null, to: v instanceof Date ? v.toISOString() : v };
    this.next.milestones = this.next.milestones.map((x) => (x.index === index ? { ...x, ...extra } : x));
    this.transitions.push({ kind: 'escalation', milestoneIndex: index, from: m.status, to: m.status, actor: this.actor, reason, changes, at: this.at });
    return this;
  }

  /** One more event on the project stream. */
  bump(events = 1): this {
    this.next.project = { ...this.next.project, version: this.next.project.version + events };
    return this;
  }

  done(): Decision {
    return { next: this.next, transitions: this.transitions };
  }
}

export interface NewProject extends ProjectParties {
  id: string;
  rank: number;
  eliminationPolicy: EliminationPolicy | null;
  maxRectificationRounds: number;
  milestones: Pick<MilestoneState, 'title' | 'deliverables' | 'dueOffsetDays' | 'midterm'>[];
}

/** On the award: PENDING_CONTRACT, every milestone PLANNED. Version 1 is `project.created`. */
export function create(input: NewProject, actor: Actor, now: Date): Decision {
  const { milestones, ...rest } = input;
  const project: ProjectState = { ...rest, status: 'PENDING_CONTRACT', version: 1, rectificationRound: 0, contractedAt: null };
  const next: Project = {
    project,
    milestones: milestones.map((m, i) => ({ ...m, index: i + 1, status: 'PLANNED', dueAt: null, submittedAt: null, reviewOverdueAt: null })),
  };
  const transition: Transition = { kind: 'transition', milestoneIndex: null, from: null, to: 'PENDING_CONTRACT', actor, reason: null, changes: {}, at: now };
  return { next, transitions: [transition] };
}

/** The solver signed: CONTRACTED → IN_PROGRESS, milestone 1 ACTIVE until contract date + its offset. */
export function contract(agg: Project, contractedAt: Date, actor: Actor, now: Date): Decision {
  if (agg.project.status !== 'PENDING_CONTRACT') throw refuse(agg.project, '签约');
  const first = agg.milestones[0];
  return new Change(agg, actor, now, null)
    .project('CONTRACTED', { contractedAt })
    .project('IN_PROGRESS')
    .milestone(first.index, 'ACTIVE', { dueAt: dueAtOf(contractedAt, first) })
    .bump()
    .done();
}

export interface Solver {
  applicationId: string;
  solverOrgId: string;
  solverName: string;
  solverRole: ApplicantRole;
  profileId: string;
  rank: number;
}

/** 递补: the pending project is the promoted reserve's now; the status stays PENDING_CONTRACT. */
export function replaceSolver(agg: Project, solver: Solver, actor: Actor, now: Date): Decision {
  const p = agg.project;
  if (p.status !== 'PENDING_CONTRACT') throw refuse(p, '更换揭榜方');
  const changes: Transition['changes'] = {};
  for (const [k, v] of Object.entries(solver)) changes[k] = { from: (p as any)[k], to: v };
  const next: Project = { ...agg, project: { ...p, ...solver, version: p.version + 1 } };
  const reason = `递补：${solver.solverName} 替代 ${p.solverName}`;
  return { next, transitions: [{ kind: 'transition', milestoneIndex: null, from: p.status, to: p.status, actor, reason, changes, at: now }] };
}

export function submitMilestone(agg: Project, index: number, actor: Actor, now: Date): Decision {
  const m = milestoneOf(agg, index);
  if (agg.project.status !== 'IN_PROGRESS') throw refuse(agg.project, '提交里程碑成果');
  if (m.status !== 'ACTIVE') throw refuseMilestone(agg.project, m, '提交');
  return new Change(agg, actor, now, null).milestone(index, 'SUBMITTED', { submittedAt: now, reviewOverdueAt: null }).bump().done();
}

export interface Approval extends Decision {
  /** The milestone that runs next, or null when the project goes to the mid-term review or to acceptance. */
  nextMilestone: MilestoneState | null;
}

/**
 * 里程碑通过: the tranche is approved; the next milestone runs, or the mid-term review follows the midterm milestone
 * (unless it is the last), or acceptance after the last.
 */
export function approveMilestone(agg: Project, index: number, actor: Actor, now: Date): Approval {
  const m = milestoneOf(agg, index);
  if (agg.project.status !== 'IN_PROGRESS') throw refuse(agg.project, '审核里程碑');
  if (m.status !== 'SUBMITTED') throw refuseMilestone(agg.project, m, '通过');
  const change = new Change(agg, actor, now, null).milestone(index, 'APPROVED', { reviewOverdueAt: null });
  const following = agg.milestones.find((x) => x.index === index + 1) ?? null;
  if (!following) return { ...change.project('PENDING_ACCEPTANCE').bump().done(), nextMilestone: null };
  if (m.midterm) return { ...change.project('MIDTERM_REVIEW').bump().done(), nextMilestone: null };
  const dueAt = dueAtOf(agg.project.contractedAt!, following);
  const decision = change.milestone(following.index, 'ACTIVE', { dueAt }).bump().done();
  return { ...decision, nextMilestone: { ...following, status: 'ACTIVE', dueAt } };
}

/** 需修改: SUBMITTED → CHANGES_REQUESTED → ACTIVE again; the due date stays. */
export function requestChanges(agg: Project, index: number, comments: string, actor: Actor, now: Date): Decision {
  const m = milestoneOf(agg, index);
  if (agg.project.status !== 'IN_PROGRESS') throw refuse(agg.project, '审核里程碑');
  if (m.status !== 'SUBMITTED') throw refuseMilestone(agg.project, m, '要求修改');
  return new Change(agg, actor, now, comments)
    .milestone(index, 'CHANGES_REQUESTED', { reviewOverdueAt: null })
    .milestone(index, 'ACTIVE')
    .bump()
    .done();
}

/** A payment reached the approved amount: PAID. The payment itself is the ledger's (`payShare`). */
export function recordPayment(agg: Project, index: number, fullyPaid: boolean, actor: Actor, now: Date): Decision {
  assertPayable(agg, index);
  const change = new Change(agg, actor, now, null);
  return (fullyPaid ? change.milestone(index, 'PAID') : change).bump().done();
}

/** Only an approved, not yet fully paid milestone takes payments, whatever became of the project since. */
export function assertPayable(agg: Project, index: number): void {
  const m = milestoneOf(agg, index);
  if (m.status !== 'APPROVED') throw refuseMilestone(agg.project, m, '付款');
}

/** Accepted and every approved tranche paid: CLOSED. Null while money is still owed or not accepted yet. */
export function closeIfSettled(agg: Project, owedYuan: number, actor: Actor, now: Date): Decision | null {
  if (agg.project.status !== 'ACCEPTED' || owedYuan > 0) return null;
  return new Change(agg, actor, now, null).project('CLOSED').bump().done();
}

/** The review timer fired: flag a milestone still SUBMITTED and not yet flagged; anything else has moved on. */
export function flagReviewOverdue(agg: Project, actor: Actor, now: Date): { decision: Decision; milestone: MilestoneState } | null {
  const m = agg.milestones.find((x) => x.status === 'SUBMITTED');
  if (!m || m.reviewOverdueAt || agg.project.status !== 'IN_PROGRESS') return null;
  const decision = new Change(agg, actor, now, null)
    .escalate(m.index, '里程碑审核超期：企业未在规定时限内审核，已提请市科技局督办', { reviewOverdueAt: now })
    .bump()
    .done();
  return { decision, milestone: m };
}

/**
 * 中期评估. ELIMINATE only under 赛马制 and never the last active project (`othersActive`: how many others are
 * still in the race). CONTINUE runs the milestone after the midterm one.
 */
export function decideMidterm(agg: Project, decision: MidtermDecision, othersActive: number, reason: string, actor: Actor, now: Date): Approval {
  const p = agg.project;
  if (p.status !== 'MIDTERM_REVIEW') throw refuse(p, '作出中期评估决定');
  const change = new Change(agg, actor, now, reason);
  if (decision === 'ELIMINATE') {
    if (p.mode !== 'HORSE_RACE') throw DomainError.invalidState('PROJECT_ELIMINATION_NOT_HORSE_RACE', '只有赛马制项目可以在中期评估淘汰', p.status);
    if (othersActive === 0) throw DomainError.invalidState('PROJECT_LAST_ACTIVE', '不能淘汰最后一个在研项目', p.status);
    return { ...change.project('ELIMINATED').bump().done(), nextMilestone: null };
  }
  const midterm = agg.milestones.find((m) => m.midterm)!;
  const following = agg.milestones.find((m) => m.index === midterm.index + 1)!;
  const dueAt = dueAtOf(p.contractedAt!, following);
  const decided = change.project('IN_PROGRESS').milestone(following.index, 'ACTIVE', { dueAt }).bump().done();
  return { ...decided, nextMilestone: { ...following, status: 'ACTIVE', dueAt } };
}

export function suspend(agg: Project, reason: string, actor: Actor, now: Date): Decision {
  if (agg.project.status !== 'IN_PROGRESS') throw refuse(agg.project, '暂停');
  return new Change(agg, actor, now, reason).project('SUSPENDED').bump().done();
}

export function resume(agg: Project, reason: string, actor: Actor, now: Date): Decision {
  if (agg.project.status !== 'SUSPENDED') throw refuse(agg.project, '恢复');
  return new Change(agg, actor, now, reason).project('IN_PROGRESS').bump().done();
}

export function startAcceptance(agg: Project, actor: Actor, now: Date): Decision {
  const s = agg.project.status;
  if (s !== 'PENDING_ACCEPTANCE' && s !== 'RECTIFICATION') throw refuse(agg.project, '开始验收');
  return new Change(agg, actor, now, null).project('UNDER_ACCEPTANCE').bump().done();
}

export interface AcceptanceOutcome extends Decision {
  outcome: 'accepted' | 'rectification' | 'terminated';
}

/**
 * 验收结论. Passed → ACCEPTED. Failed → ACCEPTANCE_FAILED, then RECTIFICATION while rounds remain, else TERMINATED
 * (two events: `project.acceptance-failed` and `project.terminated`).
 */
export function decideAcceptance(agg: Project, passed: boolean, opinion: string, actor: Actor, now: Date): AcceptanceOutcome {
  const p = agg.project;
  if (p.status !== 'UNDER_ACCEPTANCE') throw refuse(p, '作出验收结论');
  const change = new Change(agg, actor, now, opinion);
  if (passed) return { ...change.project('ACCEPTED').bump().done(), outcome: 'accepted' };
  const round = p.rectificationRound + 1;
  change.project('ACCEPTANCE_FAILED', { rectificationRound: round });
  if (round > p.maxRectificationRounds) return { ...change.project('TERMINATED').bump(2).done(), outcome: 'terminated' };
  return { ...change.project('RECTIFICATION').bump().done(), outcome: 'rectification' };
}

/** The bureau ends a project early, or nobody signed (`forfeited`): TERMINATED from any state still running. */
export function terminate(agg: Project, cause: TerminationCause, reason: string, actor: Actor, now: Date): Decision {
  const s = agg.project.status;
  if (!isActive(s)) throw refuse(agg.project, '终止');
  if (cause === 'forfeited' && s !== 'PENDING_CONTRACT') throw refuse(agg.project, '因未签约而终止');
  return new Change(agg, actor, now, reason).project('TERMINATED').bump().done();
}
