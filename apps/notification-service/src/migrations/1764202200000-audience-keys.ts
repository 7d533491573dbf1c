import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts and preferences belong to an audience — an organisation in a role, the unit notices are addressed to
 * and the inbox is scoped by — not to the organisation as a whole, so a member acting in another role can neither
 * redirect nor mute them. Existing contacts and preferences go to the organisation's role in the directory;
 * preferences of organisations the directory never knew cannot be placed (their role is unknown) and are dropped,
 * so those audiences receive their optional notices again until they choose otherwise.
 */
export class AudienceKeys1764202200000 implements MigrationInterface {
  name = 'AudienceKeys1764202200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_contacts (
        org_id text NOT NULL,
        role text NOT NULL,
        emails text[] NOT NULL DEFAULT '{}',
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, role)
      )`);
    await q.query(`
      INSERT INTO directory_contacts (org_id, role, emails, updated_at)
      SELECT id, role, emails, updated_at FROM directory_organisations WHERE cardinality(emails) > 0`);
    await q.query(`ALTER TABLE directory_organisations DROP COLUMN emails`);

    await q.query(`ALTER TABLE preferences ADD COLUMN role text`);
    await q.query(`UPDATE preferences p SET role = o.role FROM directory_organisations o WHERE o.id = p.org_id`);
    await q.query(`DELETE FROM preferences WHERE role IS NULL`);
    await q.query(`ALTER TABLE preferences ALTER COLUMN role SET NOT NULL`);
    await q.query(`ALTER TABLE preferences DROP CONSTRAINT preferences_pkey`);
    await q.query(`ALTER TABLE preferences ADD PRIMARY KEY (org_id, role, category, channel)`);

    await q.query(`DROP INDEX webhook_endpoints_org_idx`);
    await q.query(`CREATE INDEX webhook_endpoints_owner_idx ON webhook_endpoints (org_id, owner_role)`);
    await q.query(`DROP INDEX deliveries_digest_idx`);
    await q.query(`CREATE INDEX deliveries_digest_idx ON deliveries (recipient_org_id, recipient_role, created_at) WHERE status = 'digest'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deliveries_digest_idx`);
    await q.query(`CREATE INDEX deliveries_digest_idx ON deliveries (recipient_org_id, created_at) WHERE status = 'digest'`);
    await q.query(`DROP INDEX webhook_endpoints_owner_idx`);
    await q.query(`CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id)`);

    // Back to one set per organisation: the one of its role in the directory.
    await q.query(`
      DELETE FROM preferences p WHERE NOT EXISTS (SELECT 1 FROM directory_organisations o WHERE o.id = p.org_id AND o.role = p.role)`);
    await q.query(`ALTER TABLE preferences DROP CONSTRAINT preferences_pkey`);
    await q.query(`ALTER TABLE preferences DROP COLUMN role`);
    await q.query(`ALTER TABLE preferences ADD PRIMARY KEY (org_id, category, channel)`);

    await q.query(`ALTER TABLE directory_organisations ADD COLUMN emails text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE directory_organisations o SET emails = c.emails FROM directory_contacts c WHERE c.org_id = o.id AND c.role = o.role`);
    await q.query(`DROP TABLE directory_contacts`);
  }
}
