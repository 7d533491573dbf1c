import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 服务订单 as the enterprise sees them, their timeline (every transition, flag and note, with actor, role, time and
 * reason, including those that came from dispatch facts) and their ratings (one per order: the unique index is what
 * makes two racing ratings one).
 */
export class ServiceOrders1764700000000 implements MigrationInterface {
  name = 'ServiceOrders1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_orders (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        enterprise_org_id text NOT NULL,
        enterprise_name text NOT NULL,
        district_code char(6) NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        fields jsonb NOT NULL,
        urgency text NOT NULL CHECK (urgency IN ('LOW', 'NORMAL', 'HIGH')),
        service_mode text NOT NULL CHECK (service_mode IN ('ON_SITE', 'REMOTE')),
        "window" jsonb NOT NULL,
        contact jsonb NOT NULL,
        team jsonb,
        team_org_id text GENERATED ALWAYS AS (team ->> 'orgId') STORED,
        dispatch_sequence integer NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        delivered_at timestamptz,
        disputed_at timestamptz,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX service_orders_enterprise_idx ON service_orders (enterprise_org_id, created_at)`);
    await q.query(`CREATE INDEX service_orders_district_idx ON service_orders (district_code, status)`);
    await q.query(`CREATE INDEX service_orders_team_idx ON service_orders (team_org_id)`);
    await q.query(`
      CREATE TABLE service_order_timeline (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES service_orders (id),
        kind text NOT NULL CHECK (kind IN ('transition', 'flag', 'note')),
        action text NOT NULL,
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
    await q.query(`CREATE INDEX service_order_timeline_order_idx ON service_order_timeline (order_id, id)`);
    await q.query(`
      CREATE TABLE service_order_ratings (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES service_orders (id),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'VOIDED')),
        district_code char(6) NOT NULL,
        team jsonb NOT NULL,
        response smallint NOT NULL CHECK (response BETWEEN 1 AND 5),
        expertise smallint NOT NULL CHECK (expertise BETWEEN 1 AND 5),
        effect smallint NOT NULL CHECK (effect BETWEEN 1 AND 5),
        attitude smallint NOT NULL CHECK (attitude BETWEEN 1 AND 5),
        comment text,
        appeal_status text CHECK (appeal_status IN ('OPEN', 'UPHELD', 'DISMISSED')),
        appeal_reason text,
        appeal_due_at timestamptz NOT NULL,
        rated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX service_order_ratings_order_key ON service_order_ratings (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_order_ratings`);
    await q.query(`DROP TABLE service_order_timeline`);
    await q.query(`DROP TABLE service_orders`);
  }
}
