import { randomUUID } from 'node:crypto';
import { STREAMS } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, query } from '@jiebang/testing';
import { ChallengeFeed } from '../testing/challenge-facts';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { putProfile } from '../testing/profiles';

const proposal = { approach: '混凝-高级氧化预处理结合抗污染膜分离，压裂返排液脱盐回用。', members: [{ name: '王教授', role: '负责人' }] };
const expertBody = (name: string, ownerId: string | undefined, affiliations: string[] = []) => ({
  kind: 'expert',
  name,
  orgId: 'org-expert-pool',
  orgName: '重庆市科技专家库',
  districtCode: '500106',
  fields: ['chemicals', 'green-low-carbon'],
  capabilities: '页岩气压裂返排液处理，高矿化度废水膜分离脱盐与回用，水处理工艺评审',
  keywords: ['压裂返排液', '膜分离', '水处理'],
  maxLoad: 5,
  affiliations,
  ...(ownerId ? { ownerId } : {}),
});

describe('expert assignment of a review round through the HiGHS batch assignment (real Postgres, Redis, Kafka)', () => {
  let m: MatchingTestApp;
  const tokens: Record<string, string> = {};
  const solvers = ['org-sol-a', 'org-sol-b'].map((orgId, i) => ({ orgId, token: '', profileId: randomUUID(), sub: `u-sol-${i}` }));
  const experts = { one: randomUUID(), two: randomUUID(), tied: randomUUID(), noAccount: randomUUID() };
  const owners = { one: principals.expert.sub, two: 'u-exp-2', tied: 'u-exp-tied' };
  let feed: ChallengeFeed;
  let applications: string[];

  const post = (path: string, who: string, body?: object) => http('POST', `${m.api}${path}`, { token: tokens[who], body });
  const reviewFacts = () => query<{ type: string; envelope: any }>(m.database, `SELECT type, envelope FROM outbox WHERE key = $1 AND topic = 'jiebang.review' ORDER BY position`, [feed.id]);

  async function finishedRun(id: string) {
    return eventually(async () => {
      const res = await http('GET', `${m.api}/matching/assignments/${id}`, { token: tokens.bureau });
      expect(res.body.status).toBe('COMPLETED');
      return res.body;
    }, 20_000);
  }

  beforeAll(async () => {
    m = await startMatching({ REVIEW_PERIOD: '8s', SIGN_DEADLINE: '3s', TIMER_SWEEP_INTERVAL_MS: '500' });
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    tokens.expertTwo = await mintToken({ sub: owners.two, role: 'expert', orgId: 'org-expert-pool' });
    tokens.expertTied = await mintToken({ sub: owners.tied, role: 'expert', orgId: 'org-expert-pool' });
    await putProfile(m.api, tokens.bureau, experts.one, expertBody('张专家', owners.one));
    await putProfile(m.api, tokens.bureau, experts.two, expertBody('刘专家', owners.two));
    await putProfile(m.api, tokens.bureau, experts.tied, expertBody('赵专家', owners.tied, ['org-sol-a']));
    await putProfile(m.api, tokens.bureau, experts.noAccount, expertBody('无账号专家', undefined));

    feed = new ChallengeFeed(m);
    await feed.publish();
    applications = [];
    for (const s of solvers) {
      s.token = await mintToken({ sub: s.sub, role: 'solver', orgId: s.orgId });
      await putProfile(m.api, s.token, s.profileId, {
        kind: 'solver', name: `${s.orgId} 团队`, orgName: s.orgId, districtCode: '500106', capabilities: '水处理', orgType: 'university',
      });
      await feed.acceptTerms(s.orgId);
      const created = await http('POST', `${m.api}/applications`, { token: s.token, body: { challengeId: feed.id, profileId: s.profileId, proposal } });
      await http('POST', `${m.api}/applications/${created.body.id}/submit`, { token: s.token });
      applications.push(created.body.id);
    }
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('refuses to assign before the formal check is complete', async () => {
    const res = await post(`/challenges/${feed.id}/review/assignment`, 'bureau', {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'REVIEW_FORMAL_CHECK_PENDING', details: { currentState: 'PUBLISHED' } });
  });

  it('assigns experts with 回避 as missing edges, is confirmed, and shows each expert only its own reviews', async () => {
    for (const id of applications) expect((await post(`/applications/${id}/formal-check`, 'bureau', { outcome: 'QUALIFIED' })).status).toBe(200);
    await feed.close();
    await eventually(async () => expect((await reviewFacts()).map((f) => f.type)).toEqual(['review.formal-check-completed']));

    for (const who of ['solver', 'team', 'enterprise', 'district', 'expert']) {
      expect([who, (await post(`/challenges/${feed.id}/review/assignment`, who, {})).status]).toEqual([who, 404]);
    }
    const bad = await post(`/challenges/${feed.id}/review/assignment`, 'bureau', { expertIds: [experts.noAccount] });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ field: 'expertIds', invalid: [experts.noAccount] });

    const accepted = await post(`/challenges/${feed.id}/review/assignment`, 'bureau', { k: 2 });
    expect(accepted.status).toBe(202);
    const run = await finishedRun(accepted.body.id);
    const item = (id: string) => run.result.items.find((i: any) => i.itemId === id);
    const assigned = (id: string) => item(id).assigned.map((c: any) => c.candidateId).sort();
    expect(assigned(applications[0])).toEqual([experts.one, experts.two].sort());
    expect(item(applications[0]).excluded).toEqual(expect.arrayContaining([expect.objectContaining({ candidateId: experts.tied })]));
    expect(assigned(applications[1])).toHaveLength(2);
    expect(run.result.loads.map((l: any) => l.candidateId)).not.toContain(experts.noAccount);

    for (const who of ['solver', 'enterprise', 'district', 'expert']) {
      expect([who, (await post(`/challenges/${feed.id}/review/assignment/${accepted.body.id}/confirm`, who)).status]).toEqual([who, 404]);
    }
    expect((await post(`/challenges/${feed.id}/review/assignment/${randomUUID()}/confirm`, 'bureau')).status).toBe(404);
    const confirmed = await post(`/challenges/${feed.id}/review/assignment/${accepted.body.id}/confirm`, 'bureau');
    expect(confirmed.status).toBe(200);
    const again = await post(`/challenges/${feed.id}/review/assignment/${accepted.body.id}/confirm`, 'bureau');
    expect(again.status).toBe(409);
    expect(again.body.details.currentState).toBe('IN_REVIEW');

    const facts = await reviewFacts();
    expect(facts[1]).toMatchObject({ type: 'review.experts-assigned', envelope: { sequence: 2, data: { runId: accepted.body.id } } });
    const experts0 = facts[1].envelope.data.assignments.find((a: any) => a.applicationId === applications[0]).experts;
    expect(experts0.map((e: any) => e.ownerId).sort()).toEqual([owners.one, owners.two].sort());
    expect(await query(m.database, 'SELECT DISTINCT status FROM applications WHERE challenge_id = $1', [feed.id])).toEqual([{ status: 'IN_REVIEW' }]);
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'review.due' AND subject = $1`, [feed.id])).toEqual([{ status: 'armed' }]);

    const own = await http('GET', `${m.api}/reviews`, { token: tokens.expert });
    expect(own.body.items.map((r: any) => r.applicationId).sort()).toEqual(
      facts[1].envelope.data.assignments.filter((a: any) => a.experts.some((e: any) => e.ownerId === owners.one)).map((a: any) => a.applicationId).sort(),
    );
    expect(own.body.items[0].proposal.approach).toBe(proposal.approach);
    const tied = await http('GET', `${m.api}/reviews`, { token: tokens.expertTied });
    expect(tied.body.items.map((r: any) => r.applicationId)).not.toContain(applications[0]);
    const someone = own.body.items[0].id;
    expect((await http('GET', `${m.api}/reviews/${someone}`, { token: tokens.expert })).status).toBe(200);
    for (const who of ['expertTied', 'bureau', 'solver', 'enterprise']) {
      expect([who, (await http('GET', `${m.api}/reviews/${someone}`, { token: tokens[who] })).status]).toEqual([who, 404]);
    }
  });

  it('reminds the experts with open reviews once the review period has run out', async () => {
    await eventually(async () => expect((await reviewFacts()).map((f) => f.type)).toContain('review.expert-reminded'), 20_000);
    const reminded = (await reviewFacts()).find((f) => f.type === 'review.expert-reminded')!;
    expect(reminded.envelope).toMatchObject({ sequence: 3, actor: { role: 'system' } });
    expect(reminded.envelope.data.pending).toHaveLength(4);
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'review.due' AND subject = $1`, [feed.id])).toEqual([{ status: 'fired' }]);
  });

  describe('scoring, 回避 by the expert and the close of the round', () => {
    let round: ChallengeFeed;
    let apps: string[];
    const reviewOf = async (who: string, applicationId: string) =>
      (await http('GET', `${m.api}/reviews`, { token: tokens[who] })).body.items.find((r: any) => r.applicationId === applicationId);
    const score = (who: string, id: string, body: object) => http('PUT', `${m.api}/reviews/${id}/score`, { token: tokens[who], body });
    const roundFacts = () => query<{ type: string; envelope: any }>(m.database, `SELECT type, envelope FROM outbox WHERE key = $1 AND topic = 'jiebang.review' ORDER BY position`, [round.id]);

    beforeAll(async () => {
      round = new ChallengeFeed(m);
      await round.publish({ mode: 'SINGLE', maxWinners: 1 });
      apps = [];
      for (const s of solvers) {
        await round.acceptTerms(s.orgId);
        const created = await http('POST', `${m.api}/applications`, { token: s.token, body: { challengeId: round.id, profileId: s.profileId, proposal } });
        await http('POST', `${m.api}/applications/${created.body.id}/submit`, { token: s.token });
        await post(`/applications/${created.body.id}/formal-check`, 'bureau', { outcome: 'QUALIFIED' });
        apps.push(created.body.id);
      }
      await round.close();
      const run = await post(`/challenges/${round.id}/review/assignment`, 'bureau', { k: 2, expertIds: [experts.one, experts.two] });
      await finishedRun(run.body.id);
      expect((await post(`/challenges/${round.id}/review/assignment/${run.body.id}/confirm`, 'bureau')).status).toBe(200);
    });

    it('hides the material of a review the expert declared a conflict on, and publishes the declaration', async () => {
      const declined = await reviewOf('expertTwo', apps[1]);
      for (const who of ['expert', 'expertTied', 'bureau', 'solver']) {
        expect([who, (await post(`/reviews/${declined.id}/conflict`, who, { reason: '曾与申请单位合作' })).status]).toEqual([who, 404]);
      }
      const res = await http('POST', `${m.api}/reviews/${declined.id}/conflict`, { token: tokens.expertTwo, body: { reason: '曾与申请单位合作' } });
      expect(res.body.status).toBe('DECLINED');
      expect(await reviewOf('expertTwo', apps[1])).toMatchObject({ status: 'DECLINED', proposal: null });
      expect((await roundFacts()).at(-1)).toMatchObject({ type: 'review.conflict-declared', envelope: { data: { applicationId: apps[1], reason: '曾与申请单位合作' } } });
      const again = await http('POST', `${m.api}/reviews/${declined.id}/conflict`, { token: tokens.expertTwo, body: { reason: '重复' } });
      expect(again.status).toBe(409);
    });

    it('replaces an expert, checking 回避, and publishes the replacement', async () => {
      const declined = await reviewOf('expertTwo', apps[1]);
      const a2 = await reviewOf('expertTwo', apps[0]);
      for (const who of ['expert', 'solver', 'enterprise', 'district']) {
        expect([who, (await post(`/reviews/${declined.id}/replace`, who, { expertProfileId: experts.tied })).status]).toEqual([who, 404]);
      }
      const tied = await post(`/reviews/${a2.id}/replace`, 'bureau', { expertProfileId: experts.tied });
      expect(tied.status).toBe(400);
      expect(tied.body).toMatchObject({ code: 'REVIEW_EXPERT_CONFLICT', details: { field: 'expertProfileId', organisation: 'org-sol-a' } });
      const already = await post(`/reviews/${declined.id}/replace`, 'bureau', { expertProfileId: experts.one });
      expect(already.body.code).toBe('REVIEW_EXPERT_ALREADY_ON');
      const noAccount = await post(`/reviews/${declined.id}/replace`, 'bureau', { expertProfileId: experts.noAccount });
      expect(noAccount.body.code).toBe('REVIEW_EXPERT_INVALID');

      const replaced = await post(`/reviews/${declined.id}/replace`, 'bureau', { expertProfileId: experts.tied });
      expect(replaced.status).toBe(200);
      expect(await reviewOf('expertTied', apps[1])).toMatchObject({ status: 'ASSIGNED', proposal: { approach: proposal.approach } });
      expect((await roundFacts()).at(-1)).toMatchObject({
        type: 'review.expert-replaced',
        envelope: { data: { applicationId: apps[1], replaced: { reviewId: declined.id }, replacement: { profileId: experts.tied, ownerId: owners.tied } } },
      });
    });

    it('refuses to close while reviews are open, naming them; keeps others\u2019 scores hidden until the close; explains a tie', async () => {
      const a1 = await reviewOf('expert', apps[0]);
      const a2 = await reviewOf('expertTwo', apps[0]);
      const b1 = await reviewOf('expert', apps[1]);
      expect((await score('expert', a1.id, { technical: 90, team: 60, feasibility: 60, comments: '技术路线扎实' })).status).toBe(200);
      const open = await post(`/challenges/${round.id}/review/complete`, 'bureau');
      expect(open.status).toBe(409);
      const b3 = await reviewOf('expertTied', apps[1]);
      expect(open.body.details.missing.map((r: any) => r.reviewId).sort()).toEqual([a2.id, b1.id, b3.id].sort());

      const bad = await score('expertTwo', a2.id, { technical: 101, team: 60, feasibility: 60, comments: '好' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.field).toBe('technical');
      for (const who of ['expert', 'expertTied', 'bureau', 'solver']) {
        expect([who, (await score(who, a2.id, { technical: 90, team: 60, feasibility: 60, comments: '好' })).status]).toEqual([who, 404]);
      }
      await score('expertTwo', a2.id, { technical: 90, team: 60, feasibility: 60, comments: '可行' });
      await score('expert', b1.id, { technical: 60, team: 80, feasibility: 80, comments: '团队强' });
      await score('expertTied', b3.id, { technical: 60, team: 80, feasibility: 80, comments: '团队配置合理' });
      const before = await http('GET', `${m.api}/reviews/${a1.id}`, { token: tokens.expert });
      expect(before.body).toMatchObject({ scores: { technical: 90 }, panel: [] });

      for (const who of ['solver', 'enterprise', 'district', 'expert']) {
        expect([who, (await post(`/challenges/${round.id}/review/complete`, who)).status]).toEqual([who, 404]);
      }
      const done = await post(`/challenges/${round.id}/review/complete`, 'bureau');
      expect(done.status).toBe(200);
      const [first, second] = done.body.ranking;
      expect([first.applicationId, first.score, first.rank, first.outcome]).toEqual([apps[0], 72, 1, 'PROPOSED']);
      expect([second.applicationId, second.score, second.rank, second.outcome]).toEqual([apps[1], 72, 2, 'SHORTLISTED']);
      expect(first.tieBreak).toMatchObject({ by: 'technical-score' });
      expect(first.tieBreak.explanation).toMatch(/技术得分/);

      const completed = (await roundFacts()).at(-1)!;
      expect(completed).toMatchObject({ type: 'review.completed', envelope: { data: { maxWinners: 1, mode: 'SINGLE' } } });
      expect(completed.envelope.data.ranking.map((r: any) => r.outcome)).toEqual(['PROPOSED', 'SHORTLISTED']);
      expect(await query(m.database, 'SELECT status FROM applications WHERE id = ANY($1::uuid[]) ORDER BY status', [apps])).toEqual([
        { status: 'PROPOSED' },
        { status: 'SHORTLISTED' },
      ]);
      expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'review.due' AND subject = $1`, [round.id])).toEqual([{ status: 'cancelled' }]);

      const after = await http('GET', `${m.api}/reviews/${a1.id}`, { token: tokens.expert });
      expect(after.body.panel.map((s: any) => s.comments).sort()).toEqual(['可行', '技术路线扎实'].sort());
      expect((await score('expert', a1.id, { technical: 10, team: 10, feasibility: 10, comments: '改分' })).status).toBe(409);
      expect((await post(`/challenges/${round.id}/review/complete`, 'bureau')).status).toBe(409);
    });

    it('reopens the applications an upheld objection names, once, and ranks the round again', async () => {
      const upheld = round.message('challenge.objection-upheld', { applicationIds: [apps[1]] });
      await produceRaw(m.namespace, STREAMS.challenge.topic, [upheld, upheld]);
      await eventually(async () => expect((await roundFacts()).at(-1)!.type).toBe('review.reopened'));
      const reopened = (await roundFacts()).at(-1)!;
      expect(reopened.envelope).toMatchObject({ actor: { role: 'system' }, data: { applicationIds: [apps[1]] } });
      expect(reopened.envelope.data.reviews).toHaveLength(2);
      expect(await query(m.database, 'SELECT id, status FROM applications WHERE id = ANY($1::uuid[]) ORDER BY status', [apps])).toEqual([
        { id: apps[1], status: 'IN_REVIEW' },
        { id: apps[0], status: 'PROPOSED' },
      ]);
      expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'review.due' AND subject = $1`, [round.id])).toEqual([{ status: 'armed' }]);
      const second = round.message('challenge.objection-upheld', { applicationIds: [apps[1]] }); // a second one while the round is open
      await produceRaw(m.namespace, STREAMS.challenge.topic, [second]);
      const secondId = JSON.parse(second.value).id;
      await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [secondId])).toHaveLength(1));

      const b1 = await reviewOf('expert', apps[1]);
      const b3 = await reviewOf('expertTied', apps[1]);
      expect(b1).toMatchObject({ status: 'ASSIGNED', scores: { technical: 60 } });
      await score('expert', b1.id, { technical: 95, team: 80, feasibility: 80, comments: '复核后上调' });
      await score('expertTied', b3.id, { technical: 95, team: 80, feasibility: 80, comments: '复核后上调' });
      const done = await post(`/challenges/${round.id}/review/complete`, 'bureau');
      expect(done.status).toBe(200);
      expect(done.body.ranking.map((r: any) => [r.applicationId, r.outcome])).toEqual([
        [apps[1], 'PROPOSED'],
        [apps[0], 'SHORTLISTED'],
      ]);
      expect((await roundFacts()).filter((f) => f.type === 'review.reopened')).toHaveLength(1);
    });

    it('selects the winner on the award; an unsigned one forfeits and the best reserve takes its project (递补) and signs', async () => {
      const projectId = randomUUID();
      const winner = { applicationId: apps[1], solverOrgId: 'org-sol-b', solverName: 'org-sol-b', solverRole: 'solver', profileId: solvers[1].profileId, projectId };
      await round.send('challenge.awarded', { winners: [winner] });
      const facts = (id: string) => query<{ type: string; envelope: any }>(m.database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [id]);
      await eventually(async () => expect((await facts(apps[1])).at(-1)!.type).toBe('application.selected'));
      expect((await facts(apps[1])).at(-1)!.envelope.data).toMatchObject({ projectId, enterpriseOrgId: 'org-ent-yuneng' });

      await eventually(async () => expect((await facts(apps[0])).at(-1)!.type).toBe('application.promoted'), 20_000);
      const forfeited = (await facts(apps[1])).at(-1)!;
      expect(forfeited).toMatchObject({ type: 'application.forfeited', envelope: { actor: { role: 'system' }, data: { projectId, promotedApplicationId: apps[0] } } });
      expect((await facts(apps[0])).at(-1)!.envelope.data).toMatchObject({ replacesApplicationId: apps[1], projectId, rank: 2 });

      expect((await post(`/applications/${apps[1]}/sign`, 'solver')).status).toBe(404);
      const late = await http('POST', `${m.api}/applications/${apps[1]}/sign`, { token: solvers[1].token });
      expect(late.body.details.currentState).toBe('FORFEITED');
      const signed = await http('POST', `${m.api}/applications/${apps[0]}/sign`, { token: solvers[0].token });
      expect(signed.body).toMatchObject({ status: 'CONTRACTED', projectId });
      expect((await facts(apps[0])).at(-1)).toMatchObject({ type: 'application.contracted', envelope: { data: { projectId } } });
      expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'application.sign' AND subject = $1`, [apps[0]])).toEqual([{ status: 'cancelled' }]);
    });
  });
});
