import { http, query, verifiedEnterprise, principals } from '@jiebang/testing';
import { DELIVERABLES, startProjects, type Party, type ProjectsTestApp } from '../testing/projects-app';

/**
 * Every route issue 9 added to challenge-service, called by every party that must not act on that object: another
 * enterprise, a solver or team of another organisation, an expert, a district office, the bureau where the route is
 * not its own, and an anonymous caller. A role that may never call the route is 403, a party that may call it but
 * not on this object is 404 (it must not learn the object exists), no token is 401; and nothing changes.
 */
type Caller = Party | 'anonymous';
const PARTIES: Caller[] = ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert', 'anonymous'];

interface Route {
  method: string;
  path: string;
  body?: unknown;
  /** The parties that may act here (left out of the table). */
  allowed: Party[];
  /** The parties whose role may call the route but who are strangers to this object: 404. Everyone else: 403. */
  strangers: Party[];
}

const content = {
  title: '压铸模具热裂纹导致寿命不足',
  description: '模具型腔表面热裂纹导致寿命不足 3 万模次。',
  fields: ['light-metal'],
  bountyYuan: 600_001,
  deadlineAt: '2027-12-31T23:00:00+08:00',
  researchContent: '模具钢选材与表面处理',
  durationMonths: 18,
  milestones: [{ title: '方案', deliverables: ['方案'], dueOffsetDays: 60, trancheYuan: 600_001, midterm: false }],
};

describe('authorization of the 揭榜挂帅 routes of challenge-service (real Postgres, Redis, Kafka)', () => {
  let t: ProjectsTestApp;
  const ids: Record<string, string> = {};

  const as = (who: Caller, method: string, path: string, body?: unknown) =>
    http(method, `${t.api}${path}`, { token: who === 'anonymous' ? undefined : t.tokens[who], body });
  const must = async (who: Party, method: string, path: string, body?: unknown) => {
    const res = await as(who, method, path, body);
    if (res.status >= 300) throw new Error(`${who} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Everything a refused call could have written: events, audit rows, questions, acceptances, payments. */
  const footprint = async () =>
    query(
      t.database,
      `SELECT (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM challenge_transitions)::int AS challenges,
              (SELECT count(*) FROM project_transitions)::int AS projects, (SELECT count(*) FROM challenge_questions)::int AS questions,
              (SELECT count(*) FROM challenge_terms_acceptances)::int AS terms, (SELECT count(*) FROM challenge_objections)::int AS objections,
              (SELECT sum(paid_yuan) FROM tranche_ledger)::int AS paid`,
    );

  async function reach(status: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED'): Promise<string> {
    const { id } = await must('enterprise', 'POST', '/challenges', content);
    const steps: [string, Party, string][] = [
      ['SUBMITTED', 'enterprise', 'submit'],
      ['UNDER_VETTING', 'bureau', 'vetting/start'],
      ['APPROVED', 'bureau', 'vetting/approve'],
      ['PUBLISHED', 'bureau', 'publish'],
    ];
    let at = 'DRAFT';
    for (const [reached, who, path] of steps) {
      if (at === status) break;
      await must(who, 'POST', `/challenges/${id}/${path}`);
      at = reached;
    }
    return id;
  }

  beforeAll(async () => {
    t = await startProjects();
    await verifiedEnterprise(t.svc.url, principals.enterprise);
    ids.draft = await reach('DRAFT');
    ids.submitted = await reach('SUBMITTED');
    ids.published = await reach('PUBLISHED');
    await must('team', 'POST', `/challenges/${ids.published}/terms/accept`);
    ids.question = (await must('team', 'POST', `/challenges/${ids.published}/questions`, { question: '样机试制的模具钢牌号是否可由揭榜方选定？' })).id;
    const award = await t.award(); // 赛马制: the solver's project and the team's
    [ids.project, ids.teamProject] = award.projectIds;
    ids.awarded = award.challengeId;
  });

  afterAll(async () => {
    await t?.stop();
  });

  const nonBureau: Party[] = [];
  const bureauOnly = (method: string, path: string, body?: unknown): Route => ({ method, path, body, allowed: ['bureau'], strangers: nonBureau });

  const routes = (): Route[] => [
    // Vetting, publication and the application period: the bureau's alone, whoever owns the 榜单.
    bureauOnly('POST', `/challenges/${ids.submitted}/vetting/start`),
    bureauOnly('POST', `/challenges/${ids.submitted}/vetting/approve`),
    bureauOnly('POST', `/challenges/${ids.submitted}/vetting/return`, { comments: '请补充' }),
    bureauOnly('POST', `/challenges/${ids.submitted}/vetting/reject`, { reason: '驳回' }),
    bureauOnly('POST', `/challenges/${ids.submitted}/publish`),
    bureauOnly('POST', `/challenges/${ids.published}/deadline`, { deadlineAt: '2028-03-01T00:00:00+08:00', reason: '延期' }),
    bureauOnly('POST', `/challenges/${ids.published}/close`, { reason: '提前截止' }),
    bureauOnly('POST', `/challenges/${ids.published}/withdrawal/approve`, { reason: '同意' }),
    bureauOnly('POST', `/challenges/${ids.published}/withdrawal/deny`, { reason: '不同意' }),
    // The owner enterprise's.
    { method: 'PATCH', path: `/challenges/${ids.draft}`, body: { title: '改' }, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    { method: 'POST', path: `/challenges/${ids.draft}/submit`, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    { method: 'POST', path: `/challenges/${ids.published}/withdraw`, body: { reason: '需求变更' }, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    { method: 'GET', path: `/challenges/${ids.draft}/history`, allowed: ['enterprise'], strangers: ['otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert'] },
    // Terms and questions: solvers and teams; a draft is nobody's but its enterprise's to see.
    { method: 'POST', path: `/challenges/${ids.draft}/terms/accept`, allowed: [], strangers: ['solver', 'team'] },
    { method: 'POST', path: `/challenges/${ids.published}/terms/accept`, allowed: ['solver', 'team'], strangers: [] },
    { method: 'POST', path: `/challenges/${ids.draft}/questions`, body: { question: '问' }, allowed: [], strangers: ['solver', 'team'] },
    { method: 'POST', path: `/challenges/${ids.published}/questions`, body: { question: '问' }, allowed: ['solver', 'team'], strangers: [] },
    { method: 'POST', path: `/challenges/${ids.published}/questions/${ids.question}/answer`, body: { answer: '答' }, allowed: ['enterprise', 'bureau'], strangers: ['otherEnterprise'] },
    // 公示 objections: anyone signed in who can see the 榜单 but the bureau, which decides them (a draft: only its enterprise).
    {
      method: 'POST',
      path: `/challenges/${ids.draft}/objections`,
      body: { reasons: ['异议'], evidence: [] },
      allowed: ['enterprise'],
      strangers: ['otherEnterprise', 'district', 'otherDistrict', 'solver', 'team', 'expert'],
    },
    bureauOnly('POST', `/challenges/${ids.draft}/objections/${ids.draft}/uphold`, { reason: '成立', applicationIds: [ids.draft] }),
    bureauOnly('POST', `/challenges/${ids.draft}/objections/${ids.draft}/dismiss`, { reason: '不成立' }),
    // Projects: the solver's (its own project), the enterprise's (approvals, payments), the bureau's (decisions).
    { method: 'POST', path: `/projects/${ids.project}/milestones/1/submit`, body: DELIVERABLES, allowed: ['solver'], strangers: ['team'] },
    { method: 'POST', path: `/projects/${ids.project}/milestones/1/approve`, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    { method: 'POST', path: `/projects/${ids.project}/milestones/1/request-changes`, body: { comments: '补充' }, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    { method: 'POST', path: `/projects/${ids.project}/milestones/1/payments`, body: { amountYuan: 1, reference: 'x' }, allowed: ['enterprise'], strangers: ['otherEnterprise'] },
    bureauOnly('POST', `/projects/${ids.project}/midterm`, { decision: 'ELIMINATE', reason: '淘汰' }),
    bureauOnly('POST', `/projects/${ids.project}/suspend`, { reason: '暂停' }),
    bureauOnly('POST', `/projects/${ids.project}/resume`, { reason: '恢复' }),
    bureauOnly('POST', `/projects/${ids.project}/acceptance/start`),
    bureauOnly('POST', `/projects/${ids.project}/acceptance`, { passed: true, opinion: '通过' }),
    bureauOnly('POST', `/projects/${ids.project}/terminate`, { reason: '终止' }),
    // Reads: the solver its own project, the enterprise its 榜单's, the district its district's, the bureau all.
    ...['', '/ledger', '/history'].map((suffix) => ({
      method: 'GET',
      path: `/projects/${ids.project}${suffix}`,
      allowed: ['solver', 'enterprise', 'district', 'bureau'] as Party[],
      strangers: ['team', 'otherEnterprise', 'otherDistrict', 'expert'] as Party[],
    })),
    {
      method: 'GET',
      path: `/challenges/${ids.awarded}/ledger`,
      allowed: ['enterprise', 'bureau'], // the whole 榜单's money: not for one winner or the district
      strangers: ['otherEnterprise'],
    },
  ];

  it('refuses every party that must not act, on every route, and nothing changes', async () => {
    const before = await footprint();
    const snapshot = async () => Promise.all([ids.draft, ids.submitted, ids.published].map(async (id) => (await must('enterprise', 'GET', `/challenges/${id}`)).version));
    const versions = await snapshot();
    const projects = async () => Promise.all([ids.project, ids.teamProject].map(async (id) => (await must('bureau', 'GET', `/projects/${id}`)).version));
    const projectVersions = await projects();

    const wrong: unknown[] = [];
    for (const route of routes()) {
      for (const who of PARTIES.filter((p) => p === 'anonymous' || !route.allowed.includes(p))) {
        const expected = who === 'anonymous' ? 401 : route.strangers.includes(who) ? 404 : 403;
        const res = await as(who, route.method, route.path, route.body);
        if (res.status !== expected) wrong.push({ route: `${route.method} ${route.path}`, who, expected, got: res.status, code: res.body?.code });
      }
    }
    expect(wrong).toEqual([]);
    expect(await footprint()).toEqual(before);
    expect(await snapshot()).toEqual(versions);
    expect(await projects()).toEqual(projectVersions);
  });

  it('answers 404 with the same body for a stranger’s object as for one that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const stranger = await as('otherEnterprise', 'POST', `/challenges/${ids.draft}/submit`);
    const absent = await as('otherEnterprise', 'POST', `/challenges/${missing}/submit`);
    expect([stranger.status, stranger.body.code]).toEqual([absent.status, absent.body.code]);
    const project = await as('team', 'POST', `/projects/${ids.project}/milestones/1/submit`, DELIVERABLES);
    const noProject = await as('team', 'POST', `/projects/${missing}/milestones/1/submit`, DELIVERABLES);
    expect([project.status, project.body.code]).toEqual([noProject.status, noProject.body.code]);
  });
});
