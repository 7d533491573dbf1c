import type { EntityManager } from 'typeorm';
import type { Objection } from './objection.domain';

const COLUMNS = `id, challenge_id AS "challengeId", objector_id AS "objectorId", objector_org_id AS "objectorOrgId",
  objector_role AS "objectorRole", reasons, evidence, status, lodged_at AS "lodgedAt", decided_at AS "decidedAt",
  decided_by AS "decidedBy", decision_reason AS "decisionReason", application_ids AS "applicationIds"`;

/** SQL of the objections (异议) to a 榜单's 公示. */
export const objectionStore = {
  async insert(em: EntityManager, o: Objection): Promise<void> {
    await em.query(
      `INSERT INTO challenge_objections (id, challenge_id, objector_id, objector_org_id, objector_role, reasons, evidence, status, lodged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [o.id, o.challengeId, o.objectorId, o.objectorOrgId, o.objectorRole, JSON.stringify(o.reasons), JSON.stringify(o.evidence), o.status, o.lodgedAt],
    );
  },

  /** The objection of that 榜单, locked for its decision; another 榜单's objection id finds nothing. */
  async lock(em: EntityManager, challengeId: string, id: string): Promise<Objection | null> {
    const [row] = (await em.query(`SELECT ${COLUMNS} FROM challenge_objections WHERE id = $1 AND challenge_id = $2 FOR UPDATE`, [id, challengeId])) as Objection[];
    return row ?? null;
  },

  async saveDecision(em: EntityManager, o: Objection): Promise<void> {
    await em.query(
      `UPDATE challenge_objections SET status = $2, decided_at = $3, decided_by = $4, decision_reason = $5, application_ids = $6 WHERE id = $1`,
      [o.id, o.status, o.decidedAt, o.decidedBy, o.decisionReason, JSON.stringify(o.applicationIds)],
    );
  },

  /** Open objections block the award; read under the 榜单's row lock, which every lodge and decision takes first. */
  async openCount(em: EntityManager, challengeId: string): Promise<number> {
    const [row] = (await em.query(`SELECT count(*)::int AS n FROM challenge_objections WHERE challenge_id = $1 AND status = 'OPEN'`, [challengeId])) as {
      n: number;
    }[];
    return row.n;
  },

  async list(em: EntityManager, challengeId: string): Promise<Objection[]> {
    return (await em.query(`SELECT ${COLUMNS} FROM challenge_objections WHERE challenge_id = $1 ORDER BY lodged_at, id`, [challengeId])) as Objection[];
  },
};
