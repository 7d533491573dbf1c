import type { EntityManager } from 'typeorm';

/** SQL of `challenge_terms_acceptances`: which organisations accepted a 榜单's terms (保密承诺). */
export const termsStore = {
  /** Records the acceptance; resolves false when the organisation had already accepted (nothing new happened). */
  async accept(em: EntityManager, challengeId: string, orgId: string, role: string, at: Date): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO challenge_terms_acceptances (challenge_id, org_id, role, accepted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (challenge_id, org_id) DO NOTHING RETURNING org_id`,
      [challengeId, orgId, role, at],
    )) as unknown[];
    return rows.length > 0;
  },

  async acceptedAt(em: EntityManager, challengeId: string, orgId: string): Promise<Date | null> {
    const [row] = (await em.query(`SELECT accepted_at FROM challenge_terms_acceptances WHERE challenge_id = $1 AND org_id = $2`, [
      challengeId,
      orgId,
    ])) as { accepted_at: Date }[];
    return row?.accepted_at ?? null;
  },
};
