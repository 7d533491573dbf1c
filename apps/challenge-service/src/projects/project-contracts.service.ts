import { Injectable, Logger } from '@nestjs/common';
import {
  projectSolverReplacedV1,
  projectStartedV1,
  type applicationContractedV1,
  type applicationForfeitedV1,
  type applicationPromotedV1,
  type Envelope,
  type EventOf,
} from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import * as domain from './project.domain';
import { ProjectTermination } from './project-termination';
import { fact, ProjectWriter, type Loaded } from './project.writer';
import { ProjectsStore } from './projects.store';

const ctxOf = (event: Envelope): CommandContext => ({ actor: event.actor, correlationId: event.correlationId, causationId: event.id });

/**
 * matching-service's facts about signing (签约), forfeiture and 递补, applied to the pending project. Each applies
 * only to the project's current application and only if newer than the last fact applied from it; anything else is
 * a replay or out of date and changes nothing.
 */
@Injectable()
export class ProjectContractsService {
  private readonly log = new Logger(ProjectContractsService.name);

  constructor(
    private readonly writer: ProjectWriter,
    private readonly store: ProjectsStore,
    private readonly termination: ProjectTermination,
  ) {}

  async contracted(event: EventOf<typeof applicationContractedV1>, em: EntityManager): Promise<void> {
    const locked = await this.pending(em, event.data.projectId, event.subject, event.sequence);
    if (!locked) return;
    const { target } = locked;
    const decision = domain.contract(target, new Date(event.data.contractedAt), event.actor, new Date());
    const first = decision.next.milestones[0];
    await this.writer.commit(
      em,
      target,
      decision,
      [fact(projectStartedV1, { milestone: { index: first.index, title: first.title, dueAt: first.dueAt!.toISOString() }, startedAt: decision.transitions[0].at.toISOString() })],
      ctxOf(event),
    );
    await this.store.recordApplicationSequence(em, target.project.id, event.sequence);
  }

  /** 递补: the promoted reserve replaces the forfeited winner, whichever of the two facts arrives first. */
  async promoted(event: EventOf<typeof applicationPromotedV1>, em: EntityManager): Promise<void> {
    const locked = await this.pending(em, event.data.projectId, event.data.replacesApplicationId, 0);
    if (!locked) return;
    const { target } = locked;
    const d = event.data;
    const solver = { applicationId: event.subject, solverOrgId: d.applicantOrgId, solverName: d.applicantName, solverRole: d.applicantRole, profileId: d.profileId, rank: d.rank };
    const decision = domain.replaceSolver(target, solver, event.actor, new Date());
    const p = target.project;
    await this.writer.commit(
      em,
      target,
      decision,
      [
        fact(projectSolverReplacedV1, {
          previous: { applicationId: p.applicationId, solverOrgId: p.solverOrgId, solverName: p.solverName, solverRole: p.solverRole, profileId: p.profileId },
          replacedAt: decision.transitions[0].at.toISOString(),
        }),
      ],
      ctxOf(event),
    );
    await this.store.recordApplicationSequence(em, p.id, event.sequence);
  }

  /** Forfeited with no reserve left: nobody will sign, the project is terminated. With a promotion, 递补 follows. */
  async forfeited(event: EventOf<typeof applicationForfeitedV1>, em: EntityManager): Promise<void> {
    if (event.data.promotedApplicationId !== null) return;
    const locked = await this.pending(em, event.data.projectId, event.subject, event.sequence);
    if (!locked) return;
    await this.termination.terminate(em, locked.race, locked.target, 'forfeited', '中选单位未在规定期限内签约，且无递补单位', ctxOf(event));
  }

  private async pending(em: EntityManager, projectId: string, applicationId: string, sequence: number) {
    const race = await this.store.lockRace(em, projectId);
    const target = race?.projects.find((p) => p.project.id === projectId) as Loaded | undefined;
    if (!race || !target) {
      this.log.warn(`application fact for unknown project ${projectId}: ignored`);
      return null;
    }
    const p = target.project;
    if (p.status !== 'PENDING_CONTRACT' || p.applicationId !== applicationId || (sequence > 0 && sequence <= p.applicationSequence)) return null;
    return { race, target };
  }
}
