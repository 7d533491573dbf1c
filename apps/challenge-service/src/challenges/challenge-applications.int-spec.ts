import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import {
  deleteNamespace,
  eventually,
  freshDatabase,
  freshNamespace,
  http,
  mintToken,
  principals,
  produceRaw,
  query,
  startServiceApp,
  testEnv,
  verifiedEnterprise,
  type RunningApp,
} from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';

const fixture = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));
const content = {
  title: '页岩气返排液处理',
  description: '降低处理成本。',
  fields: ['advanced-materials'],
  bountyYuan: 300_000,
  deadline: '2027-06-30',
  researchContent: '组合工艺',
  durationMonths: 12,
  milestones: [{ title: '验收', deliverables: ['报告'], dueOffsetDays: 360, trancheYuan: 300_000, midterm: false }],
};

/** The `challenge_applications` read model from matching-service's facts, published to the real (namespaced) topic. */
describe('challenge applications read model (real Kafka, Postgres)', () => {
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

  const fact = (type: 'application.submitted' | 'application.withdrawn', applicationId: string, challengeId: string, sequence: number, org: { orgId: string; role: string }) => {
    const base = fixture(type);
    return {
      ...base,
      id: randomUUID(),
      subject: applicationId,
      sequence,
      data: { ...base.data, challengeId, applicantOrgId: org.orgId, applicantRole: org.role },
    };
  };
  const send = (...events: any[]) => produceRaw(namespace, STREAMS.application.topic, events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })));
  const applied = (eventId: string) => eventually(async () => expect(await query(database, 'SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).toHaveLength(1));

  it('counts active applications once each, ignores stale facts, and names the applicants in the notifying events', async () => {
    const { body } = await http('POST', api, { token: tokens.enterprise, body: content });
    const id = body.id as string;
    await http('POST', `${api}/${id}/submit`, { token: tokens.enterprise });
    for (const step of ['vetting/start', 'vetting/approve', 'publish']) await http('POST', `${api}/${id}/${step}`, { token: tokens.bureau });

    const solver = { orgId: principals.solver.orgId, role: 'solver' };
    const team = { orgId: principals.team.orgId, role: 'team' };
    const [a1, a2] = [randomUUID(), randomUUID()];
    const solverApplied = fact('application.submitted', a1, id, 3, solver);
    const teamApplied = fact('application.submitted', a2, id, 3, team);
    const teamWithdrew = fact('application.withdrawn', a2, id, 5, team);
    const staleResubmit = fact('application.submitted', a2, id, 4, team);
    await send(solverApplied, solverApplied, teamApplied, teamWithdrew, staleResubmit);
    await applied(staleResubmit.id);

    expect(await query(database, 'SELECT application_id, active, sequence FROM challenge_applications ORDER BY sequence')).toEqual([
      { application_id: a1, active: true, sequence: 3 },
      { application_id: a2, active: false, sequence: 5 },
    ]);
    expect((await http('GET', `${api}/${id}`, { token: tokens.enterprise })).body.applicationsCount).toBe(1);

    await http('POST', `${api}/${id}/deadline`, { token: tokens.bureau, body: { deadlineAt: '2027-08-31T18:00:00+08:00', reason: '延期' } });
    await http('POST', `${api}/${id}/close`, { token: tokens.bureau, body: { reason: '提前截止' } });
    const events = await query<{ type: string; envelope: any }>(database, `SELECT type, envelope FROM outbox WHERE key = $1 AND type IN ('challenge.deadline-extended', 'challenge.closed') ORDER BY position`, [id]);
    expect(events[0].envelope.data.applicants).toEqual([solver]);
    expect(events[1].envelope.data.applicationCount).toBe(1);
  });
});
