import { randomUUID } from 'node:crypto';
import type { Principal } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, query } from '@jiebang/testing';
import type { RunningSystem } from './system';

/**
 * The parties of the 揭榜挂帅 walk and the HTTP steps they take against the running system. Each step asserts its
 * own status so a failing walk names the step; waiting on facts that cross the broker goes through `eventually`.
 */
export interface Actor {
  principal: Principal;
  token: string;
}

export async function actor(principal: Principal): Promise<Actor> {
  return { principal, token: await mintToken(principal) };
}

export async function solverActor(orgId: string, orgName: string): Promise<Actor> {
  return actor({ sub: `u-${orgId}`, role: 'solver', orgId, orgName });
}

export async function expertActor(sub: string): Promise<Actor> {
  return actor({ sub, role: 'expert', orgId: 'org-expert-pool' });
}

export const PROPOSAL = {
  approach: '基于真空辅助高压铸造与局部挤压的气孔控制方案，配合模流仿真优化浇排系统。',
  members: [{ name: '李教授', role: '负责人', title: '教授' }],
  budget: [{ item: '试验材料', amountYuan: 120_000 }],
  timeline: [{ milestoneIndex: 1, plan: '完成方案与仿真' }],
};

export class Walk {
  readonly challenges: string;
  readonly matching: string;

  constructor(readonly system: RunningSystem) {
    this.challenges = `${system.urls.challenge}/api/v1`;
    this.matching = `${system.urls.matching}/api/v1`;
  }

  /** A call that must answer `status`; returns the body. */
  async ok(who: Actor, method: string, url: string, body?: unknown, status = 200) {
    const res = await http(method, url, { token: who.token, body });
    if (res.status !== status) throw new Error(`${who.principal.role} ${method} ${url} → ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
    return res.body;
  }

  call(who: Actor, method: string, url: string, body?: unknown) {
    return http(method, url, { token: who.token, body });
  }

  challenge(who: Actor, id: string) {
    return this.ok(who, 'GET', `${this.challenges}/challenges/${id}`);
  }

  /** Waits for challenge-service to show the 榜单 in `status` (facts from matching arrive over Kafka). */
  async challengeReaches(who: Actor, id: string, status: string, timeoutMs = 30_000) {
    return eventually(async () => {
      const body = await this.challenge(who, id);
      expect(body.status).toBe(status);
      return body;
    }, timeoutMs, 200);
  }

  async applicationReaches(who: Actor, id: string, status: string, timeoutMs = 30_000) {
    return eventually(async () => {
      const body = await this.ok(who, 'GET', `${this.matching}/applications/${id}`);
      expect(body.status).toBe(status);
      return body;
    }, timeoutMs, 200);
  }

  async projectReaches(who: Actor, id: string, status: string, timeoutMs = 30_000) {
    return eventually(async () => {
      const body = await this.ok(who, 'GET', `${this.challenges}/projects/${id}`);
      expect(body.status).toBe(status);
      return body;
    }, timeoutMs, 200);
  }

  /** Draft → submitted → vetted → approved → published, by the enterprise and the bureau. */
  async publish(enterprise: Actor, bureau: Actor, content: object): Promise<string> {
    const draft = await this.ok(enterprise, 'POST', `${this.challenges}/challenges`, content, 201);
    expect(draft.status).toBe('DRAFT');
    const id = draft.id as string;
    for (const [who, path, status] of [
      [enterprise, 'submit', 'SUBMITTED'],
      [bureau, 'vetting/start', 'UNDER_VETTING'],
      [bureau, 'vetting/approve', 'APPROVED'],
      [bureau, 'publish', 'PUBLISHED'],
    ] as const) {
      expect((await this.ok(who, 'POST', `${this.challenges}/challenges/${id}/${path}`)).status).toBe(status);
    }
    return id;
  }

  /** The bureau registers an expert of the pool with an account (`ownerId`) and the organisations it must avoid. */
  async expertProfile(bureau: Actor, name: string, owner: Actor, affiliations: string[] = []): Promise<string> {
    const id = randomUUID();
    await this.ok(bureau, 'PUT', `${this.matching}/profiles/${id}`, {
      kind: 'expert',
      name,
      orgId: 'org-expert-pool',
      orgName: '重庆市科技专家库',
      districtCode: '500106',
      fields: ['light-metal'],
      capabilities: '铝合金压铸工艺、铸件缺陷分析与质量控制评审',
      keywords: ['压铸', '气孔'],
      maxLoad: 10,
      affiliations,
      ownerId: owner.principal.sub,
    }, 201);
    return id;
  }

  /** A solver registers its own organisation's profile (its type and qualifications decide eligibility). */
  async solverProfile(solver: Actor, orgType: string, qualifications: string[] = []): Promise<string> {
    const id = randomUUID();
    await this.ok(solver, 'PUT', `${this.matching}/profiles/${id}`, {
      kind: 'solver',
      name: `${solver.principal.orgName}课题组`,
      orgName: solver.principal.orgName,
      districtCode: '500106',
      fields: ['light-metal'],
      capabilities: '铝合金压铸缺陷诊断与工艺优化',
      orgType,
      qualifications,
    }, 201);
    return id;
  }

  /** 揭榜须知: accepted in challenge-service, known to matching once the fact has crossed the broker. */
  async acceptTerms(solver: Actor, challengeId: string): Promise<void> {
    await this.ok(solver, 'POST', `${this.challenges}/challenges/${challengeId}/terms/accept`);
    await eventually(async () => {
      const rows = await query(this.system.databases.matching, 'SELECT 1 FROM challenge_terms_acceptances WHERE challenge_id = $1 AND org_id = $2', [challengeId, solver.principal.orgId]);
      expect(rows).toHaveLength(1);
    }, 30_000, 200);
  }

  /** matching-service knows the 榜单 as published (its read model is fed by challenge.published). */
  async knownAs(challengeId: string, status: string): Promise<void> {
    await eventually(async () => {
      expect(await query(this.system.databases.matching, 'SELECT status FROM known_challenges WHERE id = $1', [challengeId])).toEqual([{ status }]);
    }, 30_000, 200);
  }

  async draftApplication(solver: Actor, challengeId: string, profileId: string, approach = PROPOSAL.approach): Promise<string> {
    const created = await this.ok(solver, 'POST', `${this.matching}/applications`, { challengeId, profileId, proposal: { ...PROPOSAL, approach } }, 201);
    return created.id as string;
  }

  async apply(solver: Actor, challengeId: string, profileId: string, approach?: string): Promise<string> {
    const id = await this.draftApplication(solver, challengeId, profileId, approach);
    expect((await this.ok(solver, 'POST', `${this.matching}/applications/${id}/submit`)).status).toBe('SUBMITTED');
    return id;
  }

  /** The facts matching published on the review stream of one 榜单 (its outbox, in order). */
  async reviewFacts(challengeId: string) {
    return query<{ type: string; envelope: any }>(
      this.system.databases.matching,
      `SELECT type, envelope FROM outbox WHERE key = $1 AND topic LIKE '%jiebang.review' ORDER BY position`,
      [challengeId],
    );
  }

  async reviewFact(challengeId: string, type: string, nth = 1) {
    return eventually(async () => {
      const found = (await this.reviewFacts(challengeId)).filter((f) => f.type === type);
      expect(found.length).toBeGreaterThanOrEqual(nth);
      return found[nth - 1].envelope;
    }, 30_000, 200);
  }

  /** Runs the HiGHS assignment and returns the finished run (with its exclusions) before confirming it. */
  async assign(bureau: Actor, challengeId: string, body: object) {
    const accepted = await this.ok(bureau, 'POST', `${this.matching}/challenges/${challengeId}/review/assignment`, body, 202);
    const run = await eventually(async () => {
      const res = await this.ok(bureau, 'GET', `${this.matching}/matching/assignments/${accepted.id}`);
      expect(res.status).toBe('COMPLETED');
      return res;
    }, 60_000, 250);
    return { runId: accepted.id as string, run };
  }

  /** Every open review of this 榜单 the expert holds gets the scores `scoreOf(applicationId)` gives. */
  async scoreAll(expert: Actor, challengeId: string, scoreOf: (applicationId: string) => number) {
    const own = await this.ok(expert, 'GET', `${this.matching}/reviews`);
    const open = own.items.filter((r: any) => r.challengeId === challengeId && r.status === 'ASSIGNED');
    for (const r of open) {
      const s = scoreOf(r.applicationId);
      await this.ok(expert, 'PUT', `${this.matching}/reviews/${r.id}/score`, { technical: s, team: s, feasibility: s, comments: `综合评价 ${s} 分` });
    }
    return open.map((r: any) => r.applicationId as string);
  }

  async reviewsOf(expert: Actor, challengeId: string): Promise<{ applicationId: string; status: string }[]> {
    const own = await this.ok(expert, 'GET', `${this.matching}/reviews`);
    return own.items.filter((r: any) => r.challengeId === challengeId);
  }

  milestone(projectId: string, n: number, verb: string) {
    return `${this.challenges}/projects/${projectId}/milestones/${n}/${verb}`;
  }
}

export const DELIVERABLES = { deliverables: ['阶段技术报告'], attachments: [{ name: '阶段报告.pdf', url: 'files/report.pdf' }] };

export const { enterprise: ENTERPRISE, bureau: BUREAU } = principals;
