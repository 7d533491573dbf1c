import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@jiebang/contracts';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Tranche } from './ledger.domain';
import { ShareRow, TrancheRow } from './ledger.entity';
import type { Project, Transition } from './project.domain';
import { MilestoneRow, ProjectRow } from './project.entity';
import { ProjectTransitionRow } from './project-transition.entity';

/** Every project of one 榜单 as one unit of work: its rows locked, milestones and the challenge's ledger loaded. */
export interface Race {
  challengeId: string;
  projects: (Project & { project: ProjectRow })[];
  ledger: Tranche[];
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function changed<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !same(before[k as keyof T], v))) as Partial<T>;
}

/**
 * Which projects a caller may read, as a WHERE clause: the solver its own, the enterprise its 榜单's, the district
 * office its district's, the bureau all; anyone else none.
 */
export function scopeProjects<T extends object>(qb: SelectQueryBuilder<T>, p: Principal, alias = 'p'): SelectQueryBuilder<T> {
  switch (p.role) {
    case 'solver':
    case 'team':
      return qb.andWhere(`${alias}.solver_org_id = :orgId`, { orgId: p.orgId });
    case 'enterprise':
      return qb.andWhere(`${alias}.enterprise_org_id = :orgId`, { orgId: p.orgId });
    case 'district':
      return qb.andWhere(`${alias}.district_code = :district`, { district: p.districtCode });
    case 'bureau':
    case 'admin':
      return qb;
    default:
      return qb.andWhere('false');
  }
}

/** The SQL of projects, milestones, the ledger and the audit trail. */
@Injectable()
export class ProjectsStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Locks every project of the 榜单 the project belongs to, in id order: eliminations and terminations move money
   * between siblings, so all commands on a race serialise, and always take their locks in the same order.
   */
  async lockRace(em: EntityManager, projectId: string): Promise<Race | null> {
    const [row] = await em.query(`SELECT challenge_id FROM projects WHERE id = $1`, [projectId]);
    if (!row) return null;
    const challengeId: string = row.challenge_id;
    const rows = await em.find(ProjectRow, { where: { challengeId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const milestones = await em.find(MilestoneRow, { where: { projectId: In(rows.map((r) => r.id)) }, order: { index: 'ASC' } });
    return {
      challengeId,
      projects: rows.map((project) => ({ project, milestones: milestones.filter((m) => m.projectId === project.id) })),
      ledger: await this.ledger(em, challengeId, rows),
    };
  }

  async ledger(em: EntityManager, challengeId: string, projects: Pick<ProjectRow, 'id' | 'rank'>[]): Promise<Tranche[]> {
    const tranches = await em.find(TrancheRow, { where: { challengeId }, order: { milestoneIndex: 'ASC' } });
    const shares = await em.find(ShareRow, { where: { challengeId }, order: { milestoneIndex: 'ASC', projectId: 'ASC' } });
    const rank = new Map(projects.map((p) => [p.id, p.rank]));
    return tranches.map((t) => ({
      milestoneIndex: t.milestoneIndex,
      trancheYuan: t.trancheYuan,
      retainedYuan: t.retainedYuan,
      shares: shares
        .filter((s) => s.milestoneIndex === t.milestoneIndex)
        .map((s) => ({ projectId: s.projectId, rank: rank.get(s.projectId) ?? 0, milestoneIndex: s.milestoneIndex, plannedYuan: s.plannedYuan, approvedYuan: s.approvedYuan, paidYuan: s.paidYuan }))
        .sort((a, b) => a.rank - b.rank),
    }));
  }

  async insertRace(em: EntityManager, challengeId: string, projects: (Project & { project: ProjectRow })[], ledger: Tranche[]): Promise<void> {
    await em.insert(ProjectRow, projects.map((p) => em.create(ProjectRow, p.project)));
    await em.insert(
      MilestoneRow,
      projects.flatMap((p) => p.milestones.map((m) => em.create(MilestoneRow, { ...m, projectId: p.project.id, submission: null }))),
    );
    await em.insert(
      TrancheRow,
      ledger.map((t) => ({ challengeId, milestoneIndex: t.milestoneIndex, trancheYuan: t.trancheYuan, retainedYuan: t.retainedYuan })),
    );
    await em.insert(
      ShareRow,
      ledger.flatMap((t) => t.shares.map(({ rank: _rank, ...s }) => ({ ...s, challengeId }))),
    );
  }

  /** One UPDATE per row that changed, of the columns that changed. */
  async saveProject(em: EntityManager, before: Project, after: Project, extra: Partial<MilestoneRow> & { index?: number } = {}): Promise<void> {
    const columns = changed(before.project, after.project);
    if (Object.keys(columns).length > 0) await em.update(ProjectRow, { id: before.project.id }, { ...columns, updatedAt: new Date() });
    for (const m of after.milestones) {
      const old = before.milestones.find((x) => x.index === m.index)!;
      const set: Partial<MilestoneRow> = { ...changed(old, m), ...(extra.index === m.index ? { submission: extra.submission } : {}) };
      if (Object.keys(set).length > 0) await em.update(MilestoneRow, { projectId: before.project.id, index: m.index }, set);
    }
  }

  async saveLedger(em: EntityManager, challengeId: string, before: Tranche[], after: Tranche[]): Promise<void> {
    for (const t of after) {
      const old = before.find((x) => x.milestoneIndex === t.milestoneIndex)!;
      if (old.retainedYuan !== t.retainedYuan) {
        await em.update(TrancheRow, { challengeId, milestoneIndex: t.milestoneIndex }, { retainedYuan: t.retainedYuan });
      }
      for (const s of t.shares) {
        const o = old.shares.find((x) => x.projectId === s.projectId)!;
        if (o.plannedYuan !== s.plannedYuan || o.approvedYuan !== s.approvedYuan || o.paidYuan !== s.paidYuan) {
          await em.update(ShareRow, { projectId: s.projectId, milestoneIndex: s.milestoneIndex }, { plannedYuan: s.plannedYuan, approvedYuan: s.approvedYuan, paidYuan: s.paidYuan });
        }
      }
    }
  }

  async audit(em: EntityManager, projectId: string, transitions: (Transition | (Omit<Transition, 'kind'> & { kind: 'ledger' }))[], eventId: string | null): Promise<void> {
    if (transitions.length === 0) return;
    await em.insert(
      ProjectTransitionRow,
      transitions.map((t) => ({
        projectId,
        milestoneIndex: t.milestoneIndex,
        kind: t.kind,
        fromStatus: t.from,
        toStatus: t.to,
        actorId: t.actor.id,
        actorRole: t.actor.role,
        actorOrgId: t.actor.orgId ?? null,
        reason: t.reason,
        changes: t.changes,
        eventId,
        at: t.at,
      })),
    );
  }

  /** Sets the last applied sequence of the current application's stream. */
  async recordApplicationSequence(em: EntityManager, projectId: string, sequence: number): Promise<void> {
    await em.update(ProjectRow, { id: projectId }, { applicationSequence: sequence });
  }

  // Reads, scoped to the caller in SQL: another party's project is simply not found.

  findVisible(id: string, p: Principal): Promise<ProjectRow | null> {
    return scopeProjects(this.ds.getRepository(ProjectRow).createQueryBuilder('p'), p).andWhere('p.id = :id', { id }).getOne();
  }

  list(p: Principal, q: { status?: string; challengeId?: string; page: number; pageSize: number }): Promise<[ProjectRow[], number]> {
    const qb = scopeProjects(this.ds.getRepository(ProjectRow).createQueryBuilder('p'), p);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.challengeId) qb.andWhere('p.challenge_id = :challengeId', { challengeId: q.challengeId });
    return qb.orderBy('p.created_at', 'DESC').addOrderBy('p.rank', 'ASC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
  }

  milestones(projectId: string): Promise<MilestoneRow[]> {
    return this.ds.getRepository(MilestoneRow).find({ where: { projectId }, order: { index: 'ASC' } });
  }

  history(projectId: string): Promise<ProjectTransitionRow[]> {
    return this.ds.getRepository(ProjectTransitionRow).find({ where: { projectId }, order: { id: 'ASC' } });
  }

  shares(projectId: string): Promise<ShareRow[]> {
    return this.ds.getRepository(ShareRow).find({ where: { projectId }, order: { milestoneIndex: 'ASC' } });
  }

  /** A 榜单's projects for its ledger: the enterprise its own 榜单's, the bureau any. */
  challengeProjects(challengeId: string, p: Principal): Promise<ProjectRow[]> {
    if (p.role !== 'enterprise' && p.role !== 'bureau' && p.role !== 'admin') return Promise.resolve([]);
    return scopeProjects(this.ds.getRepository(ProjectRow).createQueryBuilder('p'), p)
      .andWhere('p.challenge_id = :challengeId', { challengeId })
      .orderBy('p.rank', 'ASC')
      .getMany();
  }

  challengeLedger(challengeId: string, projects: ProjectRow[]): Promise<Tranche[]> {
    return this.ledger(this.ds.manager, challengeId, projects);
  }
}
