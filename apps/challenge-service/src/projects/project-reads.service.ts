import { Injectable } from '@nestjs/common';
import { DomainError, type Principal } from '@jiebang/contracts';
import type { ListProjectsQuery } from './project.dto';
import { notFound } from './project.writer';
import { ProjectsStore } from './projects.store';

/** Reads, each scoped to the caller in SQL (another party's project → 404). */
@Injectable()
export class ProjectReadsService {
  constructor(private readonly store: ProjectsStore) {}

  async list(principal: Principal, query: ListProjectsQuery) {
    const [items, total] = await this.store.list(principal, query);
    return { items, total };
  }

  /** The project with its milestones, each with its share of the tranche. */
  async get(id: string, principal: Principal) {
    const project = await this.visible(id, principal);
    const [milestones, shares] = await Promise.all([this.store.milestones(id), this.store.shares(id)]);
    return {
      ...project,
      milestones: milestones.map(({ projectId: _p, ...m }) => {
        const s = shares.find((x) => x.milestoneIndex === m.index)!;
        return { ...m, plannedYuan: s.plannedYuan, approvedYuan: s.approvedYuan, paidYuan: s.paidYuan };
      }),
    };
  }

  async ledger(id: string, principal: Principal) {
    await this.visible(id, principal);
    const shares = await this.store.shares(id);
    const sum = (k: 'plannedYuan' | 'approvedYuan' | 'paidYuan') => shares.reduce((a, s) => a + s[k], 0);
    return {
      projectId: id,
      milestones: shares.map(({ milestoneIndex, plannedYuan, approvedYuan, paidYuan }) => ({ milestoneIndex, plannedYuan, approvedYuan, paidYuan })),
      totals: { plannedYuan: sum('plannedYuan'), approvedYuan: sum('approvedYuan'), paidYuan: sum('paidYuan') },
    };
  }

  /** The 榜单's whole ledger: per tranche, every project's share and what the challenge retained. */
  async challengeLedger(challengeId: string, principal: Principal) {
    const projects = await this.store.challengeProjects(challengeId, principal);
    if (projects.length === 0) throw DomainError.notFound('CHALLENGE_LEDGER_NOT_FOUND', '榜单不存在、尚未定榜或无权查看', { id: challengeId });
    const tranches = await this.store.challengeLedger(challengeId, projects);
    return {
      challengeId,
      projects: projects.map((p) => ({ id: p.id, status: p.status, rank: p.rank, solverName: p.solverName })),
      tranches: tranches.map((t) => ({
        milestoneIndex: t.milestoneIndex,
        trancheYuan: t.trancheYuan,
        retainedYuan: t.retainedYuan,
        shares: t.shares.map(({ rank: _r, milestoneIndex: _m, ...s }) => s),
      })),
    };
  }

  async history(id: string, principal: Principal) {
    await this.visible(id, principal);
    return this.store.history(id);
  }

  private async visible(id: string, principal: Principal) {
    const found = await this.store.findVisible(id, principal);
    if (!found) throw notFound(id);
    return found;
  }
}
