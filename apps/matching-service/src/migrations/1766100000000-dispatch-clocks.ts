import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's SLA and the escalation grace become part of the dispatch, like the service SLA: the district SLA is
 * re-armed when no team is left and the order goes back to the district, and the grace stops while the team waits
 * on the enterprise. Both are read by the queue's SQL sort. Existing dispatches take their due instants from the
 * timers already armed for them (basis `working-days`, the production setting of ESCALATION_GRACE).
 */
export class DispatchClocks1766100000000 implements MigrationInterface {
  name = 'DispatchClocks1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatches ADD COLUMN district_due_at timestamptz, ADD COLUMN grace_sla jsonb`);
    await q.query(`
      UPDATE dispatches d SET district_due_at = t.due_at
        FROM timers t
       WHERE t.kind = 'dispatch.district-sla' AND t.subject = d.id::text AND d.status IN ('QUEUED', 'DISTRICT_ACCEPTED') AND d.run_id IS NULL`);
    await q.query(`
      UPDATE dispatches d SET grace_sla = jsonb_build_object('status', 'RUNNING', 'basis', 'working-days', 'dueAt', to_jsonb(t.due_at))
        FROM timers t
       WHERE t.kind = 'dispatch.escalation-grace' AND t.subject = d.id::text AND d.service_overdue_at IS NOT NULL`);
    // The district queue in submission order: sort=recent, and the SLA sort's tie-break.
    await q.query(`CREATE INDEX dispatches_district_submitted ON dispatches (district_code, submitted_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dispatches_district_submitted`);
    await q.query(`ALTER TABLE dispatches DROP COLUMN grace_sla, DROP COLUMN district_due_at`);
  }
}
