import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { context, type Context } from '@jiebang/telemetry';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { TransactionCommitEvent } from 'typeorm/subscriber/event/TransactionCommitEvent';
import type { TransactionRollbackEvent } from 'typeorm/subscriber/event/TransactionRollbackEvent';
import { DeliveryQueues, type JobRef } from '../queues/delivery.queues';

/**
 * Adds delivery jobs only once the transaction that wrote their rows has committed: a worker must never look for
 * a row that is not there yet, nor send something a rollback took back. If Redis refuses the add, nothing is lost
 * (the rows are pending in Postgres) and the sweep adds the jobs later; the event's handling does not fail for it.
 */
@Injectable()
export class DeliveryEnqueuer implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('DeliveryEnqueuer');
  /** Jobs waiting for their transaction, with the trace context of the handler that planned them. */
  private readonly waiting = new WeakMap<QueryRunner, { items: JobRef[]; ctx: Context }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: DeliveryQueues,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Adds the jobs once `em`'s transaction commits (at once if `em` is not in one). */
  async afterCommit(em: EntityManager, items: JobRef[]): Promise<void> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) return this.enqueue(items);
    this.waiting.set(runner, { items: [...(this.waiting.get(runner)?.items ?? []), ...items], ctx: context.active() });
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released inside a still-open transaction
    const waiting = this.waiting.get(event.queryRunner);
    this.waiting.delete(event.queryRunner);
    // Not awaited: the rows are durable already, and the event's partition need not wait on Redis. The jobs carry
    // the handler's trace, whatever context the commit hook happens to run in.
    if (waiting?.items.length) void context.with(waiting.ctx, () => this.enqueue(waiting.items));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }

  private async enqueue(items: JobRef[]): Promise<void> {
    await this.queues.enqueue(items).catch((e: Error) => {
      this.logger.warn(`could not enqueue ${items.length} deliveries (${e.message}); the sweep will re-arm them`);
    });
  }
}
