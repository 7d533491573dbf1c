import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChallengeStage, OrderStep, RatingScores } from './dashboard.domain';

const column = (state: string) => `${state.toLowerCase()}_at`;
/** The state columns, whitelisted: a state name becomes part of the SQL only through these maps. */
const CHALLENGE_COLUMNS: Record<ChallengeStage, string> = Object.fromEntries(
  (['SUBMITTED', 'UNDER_VETTING', 'APPROVED', 'PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'RETURNED', 'REJECTED', 'FAILED', 'WITHDRAWN'] as const).map((s) => [s, column(s)]),
) as Record<ChallengeStage, string>;
const ORDER_COLUMNS: Record<OrderStep, string> = Object.fromEntries(
  (['SUBMITTED', 'RETURNED', 'REJECTED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED', 'TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE', 'DELIVERED', 'CONFIRMED', 'RATED', 'CLOSED', 'CANCELLED'] as const).map((s) => [s, column(s)]),
) as Record<OrderStep, string>;

export interface SubjectRef {
  id: string;
  title: string;
  districtCode: string;
}

export interface Content extends SubjectRef {
  fields: string[];
  sequence: number;
  at: string;
}

/**
 * Every write of the projection, each one statement run in the consumer's inbox transaction. Each is commutative and
 * idempotent (a max-register, a keyed insert, or a sequence-guarded overwrite), so redelivered and reordered facts
 * leave the same rows as facts applied once in order.
 */
@Injectable()
export class DashboardWriter {
  /** The 榜单 entered `stage` at `at`: the latest entry is kept (a re-submission after 退回修改 moves it on). */
  markChallenge(em: EntityManager, ref: SubjectRef, stage: ChallengeStage, at: string): Promise<unknown> {
    return this.mark(em, 'dashboard_challenges', CHALLENGE_COLUMNS[stage], ref, at);
  }

  markOrder(em: EntityManager, ref: SubjectRef, step: OrderStep, at: string): Promise<unknown> {
    return this.mark(em, 'dashboard_orders', ORDER_COLUMNS[step], ref, at);
  }

  /** Content (title, district, fields) from the subject's fact with the highest sequence on its own stream. */
  challengeContent(em: EntityManager, c: Content): Promise<unknown> {
    return this.content(em, 'dashboard_challenges', c);
  }

  orderContent(em: EntityManager, c: Content): Promise<unknown> {
    return this.content(em, 'dashboard_orders', c);
  }

  /** 定榜: the bounty is committed. */
  committed(em: EntityManager, challengeId: string, yuan: number): Promise<unknown> {
    return em.query(`UPDATE dashboard_challenges SET committed_yuan = $2 WHERE id = $1`, [challengeId, yuan]);
  }

  award(em: EntityManager, a: { challengeId: string; applicationId: string; profileId: string; solverName: string; at: string }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_awards (challenge_id, application_id, profile_id, solver_name, awarded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [a.challengeId, a.applicationId, a.profileId, a.solverName, a.at],
    );
  }

  application(em: EntityManager, id: string, challengeId: string, change: 'submitted' | 'withdrawn', at: string): Promise<unknown> {
    const col = change === 'submitted' ? 'submitted_at' : 'withdrawn_at';
    return em.query(
      `INSERT INTO dashboard_applications (id, challenge_id, ${col}) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET ${col} = GREATEST(dashboard_applications.${col}, EXCLUDED.${col})`,
      [id, challengeId, at],
    );
  }

  /** An SLA breach: one per (order, reason, level), however often the escalation is redelivered. */
  breach(em: EntityManager, b: { orderId: string; reason: string; level: string; districtCode: string; at: string }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_breaches (order_id, reason, level, district_code, escalated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [b.orderId, b.reason, b.level, b.districtCode, b.at],
    );
  }

  rating(em: EntityManager, r: { ratingId: string; orderId: string; districtCode: string; teamProfileId: string; scores: RatingScores; at: string }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_ratings (rating_id, order_id, district_code, team_profile_id, response, expertise, effect, attitude, rated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (rating_id) DO UPDATE SET response = EXCLUDED.response, expertise = EXCLUDED.expertise,
         effect = EXCLUDED.effect, attitude = EXCLUDED.attitude, rated_at = EXCLUDED.rated_at`,
      [r.ratingId, r.orderId, r.districtCode, r.teamProfileId, r.scores.response, r.scores.expertise, r.scores.effect, r.scores.attitude, r.at],
    );
  }

  /** A voided rating stops counting; a void seen before its rating (out of order) is kept and waits for it. */
  voidRating(em: EntityManager, r: { ratingId: string; orderId: string; districtCode: string; teamProfileId: string; at: string }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_ratings (rating_id, order_id, district_code, team_profile_id, voided_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (rating_id) DO UPDATE SET voided_at = EXCLUDED.voided_at`,
      [r.ratingId, r.orderId, r.districtCode, r.teamProfileId, r.at],
    );
  }

  /** A team was recommended (`recommended`) or accepted the order (`accepted`). */
  recommendation(em: EntityManager, r: { orderId: string; profileId: string; teamName: string; districtCode: string; at: string }, change: 'recommended' | 'accepted'): Promise<unknown> {
    const col = change === 'recommended' ? 'recommended_at' : 'accepted_at';
    return em.query(
      `INSERT INTO dashboard_recommendations (order_id, profile_id, team_name, district_code, ${col}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (order_id, profile_id) DO UPDATE SET ${col} = GREATEST(dashboard_recommendations.${col}, EXCLUDED.${col})`,
      [r.orderId, r.profileId, r.teamName, r.districtCode, r.at],
    );
  }

  payment(em: EntityManager, p: { eventId: string; challengeId: string; projectId: string; yuan: number; at: string }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_payments (event_id, challenge_id, project_id, amount_yuan, paid_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [p.eventId, p.challengeId, p.projectId, p.yuan, p.at],
    );
  }

  /** A matching profile's home district, for spreading recommendations and awards over districts. */
  profile(em: EntityManager, p: { profileId: string; kind: string; name: string; districtCode: string | null; sequence: number }): Promise<unknown> {
    return em.query(
      `INSERT INTO dashboard_profiles (profile_id, kind, name, district_code, sequence) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (profile_id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, district_code = EXCLUDED.district_code,
         sequence = EXCLUDED.sequence WHERE dashboard_profiles.sequence < EXCLUDED.sequence`,
      [p.profileId, p.kind, p.name, p.districtCode, p.sequence],
    );
  }

  private mark(em: EntityManager, table: string, col: string, ref: SubjectRef, at: string): Promise<unknown> {
    return em.query(
      `INSERT INTO ${table} (id, title, district_code, opened_at, ${col}) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (id) DO UPDATE SET ${col} = GREATEST(${table}.${col}, EXCLUDED.${col}),
         opened_at = LEAST(${table}.opened_at, EXCLUDED.opened_at), title = COALESCE(${table}.title, EXCLUDED.title)`,
      [ref.id, ref.title, ref.districtCode, at],
    );
  }

  private content(em: EntityManager, table: string, c: Content): Promise<unknown> {
    return em.query(
      `INSERT INTO ${table} (id, title, district_code, fields, content_sequence, opened_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, district_code = EXCLUDED.district_code, fields = EXCLUDED.fields,
         content_sequence = EXCLUDED.content_sequence WHERE ${table}.content_sequence < EXCLUDED.content_sequence`,
      [c.id, c.title, c.districtCode, c.fields, c.sequence, c.at],
    );
  }
}
