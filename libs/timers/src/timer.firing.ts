import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decideFiring, type FireRequest, type FiringOutcome, type TimerRecord } from './timer.domain';
import { TIMER_ACTOR } from './timer.handler';
import { Timers } from './timers';

interface TimerRow {
  id: string;
  kind: string;
  subject: string;
  status: TimerRecord['status'];
  due_at: Date;
  data: Record<string, unknown>;
  correlation_id: string;
  causation_id: string | null;
}

/**
 * One firing, one transaction: lock the aggregate, then the timer row; fire only if the timer is still armed for
 * the job's due time; the handler's effects and the `fired` mark commit together. A duplicate, stalled or stale job
 * therefore does nothing, and a handler that fails leaves the timer armed for the next try.
 */
@Injectable()
export class TimerFiring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: Timers,
  ) {}

  fire(request: FireRequest): Promise<FiringOutcome> {
    return this.dataSource.transaction(async (em) => {
      // Kind and subject never change for an id, so reading them before any lock is safe.
      const [peek] = (await em.query(`SELECT kind, subject FROM timers WHERE id = $1`, [request.timerId])) as TimerRow[];
      if (!peek) return 'missing';
      const handler = this.timers.handlerFor(peek.kind);
      await handler.lockSubject(em, peek.subject);
      const [row] = (await em.query(`SELECT * FROM timers WHERE id = $1 FOR UPDATE`, [request.timerId])) as TimerRow[];
      const decision = decideFiring(row && { ...row, dueAt: row.due_at }, request);
      if (decision !== 'fire') return decision;
      const firedAt = new Date();
      await handler.fire(em, {
        id: row.id,
        kind: row.kind,
        subject: row.subject,
        dueAt: row.due_at,
        firedAt,
        data: row.data,
        ctx: { actor: TIMER_ACTOR, correlationId: row.correlation_id, causationId: row.causation_id },
      });
      // A handler may re-arm its own timer for a later due time (the next offer's deadline): that one stays armed.
      await em.query(`UPDATE timers SET status = 'fired', fired_at = $2, last_error = NULL WHERE id = $1 AND due_at = $3`, [
        row.id,
        firedAt,
        row.due_at,
      ]);
      return 'fired';
    });
  }

  /** For operators: why an armed timer has not fired yet (best effort; the job's own record keeps the stack). */
  async recordFailure(request: FireRequest, error: string): Promise<void> {
    await this.dataSource
      .query(`UPDATE timers SET last_error = $3 WHERE id = $1 AND due_at = $2 AND status = 'armed'`, [
        request.timerId,
        new Date(request.dueAt),
        error.slice(0, 2000),
      ])
      .catch(() => undefined);
  }
}
