import { districtName, FIELDS } from '@jiebang/contracts';
import {
  average,
  bountyByMonth,
  challengeFunnel,
  challengeStates,
  gini,
  meanScore,
  orderSteps,
  ratingDistribution,
} from './dashboard.domain';
import { DASHBOARD_DISTRICTS, REGIONS, regionOf } from './dashboard.regions';
import type { DashboardRows } from './dashboard.store';

export interface DashboardQuery {
  from: string | null;
  to: string | null;
  field: string | null;
}

/** Where a profile's team comes from: a Chongqing zone, Sichuan (川渝, no district code), or not known to the projection. */
const OTHER_ORIGINS = [
  { region: 'sichuan', label: '四川（川渝协同）' },
  { region: 'unknown', label: '未登记' },
] as const;
const originOf = (p: { districtCode: string | null; known: boolean }) => (p.districtCode ? regionOf(p.districtCode) : p.known ? 'sichuan' : 'unknown');

const TOP_TEAMS = 15;

/**
 * The whole 驾驶舱 in one document: codes for machines, a zh-CN `label` beside each for people, money in yuan, time in
 * hours. Every one of the 38 districts is listed, with zeros where nothing happened.
 */
export function dashboardDocument(query: DashboardQuery, rows: DashboardRows, now: Date) {
  const breaches = new Map(rows.breaches.map((b) => [b.districtCode, b.count]));
  const districts = DASHBOARD_DISTRICTS.map((d) => {
    const ratings = rows.ratings.filter((r) => r.districtCode === d.code);
    return {
      ...d,
      regionLabel: REGIONS.find((r) => r.region === d.region)!.label,
      orders: rows.orders.filter((o) => o.districtCode === d.code).length,
      breaches: breaches.get(d.code) ?? 0,
      ratingCount: ratings.length,
      averageRating: average(ratings.map(meanScore)),
    };
  });

  const teams = new Map<string, { profileId: string; name: string; districtCode: string | null; districtName: string | null; recommended: number; accepted: number; awards: number }>();
  const team = (p: { profileId: string; name: string; districtCode: string | null }) => {
    if (!teams.has(p.profileId)) teams.set(p.profileId, { ...p, districtName: p.districtCode ? (districtName(p.districtCode) ?? null) : null, recommended: 0, accepted: 0, awards: 0 });
    return teams.get(p.profileId)!;
  };
  for (const r of rows.recommendations) {
    const t = team(r);
    if (r.recommended) t.recommended++;
    if (r.accepted) t.accepted++;
  }
  for (const a of rows.awards) team(a).awards++;
  const origins = [...REGIONS, ...OTHER_ORIGINS].map(({ region, label }) => ({
    region,
    label,
    recommended: rows.recommendations.filter((r) => r.recommended && originOf(r) === region).length,
    accepted: rows.recommendations.filter((r) => r.accepted && originOf(r) === region).length,
    awards: rows.awards.filter((a) => originOf(a) === region).length,
  }));
  const recommendedBy = new Map<string, number>();
  for (const r of rows.recommendations) if (r.recommended) recommendedBy.set(r.profileId, (recommendedBy.get(r.profileId) ?? 0) + 1);
  const pool = new Set([...rows.teams.map((t) => t.profileId), ...recommendedBy.keys()]);
  const ranked = [...teams.values()].sort((a, b) => b.recommended + b.awards - (a.recommended + a.awards) || a.name.localeCompare(b.name, 'zh-CN'));

  return {
    generatedAt: now.toISOString(),
    filter: { from: query.from, to: query.to, field: query.field, fieldLabel: FIELDS.find((f) => f.code === query.field)?.name ?? null },
    challenges: { total: rows.challenges.length, applications: rows.applications, funnel: challengeFunnel(rows.challenges), byState: challengeStates(rows.challenges) },
    serviceOrders: { total: rows.orders.length, steps: orderSteps(rows.orders) },
    districts,
    regions: REGIONS.map(({ region, label }) => ({ region, label })),
    ratings: ratingDistribution(rows.ratings),
    fairness: {
      /** Over every team profile (never recommended = 0): 0 is an even spread. */
      recommendationGini: gini([...pool].map((id) => recommendedBy.get(id) ?? 0)),
      /** Over the winners: how concentrated the awards are among those who won any. */
      awardGini: gini([...teams.values()].filter((t) => t.awards > 0).map((t) => t.awards)),
      teamPool: pool.size,
      teams: ranked.slice(0, TOP_TEAMS),
      origins,
    },
    bounty: bountyByMonth(rows.committed, rows.payments),
  };
}

export type DashboardDocument = ReturnType<typeof dashboardDocument>;
