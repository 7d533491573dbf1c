import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { challengeTermsAcceptedV1, type ApplicantRole, type Principal } from '@jiebang/contracts';
import { Outbox, type CommandContext } from '@jiebang/messaging';
import { DataSource } from 'typeorm';
import type { Transition } from './challenge.domain';
import { PUBLIC_STATES } from './challenge.scope';
import { challengeNotFound, ChallengeWriter } from './challenge.writer';
import { termsStore } from './terms.store';

/** 接受揭榜条款: a solver or team accepts the terms of a published 榜单 and may then see its confidential fields. */
@Injectable()
export class TermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly writer: ChallengeWriter,
  ) {}

  /** Accepting twice is accepting once: the second call answers with the first acceptance and tells nobody again. */
  accept(id: string, principal: Principal, ctx: CommandContext): Promise<{ challengeId: string; orgId: string; acceptedAt: Date }> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.writer.lockForUpdate(em, id);
      if (!current || !PUBLIC_STATES.includes(current.status)) throw challengeNotFound(id);
      const at = new Date();
      if (!(await termsStore.accept(em, id, principal.orgId, principal.role, at))) {
        return { challengeId: id, orgId: principal.orgId, acceptedAt: (await termsStore.acceptedAt(em, id, principal.orgId))! };
      }
      // A fact on the challenge stream takes the next aggregate version, so consumers keep its order.
      const state = { ...current, version: current.version + 1 };
      await this.writer.save(em, current, state, at);
      const data = { orgId: principal.orgId, role: principal.role as ApplicantRole, acceptedAt: at.toISOString() };
      const event = await this.outbox.append(em, challengeTermsAcceptedV1, { subject: id, sequence: state.version, data }, ctx);
      const transition: Transition = {
        from: current.status,
        to: current.status,
        actor: ctx.actor,
        reason: null,
        changes: { termsAcceptedBy: { from: null, to: principal.orgId } },
        at,
      };
      await this.writer.audit(em, id, transition, event.id);
      return { challengeId: id, orgId: principal.orgId, acceptedAt: at };
    });
  }
}
