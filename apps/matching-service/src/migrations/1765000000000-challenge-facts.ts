import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model of challenges gains what applications and review need (the deadline instant, eligibility, review
 * weights, winners, the enterprise's related organisations for 回避), the terms each organisation accepted, and the
 * profile facts eligibility is checked against (organisation type, qualifications).
 */
export class ChallengeFacts1765000000000 implements MigrationInterface {
  name = 'ChallengeFacts1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE known_challenges
        ADD COLUMN deadline_at timestamptz,
        ADD COLUMN max_winners integer NOT NULL DEFAULT 1,
        ADD COLUMN eligibility jsonb,
        ADD COLUMN review_weights jsonb,
        ADD COLUMN enterprise_related_org_ids jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      CREATE TABLE challenge_terms_acceptances (
        challenge_id uuid NOT NULL,
        org_id text NOT NULL,
        role text NOT NULL,
        accepted_at timestamptz NOT NULL,
        PRIMARY KEY (challenge_id, org_id)
      )`);
    await q.query(`
      ALTER TABLE candidate_profiles
        ADD COLUMN org_type text,
        ADD COLUMN qualifications jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidate_profiles DROP COLUMN qualifications, DROP COLUMN org_type`);
    await q.query(`DROP TABLE challenge_terms_acceptances`);
    await q.query(`
      ALTER TABLE known_challenges
        DROP COLUMN enterprise_related_org_ids, DROP COLUMN review_weights, DROP COLUMN eligibility,
        DROP COLUMN max_winners, DROP COLUMN deadline_at`);
  }
}
