import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChallengeStage, OrderStep, RatingScores, StateTimes } from './dashboard.domain';

export interface DashboardFilter {
  from: Date | null;
  to: Date | null;
  field: string | null;
}

export interface DashboardRows {
  challenges: StateTimes<ChallengeStage>[];
  applications: number;
  orders: (StateTimes<OrderStep> & { districtCode: string })[];
  breaches: { districtCode: string; count: number }[];
  ratings: (RatingScores & { districtCode: string })[];
  recommendations: { profileId: string; name: string; districtCode: string | null; known: boolean; recommended: boolean; accepted: boolean }[];
  awards: { profileId: string; name: string; districtCode: string | null; known: boolean }[];
  committed: { at: Date; yuan: number }[];
  payments: { at: Date; yuan: number }[];
  teams: { profileId: string; name: string; districtCode: string | null }[];
}

const CHALLENGE_COLUMNS = `submitted_at AS "SUBMITTED", under_vetting_at AS "UNDER_VETTING", approved_at AS "APPROVED",
  published_at AS "PUBLISHED", closed_at AS "CLOSED", under_review_at AS "UNDER_REVIEW", in_public_notice_at AS "IN_PUBLIC_NOTICE",
  awarded_at AS "AWARDED", returned_at AS "RETURNED", rejected_at AS "REJECTED", failed_at AS "FAILED", withdrawn_at AS "WITHDRAWN"`;
const ORDER_COLUMNS = `submitted_at AS "SUBMITTED", returned_at AS "RETURNED", rejected_at AS "REJECTED",
  district_accepted_at AS "DISTRICT_ACCEPTED", recommended_at AS "RECOMMENDED", offered_at AS "OFFERED",
  team_accepted_at AS "TEAM_ACCEPTED", in_service_at AS "IN_SERVICE", waiting_enterprise_at AS "WAITING_ENTERPRISE",
  delivered_at AS "DELIVERED", confirmed_at AS "CONFIRMED", rated_at AS "RATED", closed_at AS "CLOSED", cancelled_at AS "CANCELLED"`;

/** `$1`/`$2` bound the period on `col`, `$3` the field on `fields` (null: no bound). */
const within = (col: string) => `($1::timestamptz IS NULL OR ${col} >= $1) AND ($2::timestamptz IS NULL OR ${col} < $2)`;
const inField = (fields: string) => `($3::text IS NULL OR $3 = ANY(${fields}))`;

/**
 * The projection's reads, each named by what it answers. The period applies to when each figure's fact happened:
 * a 榜单 or order by when it was first submitted, a breach by its escalation, a rating by its rating, and so on.
 */
@Injectable()
export class DashboardStore {
  async rows(em: EntityManager, f: DashboardFilter): Promise<DashboardRows> {
    const params = [f.from, f.to, f.field];
    const q = <T>(sql: string): Promise<T[]> => em.query(sql, params);
    const [challenges, applications, orders, breaches, ratings, recommendations, awards, committed, payments, teams] = await Promise.all([
      q<StateTimes<ChallengeStage>>(`SELECT ${CHALLENGE_COLUMNS} FROM dashboard_challenges WHERE ${within('opened_at')} AND ${inField('fields')}`),
      q<{ n: number }>(
        `SELECT count(*)::int AS n FROM dashboard_applications a JOIN dashboard_challenges c ON c.id = a.challenge_id
         WHERE a.submitted_at IS NOT NULL AND a.withdrawn_at IS NULL AND ${within('a.submitted_at')} AND ${inField('c.fields')}`,
      ),
      q<StateTimes<OrderStep> & { districtCode: string }>(
        `SELECT district_code AS "districtCode", ${ORDER_COLUMNS} FROM dashboard_orders WHERE ${within('opened_at')} AND ${inField('fields')}`,
      ),
      q<{ districtCode: string; count: number }>(
        `SELECT b.district_code AS "districtCode", count(DISTINCT (b.order_id, b.reason))::int AS count
         FROM dashboard_breaches b LEFT JOIN dashboard_orders o ON o.id = b.order_id
         WHERE ${within('b.escalated_at')} AND ${inField('o.fields')} GROUP BY 1`,
      ),
      q<RatingScores & { districtCode: string }>(
        `SELECT r.district_code AS "districtCode", r.response, r.expertise, r.effect, r.attitude
         FROM dashboard_ratings r LEFT JOIN dashboard_orders o ON o.id = r.order_id
         WHERE r.response IS NOT NULL AND r.voided_at IS NULL AND ${within('r.rated_at')} AND ${inField('o.fields')}`,
      ),
      q<DashboardRows['recommendations'][number]>(
        `SELECT r.profile_id AS "profileId", coalesce(p.name, r.team_name) AS name, p.district_code AS "districtCode",
                p.profile_id IS NOT NULL AS known, r.recommended_at IS NOT NULL AS recommended, r.accepted_at IS NOT NULL AS accepted
         FROM dashboard_recommendations r LEFT JOIN dashboard_orders o ON o.id = r.order_id
         LEFT JOIN dashboard_profiles p ON p.profile_id = r.profile_id
         WHERE ${within('coalesce(r.recommended_at, r.accepted_at)')} AND ${inField('o.fields')}`,
      ),
      q<DashboardRows['awards'][number]>(
        `SELECT a.profile_id AS "profileId", coalesce(p.name, a.solver_name) AS name, p.district_code AS "districtCode",
                p.profile_id IS NOT NULL AS known
         FROM dashboard_awards a LEFT JOIN dashboard_challenges c ON c.id = a.challenge_id
         LEFT JOIN dashboard_profiles p ON p.profile_id = a.profile_id
         WHERE ${within('a.awarded_at')} AND ${inField('c.fields')}`,
      ),
      q<{ at: Date; yuan: number }>(
        `SELECT awarded_at AS at, committed_yuan::float8 AS yuan FROM dashboard_challenges
         WHERE committed_yuan IS NOT NULL AND ${within('awarded_at')} AND ${inField('fields')}`,
      ),
      q<{ at: Date; yuan: number }>(
        `SELECT p.paid_at AS at, p.amount_yuan::float8 AS yuan FROM dashboard_payments p LEFT JOIN dashboard_challenges c ON c.id = p.challenge_id
         WHERE ${within('p.paid_at')} AND ${inField('c.fields')}`,
      ),
      // Every team that could have been recommended, for how evenly recommendations spread (the filters do not apply).
      em.query(`SELECT profile_id AS "profileId", name, district_code AS "districtCode" FROM dashboard_profiles WHERE kind = 'team'`) as Promise<DashboardRows['teams']>,
    ]);
    return { challenges, applications: applications[0]?.n ?? 0, orders, breaches, ratings, recommendations, awards, committed, payments, teams };
  }
}
