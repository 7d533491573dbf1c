import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { MATCHING_CONFIG, type MatchingConfig } from '../config';
import { CandidateIndex } from '../engine/candidate-index';
import { RankingEngine } from '../engine/ranking.engine';
import { ProfileIndexLoader, type LoadedProfiles } from './profile-index.loader';
import { ProfileListener } from './profile-index.listener';

const PAGE = 5_000;
const RETRY_MS = 200;
const RETRY_MAX_MS = 30_000;

type SyncTimings = Pick<MatchingConfig, 'MATCHING_LISTENER_PING_MS' | 'MATCHING_LISTENER_TIMEOUT_MS' | 'MATCHING_RECONCILE_INTERVAL_MS'>;

/**
 * Keeps this instance's in-memory index equal to Postgres. At boot it rebuilds from the table; afterwards every
 * committed profile change arrives as a NOTIFY (written in the same transaction as the change, by a use case on any
 * instance) and only that profile is reloaded. What can go wrong is covered three ways:
 * - a reload that fails keeps its ids and is tried again with doubling back-off (never dropped);
 * - NOTIFY is not durable: the listener (profile-index.listener.ts) replaces a connection that does not answer its ping,
 *   and after any reconnect the index is rebuilt;
 * - a periodic reconciliation compares the index with the table (live profiles and the sum of their versions) and
 *   reloads the profiles whose version differs, whatever the reason they were missed.
 */
@Injectable()
export class ProfileIndexSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProfileIndex');
  private readonly loader: ProfileIndexLoader;
  private readonly listener: ProfileListener;
  private rebuilding?: Set<string>;
  private pending = new Set<string>();
  private flushing?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private consecutiveFailures = 0;
  private reconciler?: NodeJS.Timeout;
  ready = false;
  lastRebuild?: { profiles: number; ms: number; reanalysed: number; at: string };
  private readonly stats = { failedRefreshes: 0, reloadedByReconciliation: 0 };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly engine: RankingEngine,
    @Inject(MATCHING_CONFIG) private readonly timings: SyncTimings,
  ) {
    this.loader = new ProfileIndexLoader(ds, () => this.engine.index);
    const o = ds.options as PostgresDataSourceOptions;
    this.listener = new ProfileListener(
      { host: o.host, port: o.port, user: o.username, password: typeof o.password === 'string' ? o.password : undefined, database: o.database },
      { pingMs: timings.MATCHING_LISTENER_PING_MS, timeoutMs: timings.MATCHING_LISTENER_TIMEOUT_MS },
      { changed: (id) => this.enqueue([id]), reconnected: () => this.rebuild() },
      this.logger,
    );
  }

  /** Up once the index holds every profile and the listener is connected (after a reconnect, once it rebuilt). */
  get healthy(): boolean {
    return this.ready && this.listener.connected;
  }

  /** What readiness shows: listener connections made, reconnects and reloads that failed, reconciled profiles. */
  get counters() {
    const l = this.listener.counters;
    return { listenerConnections: l.connections, failedReconnects: l.failedReconnects, ...this.stats };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
    await this.rebuild();
    this.reconciler = setInterval(
      () => void this.reconcile().catch((e: Error) => this.logger.warn(`index reconciliation failed: ${e.message}`)),
      this.timings.MATCHING_RECONCILE_INTERVAL_MS,
    );
    this.reconciler.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reconciler);
    clearTimeout(this.retry);
    await this.listener.stop();
  }

  /** Builds a fresh index from every profile and swaps it in; changes seen meanwhile are replayed on the new one. */
  async rebuild(): Promise<void> {
    const started = performance.now();
    this.rebuilding = new Set();
    try {
      const index = new CandidateIndex(this.engine.index.analyzer, this.engine.index.settings);
      let reanalysed = 0;
      const changed: string[] = [];
      // The next page is read while this one is indexed: Postgres I/O overlaps the CPU-bound indexing.
      let next = this.loader.page(null, PAGE);
      for (;;) {
        const page = await next;
        if (page.lastId) next = this.loader.page(page.lastId, PAGE);
        for (const e of page.entries) index.upsert(e.facts, e.analysis);
        reanalysed += page.reanalysed;
        changed.push(...page.changed);
        if (!page.lastId) break;
      }
      index.trim();
      this.engine.index = index;
      const seen = [...this.rebuilding, ...changed];
      this.rebuilding = undefined;
      if (seen.length) this.enqueue(seen);
      this.ready = true;
      const ms = Math.round(performance.now() - started);
      this.lastRebuild = { profiles: index.size, ms, reanalysed, at: new Date().toISOString() };
      this.logger.log(`index rebuilt: ${index.size} profiles in ${ms} ms (${reanalysed} re-analysed)`);
    } finally {
      this.rebuilding = undefined;
    }
  }

  /** Reloads these profiles from Postgres into the index (upsert, or removal when withdrawn or gone). */
  async refresh(ids: string[]): Promise<void> {
    if (this.rebuilding) for (const id of ids) this.rebuilding.add(id);
    const loaded = await this.loader.byIds(ids);
    this.apply(loaded);
    if (loaded.changed.length) this.enqueue(loaded.changed);
  }

  /** Reloads these profiles soon, in one query with any others pending, and again until it succeeds. */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
    if (this.flushing || this.retry || this.pending.size === 0) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
      .finally(() => {
        this.flushing = undefined;
        this.enqueue([]);
      });
  }

  /**
   * Compares the index with the table: the number of live profiles and the sum of their versions (every change
   * bumps a version). When they differ, the versions are compared profile by profile and what differs is reloaded.
   * Returns how many profiles were reloaded.
   */
  async reconcile(): Promise<number> {
    if (!this.ready || this.rebuilding) return 0;
    const [db]: { live: number; versions: string }[] = await this.ds.query(
      `SELECT count(*)::int AS live, coalesce(sum(version), 0)::text AS versions FROM candidate_profiles WHERE withdrawn_at IS NULL`,
    );
    const index = this.engine.index;
    if (db.live === index.size && Number(db.versions) === index.versionSum) return 0;
    const rows: { id: string; version: number }[] = await this.ds.query(
      `SELECT id, version FROM candidate_profiles WHERE withdrawn_at IS NULL`,
    );
    const live = new Set(rows.map((r) => r.id));
    const differing = rows.filter((r) => index.get(r.id)?.version !== r.version).map((r) => r.id);
    for (const id of index.ids()) if (!live.has(id)) differing.push(id);
    if (differing.length === 0) return 0;
    this.logger.warn(`index reconciliation: ${differing.length} profiles differed from Postgres; reloading them`);
    await this.refresh(differing);
    this.stats.reloadedByReconciliation += differing.length;
    return differing.length;
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    try {
      await this.refresh(ids);
      this.consecutiveFailures = 0;
    } catch (e) {
      for (const id of ids) this.pending.add(id);
      this.stats.failedRefreshes++;
      const delay = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** this.consecutiveFailures++);
      this.logger.warn(`index refresh of ${ids.length} profiles failed (${(e as Error).message}); again in ${delay} ms`);
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.enqueue([]);
      }, delay);
    }
  }

  private apply(loaded: LoadedProfiles): void {
    const index = this.engine.index;
    for (const e of loaded.entries) index.upsert(e.facts, e.analysis);
    for (const id of loaded.gone) index.remove(id);
  }
}
