import { DomainError, type Actor, type EscalationReason, type ServiceOrderContent, type TeamRef } from '@jiebang/contracts';
import type { SlaClock } from '@jiebang/timers';

/** Dispatch states (ARCHITECTURE §3): QUEUED is the order SUBMITTED, waiting in its district's queue. */
export const DISPATCH_STATES = [
  'QUEUED',
  'RETURNED',
  'REJECTED',
  'DISTRICT_ACCEPTED',
  'RECOMMENDED',
  'OFFERED',
  'TEAM_ACCEPTED',
  'IN_SERVICE',
  'WAITING_ENTERPRISE',
  'DELIVERED',
  'CANCELLED',
] as const;
export type DispatchStatus = (typeof DISPATCH_STATES)[number];

export const DISPATCH_STATE_LABELS: Record<DispatchStatus, string> = {
  QUEUED: '待区县受理',
  RETURNED: '退回企业补充',
  REJECTED: '区县不予受理',
  DISTRICT_ACCEPTED: '区县已受理',
  RECOMMENDED: '已推荐',
  OFFERED: '待团队响应',
  TEAM_ACCEPTED: '团队已接单',
  IN_SERVICE: '服务中',
  WAITING_ENTERPRISE: '等待企业',
  DELIVERED: '已交付',
  CANCELLED: '已取消',
};

export const FINAL_STATES: ReadonlySet<DispatchStatus> = new Set(['REJECTED', 'CANCELLED']);

export type OfferStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';

export interface Offer {
  id: string;
  attempt: number;
  team: TeamRef;
  status: OfferStatus;
  dueAt: Date;
  offeredAt: Date;
  answeredAt: Date | null;
  reason: string | null;
}

/** The order as the district and the teams see it: its content and who ordered it. */
export interface OrderSnapshot extends ServiceOrderContent {
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  /** The enterprise's related organisations at submission: their teams are 回避 (never ranked or offered). */
  relatedOrgIds?: string[];
}

export interface DispatchState {
  id: string;
  status: DispatchStatus;
  /** Aggregate version: every fact bumps it and carries it as its `sequence`. */
  version: number;
  order: OrderSnapshot;
  submittedAt: Date;
  runId: string | null;
  /** The recommended teams, then the alternates: offered in this order. */
  lineup: TeamRef[];
  /** The next position of `lineup` to offer. */
  cursor: number;
  offers: Offer[];
  /** The team that accepted. */
  team: TeamRef | null;
  serviceSla: SlaClock | null;
  /**
   * When DISTRICT_SLA runs out while the order waits on its district office (queued; or back after no team was
   * left, re-armed then); null once recommended, returned, rejected or cancelled.
   */
  districtDueAt: Date | null;
  /** ESCALATION_GRACE after the district was told of a service breach: paused with the service clock. */
  graceSla: SlaClock | null;
  /** Escalation flags, never states. */
  districtOverdueAt: Date | null;
  serviceOverdueAt: Date | null;
  serviceBureauAt: Date | null;
}

export interface Transition {
  from: DispatchStatus | null;
  to: DispatchStatus;
  actor: Actor;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

/** What happened, for the events: each fact is one event with its own `sequence`. */
export type DispatchFact = { sequence: number; at: Date } & (
  | { type: 'accepted' }
  | { type: 'returned'; reason: string }
  | { type: 'rejected'; reason: string }
  | { type: 'recommended'; teams: TeamRef[]; alternates: TeamRef[]; overrides: { candidateId: string; reason: string }[] }
  | { type: 'offered'; offer: Offer }
  | { type: 'offer-declined'; offer: Offer; reason: string }
  | { type: 'offer-expired'; offer: Offer }
  | { type: 'team-accepted'; team: TeamRef; slaDueAt: Date }
  | { type: 'service-started'; team: TeamRef }
  | { type: 'service-logged'; team: TeamRef; recordId: string }
  | { type: 'paused'; team: TeamRef; reason: string }
  | { type: 'resumed'; team: TeamRef; slaDueAt: Date }
  | { type: 'delivered'; team: TeamRef; summary: string }
  | {
      type: 'escalated';
      level: 'district' | 'bureau';
      reason: EscalationReason;
      message: string;
      team: TeamRef | null;
      dueAt: Date | null;
    }
);

type FactBody = DispatchFact extends infer F ? (F extends DispatchFact ? Omit<F, 'sequence' | 'at'> : never) : never;

/** The team's open load in the matcher: +1 on accepting, −1 when it no longer serves the order. */
export type LoadChange = { team: TeamRef; delta: 1 | -1 } | null;

export interface Step {
  state: DispatchState;
  transitions: Transition[];
  facts: DispatchFact[];
  load: LoadChange;
}

/** Builds a step: each transition and fact is applied in order; each fact takes the next version. */
export class StepBuilder {
  private readonly transitions: Transition[] = [];
  private readonly facts: DispatchFact[] = [];
  private load: LoadChange = null;

  constructor(
    private state: DispatchState,
    private readonly actor: Actor,
    readonly at: Date,
  ) {}

  get current(): DispatchState {
    return this.state;
  }

  set(patch: Partial<DispatchState>): this {
    this.state = { ...this.state, ...patch };
    return this;
  }

  move(to: DispatchStatus, reason: string | null = null, patch: Partial<DispatchState> = {}): this {
    const from = this.state.status;
    this.transitions.push({ from, to, actor: this.actor, reason, changes: { status: { from, to } }, at: this.at });
    return this.set({ ...patch, status: to });
  }

  /** An audit entry without a change of state (an escalation, a skipped team, a service record). */
  note(reason: string, changes: Transition['changes']): this {
    const status = this.state.status;
    this.transitions.push({ from: status, to: status, actor: this.actor, reason, changes, at: this.at });
    return this;
  }

  fact(body: FactBody): this {
    const sequence = this.state.version + 1;
    this.state = { ...this.state, version: sequence };
    this.facts.push({ ...body, sequence, at: this.at } as DispatchFact);
    return this;
  }

  loadChange(team: TeamRef, delta: 1 | -1): this {
    this.load = { team, delta };
    return this;
  }

  build(): Step {
    return { state: this.state, transitions: this.transitions, facts: this.facts, load: this.load };
  }
}

export function invalidState(state: DispatchState, message: string): DomainError {
  return DomainError.invalidState('DISPATCH_INVALID_STATE', `服务单当前为「${DISPATCH_STATE_LABELS[state.status]}」，${message}`, state.status);
}

function expect(state: DispatchState, allowed: DispatchStatus[], message: string): void {
  if (!allowed.includes(state.status)) throw invalidState(state, message);
}

export { expect as expectStatus };

/**
 * `service-order.submitted`: a new order, or a returned one submitted again, enters its district's queue. Anything
 * else already known (a redelivery, a resubmission of an order not returned) is null: nothing changes.
 */
export function queue(
  current: DispatchState | null,
  id: string,
  order: OrderSnapshot,
  submittedAt: Date,
  actor: Actor,
  /** DISTRICT_SLA after `submittedAt`. */
  districtDueAt: Date,
): Step | null {
  if (current && current.status !== 'RETURNED') return null;
  const base: DispatchState = current
    ? { ...current, order, submittedAt, districtDueAt, districtOverdueAt: null }
    : {
        id,
        status: 'QUEUED',
        version: 0,
        order,
        submittedAt,
        runId: null,
        lineup: [],
        cursor: 0,
        offers: [],
        team: null,
        serviceSla: null,
        districtDueAt,
        graceSla: null,
        districtOverdueAt: null,
        serviceOverdueAt: null,
        serviceBureauAt: null,
      };
  const step = new StepBuilder(base, actor, submittedAt);
  if (current) step.move('QUEUED', '企业补充后重新提交');
  else step.note('企业下单', { status: { from: null, to: 'QUEUED' } });
  return step.build();
}

export function accept(state: DispatchState, actor: Actor, now: Date): Step {
  expect(state, ['QUEUED'], '只有待受理的服务单可以受理');
  return new StepBuilder(state, actor, now).move('DISTRICT_ACCEPTED').fact({ type: 'accepted' }).build();
}

export function returnToEnterprise(state: DispatchState, reason: string, actor: Actor, now: Date): Step {
  expect(state, ['QUEUED'], '只有待受理的服务单可以退回企业');
  return new StepBuilder(state, actor, now).move('RETURNED', reason, { districtDueAt: null }).fact({ type: 'returned', reason }).build();
}

export function reject(state: DispatchState, reason: string, actor: Actor, now: Date): Step {
  expect(state, ['QUEUED'], '只有待受理的服务单可以不予受理');
  return new StepBuilder(state, actor, now).move('REJECTED', reason, { districtDueAt: null }).fact({ type: 'rejected', reason }).build();
}

/**
 * `service-order.cancelled`: CANCELLED, final, whatever step it was at; a pending offer is withdrawn, and a team
 * that had accepted no longer carries the order. Null when already final or delivered (nothing left to cancel).
 */
export function cancel(state: DispatchState, reason: string, actor: Actor, now: Date): Step | null {
  if (FINAL_STATES.has(state.status) || state.status === 'DELIVERED') return null;
  const offers = state.offers.map((o): Offer => (o.status === 'PENDING' ? { ...o, status: 'WITHDRAWN', answeredAt: now } : o));
  const step = new StepBuilder(state, actor, now).move('CANCELLED', reason, { offers, districtDueAt: null });
  if (state.team) step.loadChange(state.team, -1);
  return step.build();
}
