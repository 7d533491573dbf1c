import { eventually, principals, verifiedEnterprise } from '@jiebang/testing';
import { actor, expertActor, solverActor, Walk, type Actor } from './support/lifecycle';
import { startSystem, type RunningSystem } from './support/system';

/**
 * 揭榜挂帅 end to end (issue 9): the three services as processes on the real broker, settings in seconds, walking a
 * 榜单 from draft to CLOSED projects over HTTP and Kafka. Deadlines are a few seconds after publication, the 公示
 * period, the signing period and the review period are seconds too; every step is a real command or a real timer.
 */
const SETTINGS = {
  challenge: { PUBLIC_NOTICE_PERIOD: '6s', TIMER_SWEEP_INTERVAL_MS: '1000' },
  matching: { SIGN_DEADLINE: '6s', REVIEW_PERIOD: '1h', TIMER_SWEEP_INTERVAL_MS: '1000' },
};

/** How long after its creation a 榜单's applications close: enough to publish and apply over the broker. */
const APPLICATION_WINDOW_MS = 15_000;

const content = (over: object) => ({
  title: '新能源汽车电池包壳体压铸件气孔率控制',
  description: '电池包壳体一体化压铸件内部气孔导致气密性检测不合格率约 6%，需要系统性的工艺解决方案。',
  indicators: ['气密性不合格率 ≤ 0.5%', 'X 射线探伤 II 级以上'],
  fields: ['light-metal'],
  keywords: ['压铸', '气孔'],
  researchContent: '真空压铸工艺参数窗口、浇排系统优化与在线质量监测',
  durationMonths: 12,
  deadlineAt: new Date(Date.now() + APPLICATION_WINDOW_MS).toISOString(),
  ...over,
});

describe('揭榜挂帅 end to end: from draft to CLOSED projects over HTTP and Kafka', () => {
  let system: RunningSystem;
  let walk: Walk;
  let enterprise: Actor;
  let bureau: Actor;
  const experts: Record<string, { actor: Actor; profileId: string }> = {};

  beforeAll(async () => {
    system = await startSystem(SETTINGS);
    walk = new Walk(system);
    enterprise = await actor(principals.enterprise);
    bureau = await actor(principals.bureau);
    // The enterprise's profile, verified by its district office: what it needs before it may submit a 榜单.
    const profile = await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    expect(profile).toMatchObject({ status: 'VERIFIED', relatedOrgIds: ['org-ent-yujiang-holding'] });
    for (const [key, name, affiliations] of [
      ['zhang', '张明远', []],
      ['liu', '刘晓红', []],
      ['chen', '陈建国', ['org-sol-cqu-materials']], // 回避: he is of the first applicant's organisation
      ['zhao', '赵立新', ['org-ent-yujiang-holding']], // 回避: the enterprise's parent company, so every application
    ] as const) {
      const expert = await expertActor(`u-exp-${key}`);
      experts[key] = { actor: expert, profileId: await walk.expertProfile(bureau, name, expert, [...affiliations]) };
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  describe('a SINGLE 榜单: late, withdrawn and ineligible applications, 回避, an upheld objection, a forfeit with 递补', () => {
    let challengeId: string;
    const solvers: Record<string, { actor: Actor; profileId: string; applicationId?: string }> = {};

    it('is drafted, vetted, approved and published; solvers accept the terms and apply; one withdraws, one is refused as ineligible', async () => {
      challengeId = await walk.publish(
        enterprise,
        bureau,
        content({
          bountyYuan: 500_000,
          eligibility: { solverTypes: ['university', 'institute'], qualifications: [], consortiumAllowed: false },
          milestones: [
            { title: '工艺方案与仿真', deliverables: ['工艺方案', '模流仿真报告'], dueOffsetDays: 60, trancheYuan: 200_000, midterm: false },
            { title: '批量验证', deliverables: ['批量验证报告'], dueOffsetDays: 300, trancheYuan: 300_000, midterm: false },
          ],
        }),
      );
      await walk.knownAs(challengeId, 'PUBLISHED');

      for (const [key, orgId, orgName, orgType] of [
        ['cqu', 'org-sol-cqu-materials', '重庆大学材料科学与工程学院', 'university'],
        ['cqut', 'org-sol-cqut', '重庆理工大学材料学院', 'university'],
        ['cast', 'org-sol-cast-institute', '重庆市铸造研究所', 'institute'],
        ['swu', 'org-sol-swu', '西南大学工程技术学院', 'university'],
        ['firm', 'org-sol-die-firm', '重庆某模具技术有限公司', 'enterprise'],
        ['cstb', 'org-sol-cstb', '重庆市科学技术研究院', 'institute'],
        ['late', 'org-sol-late', '重庆交通大学机电学院', 'university'],
      ] as const) {
        const solver = await solverActor(orgId, orgName);
        solvers[key] = { actor: solver, profileId: await walk.solverProfile(solver, orgType) };
        await walk.acceptTerms(solver, challengeId);
      }
      for (const key of ['cqu', 'cqut', 'cast', 'swu', 'cstb']) {
        solvers[key].applicationId = await walk.apply(solvers[key].actor, challengeId, solvers[key].profileId, `${solvers[key].actor.principal.orgName}的技术方案`);
      }

      // An enterprise-type organisation may not apply to a 榜单 open to universities and institutes only.
      const firm = solvers.firm;
      firm.applicationId = await walk.draftApplication(firm.actor, challengeId, firm.profileId);
      const refused = await walk.call(firm.actor, 'POST', `${walk.matching}/applications/${firm.applicationId}/submit`);
      expect(refused).toMatchObject({ status: 409, body: { code: 'APPLICATION_INELIGIBLE', details: { rule: 'solverType', currentState: 'DRAFT' } } });

      const withdrawn = await walk.ok(solvers.swu.actor, 'POST', `${walk.matching}/applications/${solvers.swu.applicationId}/withdraw`, { reason: '团队人员调整，无法按期实施' });
      expect(withdrawn.status).toBe('WITHDRAWN');
      solvers.late.applicationId = await walk.draftApplication(solvers.late.actor, challengeId, solvers.late.profileId);

      // The enterprise sees who applied (challenge-service's read model of matching's facts): withdrawn ones do not count.
      await walk.challengeReaches(enterprise, challengeId, 'PUBLISHED');
      await eventually(async () => expect((await walk.challenge(enterprise, challengeId)).applicationsCount).toBe(4), 30_000, 200);
    });

    it('closes at its deadline; a late submission is refused with 409 APPLICATION_DEADLINE_PASSED', async () => {
      const closed = await walk.challengeReaches(bureau, challengeId, 'CLOSED', APPLICATION_WINDOW_MS + 30_000);
      expect(closed.closedAt).toEqual(expect.any(String));
      const late = await walk.call(solvers.late.actor, 'POST', `${walk.matching}/applications/${solvers.late.applicationId}/submit`);
      expect(late).toMatchObject({ status: 409, body: { code: 'APPLICATION_DEADLINE_PASSED', details: { deadlineAt: closed.deadlineAt } } });
      const lateWithdraw = await walk.call(solvers.cqu.actor, 'POST', `${walk.matching}/applications/${solvers.cqu.applicationId}/withdraw`, { reason: '来不及' });
      expect(lateWithdraw).toMatchObject({ status: 409, body: { code: 'APPLICATION_DEADLINE_PASSED' } });
      expect((await walk.ok(solvers.late.actor, 'GET', `${walk.matching}/applications/${solvers.late.applicationId}`)).status).toBe('DRAFT');
    });

    it('passes the formal check: three QUALIFIED, one INELIGIBLE, and matching reports the check complete', async () => {
      for (const key of ['cqu', 'cqut', 'cast']) {
        expect((await walk.ok(bureau, 'POST', `${walk.matching}/applications/${solvers[key].applicationId}/formal-check`, { outcome: 'QUALIFIED' })).status).toBe('QUALIFIED');
      }
      const ineligible = await walk.ok(bureau, 'POST', `${walk.matching}/applications/${solvers.cstb.applicationId}/formal-check`, {
        outcome: 'INELIGIBLE',
        reason: '未提供承担单位盖章的承诺书',
      });
      expect(ineligible.status).toBe('INELIGIBLE');
      const completed = await walk.reviewFact(challengeId, 'review.formal-check-completed');
      expect(completed.data).toMatchObject({ ineligibleCount: 1, withdrawnCount: 1 });
      expect(completed.data.qualified.map((q: any) => q.applicationId).sort()).toEqual(['cqu', 'cqut', 'cast'].map((k) => solvers[k].applicationId).sort());
    });

    it('assigns experts with 回避: the applicant’s colleague never reviews it, the parent company’s expert reviews none', async () => {
      const pool = Object.values(experts).map((e) => e.profileId);
      const { runId, run } = await walk.assign(bureau, challengeId, { k: 2, expertIds: pool });
      const item = (id: string) => run.result.items.find((i: any) => i.itemId === id);
      const cqu = item(solvers.cqu.applicationId!);
      expect(cqu.assigned.map((c: any) => c.candidateId)).not.toContain(experts.chen.profileId);
      expect(cqu.excluded.map((c: any) => c.candidateId)).toEqual(expect.arrayContaining([experts.chen.profileId, experts.zhao.profileId]));
      for (const key of ['cqu', 'cqut', 'cast']) {
        expect(item(solvers[key].applicationId!).assigned).toHaveLength(2);
        expect(item(solvers[key].applicationId!).assigned.map((c: any) => c.candidateId)).not.toContain(experts.zhao.profileId);
      }
      await walk.ok(bureau, 'POST', `${walk.matching}/challenges/${challengeId}/review/assignment/${runId}/confirm`);
      const assigned = await walk.reviewFact(challengeId, 'review.experts-assigned');
      const reviewersOf = (id: string) => assigned.data.assignments.find((a: any) => a.applicationId === id).experts.map((e: any) => e.profileId);
      expect(reviewersOf(solvers.cqu.applicationId!)).not.toContain(experts.chen.profileId);
      expect((await walk.reviewsOf(experts.chen.actor, challengeId)).map((r) => r.applicationId)).not.toContain(solvers.cqu.applicationId);
      expect(await walk.reviewsOf(experts.zhao.actor, challengeId)).toEqual([]);
    });

    it('is scored by the experts and completed: ranked, the best PROPOSED, the others SHORTLISTED', async () => {
      const scores: Record<string, number> = { [solvers.cqu.applicationId!]: 92, [solvers.cqut.applicationId!]: 84, [solvers.cast.applicationId!]: 76 };
      for (const e of Object.values(experts)) await walk.scoreAll(e.actor, challengeId, (id) => scores[id]);
      await walk.ok(bureau, 'POST', `${walk.matching}/challenges/${challengeId}/review/complete`);
      const completed = await walk.reviewFact(challengeId, 'review.completed');
      expect(completed.data.ranking.map((r: any) => [r.applicationId, r.outcome])).toEqual([
        [solvers.cqu.applicationId, 'PROPOSED'],
        [solvers.cqut.applicationId, 'SHORTLISTED'],
        [solvers.cast.applicationId, 'SHORTLISTED'],
      ]);
    });
  });
});
