import { eventually, principals, verifiedEnterprise } from '@jiebang/testing';
import { actor, DELIVERABLES, expertActor, solverActor, Walk, type Actor } from './support/lifecycle';
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
    let projectId: string;
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
      await walk.challengeReaches(enterprise, challengeId, 'UNDER_REVIEW');
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

    it('opens the 公示; an objection is upheld, the application concerned is re-scored, and the new 公示 awards the 榜单', async () => {
      const notice = await walk.challengeReaches(enterprise, challengeId, 'IN_PUBLIC_NOTICE');
      expect(notice.publicNoticeEndsAt).toEqual(expect.any(String));
      const objection = await walk.ok(
        solvers.cqut.actor,
        'POST',
        `${walk.challenges}/challenges/${challengeId}/objections`,
        { reasons: ['拟入选单位的中试数据与其公开发表论文数据重复，疑似一稿多用'], evidence: [{ name: '论文比对.pdf', url: 'files/evidence/compare.pdf' }] },
        201,
      );
      const upheld = await walk.ok(bureau, 'POST', `${walk.challenges}/challenges/${challengeId}/objections/${objection.id}/uphold`, {
        reason: '经核查，中试数据来源不清，需重新评审',
        applicationIds: [solvers.cqu.applicationId],
      });
      expect(upheld).toMatchObject({ status: 'UPHELD' });
      expect((await walk.challenge(enterprise, challengeId)).status).toBe('UNDER_REVIEW');

      // matching reopens the application concerned; its experts revise their scores; the round completes again.
      const reopened = await walk.reviewFact(challengeId, 'review.reopened');
      expect(reopened.data.applicationIds).toEqual([solvers.cqu.applicationId]);
      await walk.applicationReaches(bureau, solvers.cqu.applicationId!, 'IN_REVIEW');
      for (const e of Object.values(experts)) await walk.scoreAll(e.actor, challengeId, () => 61);
      await walk.ok(bureau, 'POST', `${walk.matching}/challenges/${challengeId}/review/complete`);
      const second = await walk.reviewFact(challengeId, 'review.completed', 2);
      expect(second.data.ranking.map((r: any) => [r.applicationId, r.outcome])).toEqual([
        [solvers.cqut.applicationId, 'PROPOSED'],
        [solvers.cast.applicationId, 'SHORTLISTED'],
        [solvers.cqu.applicationId, 'SHORTLISTED'],
      ]);
      await walk.challengeReaches(enterprise, challengeId, 'IN_PUBLIC_NOTICE');
      await walk.challengeReaches(enterprise, challengeId, 'AWARDED');
    });

    it('the winner does not sign in time: it forfeits, the best reserve is promoted (递补), signs, and the project runs', async () => {
      await walk.applicationReaches(solvers.cqut.actor, solvers.cqut.applicationId!, 'SELECTED');
      const [project] = (await walk.ok(enterprise, 'GET', `${walk.challenges}/projects?challengeId=${challengeId}`)).items;
      expect(project).toMatchObject({ status: 'PENDING_CONTRACT', applicationId: solvers.cqut.applicationId });
      projectId = project.id;

      await walk.applicationReaches(bureau, solvers.cqut.applicationId!, 'FORFEITED', 30_000);
      const promoted = await walk.applicationReaches(solvers.cast.actor, solvers.cast.applicationId!, 'SELECTED');
      expect(promoted.projectId).toBe(projectId);
      const replaced = await eventually(async () => {
        const body = await walk.ok(bureau, 'GET', `${walk.challenges}/projects/${projectId}`);
        expect(body).toMatchObject({ applicationId: solvers.cast.applicationId, solverOrgId: 'org-sol-cast-institute' });
        return body;
      }, 30_000, 200);
      expect(replaced.status).toBe('PENDING_CONTRACT');
      expect((await walk.call(solvers.cqut.actor, 'GET', `${walk.challenges}/projects/${projectId}`)).status).toBe(404);

      expect((await walk.ok(solvers.cast.actor, 'POST', `${walk.matching}/applications/${solvers.cast.applicationId}/sign`)).status).toBe('CONTRACTED');
      const running = await walk.projectReaches(solvers.cast.actor, projectId, 'IN_PROGRESS');
      expect(running.milestones.map((m: any) => m.status)).toEqual(['ACTIVE', 'PLANNED']);
    });

    it('milestone 1 has changes requested, then is approved and paid; milestone 2 approved, accepted, paid: the project is CLOSED', async () => {
      const cast = solvers.cast.actor;
      await walk.ok(cast, 'POST', walk.milestone(projectId, 1, 'submit'), DELIVERABLES);
      const changes = await walk.ok(enterprise, 'POST', walk.milestone(projectId, 1, 'request-changes'), { comments: '请补充模流仿真的边界条件与网格无关性验证' });
      expect(changes.milestones[0].status).toBe('ACTIVE');
      await walk.ok(cast, 'POST', walk.milestone(projectId, 1, 'submit'), DELIVERABLES);
      expect((await walk.ok(enterprise, 'POST', walk.milestone(projectId, 1, 'approve'))).milestones[0].status).toBe('APPROVED');
      const paid = await walk.ok(enterprise, 'POST', walk.milestone(projectId, 1, 'payments'), { amountYuan: 200_000, reference: 'YJ-2027-001' });
      expect(paid.milestones.map((m: any) => m.status)).toEqual(['PAID', 'ACTIVE']);

      await walk.ok(cast, 'POST', walk.milestone(projectId, 2, 'submit'), DELIVERABLES);
      expect((await walk.ok(enterprise, 'POST', walk.milestone(projectId, 2, 'approve'))).status).toBe('PENDING_ACCEPTANCE');
      await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${projectId}/acceptance/start`);
      expect((await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${projectId}/acceptance`, { passed: true, opinion: '各项指标达到榜单要求' })).status).toBe('ACCEPTED');
      const closed = await walk.ok(enterprise, 'POST', walk.milestone(projectId, 2, 'payments'), { amountYuan: 300_000, reference: 'YJ-2027-002' });
      expect(closed.status).toBe('CLOSED');

      const ledger = await walk.ok(enterprise, 'GET', `${walk.challenges}/challenges/${challengeId}/ledger`);
      expect(ledger.tranches.map((t: any) => [t.trancheYuan, t.retainedYuan, t.shares.map((x: any) => [x.projectId, x.plannedYuan, x.approvedYuan, x.paidYuan])])).toEqual([
        [200_000, 0, [[projectId, 200_000, 200_000, 200_000]]],
        [300_000, 0, [[projectId, 300_000, 300_000, 300_000]]],
      ]);
      expect((await walk.ok(cast, 'GET', `${walk.challenges}/projects/${projectId}/ledger`)).totals).toEqual({ plannedYuan: 500_000, approvedYuan: 500_000, paidYuan: 500_000 });
    });
  });

  describe('a HORSE_RACE 榜单: two winners, one eliminated at the mid-term, its tranches re-allocated to the survivor', () => {
    let challengeId: string;
    const racers: Record<'p' | 'q', { actor: Actor; profileId: string; applicationId: string; projectId: string }> = {} as never;
    // Σ = 1 000 001 元: the odd yuan of the first tranche goes to the better ranked winner.
    const TRANCHES = [200_001, 400_000, 400_000];

    it('is published, applied to, reviewed and awarded to two winners, who both sign', async () => {
      challengeId = await walk.publish(
        enterprise,
        bureau,
        content({
          title: '一体化压铸后底板免热处理铝合金开发',
          bountyYuan: 1_000_001,
          mode: 'HORSE_RACE',
          maxWinners: 2,
          eliminationPolicy: 'REALLOCATE_TO_SURVIVORS',
          milestones: [
            { title: '合金成分设计', deliverables: ['成分设计报告'], dueOffsetDays: 60, trancheYuan: TRANCHES[0], midterm: false },
            { title: '样件试制（中期）', deliverables: ['样件', '力学性能报告'], dueOffsetDays: 180, trancheYuan: TRANCHES[1], midterm: true },
            { title: '量产验证', deliverables: ['量产验证报告'], dueOffsetDays: 360, trancheYuan: TRANCHES[2], midterm: false },
          ],
        }),
      );
      await walk.knownAs(challengeId, 'PUBLISHED');
      for (const [key, orgId, orgName] of [
        ['p', 'org-sol-cqu-alloy', '重庆大学国家镁合金材料工程技术研究中心'],
        ['q', 'org-sol-cqust', '重庆科技大学冶金与材料工程学院'],
      ] as const) {
        const solver = await solverActor(orgId, orgName);
        const profileId = await walk.solverProfile(solver, 'university');
        await walk.acceptTerms(solver, challengeId);
        racers[key] = { actor: solver, profileId, applicationId: await walk.apply(solver, challengeId, profileId), projectId: '' };
      }
      for (const r of Object.values(racers)) await walk.ok(bureau, 'POST', `${walk.matching}/applications/${r.applicationId}/formal-check`, { outcome: 'QUALIFIED' });
      await walk.challengeReaches(bureau, challengeId, 'CLOSED', APPLICATION_WINDOW_MS + 30_000);
      await walk.reviewFact(challengeId, 'review.formal-check-completed');

      const { runId } = await walk.assign(bureau, challengeId, { k: 2, expertIds: [experts.zhang.profileId, experts.liu.profileId] });
      await walk.ok(bureau, 'POST', `${walk.matching}/challenges/${challengeId}/review/assignment/${runId}/confirm`);
      await walk.challengeReaches(enterprise, challengeId, 'UNDER_REVIEW');
      const scores = { [racers.p.applicationId]: 88, [racers.q.applicationId]: 80 };
      for (const e of [experts.zhang, experts.liu]) await walk.scoreAll(e.actor, challengeId, (id) => scores[id]);
      await walk.ok(bureau, 'POST', `${walk.matching}/challenges/${challengeId}/review/complete`);
      const completed = await walk.reviewFact(challengeId, 'review.completed');
      expect(completed.data.ranking.map((r: any) => [r.applicationId, r.outcome])).toEqual([
        [racers.p.applicationId, 'PROPOSED'],
        [racers.q.applicationId, 'PROPOSED'],
      ]);
      await walk.challengeReaches(enterprise, challengeId, 'AWARDED');

      for (const r of Object.values(racers)) {
        const selected = await walk.applicationReaches(r.actor, r.applicationId, 'SELECTED');
        r.projectId = selected.projectId;
        expect((await walk.ok(r.actor, 'POST', `${walk.matching}/applications/${r.applicationId}/sign`)).status).toBe('CONTRACTED');
      }
      for (const r of Object.values(racers)) await walk.projectReaches(r.actor, r.projectId, 'IN_PROGRESS');
      const ledger = await walk.ok(enterprise, 'GET', `${walk.challenges}/challenges/${challengeId}/ledger`);
      expect(ledger.tranches.map((t: any) => t.shares.map((x: any) => x.plannedYuan))).toEqual([
        [100_001, 100_000],
        [200_000, 200_000],
        [200_000, 200_000],
      ]);
    });

    it('both pass milestone 1 and the mid-term milestone; the bureau eliminates one, the survivor gets its tranche and closes', async () => {
      const { p, q } = racers;
      const through = async (r: typeof p, n: number) => {
        await walk.ok(r.actor, 'POST', walk.milestone(r.projectId, n, 'submit'), DELIVERABLES);
        return walk.ok(enterprise, 'POST', walk.milestone(r.projectId, n, 'approve'));
      };
      for (const r of [p, q]) {
        await through(r, 1);
        const share = r === p ? 100_001 : 100_000;
        await walk.ok(enterprise, 'POST', walk.milestone(r.projectId, 1, 'payments'), { amountYuan: share, reference: `HR-1-${r.applicationId.slice(0, 4)}` });
        expect((await through(r, 2)).status).toBe('MIDTERM_REVIEW');
      }
      const eliminated = await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${q.projectId}/midterm`, { decision: 'ELIMINATE', reason: '样件延伸率未达到中期指标' });
      expect(eliminated.status).toBe('ELIMINATED');
      const continued = await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${p.projectId}/midterm`, { decision: 'CONTINUE', reason: '中期指标全部达到' });
      expect(continued.milestones.map((m: any) => m.status)).toEqual(['PAID', 'APPROVED', 'ACTIVE']);

      const reallocated = await walk.ok(enterprise, 'GET', `${walk.challenges}/challenges/${challengeId}/ledger`);
      const share = (n: number, r: typeof p) => reallocated.tranches[n - 1].shares.find((x: any) => x.projectId === r.projectId).plannedYuan;
      expect([share(3, p), share(3, q), reallocated.tranches[2].retainedYuan]).toEqual([400_000, 0, 0]);
      expect([share(2, p), share(2, q)]).toEqual([200_000, 200_000]); // approved before the elimination: still q's

      // The eliminated project's approved mid-term tranche is still owed and paid; the survivor finishes and closes.
      await walk.ok(enterprise, 'POST', walk.milestone(q.projectId, 2, 'payments'), { amountYuan: 200_000, reference: 'HR-2-Q' });
      expect((await through(p, 3)).status).toBe('PENDING_ACCEPTANCE');
      await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${p.projectId}/acceptance/start`);
      await walk.ok(bureau, 'POST', `${walk.challenges}/projects/${p.projectId}/acceptance`, { passed: true, opinion: '免热处理合金性能达到量产要求' });
      await walk.ok(enterprise, 'POST', walk.milestone(p.projectId, 2, 'payments'), { amountYuan: 200_000, reference: 'HR-2-P' });
      expect((await walk.ok(enterprise, 'POST', walk.milestone(p.projectId, 3, 'payments'), { amountYuan: 400_000, reference: 'HR-3-P' })).status).toBe('CLOSED');

      // The ledger at the end: every tranche fully split (nothing retained), everything approved paid, Σ paid = the bounty.
      const ledger = await walk.ok(bureau, 'GET', `${walk.challenges}/challenges/${challengeId}/ledger`);
      for (const [i, t] of ledger.tranches.entries()) {
        expect(t.trancheYuan).toBe(TRANCHES[i]);
        expect(t.shares.reduce((sum: number, x: any) => sum + x.plannedYuan, 0) + t.retainedYuan).toBe(TRANCHES[i]);
        for (const x of t.shares) expect(x.paidYuan).toBe(x.approvedYuan);
      }
      const paid = ledger.tranches.flatMap((t: any) => t.shares).reduce((sum: number, x: any) => sum + x.paidYuan, 0);
      expect(paid).toBe(1_000_001);
      expect((await walk.ok(p.actor, 'GET', `${walk.challenges}/projects/${p.projectId}/ledger`)).totals.paidYuan).toBe(700_001);
      expect((await walk.ok(q.actor, 'GET', `${walk.challenges}/projects/${q.projectId}/ledger`)).totals.paidYuan).toBe(300_000);
      expect(ledger.projects.map((x: any) => [x.id, x.status])).toEqual([
        [p.projectId, 'CLOSED'],
        [q.projectId, 'ELIMINATED'],
      ]);
    });
  });
});
