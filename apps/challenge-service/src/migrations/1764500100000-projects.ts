import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects of awarded 榜单, their milestones, the tranche ledger and the audit trail. Money is integer yuan; the
 * ledger's per-share law (0 ≤ paid ≤ approved ≤ planned) is also a CHECK, so no code path can write past it.
 */
export class Projects1764500100000 implements MigrationInterface {
  name = 'Projects1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('SINGLE', 'HORSE_RACE')),
        elimination_policy text,
        max_rectification_rounds smallint NOT NULL,
        rectification_round smallint NOT NULL DEFAULT 0,
        enterprise_org_id text NOT NULL,
        enterprise_name text NOT NULL,
        district_code char(6) NOT NULL,
        application_id uuid NOT NULL,
        solver_org_id text NOT NULL,
        solver_name text NOT NULL,
        solver_role text NOT NULL,
        profile_id uuid NOT NULL,
        rank smallint NOT NULL,
        application_sequence integer NOT NULL DEFAULT 0,
        contracted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX projects_challenge_idx ON projects (challenge_id)`);
    await q.query(`CREATE INDEX projects_solver_idx ON projects (solver_org_id)`);
    await q.query(`CREATE INDEX projects_enterprise_idx ON projects (enterprise_org_id)`);
    await q.query(`CREATE INDEX projects_district_idx ON projects (district_code)`);
    await q.query(`
      CREATE TABLE project_milestones (
        project_id uuid NOT NULL REFERENCES projects (id),
        index smallint NOT NULL CHECK (index >= 1),
        title text NOT NULL,
        deliverables jsonb NOT NULL,
        due_offset_days integer NOT NULL,
        midterm boolean NOT NULL,
        status text NOT NULL,
        due_at timestamptz,
        submitted_at timestamptz,
        review_overdue_at timestamptz,
        submission jsonb,
        PRIMARY KEY (project_id, index)
      )`);
    await q.query(`
      CREATE TABLE challenge_tranches (
        challenge_id uuid NOT NULL,
        milestone_index smallint NOT NULL,
        tranche_yuan bigint NOT NULL CHECK (tranche_yuan >= 0),
        retained_yuan bigint NOT NULL DEFAULT 0 CHECK (retained_yuan >= 0),
        PRIMARY KEY (challenge_id, milestone_index)
      )`);
    await q.query(`
      CREATE TABLE tranche_ledger (
        project_id uuid NOT NULL REFERENCES projects (id),
        milestone_index smallint NOT NULL,
        challenge_id uuid NOT NULL,
        planned_yuan bigint NOT NULL,
        approved_yuan bigint NOT NULL DEFAULT 0,
        paid_yuan bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (project_id, milestone_index),
        FOREIGN KEY (challenge_id, milestone_index) REFERENCES challenge_tranches (challenge_id, milestone_index),
        CHECK (0 <= paid_yuan AND paid_yuan <= approved_yuan AND approved_yuan <= planned_yuan)
      )`);
    await q.query(`CREATE INDEX tranche_ledger_challenge_idx ON tranche_ledger (challenge_id, milestone_index)`);
    await q.query(`
      CREATE TABLE project_transitions (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        milestone_index smallint,
        kind text NOT NULL CHECK (kind IN ('transition', 'escalation', 'ledger')),
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
    await q.query(`CREATE INDEX project_transitions_project_idx ON project_transitions (project_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['project_transitions', 'tranche_ledger', 'challenge_tranches', 'project_milestones', 'projects']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
