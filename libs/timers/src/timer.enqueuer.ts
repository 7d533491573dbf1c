import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { TransactionCommitEvent } from 'typeorm/subscriber/event/TransactionCommitEvent';
import type { TransactionRollbackEvent } from 'typeorm/subscriber/event/TransactionRollbackEvent';
import { TimerQueue } from './timer.queue';
import type { ArmedTimer } from './timer.domain';

/**
 * Adds a timer's job only once the arming transaction has committed: a short timer must not fire before its row
 * is visible (it would find nothing and be lost until the next sweep), and a rolled-back command arms nothing.
 * If Redis refuses the add, the row is armed in Postgres all the same and the sweep adds the job.
 */
@Injectable()
export class TimerEnqueuer implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('TimerEnqueuer');
  private readonly pending = new WeakMap<QueryRunner, ArmedTimer[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: TimerQueue,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterCommit(em: EntityManager, timer: ArmedTimer): void {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) return void this.schedule([timer]);
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), timer]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released inside a still-open transaction
    const timers = this.pending.get(event.queryRunner);
    this.pending.delete(event.queryRunner);
    // Not awaited: the command's answer does not wait on Redis.
    if (timers?.length) void this.schedule(timers);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async schedule(timers: ArmedTimer[]): Promise<void> {
    await this.queue.schedule(timers).catch((e: Error) => {
      this.logger.warn(`could not add ${timers.length} timer jobs (${e.message}); the sweep will re-arm them`);
    });
  }
}
