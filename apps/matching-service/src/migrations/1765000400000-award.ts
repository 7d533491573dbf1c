import type { MigrationInterface, QueryRunner } from 'typeorm';

/** After the award: the project a selected application takes on, and when it must sign by. */
export class Award1765000400000 implements MigrationInterface {
  name = 'Award1765000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN project_id uuid, ADD COLUMN sign_due_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN sign_due_at, DROP COLUMN project_id`);
  }
}
