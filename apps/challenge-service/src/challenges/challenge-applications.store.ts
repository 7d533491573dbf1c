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
