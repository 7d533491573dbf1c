import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ReviewRound {
  challengeId: string;
  version: number;
  formalCheckCompletedAt: Date | null;
  runId: string | null;
  assignedAt: Date | null;
  dueAt: Date | null;
  completedAt: Date | null;
}

/** The review round of one closed 榜单: the `review` stream's aggregate (its version is the events' sequence). */
@Injectable()
export class ReviewRoundStore {
  /** Opens the round at closing; false if it was already open (a replayed or re-driven closing). */
  async open(em: EntityManager, challengeId: string, closedAt: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO review_rounds (challenge_id, version, closed_at) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING RETURNING challenge_id`,
      [challengeId, closedAt],
    );
    return rows.length > 0;
  }

  /** The round, locked; null before the 榜单 closed. */
  async lock(em: EntityManager, challengeId: string): Promise<ReviewRound | null> {
    const rows: { version: number; formal_check_completed_at: Date | null; run_id: string | null; assigned_at: Date | null; due_at: Date | null; completed_at: Date | null }[] =
      await em.query(`SELECT version, formal_check_completed_at, run_id, assigned_at, due_at, completed_at FROM review_rounds WHERE challenge_id = $1 FOR UPDATE`, [
        challengeId,
      ]);
    const r = rows[0];
    return r
      ? { challengeId, version: r.version, formalCheckCompletedAt: r.formal_check_completed_at, runId: r.run_id, assignedAt: r.assigned_at, dueAt: r.due_at, completedAt: r.completed_at }
      : null;
  }

  /** Marks the formal check complete and returns the round's new version. */
  async completeFormalCheck(em: EntityManager, challengeId: string, at: Date): Promise<number> {
    const [rows] = (await em.query(
      `UPDATE review_rounds SET version = version + 1, formal_check_completed_at = $2 WHERE challenge_id = $1 RETURNING version`,
      [challengeId, at],
    )) as [{ version: number }[], number];
    return rows[0].version;
  }

  /** Records the confirmed run and the review deadline; returns the round's new version. */
  async assign(em: EntityManager, challengeId: string, runId: string, dueAt: Date, at: Date): Promise<number> {
    const [rows] = (await em.query(
      `UPDATE review_rounds SET version = version + 1, run_id = $2, due_at = $3, assigned_at = $4 WHERE challenge_id = $1 RETURNING version`,
      [challengeId, runId, dueAt, at],
    )) as [{ version: number }[], number];
    return rows[0].version;
  }

  /** A round fact that changes nothing else (a reminder): the new version. */
  async bump(em: EntityManager, challengeId: string): Promise<number> {
    const [rows] = (await em.query(`UPDATE review_rounds SET version = version + 1 WHERE challenge_id = $1 RETURNING version`, [challengeId])) as [
      { version: number }[],
      number,
    ];
    return rows[0].version;
  }

  /** Closes the round with its ranking; returns the new version. */
  async complete(em: EntityManager, challengeId: string, ranking: unknown, at: Date): Promise<number> {
    const [rows] = (await em.query(
      `UPDATE review_rounds SET version = version + 1, completed_at = $2, ranking = $3 WHERE challenge_id = $1 RETURNING version`,
      [challengeId, at, JSON.stringify(ranking)],
    )) as [{ version: number }[], number];
    return rows[0].version;
  }

  /** Opens a closed round again with a new review deadline; returns the new version. */
  async reopen(em: EntityManager, challengeId: string, dueAt: Date): Promise<number> {
    const [rows] = (await em.query(
      `UPDATE review_rounds SET version = version + 1, completed_at = NULL, ranking = NULL, due_at = $2 WHERE challenge_id = $1 RETURNING version`,
      [challengeId, dueAt],
    )) as [{ version: number }[], number];
    return rows[0].version;
  }
}
