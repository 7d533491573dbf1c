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
import { TimerQueue, TimerWorker } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';

const body = {
  title: '压铸模具热裂纹导致寿命不足',
  description: '铝合金压铸模具在约 3 万模次后型腔出现热裂纹，需要延长模具寿命。',
  fields: ['light-metal', 'intelligent-equipment'],
  bountyYuan: 300_000,
  deadline: '2027-12-31',
};

/** The vetting time limit with a 1 s SLA: the same timer code path as 5 working days, only shorter. */
describe('vetting timer: escalation when 专家论证 is not started in time (real Postgres, Redis, Kafka)', () => {
  let database: string;
  let namespace: string;
  let svc: RunningApp;
  let api: string;
  let enterprise: string;
  let bureau: string;

  beforeAll(async () => {
    database = await freshDatabase('challenge');
    namespace = await freshNamespace();
    svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace, { VETTING_SLA: '1s' }))));
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

  const submitNew = async (correlationId: string) => {
    const draft = await http('POST', api, { token: enterprise, body });
    const submitted = await http('POST', `${api}/${draft.body.id}/submit`, { token: enterprise, headers: { 'x-correlation-id': correlationId } });
    expect(submitted.status).toBe(200);
    return submitted.body as { id: string; submittedAt: string };
  };
  const outboxOf = (id: string) =>
    query<{ type: string; envelope: any }>(database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [id]);

  it('escalates a challenge still SUBMITTED after its SLA: flag, audit entry, event in the outbox and on the broker', async () => {
    const challenge = await submitNew('req-vetting-1');
    const [submitted, overdue] = await eventually(async () => {
      const rows = await outboxOf(challenge.id);
      expect(rows.map((r) => r.type)).toEqual(['challenge.submitted', 'challenge.vetting-overdue']);
      return rows.map((r) => r.envelope);
    });
    const dueAt = new Date(new Date(challenge.submittedAt).getTime() + 1_000).toISOString();
    expect(overdue).toMatchObject({
      subject: challenge.id,
      sequence: 3,
      source: 'challenge-service',
      actor: { id: 'jiebang-timers', role: 'system' },
      correlationId: 'req-vetting-1', // the submit request's story continues
      causationId: submitted.id,
      data: {
        title: body.title,
        enterpriseOrgId: principals.enterprise.orgId,
        enterpriseName: '重庆渝江铝业压铸有限公司',
        districtCode: '500112',
        submittedAt: challenge.submittedAt,
        dueAt,
        overdueSeconds: expect.any(Number),
      },
    });

    const onBroker = await readTopic(namespacedTopic(namespace, STREAMS.challenge.topic), (ms) =>
      ms.some((m) => String(m.value).includes(overdue.id)),
    );
    const message = onBroker.find((m) => String(m.value).includes(overdue.id))!;
    expect(String(message.key)).toBe(challenge.id);
    expect(JSON.parse(String(message.value))).toEqual(overdue);

    // A flag, never a state: the challenge still waits for vetting, and the audit trail says what happened.
    const read = await http('GET', `${api}/${challenge.id}`, { token: bureau });
    expect(read.body).toMatchObject({ status: 'SUBMITTED', version: 3, vettingOverdueAt: expect.any(String) });
    const history = await http('GET', `${api}/${challenge.id}/history`, { token: bureau });
    expect(history.body.map((t: any) => [t.kind, t.fromStatus, t.toStatus, t.actorRole])).toEqual([
      ['transition', null, 'DRAFT', 'enterprise'],
      ['transition', 'DRAFT', 'SUBMITTED', 'enterprise'],
      ['escalation', 'SUBMITTED', 'SUBMITTED', 'system'],
    ]);
    expect(history.body[2]).toMatchObject({ eventId: overdue.id, changes: { vettingOverdueAt: { from: null } } });
    expect(await query(database, 'SELECT status FROM timers WHERE subject = $1', [challenge.id])).toEqual([{ status: 'fired' }]);
  });

  it('escalates nothing when vetting starts first: leaving SUBMITTED cancels the timer', async () => {
    const worker = svc.app.get(TimerWorker);
    await worker.pause(); // so the 1 s SLA cannot pass before the transition below
    let challenge: { id: string; submittedAt: string };
    try {
      challenge = await submitNew('req-vetting-2');
      const started = await http('POST', `${api}/${challenge.id}/vetting/start`, { token: bureau, headers: { 'x-correlation-id': 'req-vetting-2b' } });
      expect(started).toMatchObject({ status: 200, body: { status: 'UNDER_VETTING' } });
    } finally {
      worker.resume();
    }
    const [timer] = await query<{ id: string; due_at: Date; status: string }>(database, 'SELECT id, due_at, status FROM timers WHERE subject = $1', [challenge.id]);
    expect(timer.status).toBe('cancelled');
    const queue = svc.app.get(TimerQueue).queue;
    const outcome = await eventually(async () => {
      const job = await queue.getJob(`${timer.id}.${timer.due_at.getTime()}`);
      expect(await job?.getState()).toBe('completed');
      return job!.returnvalue;
    });
    expect(outcome).toBe('cancelled');
    expect((await outboxOf(challenge.id)).map((r) => r.type)).toEqual(['challenge.submitted', 'challenge.vetting-started']);
  });

  it('shows the timer queue in readiness', async () => {
    const ready = await http('GET', `${svc.url}/health/ready`, { token: bureau });
    expect(ready.status).toBe(200);
    expect(ready.body.details.timers).toMatchObject({ status: 'up', queue: 'timers-challenge-service' });
  });
});
