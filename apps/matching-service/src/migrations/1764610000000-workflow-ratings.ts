import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings fed by the service-order workflow: the score is the mean of four criteria (so not a whole number), the
 * order it rated is kept, and a rating voided on appeal stays on record but no longer counts.
 */
export class WorkflowRatings1764610000000 implements MigrationInterface {
  name = 'WorkflowRatings1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidate_ratings ALTER COLUMN score TYPE real`);
    await q.query(`ALTER TABLE candidate_ratings ADD COLUMN order_id uuid, ADD COLUMN voided_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidate_ratings DROP COLUMN voided_at, DROP COLUMN order_id`);
    await q.query(`ALTER TABLE candidate_ratings ALTER COLUMN score TYPE smallint USING round(score)`);
  }
}
