import type { EntityManager } from 'typeorm';
import type { Question } from './question.domain';

const COLUMNS = `id, challenge_id AS "challengeId", asker_org_id AS "askerOrgId", asker_role AS "askerRole", question,
  asked_at AS "askedAt", answer, answered_by_role AS "answeredByRole", answered_at AS "answeredAt"`;

/** SQL of the Q&A log. */
export const questionStore = {
  async insert(em: EntityManager, q: Question): Promise<void> {
    await em.query(
      `INSERT INTO challenge_questions (id, challenge_id, asker_org_id, asker_role, question, asked_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [q.id, q.challengeId, q.askerOrgId, q.askerRole, q.question, q.askedAt],
    );
  },

  /** The question of that 榜单, locked for its answer; another 榜单's question id finds nothing. */
  async lock(em: EntityManager, challengeId: string, id: string): Promise<Question | null> {
    const [row] = (await em.query(`SELECT ${COLUMNS} FROM challenge_questions WHERE id = $1 AND challenge_id = $2 FOR UPDATE`, [id, challengeId])) as Question[];
    return row ?? null;
  },

  async saveAnswer(em: EntityManager, q: Question): Promise<void> {
    await em.query(`UPDATE challenge_questions SET answer = $2, answered_by_role = $3, answered_at = $4 WHERE id = $1`, [
      q.id,
      q.answer,
      q.answeredByRole,
      q.answeredAt,
    ]);
  },

  async list(em: EntityManager, challengeId: string): Promise<Question[]> {
    return (await em.query(`SELECT ${COLUMNS} FROM challenge_questions WHERE challenge_id = $1 ORDER BY asked_at, id`, [challengeId])) as Question[];
  },
};
