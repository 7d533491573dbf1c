import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expert review: the assignment runs requested for a 榜单's round, one review per (application, expert), and the
 * round's review deadline.
 */
export class Reviews1765000200000 implements MigrationInterface {
  name = 'Reviews1765000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_rounds ADD COLUMN run_id uuid, ADD COLUMN due_at timestamptz, ADD COLUMN assigned_at timestamptz`);
    await q.query(`
      CREATE TABLE review_assignment_runs (
        run_id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL,
        application_id uuid NOT NULL REFERENCES applications (id),
        expert_profile_id uuid NOT NULL,
        owner_id text NOT NULL,
        expert_name text NOT NULL,
        status text NOT NULL,
        scores jsonb,
        comments text,
        conflict_reason text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX reviews_by_owner ON reviews (owner_id, created_at)`);
    await q.query(`CREATE INDEX reviews_by_challenge ON reviews (challenge_id, application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reviews`);
    await q.query(`DROP TABLE review_assignment_runs`);
    await q.query(`ALTER TABLE review_rounds DROP COLUMN assigned_at, DROP COLUMN due_at, DROP COLUMN run_id`);
  }
}
