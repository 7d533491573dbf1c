import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Challenges1764201700000 implements MigrationInterface {
  name = 'Challenges1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE challenges (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        enterprise_org_id text NOT NULL,
        enterprise_name text NOT NULL,
        district_code char(6) NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        indicators jsonb NOT NULL,
        keywords jsonb NOT NULL,
        fields jsonb NOT NULL,
        bounty_yuan bigint NOT NULL CHECK (bounty_yuan >= 0),
        deadline date NOT NULL,
        mode text NOT NULL,
        max_winners smallint NOT NULL,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX challenges_enterprise_idx ON challenges (enterprise_org_id, created_at DESC)`);
    await q.query(`CREATE INDEX challenges_status_idx ON challenges (status, created_at DESC)`);
    await q.query(`
      CREATE TABLE challenge_transitions (
        id bigserial PRIMARY KEY,
        challenge_id uuid NOT NULL REFERENCES challenges (id),
        from_status text,
        to_status text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_org_id text,
        reason text,
        changes jsonb NOT NULL,
        event_id uuid,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX challenge_transitions_challenge_idx ON challenge_transitions (challenge_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_transitions`);
    await q.query(`DROP TABLE challenges`);
  }
}
