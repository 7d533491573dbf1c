import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 企业档案, keyed by the enterprise's organisation id, and their audit trail. A credit code names one legal entity, so
 * two organisations cannot register the same one.
 */
export class Enterprises1764500000000 implements MigrationInterface {
  name = 'Enterprises1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprises (
        org_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
        version integer NOT NULL,
        name text NOT NULL,
        credit_code char(18) NOT NULL,
        district_code char(6) NOT NULL,
        type text NOT NULL,
        qualifications jsonb NOT NULL,
        contacts jsonb NOT NULL,
        related_org_ids jsonb NOT NULL,
        verified_at timestamptz,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX enterprises_credit_code_key ON enterprises (credit_code)`);
    // The district office's work queue: its district, by status, the longest waiting first.
    await q.query(`CREATE INDEX enterprises_queue_idx ON enterprises (district_code, status, updated_at)`);
    await q.query(`
      CREATE TABLE enterprise_transitions (
        id bigserial PRIMARY KEY,
        enterprise_org_id text NOT NULL REFERENCES enterprises (org_id),
        action text NOT NULL CHECK (action IN ('register', 'update', 'verify', 'reject')),
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
    await q.query(`CREATE INDEX enterprise_transitions_enterprise_idx ON enterprise_transitions (enterprise_org_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enterprise_transitions`);
    await q.query(`DROP TABLE enterprises`);
  }
}
