import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { query } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

const CHALLENGE_STATES = ['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'REJECTED', 'APPROVED', 'PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED', 'WITHDRAWN'];
const ORDER_STATES = ['DRAFT', 'SUBMITTED', 'DISTRICT_ACCEPTED', 'RETURNED', 'REJECTED', 'OFFERED', 'TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE', 'DELIVERED', 'CONFIRMED', 'RATED', 'CLOSED', 'CANCELLED'];

/**
 * The demo seed (`npm run seed`) against a fresh system of three service processes: everything through the HTTP
 * APIs and the Kafka facts. The timers behind which some targets lie (公示, auto-confirmation, the appeal window) run
 * in seconds here, as `npm run up`'s demo settings do; the objects meant to stay before them (公示 with an open
 * objection, a rating under appeal, a disputed delivery) stay there whatever the settings. A second run adds nothing.
 */
jest.setTimeout(600_000);

describe('demo seed: every state of both workflows, through the services, idempotent', () => {
  let system: RunningSystem;
  const logs: string[] = [];

  beforeAll(async () => {
    system = await startSystem({
      challenge: { PUBLIC_NOTICE_PERIOD: '8s', CONFIRM_REMINDER_AFTER: '1s', AUTO_CONFIRM_AFTER: '2s', RATING_APPEAL_WINDOW: '2s' },
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** `npm run seed` exactly: the compiled loader as a process, pointed at this system. */
  const runSeed = async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [resolve(__dirname, '../tools/dist/seed.js')], {
      env: { ...process.env, NODE_ENV: 'development', CHALLENGE_URL: system.urls.challenge, MATCHING_URL: system.urls.matching, NOTIFICATION_URL: system.urls.notification },
    });
    logs.push(stdout);
  };
  const counts = async () => {
    const [c] = await query<Record<string, number>>(
      system.databases.challenge,
      `SELECT (SELECT count(*)::int FROM enterprises) AS enterprises, (SELECT count(*)::int FROM challenges) AS challenges,
              (SELECT count(*)::int FROM service_orders) AS orders, (SELECT count(*)::int FROM projects) AS projects,
              (SELECT count(*)::int FROM outbox) AS "challengeOutbox"`,
    );
    const [m] = await query<Record<string, number>>(
      system.databases.matching,
      `SELECT (SELECT count(*)::int FROM candidate_profiles) AS profiles, (SELECT count(*)::int FROM applications) AS applications,
              (SELECT count(*)::int FROM reviews) AS reviews, (SELECT count(*)::int FROM dispatches) AS dispatches,
              (SELECT count(*)::int FROM outbox) AS "matchingOutbox"`,
    );
    return { ...c, ...m };
  };
  const statuses = async (db: string, table: string) =>
    (await query<{ status: string; n: number }>(db, `SELECT status, count(*)::int AS n FROM ${table} GROUP BY status`)).reduce<Record<string, number>>(
      (all, r) => ({ ...all, [r.status]: r.n }),
      {},
    );

  it('loads 30 enterprises, 40+ solvers, 10+ experts, 30+ teams, 20 榜单 and the orders, into every listed state', async () => {
    await runSeed();
    const n = await counts();
    expect(n.enterprises).toBeGreaterThanOrEqual(30);
    expect(n.challenges).toBe(20);
    expect(n.orders).toBe(22);
    const [districts] = await query<{ n: number }>(system.databases.challenge, 'SELECT count(DISTINCT district_code)::int AS n FROM enterprises');
    expect(districts.n).toBeGreaterThanOrEqual(10);
    const kinds = await query<{ kind: string; orgs: number; districts: number }>(
      system.databases.matching,
      `SELECT kind, count(DISTINCT org_id)::int AS orgs, count(DISTINCT district_code)::int AS districts FROM candidate_profiles GROUP BY kind`,
    );
    const kind = (k: string) => kinds.find((r) => r.kind === k)!;
    expect(kind('solver').orgs).toBeGreaterThanOrEqual(40);
    expect(kind('team').orgs).toBeGreaterThanOrEqual(30);
    expect(kind('team').districts).toBeGreaterThanOrEqual(10);
    const [experts] = await query<{ n: number }>(system.databases.matching, `SELECT count(*)::int AS n FROM candidate_profiles WHERE kind = 'expert' AND owner_id IS NOT NULL`);
    expect(experts.n).toBeGreaterThanOrEqual(10);

    const challenges = await statuses(system.databases.challenge, 'challenges');
    expect(CHALLENGE_STATES.filter((s) => !challenges[s])).toEqual([]);
    const orders = await statuses(system.databases.challenge, 'service_orders');
    expect(ORDER_STATES.filter((s) => !orders[s])).toEqual([]);
    // Projects under way, one with a paid tranche; 回避 left experts off their affiliates' applications.
    const projects = await statuses(system.databases.challenge, 'projects');
    expect(projects.IN_PROGRESS).toBeGreaterThanOrEqual(2);
    expect(projects.PENDING_CONTRACT).toBeGreaterThanOrEqual(1);
    const [paid] = await query<{ n: number }>(system.databases.challenge, `SELECT count(*)::int AS n FROM outbox WHERE type = 'project.tranche-paid'`);
    expect(paid.n).toBe(1);
    const conflicts = await query(
      system.databases.matching,
      `SELECT r.id FROM reviews r JOIN applications a ON a.id = r.application_id JOIN candidate_profiles e ON e.id = r.expert_profile_id
        WHERE e.affiliations ? a.applicant_org_id`,
    );
    expect(conflicts).toEqual([]);
  });

  it('adds nothing when run again', async () => {
    const before = await counts();
    await runSeed();
    expect(await counts()).toEqual(before);
  });
});
