import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dispatch of service orders (区县推荐, offers to teams, service): one row per order (the id is the order's), its
 * offers, the team's service records and the audit trail. The partial unique index is the last line behind the row
 * lock: a dispatch can never hold two accepted (nor two pending) offers.
 */
export class Dispatch1764600000000 implements MigrationInterface {
  name = 'Dispatch1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatches (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        district_code text NOT NULL,
        enterprise_org_id text NOT NULL,
        "order" jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        order_sequence integer NOT NULL,
        run_id uuid,
        lineup jsonb NOT NULL DEFAULT '[]',
        "cursor" integer NOT NULL DEFAULT 0,
        team jsonb,
        team_profile_id uuid,
        service_sla jsonb,
        district_overdue_at timestamptz,
        service_overdue_at timestamptz,
        service_bureau_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dispatches_district_status ON dispatches (district_code, status)`);
    await q.query(`CREATE INDEX dispatches_team ON dispatches (team_profile_id) WHERE team_profile_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE dispatch_offers (
        id uuid PRIMARY KEY,
        dispatch_id uuid NOT NULL REFERENCES dispatches (id),
        attempt integer NOT NULL,
        team_profile_id uuid NOT NULL,
        team_org_id text NOT NULL,
        team jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
        due_at timestamptz NOT NULL,
        offered_at timestamptz NOT NULL,
        answered_at timestamptz,
        reason text,
        UNIQUE (dispatch_id, attempt)
      )`);
    await q.query(`CREATE UNIQUE INDEX dispatch_offers_one_accepted ON dispatch_offers (dispatch_id) WHERE status = 'ACCEPTED'`);
    await q.query(`CREATE UNIQUE INDEX dispatch_offers_one_pending ON dispatch_offers (dispatch_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX dispatch_offers_team ON dispatch_offers (team_org_id)`);
    await q.query(`
      CREATE TABLE dispatch_service_records (
        id uuid PRIMARY KEY,
        dispatch_id uuid NOT NULL REFERENCES dispatches (id),
        team_profile_id uuid NOT NULL,
        date date NOT NULL,
        mode text NOT NULL,
        hours numeric(4, 1) NOT NULL,
        participants jsonb NOT NULL,
        work text NOT NULL,
        outcome text NOT NULL,
        attachments jsonb NOT NULL,
        actor_id text NOT NULL,
        logged_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dispatch_service_records_dispatch ON dispatch_service_records (dispatch_id, logged_at)`);
    await q.query(`
      CREATE TABLE dispatch_transitions (
        id bigserial PRIMARY KEY,
        dispatch_id uuid NOT NULL REFERENCES dispatches (id),
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        reason text,
        changes jsonb NOT NULL,
        event_id uuid,
        correlation_id text,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dispatch_transitions_dispatch ON dispatch_transitions (dispatch_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch_transitions`);
    await q.query(`DROP TABLE dispatch_service_records`);
    await q.query(`DROP TABLE dispatch_offers`);
    await q.query(`DROP TABLE dispatches`);
  }
}
