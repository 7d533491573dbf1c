import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ArmedTimer, ArmTimer } from './timer.domain';
import type { TimerHandler } from './timer.handler';
import { TimerEnqueuer } from './timer.enqueuer';

/**
 * Arms, re-arms and cancels timers through the caller's EntityManager, so they commit or roll back with the
 * business change; the BullMQ job is added once that transaction has committed. One timer per (kind, subject).
 */
@Injectable()
export class Timers {
  private readonly handlers = new Map<string, TimerHandler<any>>();

  constructor(private readonly enqueuer: TimerEnqueuer) {}

  handle(handler: TimerHandler<any>): void {
    if (this.handlers.has(handler.kind)) throw new Error(`timer kind ${handler.kind} already has a handler`);
    this.handlers.set(handler.kind, handler);
  }

  handlerFor(kind: string): TimerHandler {
    const handler = this.handlers.get(kind);
    // Thrown inside the job: it fails and is retried, and the timer stays armed until a release handles the kind.
    if (!handler) throw new Error(`no handler registered for timer kind ${kind}`);
    return handler;
  }

  /** Arms the timer, or re-arms it for a new due time (the old job then finds it moved on and does nothing). */
  async arm(em: EntityManager, t: ArmTimer): Promise<ArmedTimer> {
    const [row] = (await em.query(
      `INSERT INTO timers (id, kind, subject, status, due_at, data, correlation_id, causation_id)
       VALUES ($1, $2, $3, 'armed', $4, $5, $6, $7)
       ON CONFLICT (kind, subject) DO UPDATE SET
         status = 'armed', due_at = EXCLUDED.due_at, data = EXCLUDED.data, correlation_id = EXCLUDED.correlation_id,
         causation_id = EXCLUDED.causation_id, armed_at = now(), fired_at = NULL, cancelled_at = NULL, last_error = NULL
       RETURNING id, due_at`,
      [randomUUID(), t.kind, t.subject, t.dueAt, JSON.stringify(t.data ?? {}), t.ctx.correlationId, t.ctx.causationId ?? null],
    )) as { id: string; due_at: Date }[];
    const armed = { id: row.id, dueAt: row.due_at };
    this.enqueuer.afterCommit(em, armed);
    return armed;
  }

  /** Cancels an armed timer; its job finds it cancelled and does nothing. Resolves whether there was one to cancel. */
  async cancel(em: EntityManager, kind: string, subject: string): Promise<boolean> {
    const [, affected] = (await em.query(
      `UPDATE timers SET status = 'cancelled', cancelled_at = now() WHERE kind = $1 AND subject = $2 AND status = 'armed' RETURNING id`,
      [kind, subject],
    )) as [unknown[], number];
    return affected > 0;
  }
}
