import { call, DELIVERABLES, PLAN, sign, startProjects, type Party, type ProjectsTestApp } from '../testing/projects-app';

describe('project commands: milestones, payments, 赛马制 mid-term, acceptance (real Postgres, Kafka, Redis)', () => {
  let t: ProjectsTestApp;
  const ok = async (method: string, path: string, party: Party, body?: unknown) => {
    const res = await call(t, method, path, party, body);
    expect([path, res.status, res.body?.code]).toEqual([path, 200, undefined]);
    return res.body;
  };
  const milestone = (id: string, n: number, verb: string) => `/projects/${id}/milestones/${n}/${verb}`;
  const through = async (id: string, n: number, solver: Party) => {
    await ok('POST', milestone(id, n, 'submit'), solver, DELIVERABLES);
    return ok('POST', milestone(id, n, 'approve'), 'enterprise');
  };
  const types = async (id: string) => (await t.outbox(id)).map((r) => r.type);

  beforeAll(async () => {
    t = await startProjects();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs a 赛马制 award of two winners: one eliminated at the mid-term, the ledger always equal to the plan, the survivor closed', async () => {
    const { challengeId, projectIds, applicationIds } = await t.award();
    const [a, b] = projectIds;
    await sign(t, a, applicationIds[0]);
    await sign(t, b, applicationIds[1]);

    // Milestone 1: changes requested on a's first submission, then approved.
    await ok('POST', milestone(a, 1, 'submit'), 'solver', DELIVERABLES);
    const changed = await ok('POST', milestone(a, 1, 'request-changes'), 'enterprise', { comments: '请补充热疲劳试验数据' });
    expect(changed.milestones[0].status).toBe('ACTIVE');
    const approved = await through(a, 1, 'solver');
    expect(approved.milestones.map((m: any) => m.status)).toEqual(['APPROVED', 'ACTIVE', 'PLANNED']);
    await through(b, 1, 'team');

    const partial = await ok('POST', milestone(a, 1, 'payments'), 'enterprise', { amountYuan: 30_000, reference: 'CQB-2027-0001' });
    expect(partial.ledger).toEqual({ milestoneIndex: 1, plannedYuan: 50_001, approvedYuan: 50_001, paidYuan: 30_000 });
    const over = await call(t, 'POST', milestone(a, 1, 'payments'), 'enterprise', { amountYuan: 20_002, reference: 'CQB-2027-0002' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'PROJECT_PAYMENT_EXCEEDS_APPROVED', details: { currentState: 'APPROVED' } });
    const full = await ok('POST', milestone(a, 1, 'payments'), 'enterprise', { amountYuan: 20_001, reference: 'CQB-2027-0002' });
    expect(full.milestones[0].status).toBe('PAID');

    // Milestone 2 is the midterm one: both wait for the bureau.
    expect((await through(a, 2, 'solver')).status).toBe('MIDTERM_REVIEW');
    expect((await through(b, 2, 'team')).status).toBe('MIDTERM_REVIEW');

    const eliminated = await ok('POST', `/projects/${b}/midterm`, 'bureau', { decision: 'ELIMINATE', reason: '中期样机指标未达到要求' });
    expect(eliminated.status).toBe('ELIMINATED');
    const last = await call(t, 'POST', `/projects/${a}/midterm`, 'bureau', { decision: 'ELIMINATE', reason: '也淘汰' });
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ code: 'PROJECT_LAST_ACTIVE', details: { currentState: 'MIDTERM_REVIEW' } });

    const ledger = (await ok('GET', `/challenges/${challengeId}/ledger`, 'enterprise')).tranches;
    for (const [i, tranche] of ledger.entries()) {
      expect(tranche.shares.reduce((s: number, x: any) => s + x.plannedYuan, 0) + tranche.retainedYuan).toBe(PLAN[i].trancheYuan);
    }
    expect(ledger[2].shares.find((s: any) => s.projectId === a).plannedYuan).toBe(200_000); // b's 100 000 moved to a
    expect(ledger[2].retainedYuan).toBe(0);
    const [reallocated] = (await t.outbox(a)).filter((r) => r.type === 'project.tranches-reallocated');
    expect(reallocated.envelope.data).toMatchObject({ eliminatedProjectId: b, addedYuan: 100_000, changes: [{ milestoneIndex: 3, addedYuan: 100_000, plannedYuan: 200_000 }] });
    const [elimination] = (await t.outbox(b)).filter((r) => r.type === 'project.eliminated');
    expect(elimination.envelope.data).toMatchObject({ eliminationPolicy: 'REALLOCATE_TO_SURVIVORS', releasedYuan: 100_000, survivorProjectIds: [a] });
    expect(reallocated.envelope.causationId).toBe(elimination.envelope.id);

    // The survivor continues, fails acceptance once, rectifies, passes, and closes once every approved tranche is paid.
    expect((await ok('POST', `/projects/${a}/midterm`, 'bureau', { decision: 'CONTINUE', reason: '进展良好' })).milestones[2].status).toBe('ACTIVE');
    expect((await through(a, 3, 'solver')).status).toBe('PENDING_ACCEPTANCE');
    await ok('POST', `/projects/${a}/acceptance/start`, 'bureau');
    expect((await ok('POST', `/projects/${a}/acceptance`, 'bureau', { passed: false, opinion: '寿命指标未达标' })).status).toBe('RECTIFICATION');
    await ok('POST', `/projects/${a}/acceptance/start`, 'bureau');
    expect((await ok('POST', `/projects/${a}/acceptance`, 'bureau', { passed: true, opinion: '达到指标' })).status).toBe('ACCEPTED');
    await ok('POST', milestone(a, 2, 'payments'), 'enterprise', { amountYuan: 150_000, reference: 'CQB-2027-0003' });
    const closed = await ok('POST', milestone(a, 3, 'payments'), 'enterprise', { amountYuan: 200_000, reference: 'CQB-2027-0004' });
    expect(closed.status).toBe('CLOSED');

    const events = await t.outbox(a);
    expect(events.map((e) => e.envelope.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(await types(a)).toEqual([
      'project.created',
      'project.started',
      'project.milestone-submitted',
      'project.milestone-changes-requested',
      'project.milestone-submitted',
      'project.milestone-approved',
      'project.tranche-paid',
      'project.tranche-paid',
      'project.milestone-submitted',
      'project.milestone-approved',
      'project.tranches-reallocated',
      'project.continued',
      'project.milestone-submitted',
      'project.milestone-approved',
      'project.acceptance-started',
      'project.acceptance-failed',
      'project.acceptance-started',
      'project.accepted',
      'project.tranche-paid',
      'project.tranche-paid',
      'project.closed',
    ]);
    expect(events.at(-1)!.envelope.data).toMatchObject({ approvedYuan: 400_001, paidYuan: 400_001 });
    expect((await ok('GET', `/projects/${a}/ledger`, 'solver')).totals).toEqual({ plannedYuan: 400_001, approvedYuan: 400_001, paidYuan: 400_001 });
  });

  it('terminates after the last rectification round, and on the bureau’s decision, retaining the unapproved money', async () => {
    const { challengeId, projectIds, applicationIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null, maxRectificationRounds: 0 });
    const [p] = projectIds;
    await sign(t, p, applicationIds[0]);
    await through(p, 1, 'solver');
    await through(p, 2, 'solver');
    await ok('POST', `/projects/${p}/midterm`, 'bureau', { decision: 'CONTINUE', reason: '进展良好' });
    const single = await call(t, 'POST', `/projects/${p}/midterm`, 'bureau', { decision: 'ELIMINATE', reason: '淘汰' });
    expect(single.body.details.currentState).toBe('IN_PROGRESS');
    await through(p, 3, 'solver');
    await ok('POST', `/projects/${p}/acceptance/start`, 'bureau');
    expect((await ok('POST', `/projects/${p}/acceptance`, 'bureau', { passed: false, opinion: '未达标' })).status).toBe('TERMINATED');
    const [failed, terminated] = (await t.outbox(p)).slice(-2).map((r) => r.envelope);
    expect(failed).toMatchObject({ type: 'project.acceptance-failed', data: { terminated: true, rectificationRound: 1, maxRectificationRounds: 0 } });
    expect(terminated).toMatchObject({ type: 'project.terminated', sequence: failed.sequence + 1, data: { cause: 'acceptance-failed', retainedYuan: 0 } });
    const after = await call(t, 'POST', `/projects/${p}/terminate`, 'bureau', { reason: '再次终止' });
    expect(after.body).toMatchObject({ code: 'PROJECT_INVALID_STATE', details: { currentState: 'TERMINATED' } });
    expect((await ok('GET', `/challenges/${challengeId}/ledger`, 'bureau')).tranches.map((x: any) => x.retainedYuan)).toEqual([0, 0, 0]);

    const other = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    await sign(t, other.projectIds[0], other.applicationIds[0]);
    await through(other.projectIds[0], 1, 'solver');
    await ok('POST', `/projects/${other.projectIds[0]}/suspend`, 'bureau', { reason: '经费审计' });
    const blocked = await call(t, 'POST', milestone(other.projectIds[0], 2, 'submit'), 'solver', DELIVERABLES);
    expect(blocked.body.details.currentState).toBe('SUSPENDED');
    await ok('POST', `/projects/${other.projectIds[0]}/resume`, 'bureau', { reason: '审计完成' });
    expect((await ok('POST', `/projects/${other.projectIds[0]}/terminate`, 'bureau', { reason: '企业申请终止合作' })).status).toBe('TERMINATED');
    expect((await ok('GET', `/challenges/${other.challengeId}/ledger`, 'bureau')).tranches.map((x: any) => x.retainedYuan)).toEqual([0, 300_000, 200_000]);
  });

  it('lets exactly one of two racing approvals win', async () => {
    const { projectIds, applicationIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    const [p] = projectIds;
    await sign(t, p, applicationIds[0]);
    await ok('POST', milestone(p, 1, 'submit'), 'solver', DELIVERABLES);
    const results = await Promise.all([1, 2].map(() => call(t, 'POST', milestone(p, 1, 'approve'), 'enterprise')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.details.currentState).toBe('APPROVED');
    expect((await types(p)).filter((x) => x === 'project.milestone-approved')).toHaveLength(1);
    expect((await ok('GET', `/projects/${p}/ledger`, 'enterprise')).totals.approvedYuan).toBe(100_001);
  });

  it('refuses bad input with 400 naming the field, and an illegal transition with 409 and the current state', async () => {
    const { projectIds, applicationIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    const [p] = projectIds;
    expect((await call(t, 'POST', milestone(p, 1, 'submit'), 'solver', DELIVERABLES)).body.details).toMatchObject({ currentState: 'PENDING_CONTRACT' });
    await sign(t, p, applicationIds[0]);
    const bad = (path: string, party: Party, body: unknown) => call(t, 'POST', path, party, body).then((r) => [r.status, r.body.details?.field]);
    expect(await bad(milestone(p, 1, 'submit'), 'solver', { deliverables: [] })).toEqual([400, 'deliverables']);
    expect(await bad(milestone(p, 1, 'submit'), 'solver', { ...DELIVERABLES, extra: 1 })).toEqual([400, expect.any(String)]);
    expect(await bad(`/projects/${p}/milestones/x/submit`, 'solver', DELIVERABLES)).toEqual([400, 'n']);
    expect(await bad(milestone(p, 1, 'payments'), 'enterprise', { amountYuan: -5, reference: 'x' })).toEqual([400, 'amountYuan']);
    expect(await bad(`/projects/${p}/midterm`, 'bureau', { decision: 'MAYBE', reason: 'x' })).toEqual([400, 'decision']);
    expect(await bad(`/projects/${p}/acceptance`, 'bureau', { opinion: 'x' })).toEqual([400, 'passed']);
    expect((await call(t, 'POST', milestone(p, 9, 'submit'), 'solver', DELIVERABLES)).status).toBe(404);
    expect((await call(t, 'POST', milestone(p, 2, 'submit'), 'solver', DELIVERABLES)).body.details.currentState).toBe('PLANNED');
    expect((await call(t, 'POST', milestone(p, 1, 'payments'), 'enterprise', { amountYuan: 1, reference: 'x' })).body.details.currentState).toBe('ACTIVE');
    expect((await call(t, 'POST', `/projects/${p}/acceptance/start`, 'bureau')).body.details.currentState).toBe('IN_PROGRESS');
    expect((await call(t, 'POST', `/projects/${p}/resume`, 'bureau', { reason: 'x' })).body.details.currentState).toBe('IN_PROGRESS');
  });

  it('refuses every command to every party but its own: another party’s project is not found, a wrong role forbidden', async () => {
    const { projectIds } = await t.award();
    const [p] = projectIds; // the solver's; the team holds the other one
    const routes: [string, Party, unknown][] = [
      [milestone(p, 1, 'submit'), 'solver', DELIVERABLES],
      [milestone(p, 1, 'approve'), 'enterprise', undefined],
      [milestone(p, 1, 'request-changes'), 'enterprise', { comments: '补充' }],
      [milestone(p, 1, 'payments'), 'enterprise', { amountYuan: 1, reference: 'x' }],
      [`/projects/${p}/midterm`, 'bureau', { decision: 'CONTINUE', reason: 'x' }],
      [`/projects/${p}/suspend`, 'bureau', { reason: 'x' }],
      [`/projects/${p}/resume`, 'bureau', { reason: 'x' }],
      [`/projects/${p}/acceptance/start`, 'bureau', undefined],
      [`/projects/${p}/acceptance`, 'bureau', { passed: true, opinion: 'x' }],
      [`/projects/${p}/terminate`, 'bureau', { reason: 'x' }],
    ];
    const sameRole: Partial<Record<Party, Party>> = { solver: 'team', enterprise: 'otherEnterprise' };
    const parties: Party[] = ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert'];
    for (const [path, owner, body] of routes) {
      for (const party of parties.filter((x) => x !== owner)) {
        const res = await call(t, 'POST', path, party, body);
        const expected = party === sameRole[owner] || (owner === 'solver' && party === 'team') ? 404 : 403;
        expect([path, party, res.status]).toEqual([path, party, expected]);
      }
    }
    expect((await call(t, 'GET', `/projects/${p}`, 'bureau')).body.status).toBe('PENDING_CONTRACT');
    expect(await types(p)).toEqual(['project.created']);
  });
});
