import {
  deleteNamespace,
  freshDatabase,
  freshNamespace,
  http,
  mintToken,
  principals,
  query,
  startServiceApp,
  testEnv,
  verifiedEnterprise,
  type RunningApp,
} from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';

const complete = {
  title: '高强铝合金薄壁件变形控制',
  description: '薄壁件热处理后变形超差。',
  fields: ['light-metal'],
  keywords: ['铝合金', '变形'],
  bountyYuan: 800_000,
  deadlineAt: '2027-06-30T23:00:00+08:00',
  researchContent: '热处理工艺与夹具设计',
  durationMonths: 18,
  milestones: [
    { title: '方案', deliverables: ['工艺方案'], dueOffsetDays: 90, trancheYuan: 300_000, midterm: true },
    { title: '验收', deliverables: ['验收报告'], dueOffsetDays: 540, trancheYuan: 500_000, midterm: false },
  ],
  confidentialFields: ['researchContent'],
};

describe('榜单 lifecycle over HTTP: vetting, publication, deadline, withdrawal (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/challenges`;
    for (const [name, p] of Object.entries(principals)) tokens[name] = await mintToken(p);
    await verifiedEnterprise(svc.url, principals.enterprise);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  const as = (who: string, method: string, path: string, body?: unknown) => http(method, `${api}${path}`, { token: tokens[who], body });
  const outboxTypes = async (id: string) =>
    (await query<{ type: string }>(database, 'SELECT type FROM outbox WHERE key = $1 ORDER BY position', [id])).map((r) => r.type);
  const timerOf = async (kind: string, id: string) =>
    (await query<{ status: string; due_at: Date }>(database, 'SELECT status, due_at FROM timers WHERE kind = $1 AND subject = $2', [kind, id]))[0];

  async function reach(status: 'DRAFT' | 'SUBMITTED' | 'UNDER_VETTING' | 'APPROVED' | 'PUBLISHED', content: object = complete): Promise<string> {
    const { body } = await as('enterprise', 'POST', '', content);
    const steps: [string, string, string][] = [
      ['SUBMITTED', 'enterprise', '/submit'],
      ['UNDER_VETTING', 'bureau', '/vetting/start'],
      ['APPROVED', 'bureau', '/vetting/approve'],
      ['PUBLISHED', 'bureau', '/publish'],
    ];
    for (const [reached, who, path] of steps) {
      if (body.status === status) break;
      const res = await as(who, 'POST', `/${body.id}${path}`);
      expect(res.status).toBe(200);
      body.status = reached;
    }
    return body.id as string;
  }

  it('creates with the defaults, derives the date, and edits a draft (PATCH) with an audited change', async () => {
    const created = await as('enterprise', 'POST', '', { ...complete, deadlineAt: undefined, deadline: '2027-06-30' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deadline: '2027-06-30',
      deadlineAt: '2027-06-30T16:00:00.000Z',
      mode: 'SINGLE',
      maxWinners: 1,
      eliminationPolicy: null,
      maxRectificationRounds: 2,
      reviewWeights: { technical: 0.4, team: 0.3, feasibility: 0.3 },
      eligibility: { solverTypes: ['university', 'institute', 'enterprise', 'team'], qualifications: [], consortiumAllowed: false },
      ipArrangement: { owner: 'NEGOTIATED', note: null },
    });
    const edited = await as('enterprise', 'PATCH', `/${created.body.id}`, { title: '薄壁件变形控制（修订）', deadlineAt: '2027-07-01T10:00:00+08:00' });
    expect(edited).toMatchObject({ status: 200, body: { title: '薄壁件变形控制（修订）', deadline: '2027-07-01', deadlineAt: '2027-07-01T02:00:00.000Z' } });
    const history = await as('enterprise', 'GET', `/${created.body.id}/history`);
    expect(history.body[1]).toMatchObject({ fromStatus: 'DRAFT', toStatus: 'DRAFT', changes: { title: { to: '薄壁件变形控制（修订）' }, deadline: { from: '2027-06-30', to: '2027-07-01' } } });
  });

  it.each([
    ['a split that does not add up', { milestones: [{ ...complete.milestones[0], trancheYuan: 1 }] }, 'milestones'],
    ['a horse race without a mid-term milestone', { mode: 'HORSE_RACE', maxWinners: 2, eliminationPolicy: 'RETAIN', milestones: [{ ...complete.milestones[1], trancheYuan: 800_000 }] }, 'milestones'],
    ['both deadline forms', { deadline: '2027-06-30', deadlineAt: '2027-06-30T23:00:00+08:00' }, 'deadlineAt'],
    ['review weights not summing to 1', { reviewWeights: { technical: 0.5, team: 0.5, feasibility: 0.5 } }, 'reviewWeights'],
    ['an unknown confidential field', { confidentialFields: ['title'] }, 'confidentialFields.0'],
  ])('refuses %s with 400 naming the field, on create and on edit', async (_, change, field) => {
    const created = await as('enterprise', 'POST', '', { ...complete, ...change });
    expect(created.status).toBe(400);
    expect(created.body.details.field).toBe(field);
    const id = await reach('DRAFT');
    const edited = await as('enterprise', 'PATCH', `/${id}`, change);
    expect(edited.status).toBe(400);
    expect(edited.body.details.field).toBe(field);
  });

  it('edits only in DRAFT or RETURNED (409), and another enterprise’s 榜单 is 404', async () => {
    const id = await reach('SUBMITTED');
    expect(await as('enterprise', 'PATCH', `/${id}`, { title: 'x' })).toMatchObject({ status: 409, body: { details: { currentState: 'SUBMITTED' } } });
    const draft = await reach('DRAFT');
    expect((await as('otherEnterprise', 'PATCH', `/${draft}`, { title: 'x' })).status).toBe(404);
  });

  it('vets, returns for changes, takes the resubmission, approves and publishes, arming the deadline timer at deadlineAt', async () => {
    const id = await reach('UNDER_VETTING');
    expect(await timerOf('challenge.vetting', id)).toMatchObject({ status: 'cancelled' }); // left SUBMITTED
    const returned = await as('bureau', 'POST', `/${id}/vetting/return`, { comments: '请补充指标' });
    expect(returned.body.status).toBe('RETURNED');
    expect((await as('enterprise', 'PATCH', `/${id}`, { indicators: ['变形 ≤ 0.1 mm'] })).status).toBe(200);
    expect((await as('enterprise', 'POST', `/${id}/submit`)).body.status).toBe('SUBMITTED');
    expect(await timerOf('challenge.vetting', id)).toMatchObject({ status: 'armed' });
    await as('bureau', 'POST', `/${id}/vetting/start`);
    expect((await as('bureau', 'POST', `/${id}/vetting/approve`)).body.status).toBe('APPROVED');
    const published = await as('bureau', 'POST', `/${id}/publish`);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
    expect((await timerOf('challenge.deadline', id)).due_at.toISOString()).toBe(new Date(complete.deadlineAt).toISOString());
    expect(await outboxTypes(id)).toEqual([
      'challenge.submitted',
      'challenge.vetting-started',
      'challenge.returned',
      'challenge.submitted',
      'challenge.vetting-started',
      'challenge.approved',
      'challenge.published',
    ]);
    const [event] = await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.published'`, [id]);
    expect(event.envelope).toMatchObject({
      sequence: published.body.version,
      actor: { role: 'bureau' },
      data: { researchContent: complete.researchContent, confidentialFields: ['researchContent'], enterpriseRelatedOrgIds: ['org-ent-yujiang-holding'], milestones: complete.milestones },
    });
    const history = await as('bureau', 'GET', `/${id}/history`);
    expect(history.body.find((t: any) => t.toStatus === 'RETURNED')).toMatchObject({ reason: '请补充指标', actorRole: 'bureau', eventId: expect.any(String) });
  });

  it('refuses to approve an incomplete 榜单 (400 naming the field) and rejects with a reason', async () => {
    const id = await reach('UNDER_VETTING', { ...complete, milestones: undefined, researchContent: undefined });
    const approve = await as('bureau', 'POST', `/${id}/vetting/approve`);
    expect(approve).toMatchObject({ status: 400, body: { code: 'CHALLENGE_INCOMPLETE', details: { field: 'researchContent' } } });
    expect((await as('bureau', 'POST', `/${id}/vetting/reject`, {})).body.details.field).toBe('reason');
    const rejected = await as('bureau', 'POST', `/${id}/vetting/reject`, { reason: '不属于本市重点领域' });
    expect(rejected.body.status).toBe('REJECTED');
    expect(await as('bureau', 'POST', `/${id}/publish`)).toMatchObject({ status: 409, body: { details: { currentState: 'REJECTED' } } });
  });

  it('extends the deadline of a published 榜单 only, later than the old one, re-arming the timer with an audit row', async () => {
    const id = await reach('PUBLISHED');
    const later = '2027-08-31T18:00:00+08:00';
    expect((await as('bureau', 'POST', `/${id}/deadline`, { deadlineAt: '2027-01-01T00:00:00+08:00', reason: '提前' })).body.details.field).toBe('deadlineAt');
    const extended = await as('bureau', 'POST', `/${id}/deadline`, { deadlineAt: later, reason: '应企业要求延期' });
    expect(extended.body).toMatchObject({ status: 'PUBLISHED', deadline: '2027-08-31', deadlineAt: new Date(later).toISOString() });
    expect(await timerOf('challenge.deadline', id)).toMatchObject({ status: 'armed', due_at: new Date(later) });
    const [event] = await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.deadline-extended'`, [id]);
    expect(event.envelope.data).toMatchObject({ deadline: '2027-08-31', previousDeadlineAt: new Date(complete.deadlineAt).toISOString(), reason: '应企业要求延期', applicants: [] });
    const history = await as('bureau', 'GET', `/${id}/history`);
    expect(history.body.at(-1)).toMatchObject({ fromStatus: 'PUBLISHED', toStatus: 'PUBLISHED', reason: '应企业要求延期', changes: { deadline: { from: '2027-06-30', to: '2027-08-31' } } });
    const approved = await reach('APPROVED');
    expect(await as('bureau', 'POST', `/${approved}/deadline`, { deadlineAt: later, reason: 'r' })).toMatchObject({ status: 409, body: { details: { currentState: 'APPROVED' } } });
  });

  it('closes early by the bureau with a reason, cancelling the deadline timer', async () => {
    const id = await reach('PUBLISHED');
    const closed = await as('bureau', 'POST', `/${id}/close`, { reason: '需求已满足' });
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect(await timerOf('challenge.deadline', id)).toMatchObject({ status: 'cancelled' });
    const [event] = await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.closed'`, [id]);
    expect(event.envelope.data).toMatchObject({ by: 'bureau', reason: '需求已满足', applicationCount: 0 });
  });

  it('withdraws before publication at once; after it, requests, and the bureau denies or approves', async () => {
    const early = await reach('SUBMITTED');
    expect((await as('enterprise', 'POST', `/${early}/withdraw`, { reason: '需求变更' })).body.status).toBe('WITHDRAWN');
    expect(await timerOf('challenge.vetting', early)).toMatchObject({ status: 'cancelled' });

    const id = await reach('PUBLISHED');
    const requested = await as('enterprise', 'POST', `/${id}/withdraw`, { reason: '项目取消' });
    expect(requested.body).toMatchObject({ status: 'PUBLISHED', withdrawalReason: '项目取消', withdrawalRequestedAt: expect.any(String) });
    expect(await as('enterprise', 'POST', `/${id}/withdraw`, { reason: '再次' })).toMatchObject({ status: 409, body: { code: 'CHALLENGE_WITHDRAWAL_PENDING' } });
    expect((await as('bureau', 'POST', `/${id}/withdrawal/deny`, { reason: '已有揭榜方' })).body).toMatchObject({ status: 'PUBLISHED', withdrawalRequestedAt: null });
    await as('enterprise', 'POST', `/${id}/withdraw`, { reason: '项目确已取消' });
    expect((await as('bureau', 'POST', `/${id}/withdrawal/approve`, { reason: '同意' })).body.status).toBe('WITHDRAWN');
    expect(await timerOf('challenge.deadline', id)).toMatchObject({ status: 'cancelled' });
    expect((await outboxTypes(id)).slice(-4)).toEqual(['challenge.withdrawal-requested', 'challenge.withdrawal-denied', 'challenge.withdrawal-requested', 'challenge.withdrawn']);
    const [event] = await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.withdrawn'`, [id]);
    expect(event.envelope.data).toMatchObject({ reason: '项目确已取消', viaRequest: true, decisionReason: '同意', applicants: [] });
  });

  it('refuses every other role with 403 and other parties with 404 on every lifecycle route', async () => {
    const id = await reach('SUBMITTED');
    const draft = await reach('DRAFT');
    const bureauRoutes: [string, object | undefined][] = [
      ['/vetting/start', undefined],
      ['/vetting/approve', undefined],
      ['/vetting/return', { comments: 'c' }],
      ['/vetting/reject', { reason: 'r' }],
      ['/publish', undefined],
      ['/deadline', { deadlineAt: '2027-09-01T00:00:00+08:00', reason: 'r' }],
      ['/close', { reason: 'r' }],
      ['/withdrawal/approve', { reason: 'r' }],
      ['/withdrawal/deny', { reason: 'r' }],
    ];
    for (const [path, body] of bureauRoutes) {
      for (const who of ['enterprise', 'district', 'solver', 'team']) expect((await as(who, 'POST', `/${id}${path}`, body)).status).toBe(403);
      expect((await as('bureau', 'POST', `/${draft}${path}`, body)).status).toBe(404); // drafts are the enterprise's alone
    }
    for (const who of ['bureau', 'district', 'solver']) expect((await as(who, 'POST', `/${id}/withdraw`, { reason: 'r' })).status).toBe(403);
    expect((await as('otherEnterprise', 'POST', `/${id}/withdraw`, { reason: 'r' })).status).toBe(404);
    expect((await as('bureau', 'PATCH', `/${draft}`, { title: 'x' })).status).toBe(403);
  });

  it('lets exactly one of two racing commands on one 榜单 win', async () => {
    const id = await reach('UNDER_VETTING');
    const results = await Promise.all([as('bureau', 'POST', `/${id}/vetting/approve`), as('bureau', 'POST', `/${id}/vetting/reject`, { reason: '驳回' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await outboxTypes(id)).filter((t) => t === 'challenge.approved' || t === 'challenge.rejected')).toHaveLength(1);
  });
});
