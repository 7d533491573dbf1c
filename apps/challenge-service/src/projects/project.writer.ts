import { Injectable } from '@nestjs/common';
import { DomainError, type EventDefinition, type EventOf, type Principal, type ProjectParties } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { z } from 'zod';
import type { Tranche } from './ledger.domain';
import type { Decision, Project, ProjectState } from './project.domain';
import type { MilestoneRow, ProjectRow } from './project.entity';
import { ProjectsStore, type Race } from './projects.store';

export const notFound = (id: string) => DomainError.notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看', { id });

/** What every project fact carries: who the project is between. */
export function partiesOf(p: ProjectState): ProjectParties {
  return {
    challengeId: p.challengeId,
    title: p.title,
    mode: p.mode,
    enterpriseOrgId: p.enterpriseOrgId,
    enterpriseName: p.enterpriseName,
    districtCode: p.districtCode,
    applicationId: p.applicationId,
    solverOrgId: p.solverOrgId,
    solverName: p.solverName,
    solverRole: p.solverRole,
    profileId: p.profileId,
  };
}

/** A fact to publish: its definition and its data less the parties, which the writer adds. */
export interface Fact<D extends EventDefinition = EventDefinition> {
  definition: D;
  data: Omit<z.input<D['data']>, keyof ProjectParties>;
}
export const fact = <D extends EventDefinition>(definition: D, data: Fact<D>['data']): Fact<D> => ({ definition, data });

/** Who may command a project: the solver its own, the enterprise its 榜单's, the bureau any. Others: not found. */
export function ownedBy(p: ProjectState, principal: Principal, party: 'solver' | 'enterprise' | 'bureau'): boolean {
  if (party === 'solver') return (principal.role === 'solver' || principal.role === 'team') && p.solverOrgId === principal.orgId;
  if (party === 'enterprise') return principal.role === 'enterprise' && p.enterpriseOrgId === principal.orgId;
  return principal.role === 'bureau' || principal.role === 'admin';
}

export type Loaded = Project & { project: ProjectRow; milestones: MilestoneRow[] };

/** Writes a decision on one project: its rows, its facts (one sequence each, in order), its audit entries. */
@Injectable()
export class ProjectWriter {
  constructor(
    private readonly store: ProjectsStore,
    private readonly outbox: Outbox,
  ) {}

  /** The race of a project and that project, locked; not found unless `principal` (if given) is the right party. */
  async lock(em: Parameters<ProjectsStore['lockRace']>[0], id: string, who?: { principal: Principal; party: 'solver' | 'enterprise' | 'bureau' }) {
    const race = await this.store.lockRace(em, id);
    const target = race?.projects.find((p) => p.project.id === id);
    if (!race || !target || (who && !ownedBy(target.project, who.principal, who.party))) throw notFound(id);
    return { race, target: target as Loaded };
  }

  async commit(
    em: Parameters<ProjectsStore['lockRace']>[0],
    before: Project,
    decision: Decision,
    facts: Fact[],
    ctx: CommandContext,
    submission?: Pick<MilestoneRow, 'index' | 'submission'>,
  ): Promise<EventOf<EventDefinition>[]> {
    await this.store.saveProject(em, before, decision.next, submission);
    const parties = partiesOf(decision.next.project);
    const events: EventOf<EventDefinition>[] = [];
    const first = decision.next.project.version - facts.length + 1;
    for (const [i, f] of facts.entries()) {
      events.push(await this.outbox.append(em, f.definition, { subject: before.project.id, sequence: first + i, data: { ...parties, ...f.data } }, ctx));
    }
    await this.store.audit(em, before.project.id, decision.transitions, events[0]?.id ?? null);
    return events;
  }

  saveLedger(em: Parameters<ProjectsStore['lockRace']>[0], race: Race, after: Tranche[]): Promise<void> {
    return this.store.saveLedger(em, race.challengeId, race.ledger, after);
  }
}
