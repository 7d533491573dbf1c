import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { CandidateIndex } from '../ranking/candidate-index';
import { RankingEngine } from '../ranking/ranking.engine';
import { ProfileIndexLoader, type LoadedProfiles } from './profile-index.loader';
import { PROFILE_CHANNEL } from './profile.store';

const PAGE = 5_000;
const RECONNECT_MS = 1_000;

/**
 * Keeps this instance's in-memory index equal to Postgres. At boot it rebuilds from the table; afterwards every
 * committed profile change arrives as a NOTIFY (written in the same transaction, by the HTTP path or by the Kafka
 * consumer, on any instance) and only that profile is reloaded. NOTIFY is not durable, so after the listening
 * connection drops the index is rebuilt once it is back.
 */
@Injectable()
export class ProfileIndexSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProfileIndex');
  private readonly loader: ProfileIndexLoader;
  private listener?: Client;
  private stopped = false;
  private rebuilding?: Set<string>;
  private pending = new Set<string>();
  private flushing?: Promise<void>;
  ready = false;
  lastRebuild?: { profiles: number; ms: number; reanalysed: number; at: string };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly engine: RankingEngine,
  ) {
    this.loader = new ProfileIndexLoader(ds, () => this.engine.index);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    await this.rebuild();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** Builds a fresh index from every profile and swaps it in; changes seen meanwhile are replayed on the new one. */
  async rebuild(): Promise<void> {
    const started = performance.now();
    this.rebuilding = new Set();
    const index = new CandidateIndex(this.engine.index.analyzer, this.engine.index.settings);
    let reanalysed = 0;
    // The next page is read while this one is indexed: Postgres I/O overlaps the CPU-bound indexing.
    let next = this.loader.page(null, PAGE);
    for (;;) {
      const page = await next;
      if (page.lastId) next = this.loader.page(page.lastId, PAGE);
      for (const e of page.entries) index.upsert(e.facts, e.analysis);
      reanalysed += page.reanalysed;
      if (!page.lastId) break;
    }
    index.trim();
    this.engine.index = index;
    const seen = [...this.rebuilding];
    this.rebuilding = undefined;
    if (seen.length) await this.refresh(seen);
    this.ready = true;
    const ms = Math.round(performance.now() - started);
    this.lastRebuild = { profiles: index.size, ms, reanalysed, at: new Date().toISOString() };
    this.logger.log(`index rebuilt: ${index.size} profiles in ${ms} ms (${reanalysed} re-analysed)`);
  }

  /** Reloads these profiles from Postgres into the index (upsert, or removal when withdrawn or gone). */
  async refresh(ids: string[]): Promise<void> {
    if (this.rebuilding) for (const id of ids) this.rebuilding.add(id);
    this.apply(await this.loader.byIds(ids));
  }

  private apply(loaded: LoadedProfiles): void {
    const index = this.engine.index;
    for (const e of loaded.entries) index.upsert(e.facts, e.analysis);
    for (const id of loaded.gone) index.remove(id);
  }

  private async listen(): Promise<void> {
    const o = this.ds.options as PostgresDataSourceOptions;
    const client = new Client({
      host: o.host,
      port: o.port,
      user: o.username,
      password: typeof o.password === 'string' ? o.password : undefined,
      database: o.database,
    });
    client.on('notification', (n) => n.payload && this.enqueue(n.payload));
    client.on('error', (e) => this.logger.warn(`profile listener: ${e.message}`));
    client.on('end', () => void this.reconnect());
    await client.connect();
    await client.query(`LISTEN ${PROFILE_CHANNEL}`);
    this.listener = client;
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    this.listener = undefined;
    await new Promise((r) => setTimeout(r, RECONNECT_MS));
    try {
      await this.listen();
      await this.rebuild();
    } catch (e) {
      this.logger.warn(`profile listener reconnect failed: ${(e as Error).message}`);
      void this.reconnect();
    }
  }

  // Notifications arrive one per changed profile; a burst (a seed, a bulk import) is loaded in one query.
  private enqueue(id: string): void {
    this.pending.add(id);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        const ids = [...this.pending];
        this.pending.clear();
        await this.refresh(ids);
      })
      .catch((e: Error) => this.logger.warn(`index refresh failed: ${e.message}`))
      .finally(() => {
        this.flushing = undefined;
        if (this.pending.size) this.enqueue([...this.pending][0]);
      });
  }
}
