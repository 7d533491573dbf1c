import { principals, query } from '@jiebang/testing';
import { call, PLAN, startProjects, type Party, type ProjectsTestApp } from '../testing/projects-app';

describe('projects on the award, and their reads (real Postgres, Kafka, Redis)', () => {
  let t: ProjectsTestApp;

  beforeAll(async () => {
    t = await startProjects();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('creates a project per winner in PENDING_CONTRACT, milestones PLANNED, each tranche split with the remainder to rank 1', async () => {
    const { challengeId, projectIds } = await t.award();
    const [first, second] = await Promise.all(projectIds.map(async (id) => (await call(t, 'GET', `/projects/${id}`, 'bureau')).body));
    expect(first).toMatchObject({ status: 'PENDING_CONTRACT', rank: 1, solverOrgId: principals.solver.orgId, challengeId });
    expect(first.milestones.map((m: any) => [m.index, m.status, m.plannedYuan])).toEqual([
      [1, 'PLANNED', 50_001],
      [2, 'PLANNED', 150_000],
      [3, 'PLANNED', 100_000],
    ]);
    expect(second.milestones.map((m: any) => m.plannedYuan)).toEqual([50_000, 150_000, 100_000]);

    const ledger = await call(t, 'GET', `/challenges/${challengeId}/ledger`, 'enterprise');
    expect(ledger.status).toBe(200);
    expect(ledger.body.tranches.map((x: any) => [x.trancheYuan, x.retainedYuan, x.shares.reduce((s: number, y: any) => s + y.plannedYuan, 0)])).toEqual(
      PLAN.map((m) => [m.trancheYuan, 0, m.trancheYuan]),
    );

    const [created] = await t.outbox(projectIds[0]);
    expect(created.envelope).toMatchObject({ type: 'project.created', sequence: 1, subject: projectIds[0], data: { rank: 1, plannedYuan: 300_001 } });
    const history = await call(t, 'GET', `/projects/${projectIds[0]}/history`, 'solver');
    expect(history.body).toMatchObject([{ toStatus: 'PENDING_CONTRACT', eventId: created.envelope.id }]);
  });

  it('gives a SINGLE winner each tranche whole', async () => {
    const { projectIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    const ledger = await call(t, 'GET', `/projects/${projectIds[0]}/ledger`, 'enterprise');
    expect(ledger.body.totals).toEqual({ plannedYuan: 600_001, approvedYuan: 0, paidYuan: 0 });
  });

  it('scopes every read: the solver its own, the enterprise its 榜单’s, the district its district’s, the bureau all', async () => {
    const { challengeId, projectIds } = await t.award();
    const [own, teams] = projectIds;
    const visible: Record<Party, boolean> = {
      solver: true,
      enterprise: true,
      district: true,
      bureau: true,
      team: false,
      otherEnterprise: false,
      otherDistrict: false,
      expert: false,
    };
    for (const [party, sees] of Object.entries(visible) as [Party, boolean][]) {
      for (const path of [`/projects/${own}`, `/projects/${own}/ledger`, `/projects/${own}/history`]) {
        expect([party, path, (await call(t, 'GET', path, party)).status]).toEqual([party, path, sees ? 200 : 404]);
      }
      const list = await call(t, 'GET', `/projects?challengeId=${challengeId}`, party);
      expect([party, list.body.items.some((p: any) => p.id === own)]).toEqual([party, sees]);
    }
    expect((await call(t, 'GET', `/projects/${teams}`, 'team')).status).toBe(200);
    expect((await call(t, 'GET', `/projects/${teams}`, 'solver')).status).toBe(404);
    const challengeLedger = (party: Party) => call(t, 'GET', `/challenges/${challengeId}/ledger`, party);
    expect((await challengeLedger('bureau')).status).toBe(200);
    expect((await challengeLedger('otherEnterprise')).status).toBe(404);
    for (const party of ['solver', 'team', 'district', 'expert'] as Party[]) expect((await challengeLedger(party)).status).toBe(403);
  });

  it('refuses a malformed id or query with 400 naming the field', async () => {
    expect((await call(t, 'GET', '/projects/nope', 'bureau')).body).toMatchObject({ details: { field: 'id' } });
    expect((await call(t, 'GET', '/projects?status=DONE', 'bureau')).body).toMatchObject({ details: { field: 'status' } });
  });

  it('keeps the ledger law in the database too', async () => {
    const { projectIds } = await t.award();
    await expect(query(t.database, 'UPDATE tranche_ledger SET paid_yuan = 1 WHERE project_id = $1', [projectIds[0]])).rejects.toThrow(/check/i);
  });
});
