import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownChallenges1764201800000 implements MigrationInterface {
  name = 'KnownChallenges1764201800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_challenges (
        id uuid PRIMARY KEY,
        last_sequence integer NOT NULL,
        status text NOT NULL,
        enterprise_org_id text NOT NULL,
        enterprise_name text NOT NULL,
        district_code char(6) NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        indicators jsonb NOT NULL,
        keywords jsonb NOT NULL,
        fields jsonb NOT NULL,
        bounty_yuan bigint NOT NULL,
        deadline date NOT NULL,
        mode text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_challenges`);
  }
}
