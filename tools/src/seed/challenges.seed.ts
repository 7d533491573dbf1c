import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../demo-organisations';
import { profileDirectory } from './matching.seed';
import { count, expectOk, waitFor, type SeedContext } from './seed-context';

interface DemoChallenge {
  enterpriseOrgId: string;
  target: string;
  phase?: 'timers';
  applicants?: string[];
  draftApplicants?: string[];
  ineligible?: string[];
  questions?: { q: string; a: string | null }[];
  objection?: string;
  project?: 'PENDING_CONTRACT' | 'CONTRACTED' | 'PAID';
  returnComments?: string;
  rejectReason?: string;
  withdrawReason?: string;
  withdrawAt?: 'SUBMITTED' | 'PUBLISHED';
  content: Record<string, unknown> & { title: string };
}

interface Experts {
  experts: { id: string; ownerId: string; name: string }[];
}

/**
 * Demo 榜单 from seeds/challenges.json, each driven to its `target` state through the APIs a real run uses: the
 * enterprise drafts and submits; the bureau vets, returns, rejects, approves, publishes; solvers accept the terms,
 * apply (matching-service) and ask questions; the bureau checks the applications, closes early (`POST …/close`),
 * assigns experts (HiGHS, 回避), the experts score, the bureau completes the round; someone objects during 公示;
 * the 公示 timer awards; winners sign, submit a milestone, the enterprise approves and pays the tranche.
 *
 * Resumable and idempotent: a 榜单 is known by its title (per enterprise) and every step starts from the state the
 * services report, so a second run does nothing and an interrupted one carries on. A state reached through another
 * service's fact is waited for (`factWaitMs`); the 公示 → AWARDED step waits for the timer (`timerWaitMs`): with the
 * normal 7-day PUBLIC_NOTICE_PERIOD it is left in 公示 and said so (`npm run up` seeds it with the demo settings).
 */
export async function seedChallenges(ctx: SeedContext): Promise<void> {
  const { challenges } = JSON.parse(readFileSync(resolve(SEEDS_DIR, 'challenges.json'), 'utf8')) as { challenges: DemoChallenge[] };
  const wanted = challenges.filter((c) => ctx.phase === 'all' || c.phase === 'timers');
  const driver = new ChallengeDriver(ctx);
  let created = 0;
  for (const demo of wanted) {
    const { id, isNew } = await driver.ensure(demo);
    if (isNew) created++;
    const reached = await driver.drive(demo, id);
    if (reached !== demo.target) ctx.log(`challenges: "${demo.content.title}" left in ${reached} (target ${demo.target}): ${driver.why ?? ''}`);
    count(ctx, `challenge:${reached}`);
  }
  ctx.log(`challenges: ${created} created, ${wanted.length - created} already there`);
}

class ChallengeDriver {
  private readonly ch: string;
  private readonly ma: string;
  why: string | undefined;
  private readonly experts: Experts['experts'];

  constructor(private readonly ctx: SeedContext) {
    this.ch = `${ctx.urls.challenge}/api/v1`;
    this.ma = `${ctx.urls.matching}/api/v1`;
    this.experts = (JSON.parse(readFileSync(resolve(SEEDS_DIR, 'experts.json'), 'utf8')) as Experts).experts;
  }

  private bureau = () => this.ctx.tokenFor('bureau');

  async ensure(demo: DemoChallenge): Promise<{ id: string; isNew: boolean }> {
    const token = await this.ctx.tokenFor(demo.enterpriseOrgId);
    const existing = await expectOk<{ items: { id: string; title: string }[] }>(this.ctx, 'listing challenges', 'GET', `${this.ch}/challenges?pageSize=100`, token);
    const found = existing.items.find((c) => c.title === demo.content.title);
    if (found) return { id: found.id, isNew: false };
    const draft = await expectOk<{ id: string }>(this.ctx, `creating "${demo.content.title}"`, 'POST', `${this.ch}/challenges`, token, demo.content);
    return { id: draft.id, isNew: true };
  }

  private owner = '';

  /** As the owning enterprise: it sees its 榜单 in every state (the bureau does not see drafts). */
  private async status(id: string): Promise<string> {
    return (await expectOk<{ status: string }>(this.ctx, 'reading a challenge', 'GET', `${this.ch}/challenges/${id}`, await this.ctx.tokenFor(this.owner))).status;
  }

  /** Waits for the challenge to leave `from` (a fact from another service or a timer); the new status, or `from`. */
  private async leave(id: string, from: string, ms: number, why: string): Promise<string> {
    const next = await waitFor(async () => {
      const s = await this.status(id);
      return s === from ? undefined : s;
    }, ms);
    if (!next) this.why = why;
    return next ?? from;
  }

  async drive(demo: DemoChallenge, id: string): Promise<string> {
    this.why = undefined;
    this.owner = demo.enterpriseOrgId;
    const ent = await this.ctx.tokenFor(demo.enterpriseOrgId);
    const bureau = await this.bureau();
    const post = (who: string, path: string, body?: unknown) => expectOk(this.ctx, `"${demo.content.title}" ${path}`, 'POST', `${this.ch}/challenges/${id}${path}`, who, body);
    for (let step = 0; step < 30; step++) {
      const status = await this.status(id);
      if (status === demo.target) {
        if (status === 'PUBLISHED') await this.applications(demo, id);
        if (status === 'IN_PUBLIC_NOTICE' && demo.objection) await this.object(demo, id);
        if (status === 'AWARDED') await this.projects(demo, id);
        return status;
      }
      switch (status) {
        case 'DRAFT':
        case 'RETURNED':
          if (status === 'RETURNED' && demo.target === 'RETURNED') return status;
          await post(ent, '/submit');
          break;
        case 'SUBMITTED':
          if (demo.target === 'WITHDRAWN' && demo.withdrawAt === 'SUBMITTED') await post(ent, '/withdraw', { reason: demo.withdrawReason });
          else await post(bureau, '/vetting/start');
          break;
        case 'UNDER_VETTING':
          if (demo.target === 'RETURNED') await post(bureau, '/vetting/return', { comments: demo.returnComments });
          else if (demo.target === 'REJECTED') await post(bureau, '/vetting/reject', { reason: demo.rejectReason });
          else await post(bureau, '/vetting/approve');
          break;
        case 'APPROVED':
          await post(bureau, '/publish');
          break;
        case 'PUBLISHED':
          await this.applications(demo, id);
          if (demo.target === 'WITHDRAWN') {
            const c = await expectOk<{ withdrawalRequest?: unknown; withdrawalRequestedAt?: unknown }>(this.ctx, 'reading', 'GET', `${this.ch}/challenges/${id}`, ent);
            if (!c.withdrawalRequest && !c.withdrawalRequestedAt) await post(ent, '/withdraw', { reason: demo.withdrawReason });
            await post(bureau, '/withdrawal/approve', { reason: '企业说明理由充分，已告知已揭榜单位，同意撤榜。' });
            break;
          }
          await this.formalCheck(demo, id);
          await post(bureau, '/close', { reason: '揭榜单位已满足评审需要，经企业同意提前截止。' });
          break;
        case 'CLOSED': {
          if (demo.target === 'FAILED') return this.leave(id, status, this.ctx.factWaitMs, '流标 needs challenge-service to apply review.formal-check-completed');
          if (!(await this.assign(id))) return status;
          const next = await this.leave(id, status, this.ctx.factWaitMs, 'UNDER_REVIEW needs challenge-service to apply review.experts-assigned');
          if (next === status) return status;
          break;
        }
        case 'UNDER_REVIEW': {
          await this.score(demo, id, demo.target !== 'UNDER_REVIEW');
          await expectOk(this.ctx, 'completing the review', 'POST', `${this.ma}/challenges/${id}/review/complete`, bureau, undefined, [200, 409]);
          const next = await this.leave(id, status, this.ctx.factWaitMs, '公示 needs challenge-service to apply review.completed');
          if (next === status) return status;
          break;
        }
        case 'IN_PUBLIC_NOTICE': {
          const next = await this.leave(id, status, this.ctx.timerWaitMs, 'the 公示 period (PUBLIC_NOTICE_PERIOD) has not ended; npm run up seeds with the demo settings');
          if (next === status) return status;
          break;
        }
        default:
          this.why = `no seed step from ${status}`;
          return status;
      }
    }
    return this.status(id);
  }

  /** Terms, applications (submitted or left in draft) and questions of the 榜单's demo applicants. */
  private async applications(demo: DemoChallenge, id: string): Promise<void> {
    const profiles = await profileDirectory(this.ctx);
    const all = [...(demo.applicants ?? []).map((o) => [o, true] as const), ...(demo.draftApplicants ?? []).map((o) => [o, false] as const)];
    for (const [orgId, submit] of all) {
      const token = await this.ctx.tokenFor(orgId, 'solver');
      const mine = await expectOk<{ items: { id: string; status: string }[] }>(this.ctx, 'own applications', 'GET', `${this.ma}/applications?challengeId=${id}`, token);
      if (mine.items.length > 0) continue;
      const profile = [...profiles.values()].find((p) => p.orgId === orgId && p.kind === 'solver');
      if (!profile) throw new Error(`no solver profile of ${orgId} to apply to "${demo.content.title}"`);
      await expectOk(this.ctx, 'accepting the terms', 'POST', `${this.ch}/challenges/${id}/terms/accept`, token, undefined, [200, 201, 409]);
      const body = { challengeId: id, profileId: profile.id, proposal: proposalOf(demo, profile.orgName) };
      // matching-service learns of the publication and of the terms from challenge-service's facts: retried until it has.
      const created = await waitFor(async () => {
        const res = await this.ctx.call<{ id: string; code?: string }>('POST', `${this.ma}/applications`, token, body);
        if (res.status === 201) return res.body;
        if (res.status === 409 || res.status === 404) return undefined;
        throw new Error(`applying to "${demo.content.title}" as ${orgId}: ${res.status} ${JSON.stringify(res.body)}`);
      }, this.ctx.factWaitMs);
      if (!created) throw new Error(`matching-service did not take the application of ${orgId} to "${demo.content.title}"`);
      if (submit) await expectOk(this.ctx, 'submitting an application', 'POST', `${this.ma}/applications/${created.id}/submit`, token);
      count(this.ctx, submit ? 'applications' : 'application drafts');
    }
    const bureau = await this.bureau();
    const asked = await expectOk<{ items?: { question: string }[] } | { question: string }[]>(this.ctx, 'questions', 'GET', `${this.ch}/challenges/${id}/questions`, bureau);
    const known = (Array.isArray(asked) ? asked : (asked.items ?? [])).map((q) => q.question);
    for (const [i, qa] of (demo.questions ?? []).entries()) {
      if (known.includes(qa.q)) continue;
      const asker = await this.ctx.tokenFor(demo.applicants?.[i % demo.applicants.length] ?? 'solver');
      const q = await expectOk<{ id: string }>(this.ctx, 'asking', 'POST', `${this.ch}/challenges/${id}/questions`, asker, { question: qa.q });
      if (qa.a) await expectOk(this.ctx, 'answering', 'POST', `${this.ch}/challenges/${id}/questions/${q.id}/answer`, await this.ctx.tokenFor(demo.enterpriseOrgId), { answer: qa.a });
    }
  }

  /** The bureau's 形式审查 of every submitted application: qualified, or refused when the demo says so. */
  private async formalCheck(demo: DemoChallenge, id: string): Promise<void> {
    const bureau = await this.bureau();
    const apps = await expectOk<{ items: { id: string; status: string; applicantOrgId: string }[] }>(this.ctx, 'applications', 'GET', `${this.ma}/applications?challengeId=${id}&pageSize=100`, bureau);
    for (const a of apps.items.filter((x) => x.status === 'SUBMITTED')) {
      const refused = demo.ineligible?.includes(a.applicantOrgId);
      await expectOk(this.ctx, 'formal check', 'POST', `${this.ma}/applications/${a.id}/formal-check`, bureau, {
        outcome: refused ? 'INELIGIBLE' : 'QUALIFIED',
        reason: refused ? '申报单位类型与资质不符合榜单揭榜条件。' : '材料齐全，符合揭榜条件。',
      });
    }
  }

  /** Expert assignment over every demo expert (HiGHS leaves out the 回避 pairs), confirmed. False when refused. */
  private async assign(id: string): Promise<boolean> {
    const bureau = await this.bureau();
    const run = await waitFor(async () => {
      const res = await this.ctx.call<{ id: string; code?: string }>('POST', `${this.ma}/challenges/${id}/review/assignment`, bureau, {
        k: 2,
        maxPerExpert: 4,
        expertIds: this.experts.map((e) => e.id),
      });
      if (res.status === 202) return res.body;
      if (res.status === 409 && res.body.code === 'REVIEW_FORMAL_CHECK_PENDING') return undefined;
      this.why = `assignment refused: ${res.status} ${JSON.stringify(res.body)}`;
      return null;
    }, this.ctx.factWaitMs);
    if (!run) return false;
    const done = await waitFor(async () => {
      const r = await expectOk<{ status: string }>(this.ctx, 'assignment run', 'GET', `${this.ma}/matching/assignments/${run.id}`, bureau);
      return r.status === 'COMPLETED' || r.status === 'FAILED' ? r.status : undefined;
    }, this.ctx.factWaitMs);
    if (done !== 'COMPLETED') {
      this.why = `assignment run ${run.id} ${done ?? 'did not finish'}`;
      return false;
    }
    await expectOk(this.ctx, 'confirming the assignment', 'POST', `${this.ma}/challenges/${id}/review/assignment/${run.id}/confirm`, bureau);
    return true;
  }

  /** Every assigned expert scores (or, for a round left open, only the first expert of each application). */
  private async score(demo: DemoChallenge, id: string, all: boolean): Promise<void> {
    const rankOf = new Map<string, number>();
    const apps = await expectOk<{ items: { id: string; applicantOrgId: string }[] }>(this.ctx, 'applications', 'GET', `${this.ma}/applications?challengeId=${id}&pageSize=100`, await this.bureau());
    for (const a of apps.items) rankOf.set(a.id, Math.max(0, (demo.applicants ?? []).indexOf(a.applicantOrgId)));
    const scoredApps = new Set<string>();
    for (const [e, expert] of this.experts.entries()) {
      const token = await this.ctx.tokenAs({ sub: expert.ownerId, role: 'expert', orgId: 'org-expert-pool', name: expert.name, orgName: '重庆市科技评审专家库' });
      const own = await expectOk<{ items: { id: string; challengeId: string; applicationId: string; status: string }[] }>(this.ctx, 'own reviews', 'GET', `${this.ma}/reviews`, token);
      for (const r of own.items.filter((x) => x.challengeId === id && x.status === 'ASSIGNED')) {
        if (!all && scoredApps.has(r.applicationId)) continue;
        scoredApps.add(r.applicationId);
        const rank = rankOf.get(r.applicationId) ?? 0;
        const base = 88 - rank * 7 + (e % 3);
        await expectOk(this.ctx, 'scoring', 'PUT', `${this.ma}/reviews/${r.id}/score`, token, {
          technical: base,
          team: base - 3,
          feasibility: base - 1,
          comments: rank === 0 ? '技术路线清晰，前期基础扎实，指标可达。' : '方案可行，但关键指标的验证方案不够充分。',
        });
        count(this.ctx, 'review scores');
      }
    }
  }

  /** An objection (异议) during 公示 by an applicant that was not proposed; the bureau has it to decide. */
  private async object(demo: DemoChallenge, id: string): Promise<void> {
    const objector = await this.ctx.tokenFor(demo.applicants?.at(-1) ?? 'solver');
    const mine = await this.ctx.call<{ items?: unknown[] } | unknown[]>('GET', `${this.ch}/challenges/${id}/objections`, objector);
    const list = Array.isArray(mine.body) ? mine.body : (mine.body?.items ?? []);
    if (mine.status === 200 && list.length > 0) return;
    await expectOk(this.ctx, 'lodging an objection', 'POST', `${this.ch}/challenges/${id}/objections`, objector, { reasons: [demo.objection], evidence: [] });
    count(this.ctx, 'objections');
  }

  /** After the award: the winners sign (matching), and on the paid one the first milestone is submitted, approved and paid. */
  private async projects(demo: DemoChallenge, id: string): Promise<void> {
    if (!demo.project || demo.project === 'PENDING_CONTRACT') return;
    const bureau = await this.bureau();
    const selected = await waitFor(async () => {
      const apps = await expectOk<{ items: { id: string; status: string; applicantOrgId: string }[] }>(this.ctx, 'applications', 'GET', `${this.ma}/applications?challengeId=${id}&pageSize=100`, bureau);
      const winners = apps.items.filter((a) => a.status === 'SELECTED' || a.status === 'CONTRACTED');
      return winners.length > 0 ? winners : undefined;
    }, this.ctx.factWaitMs);
    if (!selected) {
      this.why = 'no application was SELECTED after the award';
      return;
    }
    for (const a of selected.filter((x) => x.status === 'SELECTED')) {
      await expectOk(this.ctx, 'signing', 'POST', `${this.ma}/applications/${a.id}/sign`, await this.ctx.tokenFor(a.applicantOrgId, 'solver'));
    }
    const projects = await waitFor(async () => {
      const list = await expectOk<{ items: { id: string; status: string; solverOrgId?: string }[] }>(this.ctx, 'projects', 'GET', `${this.ch}/projects?challengeId=${id}`, bureau);
      return list.items.length >= selected.length && list.items.every((p) => p.status !== 'PENDING_CONTRACT' && p.status !== 'CONTRACTED') ? list.items : undefined;
    }, this.ctx.factWaitMs);
    if (!projects) {
      this.why = 'the projects did not start after signing';
      return;
    }
    if (demo.project !== 'PAID') return;
    const project = await expectOk<{ id: string; solverOrgId: string; milestones: { index?: number; status: string; plannedYuan?: number; paidYuan?: number }[] }>(
      this.ctx,
      'project',
      'GET',
      `${this.ch}/projects/${projects[0].id}`,
      bureau,
    );
    const first = project.milestones[0];
    const path = `${this.ch}/projects/${project.id}/milestones/1`;
    const ent = await this.ctx.tokenFor(demo.enterpriseOrgId);
    if (first.status === 'ACTIVE') {
      await expectOk(this.ctx, 'milestone submit', 'POST', `${path}/submit`, await this.ctx.tokenFor(project.solverOrgId, 'solver'), {
        deliverables: ['缺陷机理分析报告：气孔主要为卷气型，集中在远浇口端', '改进工艺方案：增设真空排气通道，优化二快切换点'],
        attachments: [{ name: '阶段技术报告.pdf', url: 'files/seed/phase-1-report.pdf' }],
      });
    }
    if (['ACTIVE', 'SUBMITTED'].includes(first.status)) await expectOk(this.ctx, 'milestone approve', 'POST', `${path}/approve`, ent);
    const now = await expectOk<{ milestones: { status: string; plannedYuan?: number; approvedYuan?: number; trancheYuan?: number }[] }>(this.ctx, 'project', 'GET', `${this.ch}/projects/${project.id}`, bureau);
    const m1 = now.milestones[0];
    if (m1.status === 'APPROVED') {
      const amountYuan = m1.approvedYuan ?? m1.plannedYuan ?? m1.trancheYuan;
      await expectOk(this.ctx, 'tranche payment', 'POST', `${path}/payments`, ent, { amountYuan, reference: '渝江财付〔2027〕018 号' });
      count(this.ctx, 'tranches paid');
    }
  }
}

function proposalOf(demo: DemoChallenge, orgName: string) {
  const kw = (demo.content.keywords as string[] | undefined)?.slice(0, 3).join('、') ?? '';
  return {
    approach: `${orgName}围绕「${demo.content.title}」，以${kw}为主线，先开展机理分析与现场诊断，再进行工艺优化与小批验证，最后形成可推广的技术规范。`,
    members: [
      { name: '陈志明', role: '项目负责人', title: '教授' },
      { name: '李婷', role: '技术骨干', title: '副研究员' },
      { name: '王磊', role: '试验工程师' },
    ],
    budget: [
      { item: '材料与试验费', amountYuan: Math.round((demo.content.bountyYuan as number) * 0.4) },
      { item: '设备与测试费', amountYuan: Math.round((demo.content.bountyYuan as number) * 0.3) },
    ],
    timeline: ((demo.content.milestones as { title: string }[] | undefined) ?? []).map((m, i) => ({ milestoneIndex: i + 1, plan: `完成${m.title}` })),
    consortium: [],
  };
}
