import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 评审 → 公示 → 定榜 on the 榜单 (docs/workflows.md §2): the last review-stream fact applied (stale re-drives are
 * ignored), the review's ranking the 公示 shows, and when the 公示 ends; the objections (异议) lodged against it.
 */
export class Award1766000000000 implements MigrationInterface {
  name = 'Award1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenges
        ADD COLUMN review_sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN review_ranking jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN public_notice_ends_at timestamptz`);
    await q.query(`
      CREATE TABLE challenge_objections (
        id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL REFERENCES challenges (id),
        objector_id text NOT NULL,
        objector_org_id text NOT NULL,
        objector_role text NOT NULL,
        reasons jsonb NOT NULL,
        evidence jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
        lodged_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by text,
        decision_reason text,
        application_ids jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX challenge_objections_challenge_idx ON challenge_objections (challenge_id, lodged_at)`);
    // The award checks "no open objection" on every firing and dismissal.
    await q.query(`CREATE INDEX challenge_objections_open_idx ON challenge_objections (challenge_id) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_objections`);
    await q.query(`ALTER TABLE challenges DROP COLUMN review_sequence, DROP COLUMN review_ranking, DROP COLUMN public_notice_ends_at`);
  }
}
