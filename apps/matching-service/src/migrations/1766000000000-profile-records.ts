import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A solver's 揭榜挂帅 record (docs/workflows.md §3, "on project.closed / project.terminated"): each finished project
 * of its profile, with the challenge title and how it ended. Its lines join the profile's past work in ranking.
 */
export class ProfileRecords1766000000000 implements MigrationInterface {
  name = 'ProfileRecords1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE profile_records (
        project_id uuid PRIMARY KEY,
        profile_id uuid NOT NULL,
        challenge_id uuid NOT NULL,
        challenge_title text NOT NULL,
        application_id uuid NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('CLOSED', 'TERMINATED')),
        ended_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX profile_records_profile_idx ON profile_records (profile_id, ended_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profile_records`);
  }
}
