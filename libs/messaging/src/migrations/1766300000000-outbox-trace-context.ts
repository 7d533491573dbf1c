import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context ({traceparent, tracestate}) of the transaction that wrote the row, so the relay can
 * continue the request's trace when it publishes later from its own loop. Null when tracing was off.
 */
export class OutboxTraceContext1766300000000 implements MigrationInterface {
  name = 'OutboxTraceContext1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN trace_context jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN trace_context`);
  }
}
