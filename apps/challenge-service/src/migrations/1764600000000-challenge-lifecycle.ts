import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full 榜单 content (docs/workflows.md §2) and the lifecycle columns. Existing rows keep their `deadline`: its
 * instant is 24:00 China time that day, the meaning a date alone has.
 */
export class ChallengeLifecycle1764600000000 implements MigrationInterface {
  name = 'ChallengeLifecycle1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE challenges
        ADD COLUMN deadline_at timestamptz,
        ADD COLUMN research_content text,
        ADD COLUMN duration_months smallint,
        ADD COLUMN milestones jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN eligibility jsonb NOT NULL
          DEFAULT '{"solverTypes":["university","institute","enterprise","team"],"qualifications":[],"consortiumAllowed":false}',
        ADD COLUMN ip_arrangement jsonb NOT NULL DEFAULT '{"owner":"NEGOTIATED","note":null}',
        ADD COLUMN review_weights jsonb NOT NULL DEFAULT '{"technical":0.4,"team":0.3,"feasibility":0.3}',
        ADD COLUMN confidential_fields jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN elimination_policy text CHECK (elimination_policy IN ('REALLOCATE_TO_SURVIVORS', 'RETAIN')),
        ADD COLUMN max_rectification_rounds smallint NOT NULL DEFAULT 2,
        ADD COLUMN published_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN withdrawal_requested_at timestamptz,
        ADD COLUMN withdrawal_reason text`);
    await q.query(`UPDATE challenges SET deadline_at = ((deadline + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
    await q.query(`ALTER TABLE challenges ALTER COLUMN deadline_at SET NOT NULL`);
    // Who applied, from matching-service's application facts: the enterprise's count and the audiences of notices.
    await q.query(`
      CREATE TABLE challenge_applications (
        application_id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL,
        applicant_org_id text NOT NULL,
        applicant_role text NOT NULL,
        active boolean NOT NULL,
        sequence integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX challenge_applications_challenge_idx ON challenge_applications (challenge_id) WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_applications`);
    await q.query(`
      ALTER TABLE challenges
        DROP COLUMN deadline_at, DROP COLUMN research_content, DROP COLUMN duration_months, DROP COLUMN milestones,
        DROP COLUMN eligibility, DROP COLUMN ip_arrangement, DROP COLUMN review_weights, DROP COLUMN confidential_fields,
        DROP COLUMN elimination_policy, DROP COLUMN max_rectification_rounds, DROP COLUMN published_at,
        DROP COLUMN closed_at, DROP COLUMN withdrawal_requested_at, DROP COLUMN withdrawal_reason`);
  }
}
