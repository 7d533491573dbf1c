import { Injectable } from '@nestjs/common';
import { projectCreatedV1, type challengeAwardedV1, type EventOf, type FullChallengeContent } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { openLedger } from './ledger.domain';
import * as domain from './project.domain';
import type { ProjectRow } from './project.entity';
import { ProjectsStore } from './projects.store';
import { partiesOf } from './project.writer';

/** A winner as `challenge.awarded` names it, with its place in the review ranking. */
export type AwardWinner = EventOf<typeof challengeAwardedV1>['data']['winners'][number] & { rank: number };

/** What the award transaction knows of the 榜单 and its winners; the projects' ids are the award's. */
export interface ProjectAward extends Pick<FullChallengeContent, 'title' | 'mode' | 'eliminationPolicy' | 'maxRectificationRounds' | 'milestones'> {
  challengeId: string;
  enterpriseOrgId: string;
  enterpriseName: string;
  districtCode: string;
  winners: AwardWinner[];
}

/** AWARDED creates the projects: PENDING_CONTRACT, milestones PLANNED, the ledger opened with each winner's shares. */
@Injectable()
export class ProjectAwardService {
  constructor(
    private readonly store: ProjectsStore,
    private readonly outbox: Outbox,
  ) {}

  /** Runs inside the award's transaction (`em`), so the projects exist exactly when the 榜单 is AWARDED. */
  async createForAward(em: EntityManager, award: ProjectAward, ctx: CommandContext): Promise<ProjectRow[]> {
    const now = new Date();
    const ledger = openLedger(award.mode, award.milestones.map((m) => m.trancheYuan), award.winners.map((w) => ({ projectId: w.projectId, rank: w.rank })));
    const created = award.winners.map((w) => {
      const { next, transitions } = domain.create(
        {
          id: w.projectId,
          challengeId: award.challengeId,
          title: award.title,
          mode: award.mode,
          enterpriseOrgId: award.enterpriseOrgId,
          enterpriseName: award.enterpriseName,
          districtCode: award.districtCode,
          applicationId: w.applicationId,
          solverOrgId: w.solverOrgId,
          solverName: w.solverName,
          solverRole: w.solverRole,
          profileId: w.profileId,
          rank: w.rank,
          eliminationPolicy: award.mode === 'HORSE_RACE' ? award.eliminationPolicy : null,
          maxRectificationRounds: award.maxRectificationRounds,
          milestones: award.milestones.map(({ title, deliverables, dueOffsetDays, midterm }) => ({ title, deliverables, dueOffsetDays, midterm })),
        },
        ctx.actor,
        now,
      );
      const project = { ...next.project, applicationSequence: 0, createdAt: now, updatedAt: now } as ProjectRow;
      return { next: { project, milestones: next.milestones }, transitions };
    });
    await this.store.insertRace(em, award.challengeId, created.map((c) => c.next), ledger);
    for (const { next, transitions } of created) {
      const shares = ledger.map((t) => t.shares.find((s) => s.projectId === next.project.id)!);
      const event = await this.outbox.append(
        em,
        projectCreatedV1,
        {
          subject: next.project.id,
          sequence: next.project.version,
          data: {
            ...partiesOf(next.project),
            rank: next.project.rank,
            milestones: next.milestones.map((m, i) => ({
              index: m.index,
              title: m.title,
              deliverables: m.deliverables,
              dueOffsetDays: m.dueOffsetDays,
              midterm: m.midterm,
              plannedYuan: shares[i].plannedYuan,
            })),
            plannedYuan: shares.reduce((sum, s) => sum + s.plannedYuan, 0),
            createdAt: now.toISOString(),
          },
        },
        ctx,
      );
      await this.store.audit(em, next.project.id, transitions, event.id);
    }
    return created.map((c) => c.next.project);
  }
}
