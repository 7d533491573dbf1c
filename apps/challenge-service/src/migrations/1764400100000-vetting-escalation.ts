import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalations are flags plus audit entries, never states (ARCHITECTURE §3): the challenge keeps its status, the
 * flag says since when vetting is overdue, and the audit trail tells an escalation from a transition by its kind.
 */
export class VettingEscalation1764400100000 implements MigrationInterface {
  name = 'VettingEscalation1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenges ADD COLUMN vetting_overdue_at timestamptz`);
    await q.query(`
      ALTER TABLE challenge_transitions
      ADD COLUMN kind text NOT NULL DEFAULT 'transition' CHECK (kind IN ('transition', 'escalation'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE challenge_transitions DROP COLUMN kind`);
    await q.query(`ALTER TABLE challenges DROP COLUMN vetting_overdue_at`);
  }
}
