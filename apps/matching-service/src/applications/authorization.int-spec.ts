import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import { ChallengeFeed } from '../testing/challenge-facts';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { putProfile } from '../testing/profiles';

/**
 * Every route issue 9 added to matching-service (applications, formal check, expert assignment, reviews), called by
 * every party that must not act on that object: another enterprise, a solver or team of another organisation, an
 * expert not assigned to the review, a district office, the bureau where the route is not its own, and an anonymous
 * caller; and nothing changes. matching answers a role that never calls a route on one object with 404, like a
 * stranger (the controllers say so: the object is not theirs to know of); only routes without an object, such as
 * drafting an application, answer a wrong role 403. No token is 401.
 */
type Party = 'enterprise' | 'otherEnterprise' | 'bureau' | 'district' | 'otherDistrict' | 'solver' | 'team' | 'expert' | 'assignedExpert';
type Caller = Party | 'anonymous';
const PARTIES: Caller[] = ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert', 'assignedExpert', 'anonymous'];

interface Route {
  method: string;
  path: string;
  body?: unknown;
  /** The parties that may act here (left out of the table). */
  allowed: Party[];
  /** Parties refused with 403 (a role that may never call the route); every other one is 404. */
  forbidden?: Party[];
  /** Answers that are neither: a stranger's profile is as invalid as one that does not exist (400 on profileId). */
  other?: Partial<Record<Party, number>>;
}

const proposal = { approach: '真空压铸结合局部挤压的气孔控制方案。', members: [{ name: '李教授', role: '负责人' }] };

describe('authorization of the 揭榜挂帅 routes of matching-service (real Postgres, Redis, Kafka)', () => {
  let m: MatchingTestApp;
  const tokens = {} as Record<Party, string>;
  const ids: Record<string, string> = {};
  let reviewed: ChallengeFeed;
  let open: ChallengeFeed;

  const as = (who: Caller, method: string, path: string, body?: unknown) =>
    http(method, `${m.api}${path}`, { token: who === 'anonymous' ? undefined : tokens[who], body });
  const must = async (who: Party, method: string, path: string, body?: unknown) => {
    const res = await as(who, method, path, body);
    if (res.status >= 300) throw new Error(`${who} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const footprint = async () =>
    query(
      m.database,
      `SELECT (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM application_transitions)::int AS transitions,
              (SELECT count(*) FROM review_assignment_runs)::int AS runs, (SELECT count(*) FROM timers)::int AS timers,
              (SELECT json_agg(json_build_object('id', id, 'status', status, 'version', version) ORDER BY id) FROM applications) AS applications,
              (SELECT json_agg(json_build_object('id', id, 'status', status, 'scores', scores) ORDER BY id) FROM reviews) AS reviews`,
    );

  async function applyAs(who: 'solver' | 'team', feed: ChallengeFeed, profileId: string, submit = true) {
    await feed.acceptTerms(principals[who].orgId, who);
    const { id } = await must(who, 'POST', '/applications', { challengeId: feed.id, profileId, proposal });
    if (submit) await must(who, 'POST', `/applications/${id}/submit`);
    return id as string;
  }

  beforeAll(async () => {
    m = await startMatching({ REVIEW_PERIOD: '1h', TIMER_SWEEP_INTERVAL_MS: '60000' });
    for (const p of ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert'] as const) tokens[p] = await mintToken(principals[p]);
    tokens.assignedExpert = await mintToken({ sub: 'u-exp-assigned', role: 'expert', orgId: 'org-expert-pool' });
    ids.expertProfile = randomUUID();
    ids.otherExpertProfile = randomUUID();
    for (const [id, owner] of [[ids.expertProfile, 'u-exp-assigned'], [ids.otherExpertProfile, principals.expert.sub]]) {
      await putProfile(m.api, tokens.bureau, id, {
        kind: 'expert', name: `专家 ${owner}`, orgId: 'org-expert-pool', orgName: '重庆市科技专家库', districtCode: '500106',
        fields: ['light-metal'], capabilities: '铝合金压铸工艺评审', maxLoad: 5, ownerId: owner,
      });
    }
    ids.solverProfile = randomUUID();
    ids.teamProfile = randomUUID();
    await putProfile(m.api, tokens.solver, ids.solverProfile, { kind: 'solver', name: '材料学院课题组', orgName: '重庆大学材料科学与工程学院', districtCode: '500106', capabilities: '压铸', orgType: 'university' });
    await putProfile(m.api, tokens.team, ids.teamProfile, { kind: 'team', name: '铸造特派员团', orgName: '铸造工艺特派员团', districtCode: '500107', capabilities: '压铸', orgType: 'team' });

    // One 榜单 in review with the solver's application on the assigned expert's desk; one still open with the team's draft.
    const owner = { enterpriseOrgId: principals.enterprise.orgId, districtCode: principals.enterprise.districtCode };
    reviewed = new ChallengeFeed(m);
    await reviewed.publish(owner);
    ids.inReview = await applyAs('solver', reviewed, ids.solverProfile);
    await must('bureau', 'POST', `/applications/${ids.inReview}/formal-check`, { outcome: 'QUALIFIED' });
    await reviewed.close();
    const run = await must('bureau', 'POST', `/challenges/${reviewed.id}/review/assignment`, { k: 1, expertIds: [ids.expertProfile] });
    ids.run = run.id;
    await eventually(async () => expect((await must('bureau', 'GET', `/matching/assignments/${run.id}`)).status).toBe('COMPLETED'), 20_000);
    await must('bureau', 'POST', `/challenges/${reviewed.id}/review/assignment/${run.id}/confirm`);
    ids.review = (await must('assignedExpert', 'GET', '/reviews')).items[0].id;

    open = new ChallengeFeed(m);
    await open.publish(owner);
    ids.draft = await applyAs('team', open, ids.teamProfile, false);
    ids.submitted = await applyAs('solver', open, ids.solverProfile);
  });

  afterAll(async () => {
    await m?.stop();
  });

  const bureauRound = (method: string, path: string, body?: unknown): Route => ({ method, path, body, allowed: ['bureau'] });

  const routes = (): Route[] => [
    // Drafting is for solvers and teams only; a 榜单 is not a reason for anyone else to apply.
    {
      method: 'POST',
      path: '/applications',
      body: { challengeId: open.id, profileId: ids.solverProfile, proposal },
      allowed: ['solver'],
      forbidden: ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'expert', 'assignedExpert'],
      other: { team: 400 },
    },
    // The applicant's own application: nobody else edits, submits, withdraws or signs it.
    { method: 'PATCH', path: `/applications/${ids.draft}`, body: { proposal: { approach: '改' } }, allowed: ['team'] },
    { method: 'POST', path: `/applications/${ids.draft}/submit`, allowed: ['team'] },
    { method: 'POST', path: `/applications/${ids.submitted}/withdraw`, body: { reason: '撤回' }, allowed: ['solver'] },
    { method: 'POST', path: `/applications/${ids.inReview}/sign`, allowed: ['solver'] },
    // 形式审查 is the bureau's.
    { method: 'POST', path: `/applications/${ids.submitted}/formal-check`, body: { outcome: 'INELIGIBLE', reason: '材料不全' }, allowed: ['bureau'] },
    // Reads: the applicant, the 榜单's enterprise, the bureau.
    ...['', '/history'].map((suffix) => ({ method: 'GET', path: `/applications/${ids.submitted}${suffix}`, allowed: ['solver', 'enterprise', 'bureau'] as Party[] })),
    // The review round: the bureau's.
    bureauRound('POST', `/challenges/${open.id}/review/assignment`, { k: 1 }),
    bureauRound('POST', `/challenges/${reviewed.id}/review/assignment/${ids.run}/confirm`),
    bureauRound('POST', `/challenges/${reviewed.id}/review/complete`),
    bureauRound('POST', `/reviews/${ids.review}/replace`, { expertProfileId: ids.otherExpertProfile }),
    // A review: its expert's alone, not another expert's, not the bureau's to score.
    { method: 'GET', path: `/reviews/${ids.review}`, allowed: ['assignedExpert'] },
    { method: 'PUT', path: `/reviews/${ids.review}/score`, body: { technical: 90, team: 90, feasibility: 90, comments: '好' }, allowed: ['assignedExpert'] },
    { method: 'POST', path: `/reviews/${ids.review}/conflict`, body: { reason: '回避' }, allowed: ['assignedExpert'] },
  ];

  it('refuses every party that must not act, on every route, and nothing changes', async () => {
    const before = await footprint();
    const wrong: unknown[] = [];
    for (const route of routes()) {
      for (const who of PARTIES.filter((p) => p === 'anonymous' || !route.allowed.includes(p))) {
        const expected = who === 'anonymous' ? 401 : (route.other?.[who] ?? (route.forbidden?.includes(who) ? 403 : 404));
        const res = await as(who, route.method, route.path, route.body);
        if (res.status !== expected) wrong.push({ route: `${route.method} ${route.path}`, who, expected, got: res.status, code: res.body?.code });
      }
    }
    expect(wrong).toEqual([]);
    expect(await footprint()).toEqual(before);
  });

  it('hides reviews from everyone but their expert: lists are empty, not refused', async () => {
    for (const who of ['expert', 'bureau', 'solver', 'enterprise'] as const) expect([who, (await must(who, 'GET', '/reviews')).items]).toEqual([who, []]);
    expect((await must('assignedExpert', 'GET', '/reviews')).items.map((r: any) => r.id)).toEqual([ids.review]);
  });

  it('lists applications by scope: another enterprise, a district, an expert and another applicant see none of them', async () => {
    for (const who of ['otherEnterprise', 'district', 'otherDistrict', 'expert'] as const) {
      expect([who, (await must(who, 'GET', `/applications?challengeId=${open.id}`)).items]).toEqual([who, []]);
    }
    expect((await must('team', 'GET', `/applications?challengeId=${open.id}`)).items.map((a: any) => a.id)).toEqual([ids.draft]);
    expect((await must('enterprise', 'GET', `/applications?challengeId=${open.id}`)).items.map((a: any) => a.id)).toEqual([ids.submitted]);
  });
});
