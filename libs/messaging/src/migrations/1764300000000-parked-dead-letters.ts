import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters waiting for their DLQ topic (raw bytes; headers as [name, base64] pairs). */
export class ParkedDeadLetters1764300000000 implements MigrationInterface {
  name = 'ParkedDeadLetters1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE parked_dead_letters (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key bytea,
        value bytea,
        headers jsonb NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE parked_dead_letters`);
  }
}
