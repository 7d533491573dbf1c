import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764201900000 implements MigrationInterface {
  name = 'Notifications1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        audience_key text NOT NULL,
        recipient_org_id text,
        recipient_role text,
        recipient_district char(6),
        category text NOT NULL,
        mandatory boolean NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (event_id, audience_key)
      )`);
    await q.query(`CREATE INDEX notifications_org_idx ON notifications (recipient_org_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_role_idx ON notifications (recipient_role, recipient_district, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
