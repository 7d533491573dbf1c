import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable timers live beside the aggregates they belong to, in the service's own database: one row per
 * (kind, subject), re-armed in place. Fired and cancelled rows stay as the record of what happened.
 */
export class Timers1764400000000 implements MigrationInterface {
  name = 'Timers1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timers (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('armed', 'fired', 'cancelled')),
        due_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        correlation_id text NOT NULL,
        causation_id text,
        armed_at timestamptz NOT NULL DEFAULT now(),
        fired_at timestamptz,
        cancelled_at timestamptz,
        last_error text,
        UNIQUE (kind, subject)
      )`);
    await q.query(`CREATE INDEX timers_armed_idx ON timers (id) WHERE status = 'armed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timers`);
  }
}
