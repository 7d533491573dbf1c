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

const content = {
  title: '废旧锂电池回收工艺',
  description: '提高正极材料回收率。',
  fields: ['advanced-materials'],
  bountyYuan: 300_000,
  deadline: '2027-06-30',
  researchContent: '湿法冶金工艺',
  durationMonths: 12,
  milestones: [{ title: '验收', deliverables: ['报告'], dueOffsetDays: 360, trancheYuan: 300_000, midterm: false }],
};

describe('the Q&A log (答疑) of a 榜单 (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  const tokens: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) => http(method, `${api}${path}`, { token: tokens[who], body });

  async function reach(status: 'SUBMITTED' | 'PUBLISHED'): Promise<string> {
    const { body } = await as('enterprise', 'POST', '', content);
    await as('enterprise', 'POST', `/${body.id}/submit`);
    if (status === 'PUBLISHED') for (const step of ['vetting/start', 'vetting/approve', 'publish']) await as('bureau', 'POST', `/${body.id}/${step}`);
    return body.id as string;
  }

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

  it('asks, answers and lists, with the asker named only to the enterprise, the bureau and itself', async () => {
    const id = await reach('PUBLISHED');
    const asked = await as('solver', 'POST', `/${id}/questions`, { question: '回收率指标按哪种金属计算？' });
    expect(asked).toMatchObject({ status: 201, body: { askerOrgId: principals.solver.orgId, answer: null } });
    const answered = await as('enterprise', 'POST', `/${id}/questions/${asked.body.id}/answer`, { answer: '按钴、镍计算。' });
    expect(answered).toMatchObject({ status: 200, body: { answer: '按钴、镍计算。', answeredByRole: 'enterprise' } });
    expect(await as('bureau', 'POST', `/${id}/questions/${asked.body.id}/answer`, { answer: '再答' })).toMatchObject({
      status: 409,
      body: { code: 'QUESTION_ALREADY_ANSWERED' },
    });

    for (const who of ['enterprise', 'bureau', 'solver']) {
      expect((await as(who, 'GET', `/${id}/questions`)).body[0]).toMatchObject({ askerOrgId: principals.solver.orgId, answer: '按钴、镍计算。' });
    }
    for (const who of ['team', 'district']) {
      expect((await as(who, 'GET', `/${id}/questions`)).body[0]).toMatchObject({ askerOrgId: null, askerRole: null, question: '回收率指标按哪种金属计算？' });
    }

    const events = await query<{ type: string; envelope: any }>(database, `SELECT type, envelope FROM outbox WHERE key = $1 AND type LIKE 'challenge.question-%' ORDER BY position`, [id]);
    expect(events.map((e) => e.type)).toEqual(['challenge.question-asked', 'challenge.question-answered']);
    expect(events[1].envelope.data).toMatchObject({ questionId: asked.body.id, askerOrgId: principals.solver.orgId, askerRole: 'solver', answer: '按钴、镍计算。', applicants: [] });
    expect(events[1].envelope.sequence).toBe(events[0].envelope.sequence + 1);
  });

  it('asks only while PUBLISHED (409), answers after the deadline too', async () => {
    const id = await reach('PUBLISHED');
    const asked = await as('team', 'POST', `/${id}/questions`, { question: '可否联合申报？' });
    await as('bureau', 'POST', `/${id}/close`, { reason: '提前截止' });
    expect(await as('solver', 'POST', `/${id}/questions`, { question: '还能问吗？' })).toMatchObject({ status: 409, body: { details: { currentState: 'CLOSED' } } });
    expect((await as('bureau', 'POST', `/${id}/questions/${asked.body.id}/answer`, { answer: '可以。' })).status).toBe(200);
  });

  it('refuses other roles (403), other parties and invisible 榜单 (404), and bad input (400)', async () => {
    const id = await reach('PUBLISHED');
    const other = await reach('PUBLISHED');
    const submitted = await reach('SUBMITTED');
    const asked = await as('solver', 'POST', `/${id}/questions`, { question: '问题' });
    for (const who of ['enterprise', 'bureau', 'district']) expect((await as(who, 'POST', `/${id}/questions`, { question: 'q' })).status).toBe(403);
    for (const who of ['solver', 'team', 'district']) expect((await as(who, 'POST', `/${id}/questions/${asked.body.id}/answer`, { answer: 'a' })).status).toBe(403);
    expect((await as('otherEnterprise', 'POST', `/${id}/questions/${asked.body.id}/answer`, { answer: 'a' })).status).toBe(404);
    expect((await as('enterprise', 'POST', `/${other}/questions/${asked.body.id}/answer`, { answer: 'a' })).status).toBe(404); // another 榜单's question
    expect((await as('solver', 'POST', `/${submitted}/questions`, { question: 'q' })).status).toBe(404);
    expect((await as('solver', 'GET', `/${submitted}/questions`)).status).toBe(404);
    expect((await as('otherEnterprise', 'GET', `/${submitted}/questions`)).status).toBe(404);
    expect((await as('solver', 'POST', `/${id}/questions`, { question: '' })).body.details.field).toBe('question');
    expect((await as('enterprise', 'POST', `/${id}/questions/not-a-uuid/answer`, { answer: 'a' })).body.details.field).toBe('qid');
  });
});
