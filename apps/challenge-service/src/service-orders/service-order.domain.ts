import { DomainError, type Actor, type DisputeOutcome, type FieldCode, type ServiceOrderContent, type TeamRef } from '@jiebang/contracts';

/** ServiceOrder states as the enterprise sees them (ARCHITECTURE §3); dispatch facts move the middle ones. */
export const SERVICE_ORDER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'REJECTED',
  'DISTRICT_ACCEPTED',
  'RECOMMENDED',
  'OFFERED',
  'TEAM_ACCEPTED',
  'IN_SERVICE',
  'WAITING_ENTERPRISE',
  'DELIVERED',
  'CONFIRMED',
  'RATED',
  'CLOSED',
  'CANCELLED',
] as const;
export type ServiceOrderStatus = (typeof SERVICE_ORDER_STATES)[number];

export const SERVICE_ORDER_STATE_LABELS: Record<ServiceOrderStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已下单',
  RETURNED: '退回修改',
  REJECTED: '区县不予受理',
  DISTRICT_ACCEPTED: '区县已受理',
  RECOMMENDED: '已推荐',
  OFFERED: '待特派员团接单',
  TEAM_ACCEPTED: '特派员团已接单',
  IN_SERVICE: '服务中',
  WAITING_ENTERPRISE: '等待企业',
  DELIVERED: '已交付',
  CONFIRMED: '已确认',
  RATED: '已评价',
  CLOSED: '已关闭',
  CANCELLED: '已取消',
};

export const FINAL_STATES: readonly ServiceOrderStatus[] = ['REJECTED', 'CLOSED', 'CANCELLED'];

/** The enterprise cancels on its own only before service starts; the district until delivery. */
const ENTERPRISE_CANCELLABLE: readonly ServiceOrderStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'DISTRICT_ACCEPTED',
  'RECOMMENDED',
  'OFFERED',
  'TEAM_ACCEPTED',
];
const DISTRICT_CANCELLABLE: readonly ServiceOrderStatus[] = [...ENTERPRISE_CANCELLABLE.filter((s) => s !== 'DRAFT'), 'IN_SERVICE', 'WAITING_ENTERPRISE'];

export interface ServiceOrderState extends Omit<ServiceOrderContent, 'fields'> {
  id: string;
  status: ServiceOrderStatus;
  /** Aggregate version: bumped by every change and carried as the service-order events' `sequence`. */
  version: number;
  fields: FieldCode[];
  enterpriseOrgId: string;
  enterpriseName: string;
  /** The enterprise's registered district, fixed from its verified profile at submission. */
  districtCode: string;
  /** The team serving the order, from the dispatch fact that named it. */
  team: TeamRef | null;
  /** The last dispatch fact applied (the Dispatch aggregate's own sequence): older ones are ignored. */
  dispatchSequence: number;
  submittedAt: Date | null;
  deliveredAt: Date | null;
  /** Dispute flag: the enterprise disputed the delivery and the district has not decided yet. */
  disputedAt: Date | null;
  confirmedAt: Date | null;
}

/** One timeline entry: a transition (from → to), or a flag / note while the status stays (from = to). */
export interface TimelineEntry {
  kind: 'transition' | 'flag' | 'note';
  action: string;
  from: ServiceOrderStatus | null;
  to: ServiceOrderStatus;
  actor: Actor;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  at: Date;
}

export interface Decided {
  state: ServiceOrderState;
  entry: TimelineEntry;
}

function refuse(state: ServiceOrderState, what: string): DomainError {
  return DomainError.invalidState(
    'SERVICE_ORDER_INVALID_STATE',
    `服务订单当前为「${SERVICE_ORDER_STATE_LABELS[state.status]}」，${what}`,
    state.status,
  );
}

function move(state: ServiceOrderState, to: ServiceOrderStatus, action: string, actor: Actor, at: Date, reason: string | null, patch: Partial<ServiceOrderState> = {}): Decided {
  const next: ServiceOrderState = { ...state, ...patch, status: to, version: state.version + 1 };
  const changes: TimelineEntry['changes'] = {};
  if (state.status !== to) changes.status = { from: state.status, to };
  for (const [key, value] of Object.entries(patch)) {
    const before = state[key as keyof ServiceOrderState];
    if (JSON.stringify(before) !== JSON.stringify(value)) changes[key] = { from: before ?? null, to: value ?? null };
  }
  const kind = state.status === to ? (action === 'dispute' ? 'flag' : 'note') : 'transition';
  return { state: next, entry: { kind, action, from: state.status, to, actor, reason, changes, at } };
}

/** The window must not end before it starts. */
export function checkContent(content: Pick<ServiceOrderContent, 'window'>): void {
  if (content.window.to < content.window.from) {
    throw DomainError.invalid('SERVICE_ORDER_WINDOW_INVERTED', '期望服务时间的结束日期不能早于开始日期', 'window.to');
  }
}

export interface Owner {
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
}

export function draft(id: string, content: ServiceOrderContent, owner: Owner, actor: Actor, now: Date): Decided {
  checkContent(content);
  const state: ServiceOrderState = {
    ...content,
    fields: content.fields ?? [],
    ...owner,
    id,
    status: 'DRAFT',
    version: 1,
    team: null,
    dispatchSequence: 0,
    submittedAt: null,
    deliveredAt: null,
    disputedAt: null,
    confirmedAt: null,
  };
  return { state, entry: { kind: 'transition', action: 'create', from: null, to: 'DRAFT', actor, reason: null, changes: {}, at: now } };
}

/** Edits are the enterprise's while the order is still its own: a draft, or an order returned for changes. */
export function edit(state: ServiceOrderState, patch: Partial<ServiceOrderContent>, actor: Actor, now: Date): Decided {
  if (state.status !== 'DRAFT' && state.status !== 'RETURNED') throw refuse(state, '只有草稿或退回修改的订单可以修改');
  const content = {
    title: patch.title ?? state.title,
    description: patch.description ?? state.description,
    fields: patch.fields ?? state.fields,
    urgency: patch.urgency ?? state.urgency,
    serviceMode: patch.serviceMode ?? state.serviceMode,
    window: patch.window ?? state.window,
    contact: patch.contact ?? state.contact,
  };
  checkContent(content);
  return move(state, state.status, 'edit', actor, now, null, content);
}

/** 企业下单: name and district as the verified profile has them now. */
export function submit(state: ServiceOrderState, enterprise: Pick<Owner, 'enterpriseName' | 'districtCode'>, actor: Actor, now: Date) {
  if (state.status !== 'DRAFT' && state.status !== 'RETURNED') throw refuse(state, '只有草稿或退回修改的订单可以提交');
  checkContent(state);
  const resubmission = state.status === 'RETURNED';
  const decided = move(state, 'SUBMITTED', 'submit', actor, now, null, { ...enterprise, submittedAt: now });
  return { ...decided, resubmission };
}

export type CancelledBy = 'enterprise' | 'district';

export function cancel(state: ServiceOrderState, by: CancelledBy, reason: string, actor: Actor, now: Date): Decided {
  const allowed = by === 'enterprise' ? ENTERPRISE_CANCELLABLE : DISTRICT_CANCELLABLE;
  if (!allowed.includes(state.status)) {
    throw refuse(state, by === 'enterprise' ? '服务开始后企业不能自行取消，请联系所在区县科技局' : '已交付或已结束的订单不能取消');
  }
  return move(state, 'CANCELLED', 'cancel', actor, now, reason);
}

/** DELIVERED, with no dispute open: what confirming, disputing and the confirmation timers need. */
function awaitingConfirmation(state: ServiceOrderState): boolean {
  return state.status === 'DELIVERED' && state.disputedAt === null;
}

export function confirm(state: ServiceOrderState, actor: Actor, now: Date): Decided {
  if (!awaitingConfirmation(state)) throw refuse(state, state.disputedAt ? '交付争议待区县裁定' : '只有已交付的订单可以确认');
  return move(state, 'CONFIRMED', 'confirm', actor, now, null, { confirmedAt: now });
}

export function dispute(state: ServiceOrderState, reason: string, actor: Actor, now: Date): Decided {
  if (!awaitingConfirmation(state)) throw refuse(state, state.disputedAt ? '已提出交付争议' : '只有已交付的订单可以提出争议');
  return move(state, 'DELIVERED', 'dispute', actor, now, reason, { disputedAt: now });
}

/** The district's ruling: CONFIRM is the confirmation; RESUME_SERVICE sends the team back to work. */
export function resolveDispute(state: ServiceOrderState, outcome: DisputeOutcome, reason: string, actor: Actor, now: Date): Decided {
  if (state.status !== 'DELIVERED' || state.disputedAt === null) throw refuse(state, '没有待裁定的交付争议');
  return outcome === 'CONFIRM'
    ? move(state, 'CONFIRMED', 'resolve-dispute', actor, now, reason, { disputedAt: null, confirmedAt: now })
    : move(state, 'IN_SERVICE', 'resolve-dispute', actor, now, reason, { disputedAt: null, deliveredAt: null });
}

/** Timer: still waiting for the enterprise → a reminder (a note, new version for its event); otherwise nothing. */
export function remind(state: ServiceOrderState, actor: Actor, now: Date): Decided | null {
  if (!awaitingConfirmation(state)) return null;
  return move(state, 'DELIVERED', 'remind', actor, now, '企业尚未确认交付，已提醒');
}

/** Timer: still waiting for the enterprise → confirmed automatically; otherwise nothing. */
export function autoConfirm(state: ServiceOrderState, actor: Actor, now: Date): Decided | null {
  if (!awaitingConfirmation(state)) return null;
  return move(state, 'CONFIRMED', 'auto-confirm', actor, now, '企业逾期未确认，系统自动确认', { confirmedAt: now });
}

export function rate(state: ServiceOrderState, actor: Actor, now: Date): Decided {
  if (state.status !== 'CONFIRMED') throw refuse(state, '只有已确认且尚未评价的订单可以评价');
  return move(state, 'RATED', 'rate', actor, now, null);
}

/** RATED → CLOSED: the appeal window passed and no appeal is open (null when either is not so). */
export function close(state: ServiceOrderState, rating: { appealStatus: string | null; appealDueAt: Date }, actor: Actor, now: Date): Decided | null {
  if (state.status !== 'RATED' || rating.appealStatus === 'OPEN' || rating.appealDueAt > now) return null;
  return move(state, 'CLOSED', 'close', actor, now, null);
}

/** A timeline-only change the caller records while the status stays (a rating appealed or ruled on). */
export function note(state: ServiceOrderState, action: string, actor: Actor, now: Date, reason: string | null): Decided {
  return move(state, state.status, action, actor, now, reason);
}

/** Which confirmation timers a transition arms or cancels: armed on delivery, cancelled on leaving it or a dispute. */
export function confirmationClockAction(e: Pick<TimelineEntry, 'from' | 'to' | 'action'>): 'arm' | 'cancel' | null {
  if (e.to === 'DELIVERED' && e.from !== 'DELIVERED') return 'arm';
  if (e.from === 'DELIVERED' && (e.to !== 'DELIVERED' || e.action === 'dispute')) return 'cancel';
  return null;
}
