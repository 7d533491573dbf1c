import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  challengeWithdrawalDeniedV1,
  challengeWithdrawalRequestedV1,
  challengeWithdrawnV1,
  type Principal,
} from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource } from 'typeorm';
import { challengeApplicationsStore as applications } from './challenge-applications.store';
import { decideWithdrawal, withdraw } from './challenge-lifecycle.domain';
import type { Challenge } from './challenge.entity';
import { challengeRef } from './challenge.events';
import { ChallengeWriter } from './challenge.writer';

/** 撤榜: the enterprise withdraws before publication, or requests it after; the bureau decides a request. */
@Injectable()
export class WithdrawalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
  ) {}

  withdraw(id: string, principal: Principal, reason: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadOwnForUpdate(em, id, principal);
      const result = withdraw(current, reason, ctx.actor, new Date());
      const { state, transition } = result;
      const saved = await this.writer.save(em, current, state, transition.at);
      const at = transition.at.toISOString();
      const event =
        result.kind === 'withdrawn'
          ? await this.outbox.append(
              em,
              challengeWithdrawnV1,
              {
                subject: id,
                sequence: state.version,
                data: { ...challengeRef(state), reason, viaRequest: false, decisionReason: null, applicants: await applications.applicants(em, id), withdrawnAt: at },
              },
              ctx,
            )
          : await this.outbox.append(
              em,
              challengeWithdrawalRequestedV1,
              { subject: id, sequence: state.version, data: { ...challengeRef(state), reason, requestedAt: at } },
              ctx,
            );
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }

  decide(id: string, approved: boolean, reason: string, ctx: CommandContext): Promise<Challenge> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.loadForBureau(em, id);
      const { state, transition, requestReason } = decideWithdrawal(current, approved, reason, ctx.actor, new Date());
      const saved = await this.writer.save(em, current, state, transition.at);
      const at = transition.at.toISOString();
      const event = approved
        ? await this.outbox.append(
            em,
            challengeWithdrawnV1,
            {
              subject: id,
              sequence: state.version,
              data: { ...challengeRef(state), reason: requestReason, viaRequest: true, decisionReason: reason, applicants: await applications.applicants(em, id), withdrawnAt: at },
            },
            ctx,
          )
        : await this.outbox.append(
            em,
            challengeWithdrawalDeniedV1,
            { subject: id, sequence: state.version, data: { ...challengeRef(state), reason, requestReason, deniedAt: at } },
            ctx,
          );
      await this.writer.record(em, state, transition, event.id, ctx);
      return saved;
    });
  }
}
