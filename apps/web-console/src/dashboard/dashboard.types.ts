// GET /notification/api/v1/dashboard (notification-service dashboard/dashboard.document.ts). The OpenAPI documents
// describe requests only (see api/responses.ts), so the response is declared here, beside the one page that reads it.

export interface Counted {
  label: string;
  count: number;
}

export interface DashboardDistrict {
  code: string;
  name: string;
  shortName: string;
  region: string;
  regionLabel: string;
  orders: number;
  breaches: number;
  ratingCount: number;
  averageRating: number | null;
}

export interface FairnessTeam {
  profileId: string;
  name: string;
  districtName: string | null;
  recommended: number;
  accepted: number;
  awards: number;
}

export interface Dashboard {
  generatedAt: string;
  filter: { from: string | null; to: string | null; field: string | null; fieldLabel: string | null };
  challenges: { total: number; applications: number; funnel: (Counted & { stage: string })[]; byState: (Counted & { stage: string })[] };
  serviceOrders: { total: number; steps: (Counted & { step: string; medianHours: number | null; measured: number })[] };
  districts: DashboardDistrict[];
  regions: { region: string; label: string }[];
  ratings: {
    count: number;
    average: number | null;
    criteria: { criterion: string; label: string; average: number | null; stars: { stars: number; count: number }[] }[];
  };
  fairness: {
    recommendationGini: number | null;
    awardGini: number | null;
    teamPool: number;
    teams: FairnessTeam[];
    origins: { region: string; label: string; recommended: number; accepted: number; awards: number }[];
  };
  bounty: { committedYuan: number; paidYuan: number; byMonth: { month: string; committedYuan: number; paidYuan: number }[] };
}
