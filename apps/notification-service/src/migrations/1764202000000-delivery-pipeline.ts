import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery pipeline: directory, preferences, webhook endpoints, deliveries (the source of truth of what must be
 * delivered; BullMQ jobs only trigger them) and their attempts. The slice's `notifications` table is replaced by
 * the in-app channel's table, keyed by delivery id; it only ever held pre-release demo notices.
 */
export class DeliveryPipeline1764202000000 implements MigrationInterface {
  name = 'DeliveryPipeline1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`
      CREATE TABLE directory_organisations (
        id text PRIMARY KEY,
        name text,
        role text NOT NULL,
        district_code char(6),
        emails text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_organisations_role_idx ON directory_organisations (role, district_code)`);
    await q.query(`
      CREATE TABLE directory_members (
        user_id text PRIMARY KEY,
        org_id text NOT NULL,
        role text NOT NULL,
        name text,
        email text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE directory_profiles (
        profile_id text PRIMARY KEY,
        org_id text NOT NULL,
        role text NOT NULL,
        name text NOT NULL,
        sequence integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE preferences (
        org_id text NOT NULL,
        category text NOT NULL,
        channel text NOT NULL,
        mode text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, category, channel)
      )`);
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        owner_role text NOT NULL,
        url text NOT NULL,
        categories text[] NOT NULL,
        secret text NOT NULL,
        description text,
        status text NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        last_error text,
        last_success_at timestamptz,
        disabled_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id)`);
    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        source_id text NOT NULL,
        event_type text NOT NULL,
        notice_id text NOT NULL,
        channel text NOT NULL,
        category text NOT NULL,
        mandatory boolean NOT NULL,
        priority text NOT NULL,
        recipient_org_id text,
        recipient_user_id text,
        recipient_role text NOT NULL,
        target text,
        status text NOT NULL,
        reason text,
        content jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        replays integer NOT NULL DEFAULT 0,
        digest_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX deliveries_status_idx ON deliveries (status, channel, updated_at DESC)`);
    await q.query(`CREATE INDEX deliveries_pending_idx ON deliveries (created_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deliveries_digest_idx ON deliveries (recipient_org_id, created_at) WHERE status = 'digest'`);
    await q.query(`CREATE INDEX deliveries_source_idx ON deliveries (source_id)`);
    await q.query(`
      CREATE TABLE delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES deliveries (id),
        attempt integer NOT NULL,
        ok boolean NOT NULL,
        error text,
        duration_ms integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX delivery_attempts_delivery_idx ON delivery_attempts (delivery_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        source_id text NOT NULL,
        event_type text NOT NULL,
        notice_id text NOT NULL,
        recipient_org_id text,
        recipient_user_id text,
        recipient_role text NOT NULL,
        category text NOT NULL,
        mandatory boolean NOT NULL,
        priority text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_org_idx ON notifications (recipient_org_id, recipient_role, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX notifications_user_idx ON notifications (recipient_user_id, created_at DESC) WHERE recipient_user_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'delivery_attempts', 'deliveries', 'webhook_endpoints', 'preferences', 'directory_profiles', 'directory_members', 'directory_organisations']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY, event_id uuid NOT NULL, event_type text NOT NULL, audience_key text NOT NULL,
        recipient_org_id text, recipient_role text, recipient_district char(6), category text NOT NULL,
        mandatory boolean NOT NULL, title text NOT NULL, body text NOT NULL, link text NOT NULL,
        created_at timestamptz NOT NULL, read_at timestamptz, UNIQUE (event_id, audience_key)
      )`);
  }
}
