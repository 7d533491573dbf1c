// Response shapes of challenge-service's service-order routes (the OpenAPI documents describe requests only; see
// api/responses.ts). Only what the console shows.

export type ServiceOrderStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RETURNED'
  | 'REJECTED'
  | 'DISTRICT_ACCEPTED'
  | 'RECOMMENDED'
  | 'OFFERED'
  | 'TEAM_ACCEPTED'
  | 'IN_SERVICE'
  | 'WAITING_ENTERPRISE'
  | 'DELIVERED'
  | 'CONFIRMED'
  | 'RATED'
  | 'CLOSED'
  | 'CANCELLED';

export interface TeamRef {
  profileId: string;
  orgId: string;
  name: string;
}

export interface ServiceOrder {
  id: string;
  status: ServiceOrderStatus;
  version: number;
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  title: string;
  description: string;
  fields: string[];
  urgency: 'LOW' | 'NORMAL' | 'HIGH';
  serviceMode: 'ON_SITE' | 'REMOTE';
  window: { from: string; to: string };
  contact: { name: string; phone: string };
  team: TeamRef | null;
  submittedAt: string | null;
  deliveredAt: string | null;
  disputedAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actorRole: string;
  actorOrgId: string | null;
  reason: string | null;
  at: string;
}

export interface Rating {
  id: string;
  status: 'ACTIVE' | 'VOIDED';
  team: TeamRef;
  response: number;
  expertise: number;
  effect: number;
  attitude: number;
  comment: string | null;
  appealStatus: 'OPEN' | 'UPHELD' | 'DISMISSED' | null;
  appealReason: string | null;
  appealDueAt: string;
  ratedAt: string;
}

export interface RatingAverages {
  count: number;
  response: number;
  expertise: number;
  effect: number;
  attitude: number;
}

export interface ServiceOrderStats {
  districts: {
    districtCode: string;
    byStatus: Record<string, number>;
    breaches: number;
    medianSecondsToStep: Record<string, number>;
    ratings: RatingAverages | null;
  }[];
  teams: { team: TeamRef; ratings: RatingAverages }[];
}
