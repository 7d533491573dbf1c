import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals } from '@jiebang/testing';
import type { Page } from '@playwright/test';
import { expectAccessible, SERVICE_URLS } from './fixtures';

/**
 * Arranging the 揭榜挂帅 lifecycle through the APIs, so each browser test starts where its role's job begins and
 * depends on no other test and no seed data. Names carry a per-test suffix: the system is shared by the run.
 */

/** The demo sign-ins' claims (seeds/demo-accounts.json: sub is `demo-<username>`), for arranging as that person. */
export const demo = {
  solver: { sub: 'demo-cqu', role: 'solver', orgId: 'org-sol-cqu-materials', name: '孙立华', orgName: '重庆大学材料科学与工程学院' },
  expert: { sub: 'demo-expert', role: 'expert', orgId: 'org-expert-pool', name: '吴海燕' },
} as const;

/** Who applies: a solver or a team organisation. */
export type Applicant = {
  sub: string;
  role: 'solver' | 'team';
  orgId: string;
  [claim: string]: unknown;
};

export const suffix = () => randomUUID().slice(0, 6);
export const challengeApi = () => `${SERVICE_URLS.challenge}/api/v1`;
export const matchingApi = () => `${SERVICE_URLS.matching}/api/v1`;

async function ok<T = any>(what: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await call;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const content = (title: string, over: object = {}) => ({
  title,
  description: '电驱壳体压铸件机加工后端面出现气孔，打压泄漏率约 6%，目前靠浸渗补漏。',
  indicators: ['气密性泄漏率 ≤ 0.5%', '气孔率 ≤ 1%'],
  keywords: ['压铸', '气孔'],
  fields: ['light-metal'],
  bountyYuan: 1_000_000,
  deadline: '2027-12-31',
  researchContent: '真空压铸工艺窗口与模具排气结构优化（保密）',
  durationMonths: 12,
  milestones: [
    { title: '工艺方案设计', deliverables: ['工艺方案报告'], dueOffsetDays: 60, trancheYuan: 400_000, midterm: false },
    { title: '小批量验证', deliverables: ['验证报告', '样件'], dueOffsetDays: 300, trancheYuan: 600_000, midterm: false },
  ],
  ...over,
});

/** A 榜单 of the demo enterprise, submitted, vetted and published by the bureau; its id. */
export async function publishedChallenge(title: string, over: object = {}): Promise<string> {
  const enterprise = await mintToken(principals.enterprise);
  const bureau = await mintToken(principals.bureau);
  const { id } = await ok<{ id: string }>('drafting', http('POST', `${challengeApi()}/challenges`, { token: enterprise, body: content(title, over) }));
  await ok('submitting', http('POST', `${challengeApi()}/challenges/${id}/submit`, { token: enterprise }));
  for (const step of ['vetting/start', 'vetting/approve', 'publish']) await ok(step, http('POST', `${challengeApi()}/challenges/${id}/${step}`, { token: bureau }));
  return id;
}

/** A solver (or team) organisation's matching profile, registered by itself. */
export async function applicantProfile(claims: Applicant, name: string, orgType = 'university'): Promise<string> {
  const id = randomUUID();
  await ok(
    'registering the applicant profile',
    http('PUT', `${matchingApi()}/profiles/${id}`, {
      token: await mintToken(claims),
      body: { kind: claims.role, name, orgName: name, districtCode: '500106', capabilities: '铝合金压铸缺陷分析，真空压铸工艺，模流仿真', keywords: ['压铸', '气孔'], fields: ['light-metal'], orgType },
    }),
  );
  return id;
}

/** An expert in the pool, with an account (`ownerId`); affiliations make it 回避 for those organisations. */
export async function expertProfile(name: string, ownerId: string, affiliations: string[] = []): Promise<string> {
  const id = randomUUID();
  await ok(
    'registering the expert',
    http('PUT', `${matchingApi()}/profiles/${id}`, {
      token: await mintToken(principals.bureau),
      body: {
        kind: 'expert', name, orgId: 'org-expert-pool', orgName: '重庆市科技专家库', districtCode: '500106', fields: ['light-metal'],
        capabilities: '铝合金压铸工艺与缺陷诊断，真空压铸，铸件气密性检测', keywords: ['压铸', '气孔'], maxLoad: 5, affiliations, ownerId,
      },
    }),
  );
  return id;
}

const proposal = {
  approach: '真空辅助压铸结合局部挤压，优化模具排气与浇注系统，配合 X 射线检测闭环调参。',
  members: [{ name: '孙立华', role: '项目负责人', title: '教授' }],
  budget: [{ item: '材料与试制', amountYuan: 500_000 }],
  timeline: [{ milestoneIndex: 1, plan: '完成工艺方案与模流仿真' }],
  consortium: [],
};

/** The organisation accepts the terms and applies; waits for matching to know the 榜单 and the acceptance. */
export async function applied(challengeId: string, claims: Applicant, profileId: string): Promise<string> {
  const token = await mintToken(claims);
  await ok('accepting the terms', http('POST', `${challengeApi()}/challenges/${challengeId}/terms/accept`, { token }));
  const created = await eventually(() => ok<{ id: string }>('drafting the application', http('POST', `${matchingApi()}/applications`, { token, body: { challengeId, profileId, proposal } })), 20_000, 250);
  await ok('submitting the application', http('POST', `${matchingApi()}/applications/${created.id}/submit`, { token }));
  return created.id;
}

/** The expert's own open reviews of one 榜单, scored through the API (the experts without a demo sign-in). */
export async function scoreOpenReviews(ownerId: string, challengeId: string, scores = { technical: 80, team: 75, feasibility: 78 }): Promise<number> {
  const token = await mintToken({ sub: ownerId, role: 'expert', orgId: 'org-expert-pool' });
  const { items } = await ok<{ items: { id: string; challengeId: string; status: string }[] }>('reading the reviews', http('GET', `${matchingApi()}/reviews`, { token }));
  const open = items.filter((r) => r.challengeId === challengeId && r.status === 'ASSIGNED');
  for (const r of open) await ok('scoring', http('PUT', `${matchingApi()}/reviews/${r.id}/score`, { token, body: { ...scores, comments: '方案可行，团队经验充分。' } }));
  return open.length;
}

export { ok };

/** axe after the page's CSS transitions have run (a menu item changing selection is mid-fade otherwise). */
export async function accessibleWhenSettled(page: Page, what: string): Promise<void> {
  // Endless ones (a spinner, a wave effect) never finish and change no colours that matter here.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await expectAccessible(page, what);
}
