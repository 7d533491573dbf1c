import type { ApplicantRef } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';

/** SQL of the `challenge_applications` read model (matching-service's applications, as this service needs them). */
export const challengeApplicationsStore = {
  /** The organisations with an active application to the 榜单, each once per role, in a stable order. */
  async applicants(em: EntityManager, challengeId: string): Promise<ApplicantRef[]> {
    const rows = (await em.query(
      `SELECT DISTINCT applicant_org_id AS "orgId", applicant_role AS role FROM challenge_applications
       WHERE challenge_id = $1 AND active ORDER BY 1, 2`,
      [challengeId],
    )) as ApplicantRef[];
    return rows;
  },

  async activeCount(em: EntityManager, challengeId: string): Promise<number> {
    const [row] = (await em.query(`SELECT count(*)::int AS n FROM challenge_applications WHERE challenge_id = $1 AND active`, [challengeId])) as {
      n: number;
    }[];
    return row.n;
  },
};

/** One application as the read model keeps it, with the sequence of the fact it was last set from. */
export interface ApplicationFact {
  applicationId: string;
  challengeId: string;
  applicantOrgId: string;
  applicantRole: string;
  active: boolean;
  sequence: number;
}

/**
 * Applies the fact if it is newer than what the row holds: a replay (same sequence) or a stale re-drive (lower) leaves
 * it as it is.
 */
export async function applyApplicationFact(em: EntityManager, f: ApplicationFact): Promise<void> {
  await em.query(
    `INSERT INTO challenge_applications (application_id, challenge_id, applicant_org_id, applicant_role, active, sequence)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id) DO UPDATE SET
       active = EXCLUDED.active, applicant_org_id = EXCLUDED.applicant_org_id, applicant_role = EXCLUDED.applicant_role,
       sequence = EXCLUDED.sequence, updated_at = now()
     WHERE challenge_applications.sequence < EXCLUDED.sequence`,
    [f.applicationId, f.challengeId, f.applicantOrgId, f.applicantRole, f.active, f.sequence],
  );
}
