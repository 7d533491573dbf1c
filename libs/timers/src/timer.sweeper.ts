import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDateOf } from '@jiebang/contracts';
import type { DataSource } from 'typeorm';
import { TimerQueue } from './timer.queue';
import { TIMERS_OPTIONS, type TimersOptions } from './timers-options';
import type { ArmedTimer } from './timer.domain';
import { lastCoveredYear } from './working-days.domain';

const BATCH = 500;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
/** At boot the queue's connection may still be opening; past this, the sweep gives up until its next turn. */
const READY_TIMEOUT_MS = 10_000;

/**
 * Postgres holds every armed timer; Redis here keeps nothing on disk. At boot and then periodically, each armed
 * timer's job is added again: BullMQ ignores an id it still holds, so only lost jobs come back. For timers already
 * due, a job that finished without firing them (every try failed) is replaced too.
 */
@Injectable()
export class TimerSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TimerSweeper');
  private interval?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(TIMERS_OPTIONS) private readonly options: TimersOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: TimerQueue,
  ) {}

  onApplicationBootstrap(): void {
    const year = Number(chinaDateOf(new Date()).slice(0, 4));
    if (lastCoveredYear() < year) {
      this.logger.warn(`chinese-days has no official holiday arrangement for ${year}: working days fall back to Monday–Friday; update the package`);
    }
    void this.sweep();
    this.interval = setInterval(() => void this.sweep(), this.options.sweepIntervalMs).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  /** Re-arms from Postgres; resolves to the number of armed timers seen. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.run()
      .catch((e: Error) => {
        this.logger.warn(`timer sweep failed (${e.message}); next one in ${this.options.sweepIntervalMs} ms`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<number> {
    await Promise.race([
      this.queue.queue.waitUntilReady(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Redis not ready')), READY_TIMEOUT_MS).unref()),
    ]);
    let seen = 0;
    for (let after = FIRST_ID; ; ) {
      const rows = (await this.dataSource.query(
        `SELECT id, due_at FROM timers WHERE status = 'armed' AND id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      )) as { id: string; due_at: Date }[];
      if (!rows.length) return seen;
      const now = new Date();
      const timers: ArmedTimer[] = rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
      await this.queue.add(timers.filter((t) => t.dueAt > now), now);
      await this.queue.schedule(timers.filter((t) => t.dueAt <= now), now);
      seen += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
}
