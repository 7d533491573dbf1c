import { Injectable } from '@nestjs/common';
import { projectTerminatedV1, type TerminationCause } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import type { EntityManager } from 'typeorm';
import { releaseShares } from './ledger.domain';
import * as domain from './project.domain';
import { fact, ProjectWriter, type Fact, type Loaded } from './project.writer';
import type { Race } from './projects.store';
import { ReviewClock } from './review-clock';

/**
 * Ends a project (the bureau's decision, nobody signed, failed acceptance past the last round): its planned money not
 * yet approved is retained by the challenge. `decided` is the decision that ends in TERMINATED; `before` its facts.
 */
@Injectable()
export class ProjectTermination {
  constructor(
    private readonly writer: ProjectWriter,
    private readonly reviewClock: ReviewClock,
  ) {}

  async terminate(em: EntityManager, race: Race, target: Loaded, cause: TerminationCause, reason: string, ctx: CommandContext, decided?: domain.Decision, before: Fact[] = []) {
    const decision = decided ?? domain.terminate(target, cause, reason, ctx.actor, new Date());
    const released = releaseShares(race.ledger, target.project.id, 'TERMINATE', []);
    await this.writer.saveLedger(em, race, released.tranches);
    const at = decision.transitions.at(-1)!.at.toISOString();
    const events = await this.writer.commit(em, target, decision, [
      ...before,
      fact(projectTerminatedV1, { cause, reason, retainedYuan: released.retainedYuan, terminatedAt: at }),
    ], ctx);
    await this.reviewClock.cancel(em, target.project.id);
    return { decision, events };
  }
}
