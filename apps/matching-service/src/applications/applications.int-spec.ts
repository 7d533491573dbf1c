import { randomUUID } from 'node:crypto';
import { http, mintToken, principals, query } from '@jiebang/testing';
import { ChallengeFeed } from '../testing/challenge-facts';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { putProfile } from '../testing/profiles';

const SOLVER_PROFILE = {
  kind: 'solver',
  name: '重庆大学材料学院揭榜团队',
  orgName: '重庆大学材料科学与工程学院',
  districtCode: '500106',
  fields: ['light-metal'],
  capabilities: '铝合金压铸缺陷分析、真空压铸工艺',
  orgType: 'university',
  qualifications: ['high-tech'],
};

const proposal = {
  approach: '真空辅助压铸结合局部挤压，消除气孔。',
  members: [{ name: '李教授', role: '负责人', title: '教授' }],
  budget: [{ item: '中试', amountYuan: 200_000 }],
  timeline: [{ milestoneIndex: 1, plan: '小试' }],
};

describe('applications (揭榜申请) over HTTP (real Postgres, Kafka)', () => {
  let m: MatchingTestApp;
  const tokens: Record<string, string> = {};
  const profileId = randomUUID();
  const otherProfileId = randomUUID();

  const post = (path: string, who: string, body?: object) => http('POST', `${m.api}${path}`, { token: tokens[who], body });
  const get = (path: string, who: string) => http('GET', `${m.api}${path}`, { token: tokens[who] });
  const outbox = (key: string) => query<{ type: string; envelope: any }>(m.database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [key]);

  /** A published 榜单 whose terms the solver accepted. */
  async function openChallenge(data: Record<string, unknown> = {}): Promise<ChallengeFeed> {
    const feed = new ChallengeFeed(m);
    await feed.publish(data);
    await feed.acceptTerms(principals.solver.orgId);
    return feed;
  }

  async function draft(feed: ChallengeFeed, body: object = {}) {
    const res = await post('/applications', 'solver', { challengeId: feed.id, profileId, proposal, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    m = await startMatching();
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    tokens.otherSolver = await mintToken({ sub: 'u-sol-2', role: 'solver', orgId: 'org-sol-swu' });
    await putProfile(m.api, tokens.solver, profileId, SOLVER_PROFILE);
    await putProfile(m.api, tokens.otherSolver, otherProfileId, { ...SOLVER_PROFILE, name: '西南大学团队', orgName: '西南大学' });
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('drafts, submits and publishes application.submitted (with the enterprise to tell), audited', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    expect(created).toMatchObject({ status: 'DRAFT', applicantOrgId: principals.solver.orgId, applicantName: SOLVER_PROFILE.orgName });
    expect(await outbox(created.id)).toEqual([]);

    const submitted = await http('POST', `${m.api}/applications/${created.id}/submit`, { token: tokens.solver, headers: { 'x-correlation-id': 'req-apply' } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2, submissionCount: 1 });
    const [row] = await outbox(created.id);
    expect(row.type).toBe('application.submitted');
    expect(row.envelope).toMatchObject({
      subject: created.id,
      sequence: 2,
      correlationId: 'req-apply',
      actor: { id: principals.solver.sub, role: 'solver' },
      data: { challengeId: feed.id, enterpriseOrgId: 'org-ent-yuneng', profileId, resubmission: false, proposal: { approach: proposal.approach, consortium: [] } },
    });
    const history = await get(`/applications/${created.id}/history`, 'solver');
    expect(history.body.map((t: any) => [t.fromStatus, t.toStatus, t.eventId])).toEqual([
      [null, 'DRAFT', null],
      ['DRAFT', 'SUBMITTED', row.envelope.id],
    ]);
  });

  it('scopes reads: the applicant, the 榜单’s enterprise and the bureau see it; everyone else gets 404', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    const enterprise = await mintToken({ sub: 'u-ent-yn', role: 'enterprise', orgId: 'org-ent-yuneng' });
    tokens.ownerEnterprise = enterprise;
    expect((await get(`/applications/${created.id}`, 'ownerEnterprise')).status).toBe(404); // a draft is the applicant's alone
    await post(`/applications/${created.id}/submit`, 'solver');

    for (const who of ['solver', 'ownerEnterprise', 'bureau']) {
      const res = await get(`/applications/${created.id}`, who);
      expect([who, res.status, res.body.proposal?.approach]).toEqual([who, 200, proposal.approach]);
    }
    const listed = await get(`/applications?challengeId=${feed.id}`, 'ownerEnterprise');
    expect(listed.body.items.map((a: any) => a.id)).toEqual([created.id]);
    for (const who of ['otherSolver', 'team', 'enterprise', 'district', 'expert']) {
      expect([who, (await get(`/applications/${created.id}`, who)).status]).toEqual([who, 404]);
      expect([who, (await get(`/applications/${created.id}/history`, who)).status]).toEqual([who, 404]);
      expect([who, (await get(`/applications?challengeId=${feed.id}`, who)).body.total]).toEqual([who, 0]);
    }
    for (const who of ['otherSolver', 'team', 'enterprise', 'ownerEnterprise', 'district', 'expert']) {
      expect([who, (await http('PATCH', `${m.api}/applications/${created.id}`, { token: tokens[who], body: { proposal: { approach: 'x' } } })).status]).toEqual([who, 404]);
      expect([who, (await post(`/applications/${created.id}/submit`, who)).status]).toEqual([who, 404]);
      expect([who, (await post(`/applications/${created.id}/withdraw`, who, { reason: '不想做了' })).status]).toEqual([who, 404]);
      expect([who, (await post(`/applications/${created.id}/formal-check`, who, { outcome: 'QUALIFIED' })).status]).toEqual([who, 404]);
    }
    expect((await get(`/applications/${created.id}`, 'solver')).body).toMatchObject({ status: 'SUBMITTED', version: 2 });
  });

  it('refuses to apply before the terms are accepted, through another organisation’s profile, or by a non-applicant role', async () => {
    const feed = new ChallengeFeed(m);
    await feed.publish();
    const noTerms = await post('/applications', 'solver', { challengeId: feed.id, profileId, proposal });
    expect(noTerms.status).toBe(409);
    expect(noTerms.body.code).toBe('APPLICATION_TERMS_NOT_ACCEPTED');
    await feed.acceptTerms(principals.solver.orgId);
    const foreign = await post('/applications', 'solver', { challengeId: feed.id, profileId: otherProfileId, proposal });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.field).toBe('profileId');
    expect((await post('/applications', 'enterprise', { challengeId: feed.id, profileId, proposal })).status).toBe(403);
    expect((await post('/applications', 'solver', { challengeId: randomUUID(), profileId, proposal })).status).toBe(404);
  });

  it.each([
    ['an unknown field', { proposal: { ...proposal, secret: 1 } }, 'proposal.secret'],
    ['no members', { proposal: { ...proposal, members: [] } }, 'proposal.members'],
    ['a negative budget', { proposal: { ...proposal, budget: [{ item: '设备', amountYuan: -1 }] } }, 'proposal.budget.0.amountYuan'],
    ['a milestone index of 0 (they are 1-based)', { proposal: { ...proposal, timeline: [{ milestoneIndex: 0, plan: '小试' }] } }, 'proposal.timeline.0.milestoneIndex'],
  ])('answers %s with 400 and the field', async (_label, body, field) => {
    const res = await post('/applications', 'solver', { challengeId: randomUUID(), profileId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe(field);
  });

  it('allows one active application per organisation per 榜单; after a withdrawal it may apply again', async () => {
    const feed = await openChallenge();
    const first = await draft(feed);
    const again = await post('/applications', 'solver', { challengeId: feed.id, profileId, proposal });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICATION_DUPLICATE');
    await post(`/applications/${first.id}/submit`, 'solver');
    const withdrawn = await post(`/applications/${first.id}/withdraw`, 'solver', { reason: '团队调整' });
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    expect((await outbox(first.id)).map((r) => [r.type, r.envelope.data.reason])).toEqual([
      ['application.submitted', undefined],
      ['application.withdrawn', '团队调整'],
    ]);
    const resubmit = await post(`/applications/${first.id}/submit`, 'solver');
    expect(resubmit.status).toBe(409);
    expect(resubmit.body.details.currentState).toBe('WITHDRAWN');
    await draft(feed);
  });

  it('withdraws a draft silently: nobody else ever saw it', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    expect((await post(`/applications/${created.id}/withdraw`, 'solver', { reason: '不再参与' })).body.status).toBe('WITHDRAWN');
    expect(await outbox(created.id)).toEqual([]);
  });

  it.each([
    ['the solver type', { solverTypes: ['enterprise'], qualifications: [], consortiumAllowed: true }, {}, 'solverType'],
    ['a required qualification', { solverTypes: ['university'], qualifications: ['high-tech', 'tech-leader'], consortiumAllowed: true }, {}, 'qualifications'],
    [
      'a consortium where none is allowed',
      { solverTypes: ['university'], qualifications: [], consortiumAllowed: false },
      { consortium: [{ orgId: 'org-sol-swu', orgName: '西南大学', role: '合作单位' }] },
      'consortium',
    ],
  ])('refuses an ineligible submission, naming the rule: %s', async (_label, eligibility, extra, rule) => {
    const feed = await openChallenge({ eligibility });
    const created = await draft(feed, { proposal: { ...proposal, ...extra } });
    const res = await post(`/applications/${created.id}/submit`, 'solver');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'APPLICATION_INELIGIBLE', details: { rule, currentState: 'DRAFT' } });
    expect(await outbox(created.id)).toEqual([]);
  });

  it('refuses edits, submission and withdrawal once the deadline has passed, naming it', async () => {
    const deadlineAt = new Date(Date.now() + 2500).toISOString();
    const feed = await openChallenge({ deadlineAt });
    const created = await draft(feed);
    await new Promise((r) => setTimeout(r, 2600));
    const patch = await http('PATCH', `${m.api}/applications/${created.id}`, { token: tokens.solver, body: { proposal: { approach: '改' } } });
    expect(patch.status).toBe(409);
    expect(patch.body).toMatchObject({ code: 'APPLICATION_DEADLINE_PASSED', details: { deadlineAt: new Date(deadlineAt).toISOString() } });
    for (const path of ['submit', 'withdraw']) {
      const res = await post(`/applications/${created.id}/${path}`, 'solver', path === 'withdraw' ? { reason: '来不及了' } : undefined); // submit takes no body
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'APPLICATION_DEADLINE_PASSED']);
    }
    await feed.acceptTerms('org-sol-swu');
    const lateDraft = await post('/applications', 'otherSolver', { challengeId: feed.id, profileId: otherProfileId, proposal });
    expect(lateDraft.body.code).toBe('APPLICATION_DEADLINE_PASSED');
  });

  it('refuses submission to a 榜单 that is not published, with its state', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    await feed.send('challenge.withdrawn');
    await feed.waitFor('WITHDRAWN');
    const res = await post(`/applications/${created.id}/submit`, 'solver');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CHALLENGE_NOT_OPEN', details: { currentState: 'WITHDRAWN' } });
  });

  it('lets exactly one of two racing submissions win', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    const results = await Promise.all([post(`/applications/${created.id}/submit`, 'solver'), post(`/applications/${created.id}/submit`, 'solver')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await outbox(created.id)).toHaveLength(1);
  });

  it('edits a submitted application before the deadline without a new fact', async () => {
    const feed = await openChallenge();
    const created = await draft(feed);
    await post(`/applications/${created.id}/submit`, 'solver');
    const res = await http('PATCH', `${m.api}/applications/${created.id}`, { token: tokens.solver, body: { proposal: { approach: '补充了真空度指标' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUBMITTED', proposal: { approach: '补充了真空度指标', members: proposal.members } });
    expect(await outbox(created.id)).toHaveLength(1);
  });
});
