import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';

/** Rows one DELETE removes: short statements, so a large backlog never holds locks for long. */
const CHUNK = 5_000;

/**
 * Every ranking stores its need, configuration and full result, so runs are kept MATCHING_RUN_RETENTION_DAYS and
 * then deleted, with finished batch runs. A ranking a district overrode is kept: the override is the audit record
 * and points at it. Every instance purges; the statements are idempotent.
 */
@Injectable()
export class RunRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RunRetention');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => void this.purge().catch((e: Error) => this.logger.warn(`run retention: ${e.message}`));
    tick();
    this.timer = setInterval(tick, this.config.MATCHING_RETENTION_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes what is older than the retention; returns how many ranking and batch runs went. */
  async purge(now = new Date()): Promise<{ rankings: number; batches: number }> {
    const before = new Date(now.getTime() - this.config.MATCHING_RUN_RETENTION_DAYS * 86_400_000);
    const rankings = await this.chunked(
      `DELETE FROM match_runs WHERE id IN (
         SELECT r.id FROM match_runs r WHERE r.created_at < $1
            AND NOT EXISTS (SELECT 1 FROM match_overrides o WHERE o.run_id = r.id) LIMIT ${CHUNK})`,
      before,
    );
    const batches = await this.chunked(
      `DELETE FROM assignment_runs WHERE id IN (SELECT id FROM assignment_runs WHERE finished_at < $1 LIMIT ${CHUNK})`,
      before,
    );
    if (rankings + batches > 0) this.logger.log(`purged ${rankings} ranking and ${batches} batch runs older than ${before.toISOString()}`);
    return { rankings, batches };
  }

  private async chunked(sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.ds.query(sql, [before])) as [unknown[], number];
      total += deleted;
      if (deleted < CHUNK) return total;
    }
  }
}
