import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, produceRaw, query } from '@jiebang/testing';
import { call, startProjects, type ProjectsTestApp } from '../testing/projects-app';

const fixture = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));

describe('projects apply matching’s signing facts (real Kafka, Postgres)', () => {
  let t: ProjectsTestApp;
  const publish = (...events: any[]) => produceRaw(t.namespace, STREAMS.application.topic, events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })));
  const handled = (id: string) => eventually(async () => expect(await query(t.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [id])).toHaveLength(1));
  const project = async (id: string) => (await call(t, 'GET', `/projects/${id}`, 'bureau')).body;
  const types = async (id: string) => (await t.outbox(id)).map((r) => r.type);

  const contracted = (applicationId: string, projectId: string, sequence: number) => {
    const f = fixture('application.contracted');
    return { ...f, id: randomUUID(), subject: applicationId, sequence, data: { ...f.data, projectId, contractedAt: '2027-03-01T02:00:00.000Z' } };
  };

  beforeAll(async () => {
    t = await startProjects();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('contracted → IN_PROGRESS with milestone 1 ACTIVE until contract date + 30 days, once for a replayed fact', async () => {
    const { projectIds, applicationIds } = await t.award();
    const event = contracted(applicationIds[0], projectIds[0], 10);
    await publish(event, event);
    await handled(event.id);
    const p = await eventually(async () => {
      const found = await project(projectIds[0]);
      expect(found.status).toBe('IN_PROGRESS');
      return found;
    });
    expect(p.milestones.map((m: any) => m.status)).toEqual(['ACTIVE', 'PLANNED', 'PLANNED']);
    expect(p.milestones[0].dueAt).toBe('2027-03-31T02:00:00.000Z');
    expect(await types(projectIds[0])).toEqual(['project.created', 'project.started']);
    const [, started] = await t.outbox(projectIds[0]);
    expect(started.envelope).toMatchObject({ sequence: 2, causationId: event.id, data: { milestone: { index: 1, dueAt: '2027-03-31T02:00:00.000Z' } } });
    const history = await call(t, 'GET', `/projects/${projectIds[0]}/history`, 'bureau');
    expect(history.body.map((h: any) => h.toStatus)).toEqual(['PENDING_CONTRACT', 'CONTRACTED', 'IN_PROGRESS', 'ACTIVE']);
  });

  it('ignores a contracted fact of an application that is no longer the project’s, and a stale one', async () => {
    const { projectIds, applicationIds } = await t.award();
    const stranger = contracted(randomUUID(), projectIds[0], 11);
    await publish(stranger);
    await handled(stranger.id);
    expect((await project(projectIds[0])).status).toBe('PENDING_CONTRACT');

    const promoted = fixture('application.promoted');
    const reserve = randomUUID();
    const promotion = { ...promoted, id: randomUUID(), subject: reserve, sequence: 8, data: { ...promoted.data, projectId: projectIds[1], replacesApplicationId: applicationIds[1] } };
    const stale = contracted(reserve, projectIds[1], 7);
    await publish(promotion, stale);
    await handled(stale.id);
    expect((await project(projectIds[1])).status).toBe('PENDING_CONTRACT');
    expect((await project(projectIds[1])).applicationId).toBe(reserve);
  });

  it('promoted → the pending project’s solver is replaced (audited, project.solver-replaced), then the reserve signs', async () => {
    const { projectIds, applicationIds } = await t.award();
    const f = fixture('application.promoted');
    const reserve = randomUUID();
    const promotion = { ...f, id: randomUUID(), subject: reserve, sequence: 8, data: { ...f.data, projectId: projectIds[0], replacesApplicationId: applicationIds[0] } };
    await publish(promotion, promotion);
    await handled(promotion.id);
    const p = await eventually(async () => {
      const found = await project(projectIds[0]);
      expect(found.applicationId).toBe(reserve);
      return found;
    });
    expect(p).toMatchObject({ status: 'PENDING_CONTRACT', solverOrgId: f.data.applicantOrgId, solverName: f.data.applicantName, rank: f.data.rank });
    const [, replaced] = await t.outbox(projectIds[0]);
    expect(replaced.envelope).toMatchObject({ type: 'project.solver-replaced', sequence: 2, data: { solverOrgId: f.data.applicantOrgId, previous: { applicationId: applicationIds[0] } } });
    const audit = (await call(t, 'GET', `/projects/${projectIds[0]}/history`, 'bureau')).body.at(-1);
    expect(audit.changes.applicationId).toEqual({ from: applicationIds[0], to: reserve });

    const signed = contracted(reserve, projectIds[0], 9);
    await publish(signed);
    await eventually(async () => expect((await project(projectIds[0])).status).toBe('IN_PROGRESS'));
  });

  it('forfeited with no reserve → TERMINATED, its planned money retained; with a promotion nothing happens', async () => {
    const { challengeId, projectIds, applicationIds } = await t.award();
    const f = fixture('application.forfeited');
    const withReserve = { ...f, id: randomUUID(), subject: applicationIds[1], sequence: 9, data: { ...f.data, projectId: projectIds[1], promotedApplicationId: randomUUID() } };
    const noReserve = { ...f, id: randomUUID(), subject: applicationIds[0], sequence: 9, data: { ...f.data, projectId: projectIds[0], promotedApplicationId: null } };
    await publish(withReserve, noReserve, noReserve);
    await handled(noReserve.id);
    await handled(withReserve.id);
    await eventually(async () => expect((await project(projectIds[0])).status).toBe('TERMINATED'));
    expect((await project(projectIds[1])).status).toBe('PENDING_CONTRACT');
    expect(await types(projectIds[0])).toEqual(['project.created', 'project.terminated']);
    const [, terminated] = await t.outbox(projectIds[0]);
    expect(terminated.envelope.data).toMatchObject({ cause: 'forfeited', retainedYuan: 300_001 });
    const ledger = (await call(t, 'GET', `/challenges/${challengeId}/ledger`, 'bureau')).body;
    expect(ledger.tranches.map((x: any) => x.retainedYuan)).toEqual([50_001, 150_000, 100_000]);
  });
});
