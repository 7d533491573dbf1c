import { DEFAULT_WEIGHTS, needText, type Need } from '@jiebang/matching-service/src/engine';
import MiniSearch from 'minisearch';
import type { Client } from 'pg';
import { machine, ms, percentiles, table } from '../support/stats';
import { generateProfiles, type GeneratedProfile } from './generator';
import { benchDatabase, client, dropDatabase } from './pg';
import { needs } from './seeds';
import { buildEngine } from './world';

/**
 * Latency of one ranking query over 10,000 and 100,000 generated profiles: the engine (full pipeline: thesaurus,
 * bigrams, feedback, factors, hard constraints, explanations for the top 10) beside PostgreSQL full-text search
 * (to_tsvector over the same jieba-segmented text, GIN index, ts_rank_cd) and MiniSearch with the same jieba
 * tokenizer, on the same corpus and queries (the 108 technical and colloquial texts of seeds/matching/eval).
 * Floors in the same run: segmenting the query alone, and a `SELECT 1` round trip to Postgres.
 *
 *   npm run bench:matching:latency -- [--sizes 10000,100000] [--queries 400]
 */
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const SIZES = String(args.sizes ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(args.queries ?? 400);
const WARMUP = 40;
const DATABASE_PREFIX = 'jiebang_matching_bench_fts';

function queries(): Need[] {
  return needs().flatMap((n) => {
    const base = { districtCode: n.districtCode, enterpriseOrgId: n.enterpriseOrgId, relatedOrgIds: [], wants: n.wants };
    return [
      { ...base, title: n.technical.title, text: n.technical.text, keywords: n.technical.keywords, fields: n.technical.field ? [n.technical.field] : [] },
      { ...base, title: '', text: n.colloquial.text, keywords: [], fields: [] },
    ];
  });
}

async function measure(run: (q: Need) => unknown | Promise<unknown>, qs: Need[]): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run(qs[i % qs.length]);
  const samples: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const q = qs[i % qs.length];
    const t = performance.now();
    await run(q);
    samples.push(performance.now() - t);
  }
  return samples;
}

async function postgresFts(profiles: GeneratedProfile[], words: (text: string) => string[]) {
  const database = await benchDatabase(DATABASE_PREFIX);
  const db = client(database);
  const close = async () => (await db.end().catch(() => undefined), await dropDatabase(database));
  try {
    return { ...(await ftsIndex(db, profiles, words)), close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function ftsIndex(db: Client, profiles: GeneratedProfile[], words: (text: string) => string[]) {
  await db.connect();
  await db.query(`CREATE TABLE profiles (id uuid PRIMARY KEY, kind text NOT NULL, doc tsvector NOT NULL)`);
  const started = performance.now();
  for (let i = 0; i < profiles.length; i += 1000) {
    const batch = profiles.slice(i, i + 1000);
    const values = batch.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, to_tsvector('simple', $${j * 3 + 3}))`).join(',');
    const params = batch.flatMap((p) => [p.facts.id, p.facts.kind, words(corpusText(p)).join(' ')]);
    await db.query(`INSERT INTO profiles (id, kind, doc) VALUES ${values}`, params);
  }
  await db.query(`CREATE INDEX profiles_doc ON profiles USING gin (doc)`);
  await db.query(`ANALYZE profiles`);
  const buildMs = performance.now() - started;
  const search = async (q: Need) => {
    const terms = [...new Set(words(needText(q)).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean))];
    await db.query(
      `SELECT id FROM profiles, to_tsquery('simple', $1) q WHERE kind = $2 AND doc @@ q ORDER BY ts_rank_cd(doc, q) DESC LIMIT 10`,
      [terms.join(' | '), q.wants],
    );
  };
  const floor = async () => db.query('SELECT 1');
  return { search, floor, buildMs };
}

function corpusText(p: GeneratedProfile): string {
  return [p.text.name, p.text.keywords.join('，'), p.text.capabilities, ...p.text.pastWork].join('。');
}

async function main(): Promise<void> {
  console.log(`ranking latency on ${machine()}; ${QUERIES} queries per system after ${WARMUP} warm-up, k = 10\n`);
  const qs = queries();
  const rows: (string | number)[][] = [['profiles', 'system', 'p50', 'p99', 'mean', 'index build']];
  for (const size of SIZES) {
    const profiles = generateProfiles(size);
    const { engine, analyzer, analyseMs, indexMs } = buildEngine(profiles);
    const engineSamples = await measure((q) => engine.rank(q, { k: 10, weights: DEFAULT_WEIGHTS, now: new Date() }), qs);

    const miniStarted = performance.now();
    const mini = new MiniSearch<{ id: string; kind: string; text: string }>({
      fields: ['text'],
      storeFields: ['kind'],
      tokenize: (text) => analyzer.words(text),
      processTerm: (t) => t,
    });
    mini.addAll(profiles.map((p) => ({ id: p.facts.id, kind: p.facts.kind, text: corpusText(p) })));
    const miniBuild = performance.now() - miniStarted;
    const miniSamples = await measure((q) => mini.search(needText(q), { filter: (r) => r.kind === q.wants }).slice(0, 10), qs);

    const pg = await postgresFts(profiles, (t) => analyzer.words(t));
    const [pgSamples, pgFloor] = await Promise.resolve()
      .then(async () => [await measure(pg.search, qs), await measure(pg.floor, qs)])
      .finally(() => pg.close());
    const segmentFloor = await measure((q) => analyzer.words(needText(q)), qs);

    const row = (system: string, samples: number[], build: string) => {
      const p = percentiles(samples);
      rows.push([size.toLocaleString('en'), system, ms(p.p50), ms(p.p99), ms(p.mean), build]);
    };
    row('engine (this service)', engineSamples, `${(analyseMs / 1000).toFixed(1)} s analyse + ${(indexMs / 1000).toFixed(2)} s index`);
    row('PostgreSQL FTS (GIN, ts_rank_cd)', pgSamples, `${(pg.buildMs / 1000).toFixed(1)} s`);
    row('MiniSearch 7 (jieba tokenizer)', miniSamples, `${(miniBuild / 1000).toFixed(1)} s`);
    row('floor: segment the query (jieba)', segmentFloor, '');
    row('floor: Postgres SELECT 1 round trip', pgFloor, '');
  }
  table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
