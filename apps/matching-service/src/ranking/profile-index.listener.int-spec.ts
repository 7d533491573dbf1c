import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { PgProxy } from '../testing/pg-proxy';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, putProfile } from '../testing/profiles';
import { ProfileIndexSync } from './profile-index.sync';
import { LISTENER_APPLICATION_NAME, PROFILE_CHANNEL } from './profile-index.listener';

const need = { text: '铸件一加工就冒小坑，打压还漏', wants: 'team', districtCode: '500112', enterpriseOrgId: 'org-ent-yujiang-alu' };

/**
 * The connection an instance LISTENs on fails in the ways real ones do: it goes half-open (a TCP proxy between the
 * service and Postgres stops passing its bytes, both sockets open), or it is cut while the table it rebuilds from is
 * unreadable. Reconciliation is slowed right down here, so only the listener's own recovery can pass these tests.
 */
describe('the index listener when its connection fails (real Postgres through a TCP proxy)', () => {
  let proxy: PgProxy;
  let m: MatchingTestApp;
  let bureau: string;
  const casting = randomUUID();

  // Readiness answers 503 without details when down, so the counters are read from the instance itself.
  const ready = async () => (await http('GET', `${m.url}/health/ready`)).status === 200;
  const counters = () => m.app.get(ProfileIndexSync).counters;
  const listeners = async () =>
    (await query(m.database, `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [m.database, LISTENER_APPLICATION_NAME]))
      .length;

  beforeAll(async () => {
    proxy = await PgProxy.start();
    m = await startMatching({
      PGHOST: '127.0.0.1',
      PGPORT: String(proxy.port),
      MATCHING_LISTENER_PING_MS: '200',
      MATCHING_LISTENER_TIMEOUT_MS: '500',
      MATCHING_RECONCILE_INTERVAL_MS: '600000',
    });
    bureau = await mintToken(principals.bureau);
    await putProfile(m.api, bureau, casting, CASTING);
  });

  afterAll(async () => {
    await m?.stop();
    await proxy?.close();
  });

  it('replaces a half-open listener that does not answer its ping, and rebuilds: a change it never heard of still arrives', async () => {
    const before = counters().listenerConnections;
    expect(proxy.freezeListeners(PROFILE_CHANNEL)).toBe(1);
    // Committed and announced while the listener hears nothing.
    await query(m.database, `UPDATE candidate_profiles SET open_load = max_load, version = version + 1 WHERE id = $1`, [casting]);
    await query(m.database, `SELECT pg_notify('matching_profiles', $1)`, [casting]);
    await eventually(async () => {
      const ranked = await http('POST', `${m.api}/matching/rank`, { token: bureau, body: need });
      expect(ranked.body.excluded.find((e: { candidateId: string }) => e.candidateId === casting)?.violations[0].rule).toBe('AT_CAPACITY');
    }, 20_000);
    await eventually(async () => {
      expect(counters().listenerConnections).toBe(before + 1);
      expect(await ready()).toBe(true);
    });
  });

  it('closes the listener of a reconnect whose rebuild failed, so attempts never pile up connections', async () => {
    const failed = counters().failedReconnects;
    await query(m.database, `ALTER TABLE candidate_profiles RENAME TO candidate_profiles_away`);
    try {
      await query(m.database, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [
        m.database,
        LISTENER_APPLICATION_NAME,
      ]);
      await eventually(async () => expect(counters().failedReconnects).toBeGreaterThanOrEqual(failed + 3), 20_000);
      expect(await ready()).toBe(false);
      expect(await listeners()).toBeLessThanOrEqual(1);
    } finally {
      await query(m.database, `ALTER TABLE candidate_profiles_away RENAME TO candidate_profiles`);
    }
    await eventually(async () => {
      expect(await ready()).toBe(true);
      expect(await listeners()).toBe(1);
    }, 20_000);
  });
});
