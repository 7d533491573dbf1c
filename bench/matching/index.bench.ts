import 'reflect-metadata';
import { dataSourceOptions } from '@jiebang/service-kit';
import { DataSource } from 'typeorm';
import { loadConfig } from '@jiebang/matching-service/src/config';
import { DATABASE } from '@jiebang/matching-service/src/database';
import { packTerms } from '@jiebang/matching-service/src/engine/candidate-index';
import { ProfileIndexSync } from '@jiebang/matching-service/src/ranking/profile-index.sync';
import { machine, table } from '../support/stats';
import type { CandidateAnalysis, RankingEngine } from '@jiebang/matching-service/src/engine';
import { generateProfiles, type GeneratedProfile } from './generator';
import { benchDatabase, dropDatabase } from './pg';
import { emptyEngine } from './world';

/**
 * The index at 100,000 profiles: a restart's rebuild from Postgres through the service's own code path
 * (ProfileIndexSync.rebuild: keyset pages of stored analyses → index), the memory the index holds, and an
 * incremental update. Floors in the same run: reading the same rows without indexing them, and segmenting the
 * profiles from their text (the cost the stored analysis saves at every restart).
 *
 *   npm run bench:matching:index -- [--profiles 100000]
 */
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const N = Number(args.profiles ?? 100_000);
const DB_PREFIX = 'jiebang_matching_bench_index';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gc = () => (global as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  console.log(`index benchmark on ${machine()}; ${N.toLocaleString('en')} generated profiles\n`);
  const profiles = generateProfiles(N);
  const engine = emptyEngine();
  const t = performance.now();
  const all = profiles.map((p) => engine.index.analyze(p.text));
  const segmentMs = performance.now() - t;

  const db = await benchDatabase(DB_PREFIX);
  try {
    await measure(db, profiles, engine, all, segmentMs);
  } finally {
    await dropDatabase(db);
  }
}

async function measure(db: string, profiles: GeneratedProfile[], engine: RankingEngine, all: CandidateAnalysis[], segmentMs: number): Promise<void> {
  const config = loadConfig({ ...process.env, PGDATABASE: db });
  const ds = new DataSource({ ...dataSourceOptions(config, DATABASE), logging: false });
  await ds.initialize();
  await ds.runMigrations();
  for (let i = 0; i < N; i += 1000) {
    const rows = profiles.slice(i, i + 1000);
    const values = rows.map((_, j) => `($${j * 8 + 1}, 1, $${j * 8 + 2}, $${j * 8 + 3}, $${j * 8 + 4}, $${j * 8 + 4}, $${j * 8 + 5}, $${j * 8 + 6}, '[]', $${j * 8 + 7}, '[]', '[]', 5, 0, '[]', false, 'neutral', $${j * 8 + 8}, now())`);
    await ds.query(
      `INSERT INTO candidate_profiles (id, version, kind, name, org_id, org_name, district_code, region, fields, capabilities, past_work,
         keywords, max_load, open_load, affiliations, suspended, willingness, analysis, updated_at) VALUES ${values.join(',')}`,
      rows.flatMap((p, j) => [p.facts.id, p.facts.kind, p.facts.name, p.facts.orgId, p.facts.districtCode, p.facts.region, p.capabilities, JSON.stringify(all[i + j])]),
    );
  }
  const [{ size }] = await ds.query(`SELECT pg_total_relation_size('candidate_profiles') AS size`);
  console.log(`stored: ${N.toLocaleString('en')} profiles, table ${mb(Number(size))}; packed analysis e.g. ${packTerms(['压铸', '气孔', '压铸']).replace('\u001f', '␟')}\n`);

  let t = performance.now();
  let rows = 0;
  for (let after: string | null = null; ; ) {
    const page: { id: string; analysis: unknown }[] = await ds.query(
      `SELECT id, kind, analysis FROM candidate_profiles WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT 5000`,
      [after],
    );
    if (page.length === 0) break;
    rows += page.length;
    after = page[page.length - 1].id;
  }
  const readMs = performance.now() - t;

  all.length = 0;
  profiles.length = 0;
  gc();
  const before = process.memoryUsage();
  const sync = new ProfileIndexSync(ds, engine, config);
  t = performance.now();
  await sync.rebuild();
  const rebuildMs = performance.now() - t;
  gc();
  const after = process.memoryUsage();
  const ownEstimate = engine.index.approximateBytes();

  const updates = generateProfiles(1000, 4242);
  t = performance.now();
  updates.forEach((p, i) => {
    const facts = { ...engine.index.get(`00000000-0000-4000-8000-${((i * 97) % N).toString(16).padStart(12, '0')}`)!, version: 2 };
    engine.index.upsert(facts, engine.index.analyze(p.text));
  });
  const updateMs = (performance.now() - t) / updates.length;

  table([
    ['measure', 'value'],
    ['rebuild from Postgres (ProfileIndexSync.rebuild)', `${(rebuildMs / 1000).toFixed(2)} s for ${engine.index.size.toLocaleString('en')} profiles`],
    ['floor: read the same rows, no indexing', `${(readMs / 1000).toFixed(2)} s (${rows.toLocaleString('en')} rows)`],
    ['floor: segment every profile from text instead', `${(segmentMs / 1000).toFixed(1)} s`],
    ['index memory (heap + array buffers, after GC)', mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)],
    ['index memory (own estimate of postings and forward lists)', mb(ownEstimate)],
    ['process RSS after rebuild', mb(after.rss)],
    ['vocabulary (words / bigrams)', `${engine.index.words.vocabulary} / ${engine.index.grams.vocabulary}`],
    ['incremental update (re-analyse + upsert one profile)', `${updateMs.toFixed(2)} ms`],
  ]);
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
