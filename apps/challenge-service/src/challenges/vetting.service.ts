import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeApprovedV1, challengeRejectedV1, challengeReturnedV1, challengeVettingStartedV1 } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource } from 'typeorm';
import { move } from './challenge-lifecycle.domain';
import type { Challenge } from './challenge.entity';
import { challengeRef } from './challenge.events';
import { ChallengeWriter } from './challenge.writer';

/** 专家论证 by the bureau: start, then approve, return for changes, or reject. Leaving SUBMITTED stops the vetting clock. */
@Injectable()
export class VettingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
  ) {}

  start(id: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = move(current, 'startVetting', ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
      const data = { ...challengeRef(state), startedAt: transition.at.toISOString() };
      const event = await this.outbox.append(em, challengeVettingStartedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  approve(id: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = move(current, 'approve', ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
      const data = { ...challengeRef(state), approvedAt: transition.at.toISOString() };
      const event = await this.outbox.append(em, challengeApprovedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  return(id: string, comments: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = move(current, 'return', ctx.actor, new Date(), comments);
      const saved = await this.writer.save(em, current, state, transition.at);
      const data = { ...challengeRef(state), comments, returnedAt: transition.at.toISOString() };
      const event = await this.outbox.append(em, challengeReturnedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  reject(id: string, reason: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition } = move(current, 'reject', ctx.actor, new Date(), reason);
      const saved = await this.writer.save(em, current, state, transition.at);
      const data = { ...challengeRef(state), reason, rejectedAt: transition.at.toISOString() };
      const event = await this.outbox.append(em, challengeRejectedV1, { subject: id, sequence: state.version, data }, ctx);
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }
}
