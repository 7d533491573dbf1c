import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal, ServiceRecord } from '@jiebang/contracts';
import type { CommandContext } from '@jiebang/messaging';
import { startSlaClock } from '@jiebang/timers';
import { DataSource, type EntityManager } from 'typeorm';
import type { Step } from './dispatch.domain';
import { acceptOffer, declineOffer } from './dispatch-offer.domain';
import { deliver, logService, resumeService, startService, waitForEnterprise } from './dispatch-service.domain';
import type { ServiceRecordBody } from './dispatch.dto';
import { DispatchClocks } from './dispatch-clocks';
import { dispatchNotFound, DispatchService } from './dispatch.service';
import { DispatchSteps } from './dispatch-steps';
import type { StoredDispatch } from './dispatch.store';
import { DispatchStore } from './dispatch.store';
import { orderNeed, TeamEligibility } from './team-eligibility';

/** The team's commands on a dispatch it was offered: the caller's organisation is the team. */
@Injectable()
export class DispatchTeamService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dispatches: DispatchService,
    private readonly store: DispatchStore,
    private readonly steps: DispatchSteps,
    private readonly clocks: DispatchClocks,
    private readonly eligibility: TeamEligibility,
  ) {}

  accept(id: string, p: Principal, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (_em, s, team, now) => {
      const sla = startSlaClock(this.clocks.serviceSla(s.order.urgency), now) as ReturnType<typeof startSlaClock> & { status: 'RUNNING' };
      return acceptOffer(s, team, sla, ctx.actor, now);
    });
  }

  decline(id: string, p: Principal, reason: string, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (em, s, team, now) => declineOffer(s, team, reason, await this.nextOffer(em, s, now), ctx.actor, now));
  }

  start(id: string, p: Principal, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (_em, s, team, now) => startService(s, team, ctx.actor, now));
  }

  wait(id: string, p: Principal, reason: string, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (_em, s, team, now) => waitForEnterprise(s, team, reason, ctx.actor, now));
  }

  resume(id: string, p: Principal, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (_em, s, team, now) => resumeService(s, team, ctx.actor, now));
  }

  deliver(id: string, p: Principal, summary: string, ctx: CommandContext) {
    return this.asTeam(id, p, ctx, async (_em, s, team, now) => deliver(s, team, summary, ctx.actor, now));
  }

  async log(id: string, p: Principal, body: ServiceRecordBody, ctx: CommandContext): Promise<ServiceRecord> {
    const record: ServiceRecord = { recordId: randomUUID(), ...body };
    await this.asTeam(
      id,
      p,
      ctx,
      async (em, s, team, now) => {
        const step = logService(s, team, record.recordId, ctx.actor, now);
        await this.store.insertRecord(em, id, team, record, ctx.actor.id, now);
        return step;
      },
      record,
    );
    return record;
  }

  /** What the next offer of this dispatch would be: due after OFFER_RESPONSE_TIME, excluded teams skipped. */
  async nextOffer(em: EntityManager, s: StoredDispatch, now: Date) {
    const rest = s.lineup.slice(s.cursor).map((t) => t.profileId);
    return {
      newOfferId: randomUUID,
      dueAt: this.clocks.offerDueAt(now),
      districtDueAt: this.clocks.districtDueAt(now),
      excluded: rest.length ? await this.eligibility.exclusions(em, orderNeed(s.order), rest, now) : new Map<string, string>(),
    };
  }

  private async asTeam(
    id: string,
    p: Principal,
    ctx: CommandContext,
    decide: (em: EntityManager, s: StoredDispatch, teamProfileId: string, now: Date) => Promise<Step>,
    record?: ServiceRecord,
  ) {
    const saved = await this.ds.transaction(async (em) => {
      const current = await this.dispatches.lockVisible(em, id, p);
      // The caller's team: the one its organisation was offered this order as (a team never acts for another).
      const team = [...current.offers].reverse().find((o) => o.team.orgId === p.orgId)?.team;
      if (!team) throw dispatchNotFound(id);
      const step = await decide(em, current, team.profileId, new Date());
      await this.steps.commit(em, current, step, ctx, { record });
      return step;
    });
    await this.steps.afterCommit(saved);
    return saved.state;
  }
}
