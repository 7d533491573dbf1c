import { namespacedTopic, STREAMS } from '@jiebang/contracts';
import { eventually, readTopic } from '@jiebang/testing';
import { call, DELIVERABLES, sign, startProjects, type ProjectsTestApp } from '../testing/projects-app';

/** MILESTONE_REVIEW_SLA of 2 s: the same timer code path as 10 working days, only shorter. */
describe('milestone review timer: a silent enterprise is escalated, never approved (real Postgres, Redis, Kafka)', () => {
  let t: ProjectsTestApp;
  const milestone = (id: string, verb: string) => `/projects/${id}/milestones/1/${verb}`;

  beforeAll(async () => {
    t = await startProjects({ MILESTONE_REVIEW_SLA: '2s' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('flags the submitted milestone once with project.milestone-review-overdue; the enterprise can still decide', async () => {
    const { projectIds, applicationIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    const [p] = projectIds;
    await sign(t, p, applicationIds[0]);
    const submitted = await call(t, 'POST', milestone(p, 'submit'), 'solver', DELIVERABLES);
    expect(submitted.status).toBe(200);
    const submittedAt = submitted.body.milestones[0].submittedAt;

    const overdue = await eventually(async () => {
      const rows = (await t.outbox(p)).filter((r) => r.type === 'project.milestone-review-overdue');
      expect(rows).toHaveLength(1);
      return rows[0].envelope;
    }, 15_000);
    const [submission] = (await t.outbox(p)).filter((r) => r.type === 'project.milestone-submitted');
    expect(submission.envelope.data.reviewDueAt).toBe(new Date(new Date(submittedAt).getTime() + 2_000).toISOString());
    expect(overdue).toMatchObject({
      actor: { id: 'jiebang-timers', role: 'system' },
      causationId: submission.envelope.id,
      data: { milestone: { index: 1 }, submittedAt, dueAt: submission.envelope.data.reviewDueAt, overdueSeconds: expect.any(Number) },
    });
    const project = (await call(t, 'GET', `/projects/${p}`, 'bureau')).body;
    expect(project.milestones[0]).toMatchObject({ status: 'SUBMITTED', reviewOverdueAt: expect.any(String) });
    expect(project.milestones[0].approvedYuan).toBe(0);
    const history = (await call(t, 'GET', `/projects/${p}/history`, 'bureau')).body;
    expect(history.at(-1)).toMatchObject({ kind: 'escalation', fromStatus: 'SUBMITTED', toStatus: 'SUBMITTED', actorRole: 'system', eventId: overdue.id });

    await readTopic(namespacedTopic(t.namespace, STREAMS.project.topic), (ms) => ms.some((m) => String(m.value).includes(overdue.id)));
    const approved = await call(t, 'POST', milestone(p, 'approve'), 'enterprise');
    expect(approved.body.milestones[0]).toMatchObject({ status: 'APPROVED', reviewOverdueAt: null });
  });

  it('does not escalate a milestone reviewed in time (the decision cancels the timer)', async () => {
    const { projectIds, applicationIds } = await t.award({ mode: 'SINGLE', eliminationPolicy: null });
    const [p] = projectIds;
    await sign(t, p, applicationIds[0]);
    await call(t, 'POST', milestone(p, 'submit'), 'solver', DELIVERABLES);
    expect((await call(t, 'POST', milestone(p, 'request-changes'), 'enterprise', { comments: '补充数据' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3_500));
    expect((await t.outbox(p)).map((r) => r.type)).not.toContain('project.milestone-review-overdue');
  });
});
