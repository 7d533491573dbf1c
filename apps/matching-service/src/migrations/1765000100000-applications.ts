import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 揭榜申请: one row per application, its audit trail, at most one active application per organisation per 榜单; and
 * the review round of each closed 榜单 (the `review` stream's aggregate, keyed by the challenge).
 */
export class Applications1765000100000 implements MigrationInterface {
  name = 'Applications1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        challenge_id uuid NOT NULL,
        applicant_org_id text NOT NULL,
        applicant_name text NOT NULL,
        applicant_role text NOT NULL,
        profile_id uuid NOT NULL,
        status text NOT NULL,
        proposal jsonb NOT NULL,
        submitted_at timestamptz,
        submission_count integer NOT NULL DEFAULT 0,
        check_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX applications_one_active ON applications (challenge_id, applicant_org_id)
        WHERE status NOT IN ('WITHDRAWN', 'INELIGIBLE', 'NOT_SELECTED', 'FORFEITED', 'CONTRACTED')`);
    await q.query(`CREATE INDEX applications_by_challenge ON applications (challenge_id, status)`);
    await q.query(`
      CREATE TABLE application_transitions (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_org_id text,
        reason text,
        event_id uuid,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX application_transitions_by_application ON application_transitions (application_id, id)`);
    await q.query(`
      CREATE TABLE review_rounds (
        challenge_id uuid PRIMARY KEY,
        version integer NOT NULL,
        closed_at timestamptz NOT NULL,
        formal_check_completed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_rounds`);
    await q.query(`DROP TABLE application_transitions`);
    await q.query(`DROP TABLE applications`);
  }
}
