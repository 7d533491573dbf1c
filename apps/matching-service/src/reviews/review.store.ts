import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExpertReview } from '@jiebang/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type ReviewStatus = 'ASSIGNED' | 'DECLINED' | 'SUBMITTED' | 'REPLACED';

/** An expert profile that may review in person: active, with the user account it belongs to. */
export interface ReviewerProfile {
  id: string;
  ownerId: string;
  name: string;
}

export interface NewReview {
  id: string;
  challengeId: string;
  applicationId: string;
  expert: ReviewerProfile;
}

/** Reviews, the experts they go to, and the runs requested for a round. */
@Injectable()
export class ReviewStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The expert pool: active expert profiles with an owner, all of them or the ones named. */
  async reviewers(em: EntityManager, ids?: string[]): Promise<ReviewerProfile[]> {
    const rows: { id: string; owner_id: string; name: string }[] = await em.query(
      `SELECT id, owner_id, name FROM candidate_profiles
        WHERE kind = 'expert' AND owner_id IS NOT NULL AND withdrawn_at IS NULL AND NOT suspended
          AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
        ORDER BY id`,
      [ids ?? null],
    );
    return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, name: r.name }));
  }

  /** Conflicts experts declared on this round's applications: they stay missing edges in any later run. */
  async declaredConflicts(em: EntityManager, challengeId: string): Promise<{ itemId: string; candidateId: string; reason?: string }[]> {
    const rows: { application_id: string; expert_profile_id: string; conflict_reason: string | null }[] = await em.query(
      `SELECT application_id, expert_profile_id, conflict_reason FROM reviews WHERE challenge_id = $1 AND status = 'DECLINED'`,
      [challengeId],
    );
    return rows.map((r) => ({ itemId: r.application_id, candidateId: r.expert_profile_id, ...(r.conflict_reason ? { reason: r.conflict_reason.slice(0, 200) } : {}) }));
  }

  async recordRun(em: EntityManager, runId: string, challengeId: string): Promise<void> {
    await em.query(`INSERT INTO review_assignment_runs (run_id, challenge_id) VALUES ($1, $2)`, [runId, challengeId]);
  }

  async isRunOf(em: EntityManager, runId: string, challengeId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM review_assignment_runs WHERE run_id = $1 AND challenge_id = $2`, [runId, challengeId]);
    return rows.length > 0;
  }

  async insert(em: EntityManager, r: NewReview, at: Date): Promise<void> {
    await em.query(
      `INSERT INTO reviews (id, challenge_id, application_id, expert_profile_id, owner_id, expert_name, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ASSIGNED', $7, $7)`,
      [r.id, r.challengeId, r.applicationId, r.expert.id, r.expert.ownerId, r.expert.name, at],
    );
  }

  /**
   * Every expert's scores on the application of this review, once the round is closed; none while it is open, so an
   * expert never scores knowing the others' scores.
   */
  panel(reviewId: string): Promise<{ expert: string; scores: unknown; comments: string | null }[]> {
    return this.ds.query(
      `SELECT o.expert_name AS expert, o.scores, o.comments
         FROM reviews r
         JOIN review_rounds rr ON rr.challenge_id = r.challenge_id AND rr.completed_at IS NOT NULL
         JOIN reviews o ON o.application_id = r.application_id AND o.status = 'SUBMITTED'
        WHERE r.id = $1 AND r.status = 'SUBMITTED'
        ORDER BY o.submitted_at, o.id`,
      [reviewId],
    );
  }

  /** The caller's reviews, newest first; the application's material only while the review is not declined. */
  async listOwn(ownerId: string, reviewId?: string): Promise<OwnReview[]> {
    return this.ds.query(
      `SELECT r.id, r.challenge_id AS "challengeId", r.application_id AS "applicationId", r.expert_profile_id AS "expertProfileId",
              r.status, r.scores, r.comments, r.submitted_at AS "submittedAt", k.title AS "challengeTitle",
              a.applicant_name AS "applicantName",
              CASE WHEN r.status IN ('DECLINED', 'REPLACED') THEN NULL ELSE a.proposal END AS proposal
         FROM reviews r JOIN applications a ON a.id = r.application_id JOIN known_challenges k ON k.id = r.challenge_id
        WHERE r.owner_id = $1 AND ($2::uuid IS NULL OR r.id = $2::uuid)
        ORDER BY r.created_at DESC, r.id`,
      [ownerId, reviewId ?? null],
    );
  }
}

export interface OwnReview {
  id: string;
  challengeId: string;
  applicationId: string;
  status: ReviewStatus;
  proposal: unknown;
}

export function expertOf(r: ReviewerProfile, reviewId: string): ExpertReview {
  return { reviewId, profileId: r.id, ownerId: r.ownerId, name: r.name };
}

/** A review row as the commands read it. */
export interface ReviewRow {
  id: string;
  challengeId: string;
  applicationId: string;
  expertProfileId: string;
  ownerId: string;
  expertName: string;
  status: ReviewStatus;
  scores: { technical: number; team: number; feasibility: number } | null;
  submittedAt: Date | null;
}

const ROW = `id, challenge_id AS "challengeId", application_id AS "applicationId", expert_profile_id AS "expertProfileId",
  owner_id AS "ownerId", expert_name AS "expertName", status, scores, submitted_at AS "submittedAt"`;

export async function lockOwnReview(em: EntityManager, id: string, ownerId: string): Promise<ReviewRow | null> {
  const rows: ReviewRow[] = await em.query(`SELECT ${ROW} FROM reviews WHERE id = $1 AND owner_id = $2 FOR UPDATE`, [id, ownerId]);
  return rows[0] ?? null;
}

export async function lockReview(em: EntityManager, id: string): Promise<ReviewRow | null> {
  const rows: ReviewRow[] = await em.query(`SELECT ${ROW} FROM reviews WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export function roundReviews(em: EntityManager, challengeId: string): Promise<ReviewRow[]> {
  return em.query(`SELECT ${ROW} FROM reviews WHERE challenge_id = $1 ORDER BY submitted_at NULLS LAST, created_at, id`, [challengeId]);
}

export async function updateReview(
  em: EntityManager,
  id: string,
  set: { status: ReviewStatus; scores?: object; comments?: string; conflictReason?: string; submittedAt?: Date },
  at: Date,
): Promise<void> {
  await em.query(
    `UPDATE reviews SET status = $2, scores = COALESCE($3, scores), comments = COALESCE($4, comments),
       conflict_reason = COALESCE($5, conflict_reason), submitted_at = COALESCE($6, submitted_at), updated_at = $7
     WHERE id = $1`,
    [id, set.status, set.scores ? JSON.stringify(set.scores) : null, set.comments ?? null, set.conflictReason ?? null, set.submittedAt ?? null, at],
  );
}
