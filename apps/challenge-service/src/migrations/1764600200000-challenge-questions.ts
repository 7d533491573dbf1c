import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Q&A log (答疑) of a 榜单: questions by solvers and teams, answers by its enterprise or the bureau. */
export class ChallengeQuestions1764600200000 implements MigrationInterface {
  name = 'ChallengeQuestions1764600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE challenge_questions (
        id uuid PRIMARY KEY,
        challenge_id uuid NOT NULL REFERENCES challenges (id),
        asker_org_id text NOT NULL,
        asker_role text NOT NULL,
        question text NOT NULL,
        asked_at timestamptz NOT NULL,
        answer text,
        answered_by_role text,
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX challenge_questions_challenge_idx ON challenge_questions (challenge_id, asked_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE challenge_questions`);
  }
}
