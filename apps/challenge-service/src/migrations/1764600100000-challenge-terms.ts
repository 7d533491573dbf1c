import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Terms acceptance (保密承诺) per (榜单, organisation): it opens the confidential fields to that organisation. */
export class ChallengeTerms1764600100000 implements MigrationInterface {
  name = 'ChallengeTerms1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE challenge_terms_acceptances (
        challenge_id uuid NOT NULL REFERENCES challenges (id),
        org_id text NOT NULL,
        role text NOT NULL,
        accepted_at timestamptz NOT NULL,
        PRIMARY KEY (challenge_id, org_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_terms_acceptances`);
  }
}
