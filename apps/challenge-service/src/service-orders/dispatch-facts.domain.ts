import type { Actor, TeamRef } from '@jiebang/contracts';
import type { Decided, ServiceOrderState, ServiceOrderStatus, TimelineEntry } from './service-order.domain';

/** A dispatch fact as the order needs it: what happened, who did it and when (from the envelope), and why. */
export interface DispatchFact {
  type: string;
  sequence: number;
  actor: Actor;
  at: Date;
  reason: string | null;
  team: TeamRef | null;
  /** dispatch.escalated only: the escalation's reason code. */
  escalation?: string;
}

/** The statuses a fact moves the order from, and to; `null` target: a timeline entry while the status stays. */
const MOVES: Record<string, { from: readonly ServiceOrderStatus[]; to: ServiceOrderStatus | null }> = {
  'dispatch.accepted': { from: ['SUBMITTED'], to: 'DISTRICT_ACCEPTED' },
  'dispatch.returned': { from: ['SUBMITTED'], to: 'RETURNED' },
  'dispatch.rejected': { from: ['SUBMITTED'], to: 'REJECTED' },
  'dispatch.recommended': { from: ['DISTRICT_ACCEPTED'], to: 'RECOMMENDED' },
  'dispatch.offered': { from: ['RECOMMENDED', 'OFFERED'], to: 'OFFERED' },
  'dispatch.offer-declined': { from: ['OFFERED'], to: null },
  'dispatch.offer-expired': { from: ['OFFERED'], to: null },
  'dispatch.team-accepted': { from: ['OFFERED'], to: 'TEAM_ACCEPTED' },
  'dispatch.service-started': { from: ['TEAM_ACCEPTED'], to: 'IN_SERVICE' },
  'dispatch.service-logged': { from: ['IN_SERVICE', 'WAITING_ENTERPRISE'], to: null },
  'dispatch.paused': { from: ['IN_SERVICE'], to: 'WAITING_ENTERPRISE' },
  'dispatch.resumed': { from: ['WAITING_ENTERPRISE'], to: 'IN_SERVICE' },
  'dispatch.delivered': { from: ['IN_SERVICE'], to: 'DELIVERED' },
};

const ACTIVE: readonly ServiceOrderStatus[] = ['SUBMITTED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED', 'TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE'];

export type Applied = (Decided & { applied: true }) | { applied: false; state: ServiceOrderState; why: 'stale' | 'not-applicable' };

/**
 * Applies one dispatch fact, in the Dispatch's sequence order: an older or repeated sequence is ignored; a fact that
 * does not fit the order's status (the enterprise cancelled meanwhile) only advances the sequence. Escalations are
 * flags; "no team left" also puts the order back with the district.
 */
export function applyDispatchFact(state: ServiceOrderState, fact: DispatchFact): Applied {
  if (fact.sequence <= state.dispatchSequence) return { applied: false, state, why: 'stale' };
  const seen = { ...state, dispatchSequence: fact.sequence };
  const move =
    fact.type === 'dispatch.escalated'
      ? { from: ACTIVE, to: fact.escalation === 'no-team-left' && state.status === 'OFFERED' ? ('DISTRICT_ACCEPTED' as const) : null }
      : MOVES[fact.type];
  if (!move || !move.from.includes(state.status)) return { applied: false, state: seen, why: 'not-applicable' };
  const to = move.to ?? state.status;
  const patch: Partial<ServiceOrderState> = {};
  if (fact.type === 'dispatch.team-accepted') patch.team = fact.team;
  if (fact.type === 'dispatch.delivered') patch.deliveredAt = fact.at;
  const changes: TimelineEntry['changes'] = {};
  if (to !== state.status) changes.status = { from: state.status, to };
  if (patch.team) changes.team = { from: state.team, to: patch.team };
  const kind: TimelineEntry['kind'] = fact.type === 'dispatch.escalated' ? 'flag' : to === state.status ? 'note' : 'transition';
  const entry: TimelineEntry = { kind, action: fact.type, from: state.status, to, actor: fact.actor, reason: fact.reason, changes, at: fact.at };
  return { applied: true, state: { ...seen, ...patch, status: to, version: state.version + 1 }, entry };
}
