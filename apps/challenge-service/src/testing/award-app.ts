import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type RankedApplication } from '@jiebang/contracts';
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

export type Party = keyof typeof principals;

/** A 赛马制 榜单 for two winners: Σ tranches = bounty, the midterm on milestone 1. */
export const HORSE_RACE_CONTENT = {
  title: '压铸模具热裂纹寿命提升',
  description: '压铸模具在高温循环下出现热裂纹，寿命不足三万模次。',
  fields: ['light-metal'],
  keywords: ['压铸', '模具'],
  bountyYuan: 600_001,
  researchContent: '模具材料与表面处理工艺',
  durationMonths: 12,
  mode: 'HORSE_RACE',
  maxWinners: 2,
  eliminationPolicy: 'REALLOCATE_TO_SURVIVORS',
  milestones: [
    { title: '方案与样件', deliverables: ['技术方案'], dueOffsetDays: 90, trancheYuan: 200_001, midterm: true },
    { title: '验收', deliverables: ['验收报告'], dueOffsetDays: 360, trancheYuan: 400_000, midterm: false },
  ],
};

export interface AwardTestApp {
  svc: RunningApp;
  database: string;
  namespace: string;
  api: string;
  tokens: Record<Party, string>;
  stop(): Promise<void>;
}

/** challenge-service on a fresh database and topic namespace; `env` e.g. a `PUBLIC_NOTICE_PERIOD` of seconds. */
export async function startAward(env: Record<string, string> = {}): Promise<AwardTestApp> {
  const database = await freshDatabase('challenge');
  const namespace = await freshNamespace();
  const svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace, env))));
  const tokens = Object.fromEntries(await Promise.all(Object.entries(principals).map(async ([p, claims]) => [p, await mintToken(claims)]))) as Record<Party, string>;
  await verifiedEnterprise(svc.url, principals.enterprise);
  return {
    svc,
    database,
    namespace,
    api: `${svc.url}/api/v1`,
    tokens,
    async stop() {
      await svc.app.get(TimerQueue).queue.obliterate({ force: true });
      await svc.close();
      await deleteNamespace(namespace);
    },
  };
}

export const call = (t: AwardTestApp, method: string, path: string, party: Party, body?: unknown) => http(method, `${t.api}${path}`, { token: t.tokens[party], body });

/** A published 榜单 the bureau closed early: CLOSED, waiting for the formal check's outcome. */
export async function closedChallenge(t: AwardTestApp, content: object = HORSE_RACE_CONTENT): Promise<string> {
  const deadlineAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const created = await call(t, 'POST', '/challenges', 'enterprise', { ...content, deadlineAt });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const steps: [Party, string, object?][] = [
    ['enterprise', 'submit'],
    ['bureau', 'vetting/start'],
    ['bureau', 'vetting/approve'],
    ['bureau', 'publish'],
    ['bureau', 'close', { reason: '提前截止以便评审' }],
  ];
  for (const [who, step, body] of steps) {
    const res = await call(t, 'POST', `/challenges/${id}/${step}`, who, body);
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

/** One application as review ranks it; the solver and team principals are the first two. */
export function ranked(who: 'solver' | 'team' | 'other', rank: number, outcome: RankedApplication['outcome']): RankedApplication {
  const org = who === 'other' ? { orgId: 'org-sol-swpu', role: 'solver' as const } : { orgId: principals[who].orgId, role: principals[who].role as 'solver' | 'team' };
  const names = { solver: '重庆大学材料科学与工程学院', team: '精密铸造特派员团', other: '西南石油大学' };
  return {
    applicationId: randomUUID(),
    applicantOrgId: org.orgId,
    applicantName: names[who],
    applicantRole: org.role,
    profileId: randomUUID(),
    score: 95 - rank * 5,
    criteria: { technical: 95 - rank * 5, team: 90 - rank * 5, feasibility: 90 - rank * 5 },
    rank,
    outcome,
  };
}

export const standardRanking = () => [ranked('solver', 1, 'PROPOSED'), ranked('team', 2, 'PROPOSED'), ranked('other', 3, 'SHORTLISTED')];

const fixture = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));

/** A review fact as matching-service publishes it (fixture-shaped), on the namespaced review topic. */
export async function reviewFact(t: AwardTestApp, type: string, challengeId: string, sequence: number, data: object = {}, id: string = randomUUID()) {
  const f = fixture(type);
  const event = { ...f, id, subject: challengeId, sequence, time: new Date().toISOString(), correlationId: `review-${challengeId}`, data: { ...f.data, ...data } };
  await produceRaw(t.namespace, STREAMS.review.topic, [{ key: challengeId, value: JSON.stringify(event) }]);
  return event;
}

export async function statusBecomes(t: AwardTestApp, id: string, status: string) {
  return eventually(async () => {
    const res = await call(t, 'GET', `/challenges/${id}`, 'bureau');
    if (res.body.status !== status) throw new Error(`still ${res.body.status}, waiting for ${status}`);
    return res.body;
  }, 20_000);
}

/** CLOSED → UNDER_REVIEW → IN_PUBLIC_NOTICE through matching's facts; resolves the 榜单 and the ranking. */
export async function inPublicNotice(t: AwardTestApp, ranking: RankedApplication[] = standardRanking()) {
  const id = await closedChallenge(t);
  await reviewFact(t, 'review.experts-assigned', id, 2);
  await statusBecomes(t, id, 'UNDER_REVIEW');
  await reviewFact(t, 'review.completed', id, 3, { mode: 'HORSE_RACE', maxWinners: 2, ranking });
  const challenge = await statusBecomes(t, id, 'IN_PUBLIC_NOTICE');
  return { id, ranking, challenge };
}

export const outboxOf = (t: AwardTestApp, key: string) =>
  query<{ type: string; envelope: any }>(t.database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [key]);

export const timerOf = async (t: AwardTestApp, kind: string, id: string) =>
  (await query<{ status: string; due_at: Date }>(t.database, 'SELECT status, due_at FROM timers WHERE kind = $1 AND subject = $2', [kind, id]))[0];
