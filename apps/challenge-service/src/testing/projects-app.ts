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
  type RunningApp,
} from '@jiebang/testing';
import { TimerQueue } from '@jiebang/timers';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { ProjectAwardService, type ProjectAward } from '../projects/project-award.service';

/** The test's 赛马制 plan: Σ tranches = 600 001 元 (odd on purpose: remainders), the midterm on milestone 2. */
export const PLAN: ProjectAward['milestones'] = [
  { title: '方案设计与仿真', deliverables: ['技术方案', '仿真报告'], dueOffsetDays: 30, trancheYuan: 100_001, midterm: false },
  { title: '样机试制', deliverables: ['样机一台'], dueOffsetDays: 120, trancheYuan: 300_000, midterm: true },
  { title: '中试验证', deliverables: ['中试报告'], dueOffsetDays: 240, trancheYuan: 200_000, midterm: false },
];

export type Party = 'enterprise' | 'otherEnterprise' | 'bureau' | 'district' | 'otherDistrict' | 'solver' | 'team' | 'expert';

export interface ProjectsTestApp {
  svc: RunningApp;
  database: string;
  namespace: string;
  api: string;
  tokens: Record<Party, string>;
  /** Awards a 榜单 directly through `createForAward` in a transaction of the app's DataSource. */
  award(overrides?: Partial<ProjectAward>): Promise<{ challengeId: string; projectIds: string[]; applicationIds: string[] }>;
  outbox(projectId: string): Promise<{ type: string; envelope: any }[]>;
  stop(): Promise<void>;
}

export async function startProjects(env: Record<string, string> = {}): Promise<ProjectsTestApp> {
  const database = await freshDatabase('challenge');
  const namespace = await freshNamespace();
  const svc = await startServiceApp(AppModule.forRoot(loadConfig(testEnv(database, namespace, env))));
  const parties: Party[] = ['enterprise', 'otherEnterprise', 'bureau', 'district', 'otherDistrict', 'solver', 'team', 'expert'];
  const tokens = Object.fromEntries(await Promise.all(parties.map(async (p) => [p, await mintToken(principals[p])]))) as Record<Party, string>;
  const awards = svc.app.get(ProjectAwardService);
  const ds = svc.app.get<DataSource>(getDataSourceToken());

  return {
    svc,
    database,
    namespace,
    api: `${svc.url}/api/v1`,
    tokens,
    async award(overrides = {}) {
      const challengeId = randomUUID();
      const horseRace = (overrides.mode ?? 'HORSE_RACE') === 'HORSE_RACE';
      const solvers = [
        { solverOrgId: principals.solver.orgId, solverName: '重庆大学材料科学与工程学院', solverRole: 'solver' as const },
        { solverOrgId: principals.team.orgId, solverName: '精密铸造特派员团', solverRole: 'team' as const },
      ].slice(0, horseRace ? 2 : 1);
      const winners = solvers.map((s, i) => ({ ...s, applicationId: randomUUID(), profileId: randomUUID(), projectId: randomUUID(), rank: i + 1 }));
      const award: ProjectAward = {
        challengeId,
        title: '压铸模具热裂纹导致寿命不足',
        mode: 'HORSE_RACE',
        eliminationPolicy: 'REALLOCATE_TO_SURVIVORS',
        maxRectificationRounds: 1,
        milestones: PLAN,
        enterpriseOrgId: principals.enterprise.orgId,
        enterpriseName: '重庆渝江铝业压铸有限公司',
        districtCode: '500112',
        winners,
        ...overrides,
      };
      await ds.transaction((em) => awards.createForAward(em, award, { actor: { id: 'jiebang-timers', role: 'system' }, correlationId: `award-${challengeId}` }));
      return { challengeId, projectIds: award.winners.map((w) => w.projectId), applicationIds: award.winners.map((w) => w.applicationId) };
    },
    outbox: (projectId) => query(database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [projectId]),
    async stop() {
      await svc.app.get(TimerQueue).queue.obliterate({ force: true });
      await svc.close();
      await deleteNamespace(namespace);
    },
  };
}

export const call = (t: ProjectsTestApp, method: string, path: string, party: Party, body?: unknown) => http(method, `${t.api}${path}`, { token: t.tokens[party], body });

/** matching's `application.contracted`, fixture-shaped, on the namespaced topic; resolves once the project runs. */
export async function sign(t: ProjectsTestApp, projectId: string, applicationId: string, sequence = 10): Promise<void> {
  const f = JSON.parse(readFileSync(resolve(__dirname, '../../../../libs/contracts/fixtures/application.contracted.v1.json'), 'utf8'));
  const event = { ...f, id: randomUUID(), subject: applicationId, sequence, data: { ...f.data, projectId, contractedAt: new Date().toISOString() } };
  await produceRaw(t.namespace, STREAMS.application.topic, [{ key: applicationId, value: JSON.stringify(event) }]);
  await eventually(async () => {
    const res = await call(t, 'GET', `/projects/${projectId}`, 'bureau');
    if (res.body.status !== 'IN_PROGRESS') throw new Error(`still ${res.body.status}`);
  });
}

export const DELIVERABLES = { deliverables: ['阶段技术报告'], attachments: [{ name: '报告.pdf', url: 'files/report.pdf' }] };
