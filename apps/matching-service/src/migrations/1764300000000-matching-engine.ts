import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate profiles with their stored analysis (so the index rebuilds without re-segmenting), the ratings and
 * upheld disputes that feed reputation and 回避, ranking runs with their overrides, and batch-assignment runs.
 */
export class MatchingEngine1764300000000 implements MigrationInterface {
  name = 'MatchingEngine1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate_profiles (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('team', 'solver', 'expert')),
        name text NOT NULL,
        org_id text NOT NULL,
        org_name text NOT NULL,
        owner_id text,
        district_code char(6),
        region text NOT NULL,
        city text,
        fields jsonb NOT NULL,
        capabilities text NOT NULL,
        past_work jsonb NOT NULL,
        keywords jsonb NOT NULL,
        max_load integer NOT NULL,
        open_load integer NOT NULL,
        affiliations jsonb NOT NULL,
        suspended boolean NOT NULL,
        willingness text NOT NULL,
        analysis jsonb NOT NULL,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX candidate_profiles_kind_district ON candidate_profiles (kind, district_code)`);
    await q.query(`CREATE INDEX candidate_profiles_org ON candidate_profiles (org_id)`);
    await q.query(`
      CREATE TABLE candidate_ratings (
        profile_id uuid NOT NULL REFERENCES candidate_profiles (id),
        rating_id text NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        rated_at timestamptz NOT NULL,
        enterprise_org_id text NOT NULL,
        PRIMARY KEY (profile_id, rating_id)
      )`);
    await q.query(`
      CREATE TABLE candidate_disputes (
        profile_id uuid NOT NULL REFERENCES candidate_profiles (id),
        dispute_id text NOT NULL,
        enterprise_org_id text NOT NULL,
        upheld_at timestamptz NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (profile_id, dispute_id)
      )`);
    await q.query(`
      CREATE TABLE match_runs (
        id uuid PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id text,
        requested_by text NOT NULL,
        requester_role text NOT NULL,
        requester_org_id text NOT NULL,
        district_code char(6),
        need jsonb NOT NULL,
        config jsonb NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX match_runs_subject ON match_runs (subject_type, subject_id)`);
    await q.query(`
      CREATE TABLE match_overrides (
        id uuid PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES match_runs (id),
        candidate_id uuid NOT NULL,
        reason text NOT NULL,
        score double precision NOT NULL,
        would_rank integer NOT NULL,
        breakdown jsonb NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_org_id text NOT NULL,
        at timestamptz NOT NULL,
        UNIQUE (run_id, candidate_id)
      )`);
    await q.query(`
      CREATE TABLE assignment_runs (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        stage text NOT NULL,
        progress integer NOT NULL,
        requested_by text NOT NULL,
        requester_role text NOT NULL,
        requester_org_id text NOT NULL,
        district_code char(6),
        request jsonb NOT NULL,
        config jsonb NOT NULL,
        result jsonb,
        error jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX assignment_runs_open ON assignment_runs (status) WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assignment_runs', 'match_overrides', 'match_runs', 'candidate_disputes', 'candidate_ratings', 'candidate_profiles']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
