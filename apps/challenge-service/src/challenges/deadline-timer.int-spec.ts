import { namespacedTopic, STREAMS } from '@jiebang/contracts';
import {
  deleteNamespace,
  eventually,
  freshDatabase,
  freshNamespace,
  http,
  mintToken,
  principals,
  query,
  readTopic,
  startServiceApp,
  testEnv,
  verifiedEnterprise,
  type RunningApp,
} from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';

const content = {
  title: '齿轮箱异响诊断',
  description: '减速器在特定转速区间出现异响。',
  fields: ['intelligent-equipment'],
  bountyYuan: 200_000,
  researchContent: '异响机理与诊断模型',
  durationMonths: 6,
  milestones: [{ title: '验收', deliverables: ['诊断系统'], dueOffsetDays: 180, trancheYuan: 200_000, midterm: false }],
};

/** The application deadline as a durable timer at `deadlineAt` itself: the 榜单 closes at that instant, not a day later. */
describe('deadline timer: a published 榜单 closes at its deadline (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  let enterprise: string;
  let bureau: string;

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace))));
    api = `${svc.url}/api/v1/challenges`;
    enterprise = await mintToken(principals.enterprise);
    bureau = await mintToken(principals.bureau);
    await verifiedEnterprise(svc.url, principals.enterprise);
  });

  afterAll(async () => {
    await svc?.app.get(TimerQueue).queue.obliterate({ force: true });
    await svc?.close();
    await deleteNamespace(namespace);
  });

  async function publishWithDeadlineIn(ms: number): Promise<{ id: string; deadlineAt: Date }> {
    const deadlineAt = new Date(Date.now() + ms);
    const draft = await http('POST', api, { token: enterprise, body: { ...content, deadlineAt: deadlineAt.toISOString() } });
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;
    await http('POST', `${api}/${id}/submit`, { token: enterprise });
    for (const step of ['vetting/start', 'vetting/approve']) await http('POST', `${api}/${id}/${step}`, { token: bureau });
    const published = await http('POST', `${api}/${id}/publish`, { token: bureau, headers: { 'x-correlation-id': `req-publish-${id}` } });
    expect(published.body.status).toBe('PUBLISHED');
    return { id, deadlineAt };
  }

  const closedEvent = async (id: string) =>
    (await query<{ envelope: any }>(database, `SELECT envelope FROM outbox WHERE key = $1 AND type = 'challenge.closed'`, [id]))[0]?.envelope;

  it('closes PUBLISHED → CLOSED at deadlineAt, by the system, with challenge.closed on the broker', async () => {
    const { id, deadlineAt } = await publishWithDeadlineIn(4_000);
    expect((await http('GET', `${api}/${id}`, { token: bureau })).body.status).toBe('PUBLISHED');
    const event = await eventually(async () => {
      const found = await closedEvent(id);
      expect(found).toBeDefined();
      return found;
    });
    const closedAt = new Date(event.data.closedAt).getTime();
    expect(closedAt).toBeGreaterThanOrEqual(deadlineAt.getTime()); // never before the deadline
    expect(closedAt - deadlineAt.getTime()).toBeLessThan(2_000); // and at it, not at the next sweep
    expect(event).toMatchObject({
      actor: { id: 'jiebang-timers', role: 'system' },
      correlationId: `req-publish-${id}`,
      data: { by: 'deadline', reason: null, deadlineAt: deadlineAt.toISOString(), applicationCount: 0 },
    });
    const read = await http('GET', `${api}/${id}`, { token: bureau });
    expect(read.body).toMatchObject({ status: 'CLOSED', closedAt: event.data.closedAt });
    const history = await http('GET', `${api}/${id}/history`, { token: bureau });
    expect(history.body.at(-1)).toMatchObject({ fromStatus: 'PUBLISHED', toStatus: 'CLOSED', actorRole: 'system', eventId: event.id });
    const onBroker = await readTopic(namespacedTopic(namespace, STREAMS.challenge.topic), (ms) => ms.some((m) => String(m.value).includes(event.id)));
    expect(String(onBroker.find((m) => String(m.value).includes(event.id))!.key)).toBe(id);
  });

  it('re-arms on an extension: the old deadline passes with the 榜单 open, the new one closes it', async () => {
    const { id, deadlineAt } = await publishWithDeadlineIn(3_000);
    const extendedTo = new Date(deadlineAt.getTime() + 4_000);
    const extended = await http('POST', `${api}/${id}/deadline`, { token: bureau, body: { deadlineAt: extendedTo.toISOString(), reason: '延期' } });
    expect(extended.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, deadlineAt.getTime() + 1_500 - Date.now()));
    expect((await http('GET', `${api}/${id}`, { token: bureau })).body.status).toBe('PUBLISHED');
    expect(await closedEvent(id)).toBeUndefined();
    const event = await eventually(async () => {
      const found = await closedEvent(id);
      expect(found).toBeDefined();
      return found;
    });
    expect(new Date(event.data.closedAt).getTime()).toBeGreaterThanOrEqual(extendedTo.getTime());
    expect(event.data).toMatchObject({ by: 'deadline', deadlineAt: extendedTo.toISOString() });
    expect(await query(database, `SELECT 1 FROM outbox WHERE key = $1 AND type = 'challenge.closed'`, [id])).toHaveLength(1);
  });
});
