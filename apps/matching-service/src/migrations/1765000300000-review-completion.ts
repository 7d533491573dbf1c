import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A review round is closed by the bureau once every active review is in. */
export class ReviewCompletion1765000300000 implements MigrationInterface {
  name = 'ReviewCompletion1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_rounds ADD COLUMN completed_at timestamptz, ADD COLUMN ranking jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_rounds DROP COLUMN ranking, DROP COLUMN completed_at`);
  }
}
