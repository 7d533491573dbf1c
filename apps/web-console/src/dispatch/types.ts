import type { TeamRef } from '../service-orders/types';

// Response shapes of matching-service's dispatch routes (dispatch-views.ts); only what the console shows.

export type DispatchStatus =
  | 'QUEUED'
  | 'RETURNED'
  | 'REJECTED'
  | 'DISTRICT_ACCEPTED'
  | 'RECOMMENDED'
  | 'OFFERED'
  | 'TEAM_ACCEPTED'
  | 'IN_SERVICE'
  | 'WAITING_ENTERPRISE'
  | 'DELIVERED'
  | 'CANCELLED';

export interface Sla {
  clock: string;
  dueAt: string | null;
  paused?: boolean;
  remainingWorkingDays: number;
}

export interface Offer {
  id: string;
  attempt: number;
  team: TeamRef;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';
  dueAt: string;
  offeredAt: string;
  answeredAt: string | null;
  reason: string | null;
}

export interface DispatchSummary {
  id: string;
  status: DispatchStatus;
  statusLabel: string;
  version: number;
  order: {
    title: string;
    description: string;
    fields?: string[];
    urgency: 'LOW' | 'NORMAL' | 'HIGH';
    serviceMode: 'ON_SITE' | 'REMOTE';
    window: { from: string; to: string };
    contact: { name: string; phone: string };
    enterpriseOrgId: string;
    enterpriseName: string;
    districtCode: string;
  };
  submittedAt: string;
  team: TeamRef | null;
  sla: Sla | null;
  escalations: { districtOverdueAt: string | null; serviceOverdueAt: string | null; serviceBureauAt: string | null };
  /** A team's own offers (the list and the detail give a team nothing about other teams). */
  offers?: Offer[];
}

export interface ServiceRecord {
  recordId: string;
  date: string;
  mode: 'ON_SITE' | 'REMOTE';
  hours: number;
  participants: string[];
  work: string;
  outcome: string;
  loggedAt: string;
}

export interface DispatchTransition {
  from: string | null;
  to: string;
  actorId: string;
  actorRole: string;
  reason: string | null;
  at: string;
}

export interface Dispatch extends DispatchSummary {
  runId: string | null;
  lineup?: TeamRef[];
  offers: Offer[];
  records: ServiceRecord[];
  history?: DispatchTransition[];
}

export interface TeamProfile {
  id: string;
  name: string;
  orgName: string;
}
