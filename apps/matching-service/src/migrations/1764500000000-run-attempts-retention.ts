import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch runs count the times they were started (a run that keeps crashing its worker is given up after a cap), and
 * old ranking and batch runs are purged by age: indexes for that purge.
 */
export class RunAttemptsRetention1764500000000 implements MigrationInterface {
  name = 'RunAttemptsRetention1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment_runs ADD COLUMN attempts integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX match_runs_created ON match_runs (created_at)`);
    await q.query(`CREATE INDEX assignment_runs_finished ON assignment_runs (finished_at) WHERE finished_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignment_runs_finished`);
    await q.query(`DROP INDEX match_runs_created`);
    await q.query(`ALTER TABLE assignment_runs DROP COLUMN attempts`);
  }
}
