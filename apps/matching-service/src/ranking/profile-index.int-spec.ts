import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, pgConnection, principals, query } from '@jiebang/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RankingEngine } from '../engine/ranking.engine';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, putProfile, SALES } from '../testing/profiles';
import { ProfileIndexLoader } from './profile-index.loader';
import { ProfileIndexSync } from './profile-index.sync';

const need = { text: '铸件一加工就冒小坑，打压还漏', wants: 'team', districtCode: '500112', enterpriseOrgId: 'org-ent-yujiang-alu' };
const POROSITY = '压铸件气孔、针孔与缩松缺陷诊断，气密性泄漏治理，真空压铸';
// Reconciliation is slowed right down on A and B, so what they show comes from notifications and their retries.
const SLOW_RECONCILE = { MATCHING_RECONCILE_INTERVAL_MS: '600000' };

/** Two instances of the service on one database and one Kafka namespace, each with its own in-memory index. */
describe('every instance’s index follows Postgres (two instances on one database)', () => {
  let a: MatchingTestApp;
  let b: MatchingTestApp;
  let bureau: string;
  const ids = { casting: randomUUID(), sales: randomUUID() };

  const topOf = async (instance: MatchingTestApp) => {
    const res = await http('POST', `${instance.api}/matching/rank`, { token: bureau, body: need });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    a = await startMatching(SLOW_RECONCILE);
    b = await startMatching(SLOW_RECONCILE, { database: a.database, namespace: a.namespace });
    bureau = await mintToken(principals.bureau);
    await putProfile(a.api, bureau, ids.casting, CASTING);
    await putProfile(a.api, bureau, ids.sales, SALES);
  });

  afterAll(async () => {
    await b?.stop(true);
    await a?.stop();
  });

  it('an update through instance A changes instance B’s next ranking', async () => {
    await eventually(async () => expect((await topOf(b)).results[0].candidateId).toBe(ids.casting));
    await putProfile(a.api, bureau, ids.sales, { ...SALES, capabilities: POROSITY });
    await putProfile(a.api, bureau, ids.casting, { ...CASTING, capabilities: '仓储物流与包装运输', keywords: [] });
    await eventually(async () => expect((await topOf(b)).results[0].candidateId).toBe(ids.sales));
  });

  it('keeps the ids of a reload that failed, and loads them once Postgres answers again', async () => {
    const failed = b.app.get(ProfileIndexSync).counters.failedRefreshes;
    await query(a.database, `ALTER TABLE candidate_ratings RENAME TO candidate_ratings_away`);
    try {
      // Committed through A (its own reload fails too); B hears of it and cannot load it while the table is away.
      await putProfile(a.api, bureau, ids.casting, { ...CASTING, capabilities: `${POROSITY}，X射线探伤`, keywords: ['气孔', '缩松'] });
      await eventually(async () => expect(b.app.get(ProfileIndexSync).counters.failedRefreshes).toBeGreaterThan(failed));
    } finally {
      await query(a.database, `ALTER TABLE candidate_ratings_away RENAME TO candidate_ratings`);
    }
    await eventually(async () => {
      const body = await topOf(b);
      const casting = body.results.find((r: { candidateId: string }) => r.candidateId === ids.casting);
      expect(casting.matchedTerms.map((t: { term: string }) => t.term)).toContain('气孔');
    }, 20_000);
  });

  it('reloads a change no notification announced, by comparing its index with the table', async () => {
    const c = await startMatching({ MATCHING_RECONCILE_INTERVAL_MS: '200' }, { database: a.database, namespace: a.namespace });
    try {
      // A write that bypasses the service (a manual fix, a lost NOTIFY): only reconciliation can notice it.
      await query(a.database, `UPDATE candidate_profiles SET open_load = max_load, version = version + 1 WHERE id = $1`, [ids.sales]);
      await eventually(async () => {
        const body = await topOf(c);
        expect(body.excluded.find((e: { candidateId: string }) => e.candidateId === ids.sales)?.violations[0].rule).toBe('AT_CAPACITY');
      });
      expect(c.app.get(ProfileIndexSync).counters.reloadedByReconciliation).toBeGreaterThanOrEqual(1);
    } finally {
      await c.stop(true);
    }
  });

  it('never writes a re-analysis over a newer version of the profile', async () => {
    const engine = a.app.get(RankingEngine);
    const loader = new ProfileIndexLoader(a.app.get(DataSource), () => engine.index);
    // The stored analysis looks like another analyzer's, so the next load re-analyses the profile from its text.
    await query(a.database, `UPDATE candidate_profiles SET analysis = jsonb_set(analysis, '{revision}', '"0:retired"') WHERE id = $1`, [ids.sales]);
    const newer = { name: SALES.name, keywords: ['超声波清洗'], capabilities: '精密零件超声波清洗与防锈包装', pastWork: [] };
    const writer = new Client(pgConnection(a.database));
    await writer.connect();
    try {
      // A concurrent update, not yet committed: it holds the row while the loader reads the committed version.
      await writer.query('BEGIN');
      await writer.query(`UPDATE candidate_profiles SET version = version + 1, capabilities = $2, keywords = $3, analysis = $4 WHERE id = $1`, [
        ids.sales,
        newer.capabilities,
        JSON.stringify(newer.keywords),
        JSON.stringify(engine.index.analyze(newer)),
      ]);
      const loading = loader.byIds([ids.sales]);
      await eventually(async () =>
        expect(
          await query(a.database, `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query LIKE 'UPDATE candidate_profiles SET analysis%'`, [
            a.database,
          ]),
        ).toHaveLength(1),
      );
      await writer.query('COMMIT');
      const loaded = await loading;
      expect(loaded.reanalysed).toBe(1);
    } finally {
      await writer.end();
    }
    const [row] = await query<{ analysis: { words: { capabilities: string } } }>(a.database, 'SELECT analysis FROM candidate_profiles WHERE id = $1', [ids.sales]);
    expect(row.analysis.words.capabilities).toContain('防锈');
    expect(row.analysis.words.capabilities).not.toContain('气孔');
  });
});
