import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 驾驶舱's projection (dashboard/): tables fed only by the facts on the streams, in the inbox transaction. A 榜单
 * or order row holds, per state, the latest time it entered it (`<state>_at`); content comes from the fact with the
 * highest sequence (`content_sequence`). Facts consumed before this migration are not replayed into it (the inbox
 * already holds their ids): the figures start with the facts that arrive after it.
 */
export class Dashboard1766200000000 implements MigrationInterface {
  name = 'Dashboard1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dashboard_challenges (
      id text PRIMARY KEY,
      title text,
      district_code text NOT NULL,
      fields text[] NOT NULL DEFAULT '{}',
      content_sequence integer NOT NULL DEFAULT 0,
      opened_at timestamptz NOT NULL,
      committed_yuan bigint,
      submitted_at timestamptz, under_vetting_at timestamptz, approved_at timestamptz, published_at timestamptz,
      closed_at timestamptz, under_review_at timestamptz, in_public_notice_at timestamptz, awarded_at timestamptz,
      returned_at timestamptz, rejected_at timestamptz, failed_at timestamptz, withdrawn_at timestamptz)`);
    await q.query(`CREATE INDEX dashboard_challenges_opened ON dashboard_challenges (opened_at)`);
    await q.query(`CREATE TABLE dashboard_applications (
      id text PRIMARY KEY,
      challenge_id text NOT NULL,
      submitted_at timestamptz,
      withdrawn_at timestamptz)`);
    await q.query(`CREATE INDEX dashboard_applications_challenge ON dashboard_applications (challenge_id)`);
    await q.query(`CREATE TABLE dashboard_orders (
      id text PRIMARY KEY,
      title text,
      district_code text NOT NULL,
      fields text[] NOT NULL DEFAULT '{}',
      content_sequence integer NOT NULL DEFAULT 0,
      opened_at timestamptz NOT NULL,
      submitted_at timestamptz, returned_at timestamptz, rejected_at timestamptz, district_accepted_at timestamptz,
      recommended_at timestamptz, offered_at timestamptz, team_accepted_at timestamptz, in_service_at timestamptz,
      waiting_enterprise_at timestamptz, delivered_at timestamptz, confirmed_at timestamptz, rated_at timestamptz,
      closed_at timestamptz, cancelled_at timestamptz)`);
    await q.query(`CREATE INDEX dashboard_orders_opened ON dashboard_orders (opened_at)`);
    await q.query(`CREATE TABLE dashboard_breaches (
      order_id text NOT NULL,
      reason text NOT NULL,
      level text NOT NULL,
      district_code text NOT NULL,
      escalated_at timestamptz NOT NULL,
      PRIMARY KEY (order_id, reason, level))`);
    await q.query(`CREATE TABLE dashboard_ratings (
      rating_id text PRIMARY KEY,
      order_id text NOT NULL,
      district_code text NOT NULL,
      team_profile_id text NOT NULL,
      response smallint, expertise smallint, effect smallint, attitude smallint,
      rated_at timestamptz,
      voided_at timestamptz)`);
    await q.query(`CREATE TABLE dashboard_recommendations (
      order_id text NOT NULL,
      profile_id text NOT NULL,
      team_name text NOT NULL,
      district_code text NOT NULL,
      recommended_at timestamptz,
      accepted_at timestamptz,
      PRIMARY KEY (order_id, profile_id))`);
    await q.query(`CREATE TABLE dashboard_awards (
      challenge_id text NOT NULL,
      application_id text NOT NULL,
      profile_id text NOT NULL,
      solver_name text NOT NULL,
      awarded_at timestamptz NOT NULL,
      PRIMARY KEY (challenge_id, application_id))`);
    await q.query(`CREATE TABLE dashboard_payments (
      event_id uuid PRIMARY KEY,
      challenge_id text NOT NULL,
      project_id text NOT NULL,
      amount_yuan bigint NOT NULL,
      paid_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE dashboard_profiles (
      profile_id text PRIMARY KEY,
      kind text NOT NULL,
      name text NOT NULL,
      district_code text,
      sequence integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['profiles', 'payments', 'awards', 'recommendations', 'ratings', 'breaches', 'orders', 'applications', 'challenges']) {
      await q.query(`DROP TABLE dashboard_${t}`);
    }
  }
}
